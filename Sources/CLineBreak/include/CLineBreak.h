#ifndef DOSSIER_CLINEBREAK_H
#define DOSSIER_CLINEBREAK_H
/* ICU text services behind a plain C API, so Swift never sees an ICU header
   (system ICU clashes with Foundation's private ICU module; ICU also renames its symbols by version). */
#include <stdint.h>

/* A UAX #14 line-break iterator; one per thread. */
typedef struct clb_breaker clb_breaker;

/* Opens a line-break iterator for a BCP 47 locale ("vi", "en"); NULL on failure. */
clb_breaker *clb_open(const char *locale);
void clb_close(clb_breaker *breaker);

/* Finds the break opportunities of UTF-16 `text`. Writes up to `capacity` offsets (UTF-16, ascending, the last one
   is `length`) into `offsets`, and for each one 1 into `mandatory` if the break is mandatory (after a hard line break),
   else 0. Returns the number of breaks found (may exceed capacity: call again with more room), or -1 on error. */
int32_t clb_breaks(clb_breaker *breaker, const uint16_t *text, int32_t length,
                   int32_t *offsets, uint8_t *mandatory, int32_t capacity);

/* Writes the NFC form of UTF-16 `text` into `out`. Returns its length (may exceed capacity: call again with more
   room), or -1 on error. */
int32_t clb_nfc(const uint16_t *text, int32_t length, uint16_t *out, int32_t capacity);

/* 1 if `text` is certainly in NFC already (ICU quick check), else 0. */
int32_t clb_is_nfc(const uint16_t *text, int32_t length);

#endif
