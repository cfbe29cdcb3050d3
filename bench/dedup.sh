#!/usr/bin/env bash
# bench/dedup.sh -- near-duplicate grouping on republished copies of real
# stories (bench/dedup-eval.c): pairwise precision and recall, documents/s,
# for MinHash (the default) and SimHash, on Reuters-21578 and AG News.
set -u
cd "$(dirname "$0")/.."
RT=../shared/corpora/reuters21578/reuters21578.jsonl.gz
AG=../shared/corpora/agnews-world/agnews_world_test.jsonl.gz
[ -r "$RT" ] || { echo "bench/dedup: $RT not found; skipped"; exit 0; }
make -s build/libdateline.a >/dev/null || exit 1
PKGS=$(sed -n 's/^PKGS *:= *//p' Makefile)
mkdir -p build/bench
cc -O2 -std=c11 -D_GNU_SOURCE -Isrc $(pkg-config --cflags $PKGS) bench/dedup-eval.c build/libdateline.a \
   $(pkg-config --libs $PKGS) -lm -lpthread -o build/bench/dedup-eval || exit 1
for m in minhash simhash; do
    echo -n "reuters 4000 stories: "; build/bench/dedup-eval "$RT" 4000 $m
    [ -r "$AG" ] && { echo -n "agnews all stories: "; build/bench/dedup-eval "$AG" 2000 $m; }
done
