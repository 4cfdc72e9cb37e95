#include "tests/unit/t.h"
#include "util/sha256.h"

static void hex_of(const char *s, size_t n, char out[65])
{
    sha256 c;
    sha256_init(&c);
    sha256_add(&c, s, n);
    sha256_hex(&c, out);
}

int main(void)
{
    char h[65];
    hex_of("", 0, h);
    CHECK_STR(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    hex_of("abc", 3, h);
    CHECK_STR(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    hex_of(two, strlen(two), h);
    CHECK_STR(h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    /* Fed in pieces: the same digest. */
    sha256 c;
    sha256_init(&c);
    for (const char *p = two; *p; p++)
        sha256_add(&c, p, 1);
    sha256_hex(&c, h);
    CHECK_STR(h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    T_DONE();
}
