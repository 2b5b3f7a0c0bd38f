/* Unit tests for src/sha256: the FIPS 180-4 test vectors, and the
 * lengths around the padding's block boundary (checked with sha256sum). */
#include <criterion/criterion.h>
#include <string.h>

#include "sha256.h"

static void check(const char *s, size_t n, const char *want)
{
	char out[SHA256_HEX_LEN];

	sha256_hex(s, n, out);
	cr_assert_str_eq(out, want, "length %zu", n);
}

Test(sha256, fips_vectors)
{
	check("", 0, "e3b0c44298fc1c149afbf4c8996fb924"
		     "27ae41e4649b934ca495991b7852b855");
	check("abc", 3, "ba7816bf8f01cfea414140de5dae2223"
			"b00361a396177a9cb410ff61f20015ad");
	check("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
	      "248d6a61d20638b8e5c026930c3e6039"
	      "a33ce45964ff2167f6ecedd419db06c1");
}

Test(sha256, lengths_around_the_padding)
{
	static char a[130];

	memset(a, 'a', sizeof a);
	check(a, 55, "9f4390f8d30c2dd92ec9f095b65e2b9a"
		     "e9b0a925a5258e241c9f1e910f734318");
	check(a, 64, "ffe054fe7ae0cb6dc65c3af9b61d5209"
		     "f439851db43d0ba5997337df154668eb");
	check(a, 119, "31eba51c313a5c08226adf18d4a359cf"
		      "dfd8d2e816b13f4af952f7ea6584dcfb");
	check(a, 130, "1e3c4f4750c8c29bbfa9ced317788176"
		      "b156d342e57f7777f62fd7221a44312f");
}
