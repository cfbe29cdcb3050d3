#!/usr/bin/env bash
# bench/know.sh -- the knowledge stage (quotes, counts, places, dates,
# tone): its dictionaries' load time (part of the 100 ms start-up budget)
# and the throughput of text -> events + knowledge against text -> events
# on AG News (world) and Reuters-21578.  Never asserts timings.
set -u
cd "$(dirname "$0")/.."
AG=../shared/corpora/agnews-world/agnews_world_test.jsonl.gz
make -s build/libdateline.a >/dev/null || exit 1
PKGS=$(sed -n 's/^PKGS *:= *//p' Makefile)
mkdir -p build/bench
cc -O2 -std=c11 -D_GNU_SOURCE -Isrc $(pkg-config --cflags $PKGS) bench/know-bench.c build/libdateline.a \
   $(pkg-config --libs $PKGS) -lm -lpthread -o build/bench/know-bench || exit 1
RT=../shared/corpora/reuters21578/reuters21578.jsonl.gz
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for corpus in "$AG" "$RT"; do
    if [ -r "$corpus" ]; then
        echo "-- $(basename "$corpus")"
        zcat "$corpus" >"$tmp/in.jsonl"
        build/bench/know-bench . "$tmp/in.jsonl" 3
    else
        echo "bench/know: $corpus not found; skipped"
    fi
done
# Wall-clock times swing with the machine's load; instruction counts do not.
if [ -r "$AG" ] && command -v valgrind >/dev/null && command -v callgrind_annotate >/dev/null; then
    tmp2=$(mktemp -d)
    zcat "$AG" | head -300 >"$tmp2/ag300.jsonl"
    valgrind --tool=callgrind --callgrind-out-file="$tmp2/cg.out" build/bench/know-bench . "$tmp2/ag300.jsonl" 1 >/dev/null 2>&1
    callgrind_annotate --inclusive=yes --threshold=100 "$tmp2/cg.out" 2>/dev/null | awk '
        /dl_doc_analyse \[/ { gsub(",", "", $1); all = $1 }
        /dl_know_run \[/    { gsub(",", "", $1); know = $1 }
        END { if (all && know) { ev = (all - know) / 2;
              printf "instructions on 300 articles: events only %.1fM, knowledge %.1fM (+%.1f %%)\n", ev / 1e6, know / 1e6, 100 * know / ev } }'
    rm -rf "$tmp2"
fi
