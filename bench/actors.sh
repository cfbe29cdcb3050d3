#!/usr/bin/env bash
# bench/actors.sh -- the actor stage: dictionary load time (its part of
# start-up), MB/s of actor recognition on AG News (world), and precision
# and recall on our actor case files (bench/actors-eval.sh).
set -u
cd "$(dirname "$0")/.."
AG=../shared/corpora/agnews-world/agnews_world_test.jsonl.gz
make -s build/libdateline.a >/dev/null || exit 1
PKGS=$(sed -n 's/^PKGS *:= *//p' Makefile)
mkdir -p build/bench
cc -O2 -std=c11 -D_GNU_SOURCE -Isrc $(pkg-config --cflags $PKGS) bench/actors-bench.c build/libdateline.a \
   $(pkg-config --libs $PKGS) -lm -lpthread -o build/bench/actors-bench || exit 1
if [ -r "$AG" ]; then
    tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
    zcat "$AG" >"$tmp/ag.jsonl"
    build/bench/actors-bench dict "$tmp/ag.jsonl" 3
else
    echo "bench/actors: $AG not found; speed skipped"
fi
if [ -x build/dateline ]; then
    best=999999
    for i in 1 2 3 4 5; do
        s=$(date +%s%N); : | build/dateline code --no-summary >/dev/null 2>&1; e=$(date +%s%N)
        ms=$(( (e - s) / 1000000 )); [ $ms -lt $best ] && best=$ms
    done
    echo "start-up with all dictionaries (dateline code, empty input, best of 5): ${best} ms"
fi
bash bench/actors-eval.sh
