/* Copying to the user's own clipboard over SSH: the OSC 52 sequence
 * (ESC ] 52 ; c ; base64 BEL), which xterm, iTerm2, kitty, tmux and
 * recent PuTTY pass to the local clipboard.  With CATCHMENT_CLIPBOARD set
 * the sequence goes to that file instead, so it can be tested.  What is
 * copied is the text as shown, through the output filter. */
#include "tui/internal.h"
#include "util/text.h"

#include <stdlib.h>
#include <string.h>

void clip_base64(const unsigned char *in, size_t n, char *out)
{
    static const char abc[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t o = 0;
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)in[i] << 16;
        if (i + 1 < n)
            v |= (unsigned)in[i + 1] << 8;
        if (i + 2 < n)
            v |= in[i + 2];
        out[o++] = abc[v >> 18 & 63];
        out[o++] = abc[v >> 12 & 63];
        out[o++] = i + 1 < n ? abc[v >> 6 & 63] : '=';
        out[o++] = i + 2 < n ? abc[v & 63] : '=';
    }
    out[o] = '\0';
}

int clip_copy(app *a, const char *raw)
{
    /* Through the output filter, as on the screen: a name's bidi override
     * or escape would act wherever the clipboard is pasted. */
    char *text = text_escape_dup(raw);
    size_t n = text ? strlen(text) : 0;
    char *b64 = text ? malloc(4 * ((n + 2) / 3) + 1) : NULL;
    if (!b64) {
        free(text);
        return -1;
    }
    clip_base64((const unsigned char *)text, n, b64);
    free(text);
    const char *file = getenv("CATCHMENT_CLIPBOARD");
    int rc = 0;
    if (file && *file) {
        FILE *fp = fopen(file, "w");
        rc = fp && fprintf(fp, "\033]52;c;%s\a", b64) > 0 && fclose(fp) == 0 ? 0 : -1;
    } else {
        FILE *out = a->term_out ? a->term_out : stdout;
        fprintf(out, "\033]52;c;%s\a", b64);
        fflush(out);
    }
    free(b64);
    return rc;
}
