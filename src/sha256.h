/*
 * sha256: the SHA-256 digest (FIPS 180-4) of a byte string, as xAPI
 * needs for attachments (their sha2), written out in lower-case hex.
 */
#ifndef KC_SHA256_H
#define KC_SHA256_H
#include <stddef.h>

#define SHA256_HEX_LEN 65

/* The digest of the n bytes at data into out. */
void sha256_hex(const void *data, size_t n, char out[SHA256_HEX_LEN]);

#endif
