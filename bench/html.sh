#!/usr/bin/env bash
# bench/html.sh -- HTML main-text extraction: word-bag precision, recall and
# F1 against the dragnet gold text on the test split (bench/html-eval.sh,
# also run by bench/run, gives all pages), the extractor's own speed (MB/s
# of HTML, parse + extract, one thread), and `dateline code` on the same
# pages with -j 1 and -j 2.  Skips when
# ../shared is absent.  Called by bench/run; never asserts timings.
set -u
cd "$(dirname "$0")/.."
D=../shared/corpora/html/dragnet
[ -d "$D" ] || { echo "bench/html: $D not found; skipped"; exit 0; }
# (bench/run also runs bench/html-eval.sh itself, which gives all pages)
bash bench/html-eval.sh test
if [ -x build/dateline ]; then
    for j in 1 2; do
        s=$(date +%s%N)
        build/dateline code -j $j "$D/HTML" >/dev/null 2>/tmp/bench-html-$$.err
        e=$(date +%s%N)
        mb=$(zcat "$D"/HTML/*.html.gz | wc -c)
        echo "code -j $j dragnet HTML (1381 pages): $(awk -v b="$mb" -v ns=$((e - s)) 'BEGIN { printf "%.1f MB/s of HTML, %.0f pages/s", b / 1e6 / (ns / 1e9), 1381 / (ns / 1e9) }')"
        tail -1 /tmp/bench-html-$$.err
        rm -f /tmp/bench-html-$$.err
    done
fi
