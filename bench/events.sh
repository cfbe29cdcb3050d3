#!/usr/bin/env bash
# bench/events.sh -- the event stage: verb dictionary load time, sentences/s
# and MB/s on AG News (world), and callgrind instructions per KB for the
# whole chain text -> events and for the event stage alone (the target is
# at most 30,000 instructions per KB for text -> events).  Never asserts.
#
# Instruction counts by hand:
#   valgrind --tool=callgrind build/bench/events-bench dict FILE.jsonl 1 events
#   valgrind --tool=callgrind build/bench/events-bench dict FILE.jsonl 1 actors
# the difference over the input's KB is the event stage; `callgrind_annotate`
# on the first run shows where the instructions go.
set -u
cd "$(dirname "$0")/.."
AG=../shared/corpora/agnews-world/agnews_world_test.jsonl.gz
make -s build/libdateline.a >/dev/null || exit 1
PKGS=$(sed -n 's/^PKGS *:= *//p' Makefile)
mkdir -p build/bench
cc -O2 -std=c11 -D_GNU_SOURCE -Isrc $(pkg-config --cflags $PKGS) bench/events-bench.c build/libdateline.a \
   $(pkg-config --libs $PKGS) -lm -lpthread -o build/bench/events-bench || exit 1
[ -r "$AG" ] || { echo "bench/events: $AG not found; skipped"; exit 0; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
zcat "$AG" >"$tmp/ag.jsonl"
build/bench/events-bench dict "$tmp/ag.jsonl" 3
if command -v valgrind >/dev/null; then
    head -500 "$tmp/ag.jsonl" >"$tmp/ag500.jsonl"
    kb=$(( $(stat -c %s "$tmp/ag500.jsonl") / 1024 ))
    # the texts only (the bench reads the "text" field): count their bytes
    tkb=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1]))//1024)' "$tmp/ag500.jsonl" 2>/dev/null || echo $kb)
    : >"$tmp/empty.jsonl"
    for m in events actors; do
        valgrind --tool=callgrind --callgrind-out-file="$tmp/cg-$m" build/bench/events-bench dict "$tmp/ag500.jsonl" 1 $m 2>"$tmp/vg-$m" >/dev/null
        valgrind --tool=callgrind --callgrind-out-file="$tmp/cg0-$m" build/bench/events-bench dict "$tmp/empty.jsonl" 1 $m 2>"$tmp/vg0-$m" >/dev/null
        # the analysis alone (dl_doc_analyse: cleaning, dateline, tokens,
        # sentences, actors, events), without the bench's JSON reading
        valgrind --tool=callgrind --toggle-collect=dl_doc_analyse --callgrind-out-file="$tmp/cga-$m" \
            build/bench/events-bench dict "$tmp/ag500.jsonl" 1 $m 2>"$tmp/vga-$m" >/dev/null
    done
    get() { sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$1"; }
    ie=$(( $(get "$tmp/vg-events") - $(get "$tmp/vg0-events") ))
    ia=$(( $(get "$tmp/vg-actors") - $(get "$tmp/vg0-actors") ))
    ae=$(get "$tmp/vga-events")
    aa=$(get "$tmp/vga-actors")
    echo "callgrind (500 AG News articles, ${tkb} KB of text):"
    echo "  text -> events, analysis only: $(( ae / tkb )) instructions/KB (target <= 30000)"
    echo "  the same with the bench reading its JSON input: $(( ie / tkb )) instructions/KB"
    echo "  event stage alone: $(( (ae - aa) / tkb )) instructions/KB"
fi
