#!/usr/bin/env bash
# bench/warc.sh -- WARC reading speed: records/s and MB/s (decompressed) of
# the streaming reader with HTML extraction, on a synthetic gzip-per-record
# archive built from the Common Crawl excerpt in ../shared (its 50 records
# repeated 40 times), and `dateline code` on the same file.
set -u
cd "$(dirname "$0")/.."
SRC=../shared/corpora/warc/resiliparse/warcfile.warc.gz
[ -r "$SRC" ] || { echo "bench/warc: $SRC not found; skipped"; exit 0; }
make -s build/libdateline.a >/dev/null || exit 1
PKGS=$(sed -n 's/^PKGS *:= *//p' Makefile)
mkdir -p build/bench
cc -O2 -std=c11 -D_GNU_SOURCE -Isrc $(pkg-config --cflags $PKGS) bench/warc-read.c build/libdateline.a \
   $(pkg-config --libs $PKGS) -lm -lpthread -o build/bench/warc-read || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for i in $(seq 40); do cat "$SRC"; done > "$tmp/big.warc.gz"
build/bench/warc-read "$tmp/big.warc.gz"
if [ -x build/dateline ]; then
    for j in 1 2; do
        build/dateline code -j $j "$tmp/big.warc.gz" 2>&1 >/dev/null | tail -1 | sed "s/^/code -j $j: /"
    done
fi
