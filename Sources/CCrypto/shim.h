#ifndef DOSSIER_CCRYPTO_SHIM_H
#define DOSSIER_CCRYPTO_SHIM_H
/* OpenSSL's libcrypto, for SHA-256 only: the content hash that lets a batch skip unchanged cases. */
#include <openssl/evp.h>
#endif
