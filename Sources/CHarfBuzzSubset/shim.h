#ifndef DOSSIER_CHARFBUZZSUBSET_SHIM_H
#define DOSSIER_CHARFBUZZSUBSET_SHIM_H
/* hb-subset plan API (HarfBuzz 6.0): the plan gives the old-to-new glyph mapping. */
#include <hb.h>
#include <hb-subset.h>
#endif
