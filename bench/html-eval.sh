#!/usr/bin/env bash
# bench/html-eval.sh [all|test|train] [-v] -- word-bag P/R/F1 of the HTML
# extractor on ../shared/corpora/html/dragnet (gold: Corrected/, text before
# the "!@#$%^&*()  COMMENTS" line).  -v lists every page: id P R F1 words.
set -u
cd "$(dirname "$0")/.."
D=../shared/corpora/html/dragnet
[ -d "$D" ] || { echo "html-eval: $D not found; skipped"; exit 0; }
split=${1:-all}
shift || true
make -s build/libdateline.a >/dev/null || exit 1
PKGS=$(sed -n 's/^PKGS *:= *//p' Makefile)
mkdir -p build/bench
cc -O2 -std=c11 -D_GNU_SOURCE -Isrc $(pkg-config --cflags $PKGS) bench/html-eval.c build/libdateline.a \
   $(pkg-config --libs $PKGS) -lm -lpthread -o build/bench/html-eval || exit 1
case $split in
    all) echo -n "dragnet all pages: "; build/bench/html-eval "$D" "$@" ;;
    test) echo -n "dragnet test split: "; build/bench/html-eval "$D" "$D/test.txt" "$@" ;;
    train) echo -n "dragnet training split: "; build/bench/html-eval "$D" "$D/training.txt" "$@" ;;
esac
