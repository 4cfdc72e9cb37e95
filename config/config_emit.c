/* The effective configuration as YAML text: every key, in the order of
 * catchment.yaml(5), defaults filled in. */
#include "config/config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

typedef struct outbuf {
    char *s;
    size_t len, cap;
    bool oom;
} outbuf;

static void put(outbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void put(outbuf *b, const char *fmt, ...)
{
    va_list ap;
    if (b->oom)
        return;
    for (;;) {
        va_start(ap, fmt);
        int n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
        va_end(ap);
        if (n < 0) {
            b->oom = true;
            return;
        }
        if ((size_t)n < b->cap - b->len) {
            b->len += (size_t)n;
            return;
        }
        size_t cap = (b->cap + (size_t)n) * 2;
        char *s = realloc(b->s, cap);
        if (!s) {
            b->oom = true;
            return;
        }
        b->s = s, b->cap = cap;
    }
}

/* As people write it, "20" or "2.5" (never "2e+01"): the fewest decimals
 * that read back as the same double. */
static void put_real(outbuf *b, double v)
{
    char s[400];
    for (int decimals = 0; decimals <= 17; decimals++) {
        snprintf(s, sizeof s, "%.*f", decimals, v);
        if (strtod(s, NULL) == v)
            break;
    }
    /* Too small for 17 decimals (1e-50 passes the bounds): the exponent
     * form, which always reads back the same. */
    if (strtod(s, NULL) != v)
        snprintf(s, sizeof s, "%.17g", v);
    put(b, "%s", s);
}

/* Double-quoted, so nothing in it can read as another type; the loader
 * refuses control characters, so only '"' and '\' need escaping. */
static void put_quoted(outbuf *b, const char *s)
{
    put(b, "\"");
    for (; *s; s++)
        put(b, *s == '"' || *s == '\\' ? "\\%c" : "%c", *s);
    put(b, "\"");
}

static void emit_rules(outbuf *b, const config *c)
{
    put(b, "rules:\n  max_distance_km: ");
    put_real(b, c->rules.max_distance_km);
    put(b, "\n  reasonable_km: ");
    put_real(b, c->rules.reasonable_km);
    put(b, "\n  default_headroom_pct: ");
    put_real(b, c->rules.default_headroom_pct);
    put(b, "\n  patients_per_gp_fte: %ld\n", c->rules.patients_per_gp_fte);
    put(b, "  closed_lists_receive: %s\n",
        c->rules.closed_lists_receive ? "true" : "false");
    put(b, "  choice_beta: ");
    if (c->rules.choice_beta_fitted)
        put(b, "fitted");
    else
        put_real(b, c->rules.choice_beta);
    put(b, "\n  default_policy: %s\n",
        config_policy_name(c->rules.default_policy));
    put(b, "  travel: %s\n  max_minutes: ", config_travel_name(c->rules.travel));
    put_real(b, c->rules.max_minutes);
    put(b, "\n  reasonable_minutes: ");
    put_real(b, c->rules.reasonable_minutes);
    put(b, "\n  imd_edition: %ld\n", c->rules.imd_edition);
}

/* "    key: {CODE: N, ...}" */
static void put_counts(outbuf *b, const char *key, const config_capacity *c,
                       size_t n)
{
    put(b, "    %s: {", key);
    for (size_t i = 0; i < n; i++)
        put(b, "%s%s: %ld", i ? ", " : "", c[i].code, c[i].patients);
    put(b, "}\n");
}

/* c NULL: no comment on the default policy (the scenarios file). */
static void emit_scenario(outbuf *b, const config *c, const config_scenario *s)
{
    put(b, "  - name: ");
    put_quoted(b, s->name);
    if (s->description) {
        put(b, "\n    description: ");
        put_quoted(b, s->description);
    }
    put(b, "\n    close: [");
    for (size_t i = 0; i < s->nclose; i++)
        put(b, "%s%s", i ? ", " : "", s->close[i]);
    put(b, "]\n");
    if (s->has_policy)
        put(b, "    policy: %s\n", config_policy_name(s->policy));
    else if (c)
        put(b, "    # policy: %s, from rules.default_policy\n",
            config_policy_name(c->rules.default_policy));
    put_counts(b, "capacity", s->capacity, s->ncapacity);
    put(b, "    growth_pct: ");
    put_real(b, s->growth_pct);
    put(b, "\n");
    if (s->as_at > 0)
        put(b, "    as_at: %04ld-%02ld-%02ld\n", s->as_at / 10000, s->as_at / 100 % 100,
            s->as_at % 100);
    if (s->self_register_pct > 0) {
        put(b, "    self_register_pct: ");
        put_real(b, s->self_register_pct);
        put(b, "\n    self_register_capped: %s\n",
            s->self_register_capped ? "true" : "false");
    }
    if (s->nintake)
        put_counts(b, "intake", s->intake, s->nintake);
    if (s->allocation_per_day && !s->nper_day)
        put(b, "    allocation_per_day: %ld\n", s->allocation_per_day);
    else if (s->nper_day) {
        put(b, "    allocation_per_day: {");
        if (s->allocation_per_day)
            put(b, "default: %ld, ", s->allocation_per_day);
        for (size_t i = 0; i < s->nper_day; i++)
            put(b, "%s%s: %ld", i ? ", " : "", s->per_day[i].code,
                s->per_day[i].patients);
        put(b, "}\n");
    }
}

static void emit_rest(outbuf *b, const config *c)
{
    put(b, "contracts:\n  milestones:\n");
    put(b, "    options_appraisal: %ld\n", c->milestones.options_appraisal);
    put(b, "    engagement: %ld\n", c->milestones.engagement);
    put(b, "    procurement: %ld\n", c->milestones.procurement);
    put(b, "    award: %ld\n", c->milestones.award);
    put(b, "    mobilisation: %ld\n", c->milestones.mobilisation);
    const double wt[] = {c->appraisal_weights.finance,        c->appraisal_weights.performance,
                         c->appraisal_weights.sustainability, c->appraisal_weights.size,
                         c->appraisal_weights.provision,      c->appraisal_weights.need};
    static const char *const factor[] = {"finance", "performance", "sustainability", "size",
                                         "provision", "need"};
    put(b, "  appraisal_weights:\n");
    for (int i = 0; i < 6; i++) {
        put(b, "    %s: ", factor[i]);
        put_real(b, wt[i]);
        put(b, "\n");
    }
    put(b, "ui:\n  color: %s\n  ascii: %s\n  read_only: %s\n",
        c->ui.color ? "true" : "false", c->ui.ascii ? "true" : "false",
        c->ui.read_only ? "true" : "false");
    put(b, c->nkeys ? "keys:\n" : "keys: {}\n");
    for (size_t i = 0; i < c->nkeys; i++) {
        put(b, "  ");
        put_quoted(b, c->keys[i].action);
        put(b, ": ");
        put_quoted(b, c->keys[i].key);
        put(b, "\n");
    }
}

static void emit_scenarios(outbuf *b, const config *c, bool comments)
{
    put(b, c->nscenarios ? "scenarios:\n" : "scenarios: []\n");
    for (size_t i = 0; i < c->nscenarios; i++)
        emit_scenario(b, comments ? c : NULL, &c->scenarios[i]);
}

/* The text, or out of memory; numbers in the C locale whatever the
 * user's (a comma-decimal locale would write "2,5"). */
static int finish(outbuf *b, locale_t was, char **out, err *e)
{
    uselocale(was);
    if (b->oom) {
        free(b->s);
        return err_set(e, "out of memory");
    }
    *out = b->s;
    return 0;
}

int config_emit(const config *c, char **out, err *e)
{
    outbuf b = {.s = malloc(4096), .cap = 4096};
    if (!b.s)
        return err_set(e, "out of memory");
    locale_t was = uselocale(text_c_locale());
    put(&b, "# catchment configuration: see catchment.yaml(5).\n");
    emit_rules(&b, c);
    emit_scenarios(&b, c, true);
    emit_rest(&b, c);
    return finish(&b, was, out, e);
}

int config_emit_scenarios(const config *c, char **out, err *e)
{
    outbuf b = {.s = malloc(4096), .cap = 4096};
    if (!b.s)
        return err_set(e, "out of memory");
    locale_t was = uselocale(text_c_locale());
    put(&b, "# Scenarios saved by catchment (see catchment.yaml(5)).  catchment\n"
            "# rewrites this file under a lock when it saves one: edits to the\n"
            "# scenarios are kept, comments are not (put those in config.yaml).\n");
    emit_scenarios(&b, c, false);
    return finish(&b, was, out, e);
}
