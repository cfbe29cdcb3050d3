#!/usr/bin/env bash
# store.sh -- tests of the SQLite store as a user drives it: ingest, query,
# export; a kill -9 test (ingest killed at random points many times, then
# finished, must equal a clean run); and GDELT exports loaded back with
# GDELT's published column lists (../shared, skipped when absent).
# Prints "N passed, N failed".
set -u
BUILD=${BUILD:-build}
DL="$BUILD/dateline"
SHARED=../shared
COLS=$SHARED/formats/gdelt-columns
KILLS=${KILLS:-20}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok()   { pass=$((pass + 1)); }
bad()  { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }
q() { sqlite3 "$1" "$2"; }

# ---- a corpus of our own: 300 short wire stories, 12 exact copies, 1 bad line
countries=(France Germany Mali Russia Ukraine China Japan Kenya Brazil India)
verbs=("met" "accused" "criticized" "praised" "signed an agreement with" "threatened"
       "condemned" "expelled diplomats from" "promised aid to" "attacked")
outlets=("Wire One" "Wire Two" "Daily Three" "Post Four")
{
    n=0
    for i in 0 1 2; do
        for a in "${!countries[@]}"; do
            for v in "${!verbs[@]}"; do
                b=$(( (a + v + i + 1) % 10 )); [ "$b" -eq "$a" ] && b=$(( (b + 1) % 10 ))
                n=$((n + 1))
                day=$((4 + i))
                text="PARIS, March $day (Wire) - ${countries[$a]} ${verbs[$v]} ${countries[$b]} on Tuesday, officials said. Story $n had two sentences."
                printf '{"id":"t-%d","source":"%s","published":"2024-03-0%d","text":"%s"}\n' \
                    "$n" "${outlets[$((n % 4))]}" "$day" "$text"
                if [ $((n % 25)) -eq 0 ]; then   # the same story again under another id
                    printf '{"id":"t-%d-copy","source":"%s","published":"2024-03-0%d","text":"%s"}\n' \
                        "$n" "${outlets[$((n % 4))]}" "$day" "$text"
                fi
                [ "$n" -eq 150 ] && printf '{"id": "broken", "text": \n'
            done
        done
    done
} >"$tmp/in.jsonl"
check "corpus has 313 lines" test "$(wc -l <"$tmp/in.jsonl")" -eq 313

# ---- a page without an article body: recorded, counted apart, exit 0
printf '<html><body><ul><li><a href="/a">First story</a></li></ul></body></html>' >"$tmp/nobody.html"
printf 'France condemned Mali on Monday.\n' >"$tmp/nobody.txt"
"$DL" ingest --db "$tmp/nobody.db" "$tmp/nobody.html" "$tmp/nobody.txt" 2>"$tmp/err"; rc=$?
check "no-body page: ingest exits 0" test $rc -eq 0
check "no-body page: counted apart" grep -q "0 input error(s), 1 page(s) without an article body" "$tmp/err"
check "no-body page: recorded in input_errors" test "$(q "$tmp/nobody.db" 'SELECT count(*) FROM input_errors')" -eq 1

# ---- ingest, again, summary, input errors
"$DL" ingest --db "$tmp/clean.db" -j 2 --batch 8 "$tmp/in.jsonl" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "ingest with a bad line exits 1" test $rc -eq 1
grep -q "in.jsonl:157: " "$tmp/err"; check "bad line reported as FILE:LINE" test $? -eq 0
grep -q "312 article(s) read: 300 stored, 0 already present, 12 duplicate(s); 1 input error(s)" "$tmp/err"
check "summary line counts" test $? -eq 0
check "input error recorded" test "$(q "$tmp/clean.db" 'SELECT count(*) FROM input_errors')" -eq 1
check "no stdout from ingest" test ! -s "$tmp/out"
events=$(q "$tmp/clean.db" 'SELECT count(*) FROM events')
"$DL" ingest --db "$tmp/clean.db" --batch 8 "$tmp/in.jsonl" >/dev/null 2>"$tmp/err2"
grep -q "0 stored, 312 already present" "$tmp/err2"; check "second ingest stores nothing" test $? -eq 0
check "second ingest: same events" test "$(q "$tmp/clean.db" 'SELECT count(*) FROM events')" -eq "$events"
check "second ingest: one input error row" test "$(q "$tmp/clean.db" 'SELECT count(*) FROM input_errors')" -eq 1
check "articles table: 312 rows" test "$(q "$tmp/clean.db" 'SELECT count(*) FROM articles')" -eq 312
check "WAL journal" test "$(q "$tmp/clean.db" 'PRAGMA journal_mode')" = wal
check "schema version" test "$(q "$tmp/clean.db" 'PRAGMA user_version')" -ge 1
check "FTS finds a word" test "$(q "$tmp/clean.db" "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Kenya'")" -gt 0

# ---- query
"$DL" query --db "$tmp/clean.db" --limit 5 >"$tmp/table"; rc=$?
check "query exits 0" test $rc -eq 0
grep -q "^articles: 300 (12 duplicate(s), 1 input error(s))" "$tmp/table"; check "query summary" test $? -eq 0
"$DL" query --db "$tmp/clean.db" --format jsonl >"$tmp/all.jsonl"
check "jsonl: one line per event" test "$(wc -l <"$tmp/all.jsonl")" -eq "$events"
"$DL" query --db "$tmp/clean.db" --format csv --limit 3 >"$tmp/q.csv"
check "csv: header + 3" test "$(wc -l <"$tmp/q.csv")" -eq 4
"$DL" query --db "$tmp/clean.db" --format jsonl --source FRA >"$tmp/fra.jsonl"
check "--source filters" test -z "$(grep -v '"source":"FRA' "$tmp/fra.jsonl")"
"$DL" query --db "$tmp/clean.db" --since March >/dev/null 2>&1; check "bad --since exits 2" test $? -eq 2
"$DL" query --db "$tmp/none.db" >/dev/null 2>&1; check "missing db exits 3" test $? -eq 3
check "query does not create a db" test ! -e "$tmp/none.db"
"$DL" export --db "$tmp/clean.db" >/dev/null 2>&1; check "export without --format exits 2" test $? -eq 2

# ---- kill -9 at random points, then finish; compare with the clean run
dump() {   # every table but runs, without timestamps, in key order
    local db=$1 t cols
    for t in articles sentences actors events mentions quotations counts places dates input_errors; do
        cols=$(sqlite3 "$db" "SELECT group_concat(name, ',') FROM pragma_table_info('$t') WHERE name NOT IN ('added', 'id')")
        [ "$t" = articles ] && cols="id,$cols"
        echo "== $t"
        sqlite3 "$db" "SELECT $cols FROM $t ORDER BY 1, 2, 3"
    done
    echo "== fts"
    sqlite3 "$db" "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'officials' ORDER BY rowid"
}
s=$(date +%s%N)
"$DL" ingest --db "$tmp/ref.db" -j 1 --batch 4 "$tmp/in.jsonl" >/dev/null 2>&1
e=$(date +%s%N)
ms=$(( (e - s) / 1000000 + 20 ))
dump "$tmp/ref.db" >"$tmp/ref.dump"
killed=0 integrity=0
for i in $(seq 1 "$KILLS"); do
    "$DL" ingest --db "$tmp/kill.db" -j 1 --batch 4 "$tmp/in.jsonl" >/dev/null 2>&1 &
    pid=$!
    sleep "$(awk -v m="$ms" -v s="$RANDOM" 'BEGIN { srand(s); printf "%.3f", rand() * m * 0.8 / 1000 }')"
    if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
    wait "$pid" 2>/dev/null
    [ -e "$tmp/kill.db" ] && [ "$(sqlite3 "$tmp/kill.db" 'PRAGMA integrity_check' 2>&1)" = ok ] && integrity=$((integrity + 1))
    [ -e "$tmp/kill.db" ] || integrity=$((integrity + 1))
done
"$DL" ingest --db "$tmp/kill.db" -j 1 --batch 4 "$tmp/in.jsonl" >/dev/null 2>&1
dump "$tmp/kill.db" >"$tmp/kill.dump"
echo "store: $killed of $KILLS ingests killed mid-run (clean run ${ms} ms)"
check "at least a quarter of the kills hit a running ingest" test "$killed" -ge $((KILLS / 4))
check "database consistent after every kill" test "$integrity" -eq "$KILLS"
if cmp -s "$tmp/ref.dump" "$tmp/kill.dump"; then ok; else
    bad "killed-and-finished database differs from the clean run"; diff "$tmp/ref.dump" "$tmp/kill.dump" | head -10
fi
check "FTS consistent after kills" test "$(sqlite3 "$tmp/kill.db" "INSERT INTO articles_fts(articles_fts) VALUES('integrity-check'); SELECT 'ok'" 2>&1)" = ok

# ---- exports: field counts and types against GDELT's column lists
"$DL" export --db "$tmp/clean.db" --format gdelt-events >"$tmp/ev.tsv"
"$DL" export --db "$tmp/clean.db" --format gdelt-mentions >"$tmp/me.tsv"
"$DL" export --db "$tmp/clean.db" --format gdelt-gkg -o "$tmp/gkg.tsv"
"$DL" export --db "$tmp/clean.db" --format plover >"$tmp/pl.jsonl"
check "events export: one line per event" test "$(wc -l <"$tmp/ev.tsv")" -eq "$events"
check "gkg export: one record per article (not duplicates)" test "$(wc -l <"$tmp/gkg.tsv")" -eq 300
# types(file, name-column, type-column, separator): one type per line, in order
types() { awk -F"$4" -v n="$2" -v t="$3" 'NR > 1 && $n != "" { print $t }' "$1"; }
# loadcheck TYPES DATA: every line has as many fields as types, INTEGER and
# FLOAT fields parse; prints the first problem
loadcheck() {
    awk -F'\t' 'NR == FNR { type[++nt] = $0; next }
        NF != nt { print "line " FNR ": " NF " fields, want " nt; exit 1 }
        { for (i = 1; i <= nt; i++) {
              if ($i == "") continue
              if (type[i] == "INTEGER" && $i !~ /^-?[0-9]+$/) { print "line " FNR " field " i ": not INTEGER: " $i; exit 1 }
              if (type[i] == "FLOAT" && $i !~ /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/) { print "line " FNR " field " i ": not FLOAT: " $i; exit 1 }
          } }' "$1" "$2"
}
if [ -d "$COLS" ]; then
    types "$COLS/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv" 1 2 , >"$tmp/ev.types"
    types "$COLS/GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016.tsv" 2 3 '\t' >"$tmp/me.types"
    types "$COLS/GDELT_2.0_gdeltKnowledgeGraph_Column_Labels_Header_Row_Sep2016.tsv" 2 3 '\t' >"$tmp/gkg.types"
    check "GDELT lists: 61/16/27 columns" test "$(wc -l <"$tmp/ev.types") $(wc -l <"$tmp/me.types") $(wc -l <"$tmp/gkg.types")" = "61 16 27"
    check "events load with GDELT's column list" loadcheck "$tmp/ev.types" "$tmp/ev.tsv"
    check "mentions load with GDELT's column list" loadcheck "$tmp/me.types" "$tmp/me.tsv"
    check "gkg loads with GDELT's column list" loadcheck "$tmp/gkg.types" "$tmp/gkg.tsv"
else
    echo "store: $COLS not found; GDELT column-list checks skipped"
fi
check "events have 61 fields" test "$(awk -F'\t' 'NF != 61' "$tmp/ev.tsv" | wc -l)" -eq 0
check "mentions have 16 fields" test "$(awk -F'\t' 'NF != 16' "$tmp/me.tsv" | wc -l)" -eq 0
check "gkg has 27 fields" test "$(awk -F'\t' 'NF != 27' "$tmp/gkg.tsv" | wc -l)" -eq 0
if command -v jq >/dev/null; then
    jq -e . "$tmp/pl.jsonl" >/dev/null 2>&1; check "plover lines are JSON" test $? -eq 0
fi

echo "store: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
