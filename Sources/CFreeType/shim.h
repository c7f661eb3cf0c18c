#ifndef DOSSIER_CFREETYPE_SHIM_H
#define DOSSIER_CFREETYPE_SHIM_H
/* FreeType reads the font facts the PDF font descriptor needs (names, bbox, cap height, italic angle). */
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#endif
