#define _GNU_SOURCE
#include "CHyphen.h"
#include <hyphen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct chy_dict {
    HyphenDict *dict;
};

chy_dict *chy_load(const uint8_t *bytes, size_t length) {
    if (bytes == NULL || length == 0) return NULL;
    /* fmemopen needs a writable buffer for some modes; copy so the caller's bytes stay untouched. */
    char *copy = malloc(length);
    if (copy == NULL) return NULL;
    memcpy(copy, bytes, length);
    FILE *f = fmemopen(copy, length, "r");
    if (f == NULL) {
        free(copy);
        return NULL;
    }
    HyphenDict *dict = hnj_hyphen_load_file(f);
    fclose(f);
    free(copy);
    if (dict == NULL) return NULL;
    if (dict->num_states <= 1) {
        hnj_hyphen_free(dict);
        return NULL;
    }
    chy_dict *d = malloc(sizeof *d);
    if (d == NULL) {
        hnj_hyphen_free(dict);
        return NULL;
    }
    d->dict = dict;
    return d;
}

void chy_free(chy_dict *dict) {
    if (dict == NULL) return;
    hnj_hyphen_free(dict->dict);
    free(dict);
}

int32_t chy_hyphenate(const chy_dict *dict, const char *word, int32_t length, int32_t left, int32_t right,
                      int32_t *points, int32_t capacity) {
    if (dict == NULL || word == NULL || length <= 0) return -1;
    if (length >= MAX_CHARS) return 0;
    char hyphens[MAX_CHARS + 5];
    char **rep = NULL;
    int *pos = NULL;
    int *cut = NULL;
    memset(hyphens, 0, sizeof hyphens);
    if (hnj_hyphen_hyphenate3(dict->dict, word, length, hyphens, NULL, &rep, &pos, &cut, left, right, 0, 0) != 0) {
        return -1;
    }
    int32_t count = 0;
    int32_t characters = 0;
    /* With a UTF-8 dictionary libhyphen indexes `hyphens` by character; count the characters of the word. */
    for (int32_t i = 0; i < length; i++) {
        if (((unsigned char)word[i] & 0xC0) != 0x80) characters++;
    }
    for (int32_t i = 0; i + 1 < characters; i++) {
        /* Non-standard hyphenation (replacements, e.g. German "ck" → "k-k") is not used for English: skip it. */
        if ((hyphens[i] & 1) && (rep == NULL || rep[i] == NULL)) {
            if (count < capacity) points[count] = i + 1;
            count++;
        }
    }
    if (rep != NULL) {
        for (int32_t i = 0; i < length; i++) free(rep[i]);
        free(rep);
    }
    free(pos);
    free(cut);
    return count < capacity ? count : capacity;
}
