#ifndef DOSSIER_CHARFBUZZ_SHIM_H
#define DOSSIER_CHARFBUZZ_SHIM_H
/* HarfBuzz shaping with its built-in OpenType functions; FreeType is not needed to shape. */
#include <hb.h>
#include <hb-ot.h>
#endif
