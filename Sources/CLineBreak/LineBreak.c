#include "CLineBreak.h"
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>

struct clb_breaker {
    UBreakIterator *iterator;
};

clb_breaker *clb_open(const char *locale) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open(UBRK_LINE, locale, NULL, 0, &status);
    if (U_FAILURE(status) || it == NULL) return NULL;
    clb_breaker *b = malloc(sizeof *b);
    if (b == NULL) { ubrk_close(it); return NULL; }
    b->iterator = it;
    return b;
}

void clb_close(clb_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->iterator);
    free(breaker);
}

int32_t clb_breaks(clb_breaker *breaker, const uint16_t *text, int32_t length,
                   int32_t *offsets, uint8_t *mandatory, int32_t capacity) {
    if (breaker == NULL || length < 0) return -1;
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(breaker->iterator, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return -1;
    int32_t count = 0;
    ubrk_first(breaker->iterator);
    for (int32_t pos = ubrk_next(breaker->iterator); pos != UBRK_DONE; pos = ubrk_next(breaker->iterator)) {
        if (count < capacity) {
            offsets[count] = pos;
            mandatory[count] = ubrk_getRuleStatus(breaker->iterator) >= UBRK_LINE_HARD ? 1 : 0;
        }
        count++;
    }
    return count;
}

int32_t clb_nfc(const uint16_t *text, int32_t length, uint16_t *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return -1;
    int32_t n = unorm2_normalize(nfc, (const UChar *)text, length, (UChar *)out, capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) return n;
    if (U_FAILURE(status)) return -1;
    return n;
}

int32_t clb_is_nfc(const uint16_t *text, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return 0;
    UNormalizationCheckResult r = unorm2_quickCheck(nfc, (const UChar *)text, length, &status);
    return (U_SUCCESS(status) && r == UNORM_YES) ? 1 : 0;
}
