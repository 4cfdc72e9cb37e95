/* libFuzzer: the YAML config loader.  Whatever parses must also emit,
 * and the emitted text must load back to an equal config. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    config c, back;
    err e;
    if (config_parse(&c, (const char *)data, size, "fuzz.yaml", NULL, &e) == 0) {
        char *text = NULL;
        if (config_emit(&c, &text, &e) != 0) {
            fprintf(stderr, "emit failed: %s\n", e.msg);
            abort();
        }
        if (config_parse(&back, text, strlen(text), "emitted.yaml", NULL, &e) != 0) {
            fprintf(stderr, "emitted config does not load: %s\n%s\n", e.msg, text);
            abort();
        }
        if (!config_equal(&c, &back)) {
            fprintf(stderr, "emitted config loads differently:\n%s\n", text);
            abort();
        }
        config_free(&back);
        free(text);
    }
    config_free(&c);
    return 0;
}
