# catchment — one plain Makefile.  `make`, `make run`, `make check`,
# `make install PREFIX=...`, `make bench`, `make fuzz`.
#
# BUILD names the output directory, so a sanitizer build can sit beside
# the normal one (make check builds both).

PREFIX   ?= /usr/local
BUILD    ?= build
CC       ?= cc
PKGS     := ncursesw lmdb yaml-0.1
WARN     := -Wall -Wextra -Wpedantic -Werror -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wno-missing-field-initializers
CFLAGS   ?= -O2 -g
SANITIZE ?=
PKG_CFLAGS := $(filter-out -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=%,$(shell pkg-config --cflags $(PKGS) 2>/dev/null))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS  = -std=c11 -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 $(WARN) $(CFLAGS) \
              $(SANITIZE) $(PKG_CFLAGS) -I. -MMD -MP
ALL_LDFLAGS = $(LDFLAGS) $(SANITIZE)
LIBS        = $(PKG_LIBS) -lm -lpthread

# Every .c below these directories is part of the program's library;
# a new file needs no Makefile change.
LIB_DIRS := util store import config engine core cli tui
LIB_SRC  := $(filter-out cli/main.c,$(foreach d,$(LIB_DIRS),$(wildcard $(d)/*.c)))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
# Data files built into the program (scripts/embed.sh).
GEN_OBJ  := $(BUILD)/gen/psr_regime_yaml.o
LIB      := $(BUILD)/libcatchment.a
BIN      := $(BUILD)/catchment
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOLS_SRC := $(wildcard bench/*.c)
TOOLS_BIN := $(TOOLS_SRC:bench/%.c=$(BUILD)/bench/%)

.PHONY: all deps run check check-fast check-asan unit install uninstall \
        clean bench fuzz demo-store

all: deps-ok $(BIN) $(TOOLS_BIN)

# Installs missing Debian packages (as root) or says the exact command.
deps-ok:
	@scripts/deps.sh
.PHONY: deps-ok
deps: deps-ok

# Quiet by default; `make V=1` shows the commands.
Q := $(if $(V),,@)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<",:)
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/gen/psr_regime_yaml.c: data/psr-regime.yaml scripts/embed.sh
	@mkdir -p $(dir $@)
	$(Q)scripts/embed.sh $< psr_regime_yaml >$@.tmp && mv $@.tmp $@

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	@$(if $(Q),echo "  CC      $<",:)
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ) $(GEN_OBJ)
	@mkdir -p $(dir $@)
	$(Q)rm -f $@ && ar rcs $@ $^

$(BIN): $(BUILD)/cli/main.o $(LIB)
	@$(if $(Q),echo "  LINK    $@",:)
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/t.h $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LINK    $@",:)
	$(Q)$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIB) $(LIBS)

$(BUILD)/bench/%: bench/%.c $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LINK    $@",:)
	$(Q)$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIB) $(LIBS)

unit: $(UNIT_BIN)

# The demo store lives beside the build unless the user names another;
# so does the demo's own copy of data/demo.yaml, which scenarios saved in
# the terminal interface go to (the repository's copy never changes).
DEMO_STORE ?= $(BUILD)/demo-store
DEMO_CONFIG ?= $(BUILD)/demo.yaml
demo-store: all
	@scripts/demo-store.sh $(BIN) $(DEMO_STORE) $(DEMO_CONFIG)

run: demo-store
	$(BIN) --store $(DEMO_STORE) --config $(DEMO_CONFIG)
	@echo "catchment: from the shell, see the tour in README.md (export PATH, CATCHMENT_STORE, CATCHMENT_CONFIG)"

# Every test, then the whole suite again under AddressSanitizer and UBSan.
# The last line is the summary: "N passed, N failed".
check: deps-ok
	@$(MAKE) --no-print-directory all unit
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/asan \
	  SANITIZE="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  CFLAGS="-O1 -g" all unit
	@tests/run.sh $(BUILD) $(BUILD)/asan

# The normal build only: quicker while working.
check-fast: deps-ok all unit
	@tests/run.sh $(BUILD)

bench: all
	@scripts/deps.sh bench
	@bench/run.sh $(BUILD)

fuzz: deps-ok
	@tests/fuzz/run.sh $(BUILD)/fuzz 300

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/man/man5 $(DESTDIR)$(PREFIX)/share/catchment
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/catchment
	install -m 644 docs/catchment.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 docs/catchment.yaml.5 $(DESTDIR)$(PREFIX)/share/man/man5/
	cp -r data/. $(DESTDIR)$(PREFIX)/share/catchment/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/catchment \
	  $(DESTDIR)$(PREFIX)/share/man/man1/catchment.1 \
	  $(DESTDIR)$(PREFIX)/share/man/man5/catchment.yaml.5
	rm -rf $(DESTDIR)$(PREFIX)/share/catchment

clean:
	rm -rf $(BUILD)

-include $(LIB_OBJ:.o=.d) $(BUILD)/cli/main.d
