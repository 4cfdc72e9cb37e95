#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/config.h"
#include "tests/unit/t.h"

#define DATA "tests/data/config/"

static bool code_known(const char *code, void *ctx)
{
    (void)ctx;
    return strcmp(code, "ZZ9999") != 0;
}

static bool action_known(const char *name)
{
    return strcmp(name, "search") == 0 || strcmp(name, "quit") == 0;
}

static const config_hooks hooks = {action_known, code_known, NULL};

/* Loads a fixture expected to fail; returns the message, and checks the
 * config came back holding only the defaults. */
static const char *load_bad(const char *file)
{
    static err e;
    config c, d;
    config_init(&d);
    memset(&e, 0, sizeof e);
    int rc = config_load(&c, file, &hooks, &e);
    T_REPORT(rc == -1, "%s is refused", file);
    T_REPORT(config_equal(&c, &d) && c.nscenarios == 0 && !c.scenarios,
             "%s leaves the defaults", file);
    config_free(&c);
    return e.msg;
}

/* Parses YAML text expected to fail; returns the message. */
static const char *parse_bad(const char *text)
{
    static err e;
    config c;
    char label[64];
    memset(&e, 0, sizeof e);
    int rc = config_parse(&c, text, strlen(text), "t.yaml", &hooks, &e);
    snprintf(label, sizeof label, "%s", text);
    for (char *p = label; *p; p++)
        if (*p == '\n')
            *p = '|';
    T_REPORT(rc == -1, "refused: %s", label);
    config_free(&c);
    return e.msg;
}

static int parse_ok(config *c, const char *text)
{
    err e = {{0}};
    int rc = config_parse(c, text, strlen(text), "t.yaml", &hooks, &e);
    if (rc < 0)
        printf("unexpected error: %s\n", e.msg);
    return rc;
}

static bool has(const char *msg, const char *part)
{
    bool ok = strstr(msg, part) != NULL;
    if (!ok)
        printf("message was: %s\n", msg);
    return ok;
}

static void test_defaults(void)
{
    config c, d;
    err e;
    config_init(&d);
    CHECK_NEAR(d.rules.max_distance_km, 8, 0);
    CHECK_NEAR(d.rules.reasonable_km, 3, 0);
    CHECK_NEAR(d.rules.default_headroom_pct, 5, 0);
    CHECK_INT(d.rules.patients_per_gp_fte, 1800);
    CHECK(!d.rules.closed_lists_receive);
    CHECK_NEAR(d.rules.choice_beta, 2.0, 0);
    CHECK_INT(d.rules.default_policy, CONFIG_POLICY_OPTIMAL);
    CHECK_INT(d.milestones.options_appraisal, 18);
    CHECK_INT(d.milestones.mobilisation, 3);
    CHECK(d.ui.color && !d.ui.ascii && !d.ui.read_only);
    /* An empty file, or one of comments only, is allowed: defaults. */
    CHECK(config_load(&c, DATA "empty.yaml", &hooks, &e) == 0);
    CHECK(config_equal(&c, &d));
    CHECK_STR(c.path, DATA "empty.yaml");
    config_free(&c);
    CHECK(config_load(&c, DATA "comments-only.yaml", &hooks, &e) == 0);
    CHECK(config_equal(&c, &d));
    config_free(&c);
    CHECK(parse_ok(&c, "---\n...\n") == 0 && config_equal(&c, &d));
    config_free(&c);
    CHECK(parse_ok(&c, "rules:\nscenarios:\nkeys: {}\n") == 0);
    CHECK(config_equal(&c, &d));
    config_free(&c);
}

static void test_full(void)
{
    config c;
    err e;
    CHECK(config_load(&c, DATA "good-full.yaml", &hooks, &e) == 0);
    CHECK_NEAR(c.rules.max_distance_km, 10.5, 0);
    CHECK_NEAR(c.rules.reasonable_km, 4, 0);
    CHECK_NEAR(c.rules.default_headroom_pct, 7.5, 0);
    CHECK_INT(c.rules.patients_per_gp_fte, 2000);
    CHECK(c.rules.closed_lists_receive);
    CHECK_NEAR(c.rules.choice_beta, 1.25, 0);
    CHECK_INT(c.rules.default_policy, CONFIG_POLICY_CHOICE);
    CHECK_INT(c.nscenarios, 2);
    const config_scenario *s = config_scenario_find(&c, "broad-lane-ends");
    CHECK(s != NULL);
    if (s) {
        CHECK_STR(s->description, "Broad Lane contract ends; patients to "
                                  "neighbours");
        CHECK_INT(s->nclose, 1);
        CHECK_STR(s->close[0], "Y04952");
        CHECK(s->has_policy);
        CHECK_INT(config_scenario_policy(&c, s), CONFIG_POLICY_OPTIMAL);
        CHECK_INT(s->ncapacity, 1);
        CHECK_STR(s->capacity[0].code, "M86010");
        CHECK_INT(s->capacity[0].patients, 12000);
        CHECK_NEAR(s->growth_pct, 2.5, 0);
    }
    s = config_scenario_find(&c, "two.close_test");
    CHECK(s != NULL);
    if (s) {
        CHECK(!s->has_policy && s->description == NULL);
        CHECK_INT(config_scenario_policy(&c, s), CONFIG_POLICY_CHOICE);
        CHECK_INT(s->nclose, 2);
        CHECK_STR(s->close[0], "M86001"); /* upper-cased */
        CHECK_INT(s->ncapacity, 0);
    }
    CHECK_INT(c.milestones.options_appraisal, 24);
    CHECK_INT(c.milestones.engagement, 18);
    CHECK(!c.ui.color && c.ui.ascii && c.ui.read_only);
    CHECK_INT(c.nkeys, 2);
    CHECK_STR(c.keys[0].action, "search");
    CHECK_STR(c.keys[0].key, "/");
    CHECK_STR(c.keys[1].key, "Q");
    config_free(&c);
}

/* Emitted text loads back to an equal config, and emitting that again
 * gives the same text. */
static void round_trip(const config *c, const char *label)
{
    char *t1 = NULL, *t2 = NULL;
    config back;
    err e;
    T_REPORT(config_emit(c, &t1, &e) == 0, "%s: emit", label);
    if (!t1)
        return;
    int rc = parse_ok(&back, t1);
    T_REPORT(rc == 0 && config_equal(c, &back), "%s: loads back equal", label);
    T_REPORT(rc == 0 && config_emit(&back, &t2, &e) == 0 && strcmp(t1, t2) == 0,
             "%s: emits the same text again", label);
    config_free(&back);
    free(t1);
    free(t2);
}

static void test_round_trip(void)
{
    config c;
    err e;
    config_init(&c);
    round_trip(&c, "defaults");
    CHECK(config_load(&c, DATA "good-full.yaml", &hooks, &e) == 0);
    round_trip(&c, "good-full");
    c.rules.choice_beta = 0.1 + 0.2; /* needs 17 digits */
    c.rules.max_distance_km = 1.0 / 3.0;
    c.rules.reasonable_km = 0.1;
    round_trip(&c, "awkward reals");
    {   /* Numbers as people write them, never "2e+01". */
        char *t = NULL;
        c.rules.max_distance_km = 20;
        c.rules.reasonable_km = 2.5;
        CHECK(config_emit(&c, &t, &e) == 0);
        CHECK(t && strstr(t, "max_distance_km: 20\n") && strstr(t, "reasonable_km: 2.5\n"));
        CHECK(t && !strstr(t, "e+"));
        free(t);
        round_trip(&c, "whole and short reals");
    }
    free(c.scenarios[0].description);
    c.scenarios[0].description = strdup("say \"hi\" \\ caf\xc3\xa9 #1: [x]");
    round_trip(&c, "quotes and UTF-8 in a description");
    config_free(&c);
    CHECK(config_load(&c, "data/demo.yaml", NULL, &e) == 0);
    CHECK(c.nscenarios >= 2);
    round_trip(&c, "demo");
    config_free(&c);
}

/* The dispersal-as-run keys and "fitted": read, checked, written back. */
static void test_dispersal_keys(void)
{
    config c;
    CHECK(parse_ok(&c, "rules: {choice_beta: fitted, default_policy: demand}\n"
                       "scenarios:\n  - name: run\n    close: [A1]\n"
                       "    self_register_pct: 61\n    self_register_capped: true\n"
                       "    intake: {B2: 300, C3: 0}\n"
                       "    allocation_per_day: {default: 20, B2: 5}\n"
                       "  - {name: flat, close: [A1], allocation_per_day: 15}\n") == 0);
    CHECK(c.rules.choice_beta_fitted);
    CHECK_INT(c.rules.default_policy, CONFIG_POLICY_DEMAND);
    const config_scenario *s = &c.scenarios[0];
    CHECK_NEAR(s->self_register_pct, 61, 0);
    CHECK(s->self_register_capped);
    CHECK_INT(s->nintake, 2);
    CHECK_STR(s->intake[0].code, "B2");
    CHECK_INT(s->intake[0].patients, 300);
    CHECK_INT(s->allocation_per_day, 20);
    CHECK_INT(s->nper_day, 1);
    CHECK_INT(s->per_day[0].patients, 5);
    CHECK_INT(c.scenarios[1].allocation_per_day, 15);
    round_trip(&c, "dispersal keys");
    config copy;
    err e;
    config_init(&copy);
    CHECK(config_scenario_put(&copy, s, &e) == 0);
    CHECK(copy.nscenarios == 1 && copy.scenarios[0].nintake == 2 &&
          copy.scenarios[0].per_day[0].patients == 5);
    config_free(&copy);
    config_free(&c);
    CHECK(has(parse_bad("scenarios: [{name: x, close: [A1], self_register_pct: 101}]"),
              "self_register_pct"));
    CHECK(has(parse_bad("scenarios: [{name: x, close: [A1], intake: {A1: 5}}]"),
              "intake given for A1, which this scenario closes"));
    CHECK(has(parse_bad("scenarios: [{name: x, close: [A1], intake: {B2: -1}}]"),
              "intake"));
    CHECK(has(parse_bad("scenarios: [{name: x, close: [A1], allocation_per_day: 0}]"),
              "allocation_per_day"));
    CHECK(has(parse_bad("scenarios: [{name: x, close: [A1], "
                        "allocation_per_day: {B2: 5, B2: 6}}]"), "duplicate key"));
    CHECK(has(parse_bad("rules: {choice_beta: \"fitted\"}"), "choice_beta"));
}

static void test_hostile_files(void)
{
    CHECK_STR(load_bad(DATA "misspelt.yaml"),
              DATA "misspelt.yaml:2:3: unknown key 'max_distnce' in rules "
                   "(did you mean 'max_distance_km'?)");
    CHECK_STR(load_bad(DATA "dup-key.yaml"),
              DATA "dup-key.yaml:4:3: duplicate key 'max_distance_km' in "
                   "rules (first at line 2)");
    CHECK_STR(load_bad(DATA "out-of-range.yaml"),
              DATA "out-of-range.yaml:2:20: max_distance_km must be between "
                   "0.1 and 100 (got 150)");
    CHECK_STR(load_bad(DATA "alias-bomb.yaml"),
              DATA "alias-bomb.yaml:1:4: anchor '&a' not allowed: anchors "
                   "and aliases are not supported");
    CHECK_STR(load_bad(DATA "deep-flow.yaml"),
              DATA "deep-flow.yaml:1:39: nested deeper than 32 levels");
    CHECK_STR(load_bad(DATA "dup-scenario.yaml"),
              DATA "dup-scenario.yaml:5:11: duplicate scenario name 'same' "
                   "(first in the scenario at line 2)");
    {   /* A code the store lacks: kept, and said when the scenario runs. */
        config c;
        err e;
        CHECK(config_load(&c, DATA "unknown-code.yaml", &hooks, &e) == 0);
        CHECK(c.nscenarios == 1);
        CHECK_STR(c.scenarios[0].missing,
                  DATA "unknown-code.yaml:3:21: unknown practice code 'ZZ9999' "
                       "in close of scenario 'ghost': it is not in the store");
        CHECK(has(c.warning, "(1 scenario names a practice not in the store"));
        config_free(&c);
    }
    CHECK(has(load_bad(DATA "alias-only.yaml"), "alias-only.yaml:3:18: alias "
                                                "'*x' not allowed"));
    CHECK(has(load_bad(DATA "bad-utf8.yaml"), "bad-utf8.yaml:2:22: invalid "
                                              "leading UTF-8 octet"));
    CHECK(has(load_bad(DATA "bool-yes.yaml"), "bool-yes.yaml:2:10: color must "
                                              "be true or false, not 'yes'"));
    CHECK(has(load_bad(DATA "wrong-type-seq.yaml"),
              ":2:20: max_distance_km must be a number, not a sequence"));
    CHECK(has(load_bad(DATA "wrong-type-word.yaml"),
              ":2:20: max_distance_km must be a number, not 'eight'"));
    CHECK(has(load_bad(DATA "not-integer.yaml"),
              ":4:24: capacity must be a whole number, not '12000.5'"));
    CHECK(has(load_bad(DATA "escape-name.yaml"),
              "escape-name.yaml:2:11: name holds a control character"));
    CHECK(has(load_bad(DATA "escape-description.yaml"),
              ":3:18: description holds a control character"));
    /* Found by the config fuzzer: accepted, but not written back readably. */
    CHECK(has(parse_bad("scenarios:\n  - name: ok\n    description: \"line on\\uFFFF\"\n"
                        "    close: [M86019]\n"),
              ":3:18: description holds U+FFFE or U+FFFF"));
    CHECK(has(load_bad(DATA "two-docs.yaml"),
              "two-docs.yaml:3:1: more than one document"));
    CHECK(has(load_bad(DATA "tabs.yaml"), "tabs.yaml:2:1: found character "
                                          "that cannot start any token"));
    CHECK(has(load_bad(DATA "tabs.yaml"), "tabs cannot indent YAML"));
    CHECK(has(load_bad(DATA "unknown-tag.yaml"),
              "unknown-tag.yaml:2:20: tag '!python/object' not allowed"));
    CHECK(has(load_bad(DATA "reasonable-over-max.yaml"),
              ":3:18: reasonable_km (3) must not be more than "
              "max_distance_km (2)"));
}

static void test_hostile_text(void)
{
    CHECK_STR(parse_bad("scenario:\n  - name: x\n"),
              "t.yaml:1:1: unknown key 'scenario' in the file (did you mean "
              "'scenarios'?)");
    CHECK_STR(parse_bad("rules:\n  zz: 1\n"), "t.yaml:2:3: unknown key 'zz' "
                                              "in rules");
    CHECK(has(parse_bad("rules: {max_distance_km: \"8\"}"),
              "1:26: max_distance_km must be a number, not '8' (a quoted"));
    CHECK(has(parse_bad("rules: {max_distance_km: 0x10}"), "must be a number"));
    CHECK(has(parse_bad("rules: {max_distance_km: .inf}"), "must be a number"));
    CHECK(has(parse_bad("rules: {max_distance_km: nan}"), "must be a number"));
    CHECK(has(parse_bad("rules: {max_distance_km: 0.05}"),
              "between 0.1 and 100 (got 0.05)"));
    CHECK(has(parse_bad("rules: {patients_per_gp_fte: 0100}"),
              "must be a whole number, not '0100'"));
    CHECK(has(parse_bad("rules: {patients_per_gp_fte: 1_800}"),
              "must be a whole number"));
    CHECK(has(parse_bad("rules: {patients_per_gp_fte: 99}"),
              "between 100 and 10000 (got 99)"));
    CHECK(has(parse_bad("rules: {patients_per_gp_fte: 99999999999999999999}"),
              "must be a whole number"));
    CHECK(has(parse_bad("rules: {closed_lists_receive: True}"),
              "true or false"));
    CHECK(has(parse_bad("rules: {default_policy: fastest}"),
              "nearest, choice, optimal or demand, not 'fastest'"));
    CHECK(has(parse_bad("rules: {max_distance_km: }"), "has no value"));
    CHECK(has(parse_bad("rules: [1]"), "rules must be a mapping"));
    CHECK(has(parse_bad("- 1\n"), "t.yaml:1:1: the file must be a mapping"));
    CHECK(has(parse_bad("? [a]\n: 1\n"), "keys in the file must be plain"));
    CHECK(has(parse_bad("ui: {color: !!str true}"), "true or false"));
    CHECK(has(parse_bad("ui: !!seq {color: true}"), "tag 'tag:yaml.org,2002:"
                                                    "seq' not allowed"));
    CHECK(has(parse_bad("ui: !custom {color: true}"), "tag '!custom'"));
    CHECK(has(parse_bad("ui:\n  color: true\n  color: false\n"),
              "t.yaml:3:3: duplicate key 'color' in ui"));
    CHECK(has(parse_bad("\"ru\\0les\": {}"), "control character"));
    CHECK(has(parse_bad("scenarios: [{name: \"a\\x00b\", close: [A1]}]"),
              "1:20: name holds a control character"));
    CHECK(has(parse_bad("contracts:\n  milestones: {award: 13}\n"),
              "2:23: award (13 months) must not come before procurement "
              "(12 months)"));
    CHECK(has(parse_bad("contracts:\n  milestone: {}\n"),
              "did you mean 'milestones'?"));
    CHECK(has(parse_bad("scenarios:\n  - close: [A1]\n"), "2:5: scenario has "
                                                          "no name"));
    CHECK(has(parse_bad("scenarios:\n  - name: x\n"), "scenario 'x' has no "
                                                      "close list"));
    CHECK(has(parse_bad("scenarios:\n  - {name: x, close: []}\n"),
              "close must be a list of one or more"));
    CHECK(has(parse_bad("scenarios:\n  - {name: x, close: Y04952}\n"),
              "close must be a list"));
    CHECK(has(parse_bad("scenarios:\n  - {name: Big, close: [A1]}\n"),
              "scenario name 'Big' must be 1 to 64 of"));
    CHECK(has(parse_bad("scenarios:\n  - {name: x, close: [A1, a1]}\n"),
              "A1 is listed twice in close"));
    CHECK(has(parse_bad("scenarios:\n  - {name: x, close: [A-1]}\n"),
              "'A-1' is not a practice code"));
    CHECK(has(parse_bad("scenarios:\n  - {name: x, capacity: {A1: 5}, "
                        "close: [A1]}\n"),
              "capacity given for A1, which this scenario closes"));
    {
        config c;
        CHECK(parse_ok(&c, "scenarios:\n  - {name: x, close: [A1], capacity: "
                           "{ZZ9999: 5}}\n  - {name: y, close: [ZZ9999]}\n") == 0);
        CHECK(has(c.scenarios[0].missing, "2:39: unknown practice code 'ZZ9999' in capacity"));
        CHECK(has(c.warning, "(2 scenarios name a practice not in the store"));
        config_free(&c);
    }
    CHECK(has(parse_bad("scenarios:\n  - {name: x, close: [A1], polcy: "
                        "nearest}\n"),
              "unknown key 'polcy' in scenario 'x' (did you mean 'policy'?)"));
    CHECK(has(parse_bad("scenarios:\n  - {name: x, close: [A1], growth_pct: "
                        "-51}\n"),
              "between -50 and 100"));
    CHECK(has(parse_bad("scenarios:\n  - {name: x, close: [A1], capacity: "
                        "{B1: 1000001}}\n"),
              "between 0 and 1000000"));
    CHECK(has(parse_bad("scenarios:\n  - {name: x, close: [A1], [k]: 1}\n"),
              "2:28: keys in scenario must be plain strings"));
    CHECK(has(parse_bad("keys: {serch: /}\n"), "1:8: unknown action 'serch' "
                                                "in keys"));
    CHECK(has(parse_bad("keys: {search: \"\"}\n"), "empty key"));
    CHECK(has(parse_bad("keys: {search: \"\\e\"}\n"), "control character"));
    CHECK(has(parse_bad("a: [\n"), "t.yaml:2:1:"));
    CHECK(has(parse_bad("\xef\xbb\xbf" "a: \x01\n"), "control characters are "
                                                    "not allowed"));
}

static void test_limits(void)
{
    size_t n = 2u << 20;
    char *big = malloc(n + 1);
    const char *path = "build/test-config-big.yaml";
    if (!big)
        return;
    memset(big, '#', n);
    big[0] = '#', big[n] = '\0';
    for (size_t i = 79; i < n; i += 80)
        big[i] = '\n';
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fwrite(big, 1, n, f);
        fclose(f);
        CHECK_STR(load_bad(path), "build/test-config-big.yaml:1: file is larger "
                                  "than 1 MiB");
        unlink(path);
    }
    CHECK(has(parse_bad(big), "file is larger than 1 MiB"));
    free(big);
    /* 32 levels are allowed, 33 are not. */
    char deep[200];
    snprintf(deep, sizeof deep, "x: %.31s%.31s", "[[[[[[[[[[[[[[[[[[[[[[[[[[[["
             "[[[[[[[[", "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]");
    CHECK(has(parse_bad(deep), "unknown key 'x'"));
    snprintf(deep, sizeof deep, "x: %.32s%.32s", "[[[[[[[[[[[[[[[[[[[[[[[[[[[["
             "[[[[[[[[", "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]");
    CHECK_STR(parse_bad(deep), "t.yaml:1:35: nested deeper than 32 levels");
}

static void test_paths(void)
{
    char p[4096], dir[] = "/tmp/catchment-cfg-XXXXXX";
    config c;
    err e;
    CHECK(mkdtemp(dir) != NULL);
    setenv("XDG_CONFIG_HOME", dir, 1);
    CHECK(config_default_path(p, sizeof p) == 0);
    CHECK(strncmp(p, dir, strlen(dir)) == 0 &&
          strcmp(p + strlen(dir), "/catchment/config.yaml") == 0);
    CHECK(config_default_path(p, 10) == -1);
    /* Missing at the default place: defaults.  Named and missing: error. */
    CHECK(config_load(&c, NULL, &hooks, &e) == 0);
    CHECK_STR(c.path, "");
    config_free(&c);
    CHECK(config_load(&c, DATA "no-such.yaml", &hooks, &e) == -1);
    CHECK_STR(e.msg, DATA "no-such.yaml: No such file or directory");
    CHECK(config_load(&c, DATA, &hooks, &e) == -1);
    CHECK(has(e.msg, "not a regular file"));
    setenv("XDG_CONFIG_HOME", "relative", 1);
    setenv("HOME", "/home/someone", 1);
    CHECK(config_default_path(p, sizeof p) == 0);
    CHECK_STR(p, "/home/someone/.config/catchment/config.yaml");
    unsetenv("XDG_CONFIG_HOME");
    unsetenv("HOME");
    CHECK(config_default_path(p, sizeof p) == -1);
    rmdir(dir);
}

static void test_save(void)
{
    char dir[] = "/tmp/catchment-cfg-XXXXXX", path[256], bak[300];
    config c, back;
    err e;
    struct stat st;
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/config.yaml", dir);
    snprintf(bak, sizeof bak, "%s.bak", path);
    mode_t old = umask(022);
    CHECK(config_load(&c, DATA "good-full.yaml", &hooks, &e) == 0);
    CHECK(config_save(&c, path, &e) == 0);
    CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0640);
    CHECK(access(bak, F_OK) != 0); /* nothing to back up the first time */
    CHECK(config_load(&back, path, &hooks, &e) == 0);
    CHECK(config_equal(&c, &back));
    config_free(&back);
    chmod(path, 0600);
    c.rules.choice_beta = 3;
    CHECK(config_save(&c, path, &e) == 0);
    CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
    CHECK(config_load(&back, bak, &hooks, &e) == 0);
    CHECK_NEAR(back.rules.choice_beta, 1.25, 0); /* the previous file */
    config_free(&back);
    CHECK(config_load(&back, path, &hooks, &e) == 0);
    CHECK_NEAR(back.rules.choice_beta, 3, 0);
    config_free(&back);
    snprintf(bak, sizeof bak, "%s/none/config.yaml", dir);
    CHECK(config_save(&c, bak, &e) == -1);
    umask(old);
    config_free(&c);
    unlink(path);
    snprintf(bak, sizeof bak, "%s.bak", path);
    unlink(bak);
    CHECK(rmdir(dir) == 0); /* no temporary files left behind */
}

static void test_scenario_edit(void)
{
    config c;
    err e;
    char close[2][CONFIG_CODE_MAX] = {"M86010", "M86011"};
    config_capacity cap = {"M86012", 9000};
    config_scenario s = {.name = "two-go", .close = close, .nclose = 2,
                         .capacity = &cap, .ncapacity = 1, .growth_pct = 1};
    config_init(&c);
    CHECK(config_scenario_put(&c, &s, &e) == 0);
    CHECK_INT(c.nscenarios, 1);
    CHECK(c.scenarios[0].close != close); /* a copy */
    s.has_policy = true, s.policy = CONFIG_POLICY_NEAREST;
    s.description = "replaced";
    CHECK(config_scenario_put(&c, &s, &e) == 0);
    CHECK_INT(c.nscenarios, 1);
    CHECK_STR(c.scenarios[0].description, "replaced");
    snprintf(s.name, sizeof s.name, "another");
    s.ncapacity = 0;
    CHECK(config_scenario_put(&c, &s, &e) == 0);
    CHECK_INT(c.nscenarios, 2);
    round_trip(&c, "edited scenarios");
    snprintf(s.name, sizeof s.name, "Bad Name");
    CHECK(config_scenario_put(&c, &s, &e) == -1);
    snprintf(s.name, sizeof s.name, "ok");
    s.nclose = 0;
    CHECK(config_scenario_put(&c, &s, &e) == -1);
    s.nclose = 2;
    snprintf(close[1], sizeof close[1], "M86010");
    CHECK(config_scenario_put(&c, &s, &e) == -1);
    s.description = "bad\ttab";
    snprintf(close[1], sizeof close[1], "M86011");
    CHECK(config_scenario_put(&c, &s, &e) == -1);
    CHECK_INT(c.nscenarios, 2);
    CHECK(config_scenario_remove(&c, "two-go", &e) == 0);
    CHECK_INT(c.nscenarios, 1);
    CHECK_STR(c.scenarios[0].name, "another");
    CHECK(config_scenario_remove(&c, "two-go", &e) == -1);
    CHECK_STR(e.msg, "no scenario called 'two-go'");
    CHECK(config_scenario_find(&c, "two-go") == NULL);
    config_free(&c);
    CHECK_STR(config_policy_name(CONFIG_POLICY_NEAREST), "nearest");
}

/* One table of policies: names, parsing and the order p cycles in. */
static void test_policy_table(void)
{
    char names[64];
    config_policy_names("|", names, sizeof names);
    CHECK_STR(names, "nearest|choice|optimal|demand");
    for (int p = 0; p < CONFIG_POLICY_COUNT; p++)
        CHECK_INT(config_policy_parse(config_policy_name((config_policy)p)), p);
    CHECK_INT(config_policy_parse("fastest"), -1);
    CHECK_INT(config_policy_next(CONFIG_POLICY_NEAREST), CONFIG_POLICY_CHOICE);
    CHECK_INT(config_policy_next(CONFIG_POLICY_OPTIMAL), CONFIG_POLICY_DEMAND);
    CHECK_INT(config_policy_next(CONFIG_POLICY_DEMAND), CONFIG_POLICY_NEAREST);
}

int main(void)
{
    test_defaults();
    test_full();
    test_round_trip();
    test_dispersal_keys();
    test_hostile_files();
    test_hostile_text();
    test_limits();
    test_paths();
    test_save();
    test_scenario_edit();
    test_policy_table();
    T_DONE();
}
