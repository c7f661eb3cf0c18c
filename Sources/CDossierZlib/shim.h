#ifndef DOSSIER_CZLIB_SHIM_H
#define DOSSIER_CZLIB_SHIM_H
/* zlib: compress2 gives the RFC 1950 stream /FlateDecode wants; inflate decodes PNG data. */
#include <zlib.h>
#endif
