#!/usr/bin/env bash
# bench/store.sh -- end-to-end ingest (read + all stages + SQLite store) on
# agnews-world: articles/s, MB/s (of decompressed input), database size per
# 1,000 articles; then a second ingest of the same input (everything already
# stored), a query and the exports.  Prints numbers, asserts nothing.
set -u
cd "$(dirname "$0")/.."
DL=build/dateline
AG=../shared/corpora/agnews-world/agnews_world_test.jsonl.gz
[ -r "$AG" ] || { echo "bench/store: $AG not found; skipped"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rate() { sed -n 's/.*(\(.*\) MB\/s, \(.*\) articles\/s).*/\2 articles\/s, \1 MB\/s/p' "$1"; }
ms() { echo $(( ($2 - $1) / 1000000 )); }

for j in 1 2; do
    rm -f "$tmp/ag.db"*
    "$DL" ingest -q --db "$tmp/ag.db" -j $j "$AG" 2>/dev/null
    rm -f "$tmp/ag.db"*
    "$DL" ingest --db "$tmp/ag.db" -j $j "$AG" 2>"$tmp/err" </dev/null
    echo "ingest -j $j agnews-world (fresh db): $(rate "$tmp/err")"
done
sqlite3 "$tmp/ag.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
n=$(sqlite3 "$tmp/ag.db" 'SELECT count(*) FROM articles')
bytes=$(stat -c %s "$tmp/ag.db")
echo "database: $n articles, $bytes bytes = $(awk -v b="$bytes" -v n="$n" 'BEGIN { printf "%.2f", b / n * 1000 / 1e6 }') MB per 1,000 articles"
echo "largest tables (KB): $(sqlite3 "$tmp/ag.db" "SELECT group_concat(name || ' ' || kb, ', ') FROM (SELECT name, sum(pgsize) / 1024 AS kb FROM dbstat GROUP BY name ORDER BY kb DESC LIMIT 5)" 2>/dev/null)"
"$DL" ingest --db "$tmp/ag.db" -j 2 "$AG" 2>"$tmp/err" </dev/null
echo "ingest -j 2 again (all present): $(rate "$tmp/err")"
s=$(date +%s%N); "$DL" query --db "$tmp/ag.db" --limit 15 >/dev/null; e=$(date +%s%N)
echo "query --limit 15: $(ms "$s" "$e") ms"
s=$(date +%s%N); "$DL" query --db "$tmp/ag.db" --text 'iraq' --format jsonl >/dev/null; e=$(date +%s%N)
echo "query --text iraq: $(ms "$s" "$e") ms"
for f in gdelt-events gdelt-mentions gdelt-gkg plover; do
    s=$(date +%s%N); "$DL" export --db "$tmp/ag.db" --format $f >"$tmp/out"; e=$(date +%s%N)
    echo "export $f: $(wc -l <"$tmp/out") records in $(ms "$s" "$e") ms"
done
