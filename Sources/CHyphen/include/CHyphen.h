#ifndef DOSSIER_CHYPHEN_H
#define DOSSIER_CHYPHEN_H
/* libhyphen (Hunspell's hyphenation library, TeX patterns) behind a plain C API that takes the pattern file's bytes:
   the library never opens a file itself. */
#include <stddef.h>
#include <stdint.h>

typedef struct chy_dict chy_dict;

/* Loads a libhyphen pattern file (`hyph_en_US.dic`) from memory; NULL when it cannot be parsed. */
chy_dict *chy_load(const uint8_t *bytes, size_t length);
void chy_free(chy_dict *dict);

/* Hyphenation points of one lower-case UTF-8 `word` of `length` bytes. Writes into `points` (room for `capacity`
   entries) the number of characters (Unicode scalars) before each point, ascending, and returns how many there are
   (0 when the word has none or is too long), or -1 on error. `left` and `right` are the fewest characters kept before
   the first and after the last point. Safe to call from several threads on one dictionary. */
int32_t chy_hyphenate(const chy_dict *dict, const char *word, int32_t length, int32_t left, int32_t right,
                      int32_t *points, int32_t capacity);

#endif
