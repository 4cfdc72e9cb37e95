#include "tests/unit/t.h"
#include "util/sha256.h"

static void hex_of(const char *s, size_t n, char out[65])
{
    sha256 c;
    sha256_init(&c);
    sha256_add(&c, s, n);
    sha256_hex(&c, out);
}

/* A million 'a's, fed in pieces of many sizes (whole blocks and parts). */
static void million(char out[65])
{
    static char a[1000];
    memset(a, 'a', sizeof a);
    sha256 c;
    sha256_init(&c);
    size_t done = 0;
    for (size_t k = 1; done < 1000000; k = k * 7 % 1000 + 1) {
        size_t n = k < 1000000 - done ? k : 1000000 - done;
        sha256_add(&c, a, n);
        done += n;
    }
    sha256_hex(&c, out);
}

/* The CPU's SHA extensions (when it has them) and the portable code give
 * the same digest for every length around the block size. */
static void both_paths_agree(void)
{
    static unsigned char data[4096];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (unsigned char)((x = x * 1103515245u + 12345u) >> 16);
    for (size_t n = 0; n < sizeof data; n += n < 300 ? 1 : 61) {
        char hw[65], sw[65];
        sha256 c;
        sha256_init(&c);
        sha256_add(&c, data, n);
        sha256_hex(&c, hw);
        sha256_portable(true);
        sha256_init(&c);
        sha256_add(&c, data, n / 3);
        sha256_add(&c, data + n / 3, n - n / 3);
        sha256_hex(&c, sw);
        sha256_portable(false);
        CHECK_STR(hw, sw);
    }
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
    million(h);
    CHECK_STR(h, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    sha256_portable(true);
    million(h);
    CHECK_STR(h, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    sha256_portable(false);
    both_paths_agree();
    T_DONE();
}
