#include <unicode/uloc.h>
#include <unicode/ustring.h>
#include <stdio.h>
int main(int argc, char **argv) {
  const char *langs[] = {"en", "es", "vi"};
  char line[16];
  while (fgets(line, sizeof line, stdin)) {
    line[2] = 0;
    char loc[8]; snprintf(loc, sizeof loc, "und_%s", line);
    printf("%s", line);
    for (int i = 0; i < 3; i++) {
      UChar buf[256]; UErrorCode err = U_ZERO_ERROR;
      int32_t n = uloc_getDisplayCountry(loc, langs[i], buf, 256, &err);
      char out[512]; int32_t m; UErrorCode e2 = U_ZERO_ERROR;
      u_strToUTF8(out, sizeof out, &m, buf, n, &e2);
      printf("\t%s", out);
    }
    printf("\n");
  }
  return 0;
}
