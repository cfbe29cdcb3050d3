#!/usr/bin/env bash
# bench/html-blocks.sh ID... -- how the HTML extractor saw dragnet pages:
# html.c built with -DDL_HTML_DEBUG prints every block of each page with
# its mark (O output, - inside the chosen element but left out, J junk),
# element, words, link words, sentence ends, heading level and score, and
# the headline it matched.  For looking at TRAINING pages while developing
# (`bench/html-eval.sh train -v | sort -t"$(printf "\t")" -k4,4g` lists them worst first).
set -u
cd "$(dirname "$0")/.."
D=../shared/corpora/html/dragnet
[ -d "$D" ] || { echo "html-blocks: $D not found" >&2; exit 1; }
[ $# -ge 1 ] || { echo "usage: bench/html-blocks.sh ID..." >&2; exit 2; }
make -s build/libdateline.a >/dev/null || exit 1
PKGS=$(sed -n 's/^PKGS *:= *//p' Makefile)
mkdir -p build/bench
cc -O1 -std=c11 -D_GNU_SOURCE -DDL_HTML_DEBUG -Isrc $(pkg-config --cflags $PKGS) src/ingest/html.c \
   bench/html-eval.c build/libdateline.a $(pkg-config --libs $PKGS) -lm -lpthread \
   -o build/bench/html-blocks || exit 1
printf '%s\n' "$@" >build/bench/html-blocks.ids
build/bench/html-blocks "$D" build/bench/html-blocks.ids -v 2>&1
