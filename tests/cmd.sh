#!/usr/bin/env bash
# cmd.sh -- tests of the `dateline` command as a user runs it: exit codes,
# error messages, stdin, formats, and the same output for any -j.
# Prints "N passed, N failed".
set -u
BUILD=${BUILD:-build}
DL="$BUILD/dateline"
SHARED=../shared
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok()   { pass=$((pass + 1)); }
bad()  { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }

# --help and usage errors
"$DL" --help >"$tmp/out" 2>&1; check "--help exits 0" test $? -eq 0
grep -q "code" "$tmp/out"; check "--help lists code" test $? -eq 0
"$DL" code --help >"$tmp/out" 2>&1; check "code --help exits 0" test $? -eq 0
"$DL" nosuch >/dev/null 2>&1; check "unknown command exits 2" test $? -eq 2
"$DL" code --bogus >/dev/null 2>&1; check "bad option exits 2" test $? -eq 2
"$DL" code --format pdf x >/dev/null 2>&1; check "bad format exits 2" test $? -eq 2
"$DL" >/dev/null 2>&1; check "no command exits 2" test $? -eq 2

# a missing file: exit 1, "dateline: FILE: message", other files still coded
printf 'PARIS (AFP) - France said.\n' >"$tmp/a.txt"
"$DL" code "$tmp/missing.txt" "$tmp/a.txt" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "missing file exits 1" test $rc -eq 1
grep -q "^dateline: $tmp/missing.txt: cannot open" "$tmp/err"; check "error names the file" test $? -eq 0
check "the good file is still coded" test "$(wc -l <"$tmp/out")" -eq 1
grep -q "1 article(s) coded, 1 input error(s)" "$tmp/err"; check "summary counts the error" test $? -eq 0

# a web page without an article body: reported by name, counted apart from
# input errors, and alone it does not make the exit status 1
printf '<html><body><ul><li><a href="/a">First story</a></li><li><a href="/b">Second story</a></li></ul></body></html>' >"$tmp/index.html"
"$DL" code "$tmp/index.html" "$tmp/a.txt" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "page without body exits 0" test $rc -eq 0
grep -q "^dateline: $tmp/index.html: no article body" "$tmp/err"; check "no-body message names the file" test $? -eq 0
grep -q "1 article(s) coded, 0 input error(s), 1 page(s) without an article body" "$tmp/err"; check "summary counts pages without body" test $? -eq 0
"$DL" code "$tmp/index.html" "$tmp/missing.txt" >/dev/null 2>"$tmp/err"; rc=$?
check "no body and a missing file exits 1" test $rc -eq 1
grep -q "0 article(s) coded, 1 input error(s), 1 page(s) without an article body" "$tmp/err"; check "both counted" test $? -eq 0

# stdin: plain text and JSON lines are sniffed
printf 'PARIS (AFP) - France said.\n' | "$DL" code >"$tmp/out" 2>/dev/null
grep -q '"place":"Paris"' "$tmp/out"; check "stdin text" test $? -eq 0
printf '{"id":"x1","text":"ROME (ANSA) - Italy said."}\n{"id":"x2","text":"bad \\u00e9"}\n' | "$DL" code - >"$tmp/out" 2>/dev/null
check "stdin jsonl gives 2 lines" test "$(wc -l <"$tmp/out")" -eq 2
grep -q '"id":"x1"' "$tmp/out"; check "jsonl id kept" test $? -eq 0

# bad JSON line: exit 1, FILE:LINE in the message
printf '{"text":"a"}\n{oops\n{"text":"b"}\n' >"$tmp/b.jsonl"
"$DL" code "$tmp/b.jsonl" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "bad jsonl exits 1" test $rc -eq 1
grep -q "^dateline: $tmp/b.jsonl:2: invalid JSON" "$tmp/err"; check "FILE:LINE error" test $? -eq 0
check "two good records" test "$(wc -l <"$tmp/out")" -eq 2

# invalid UTF-8 is replaced and reported as a warning, not a crash
printf 'LONDON (Reuters) - Bad \xff\xfe bytes here.\n' >"$tmp/c.txt"
"$DL" code "$tmp/c.txt" >"$tmp/out" 2>/dev/null; rc=$?
check "invalid utf-8 exits 0" test $rc -eq 0
grep -q '"invalid-utf8"' "$tmp/out"; check "invalid utf-8 warning" test $? -eq 0

# truncated gzip: an error with the position, no crash
head -c 3000 /dev/urandom | base64 | sed 's/.*/{"text":"&"}/' | gzip >"$tmp/d.jsonl.gz"
head -c 1500 "$tmp/d.jsonl.gz" >"$tmp/e.jsonl.gz"
"$DL" code "$tmp/e.jsonl.gz" >/dev/null 2>"$tmp/err"; rc=$?
check "truncated gzip exits 1" test $rc -eq 1
grep -q "e.jsonl.gz:[0-9]*: read error after byte" "$tmp/err"; check "truncated gzip message" test $? -eq 0

# empty input and an empty file
: >"$tmp/empty.txt"
"$DL" code "$tmp/empty.txt" >"$tmp/out" 2>/dev/null; check "empty file exits 0" test $? -eq 0
grep -q '"code":"empty"' "$tmp/out"; check "empty warning" test $? -eq 0

# --sentences adds sentence text; the dateline is not a sentence
"$DL" code --sentences "$tmp/a.txt" >"$tmp/out" 2>/dev/null
grep -q '"text":"France said."' "$tmp/out"; check "--sentences" test $? -eq 0

# same output for any -j (needs the shared corpus)
if [ -r "$SHARED/corpora/agnews-world/agnews_world_test.jsonl.gz" ]; then
    "$DL" code -j 1 --no-summary "$SHARED/corpora/agnews-world/agnews_world_test.jsonl.gz" >"$tmp/j1"
    "$DL" code -j 2 --no-summary "$SHARED/corpora/agnews-world/agnews_world_test.jsonl.gz" >"$tmp/j2"
    check "agnews: 1900 articles" test "$(wc -l <"$tmp/j1")" -eq 1900
    cmp -s "$tmp/j1" "$tmp/j2"; check "-j 1 and -j 2 give the same output" test $? -eq 0
else
    echo "cmd.sh: $SHARED/corpora/agnews-world not found; -j test skipped"
fi

# HTML pages and WARC records are extracted by the workers: the same
# articles, and the same errors in the same (input) order, for any -j;
# an unreadable page among good ones is reported between them
if [ -d "$SHARED/corpora/warc" ]; then
    mkdir -p "$tmp/web"
    printf '<html><head><title>A</title></head><body><article><p>France condemned Mali on Monday for delaying the elections again, officials said in Paris.</p><p>The foreign ministry said the transition had lasted too long and urged the junta to set a date. Diplomats in Bamako said talks would resume next week.</p><p>Mali rejected the criticism and accused France of interfering in its affairs.</p></article></body></html>' >"$tmp/web/1.html"
    printf '<html><body></body></html>' >"$tmp/web/2.html"
    printf '<html><head><title>C</title></head><body><article><p>Germany condemned Niger on Monday for delaying the elections again, officials said in Berlin.</p><p>The foreign ministry said the transition had lasted too long and urged the junta to set a date. Diplomats in Niamey said talks would resume next week.</p><p>Niger rejected the criticism and accused Germany of interfering in its affairs.</p></article></body></html>' >"$tmp/web/3.html"
    ws=$(find "$SHARED/corpora/warc" -type f | sort)
    for j in 1 2; do
        # shellcheck disable=SC2086
        "$DL" code -j $j --no-summary "$tmp/web" $ws >"$tmp/w$j" 2>"$tmp/we$j"
    done
    cmp -s "$tmp/w1" "$tmp/w2"; check "web input: -j 1 and -j 2 give the same articles" test $? -eq 0
    cmp -s "$tmp/we1" "$tmp/we2"; check "web input: -j 1 and -j 2 give the same errors in the same order" test $? -eq 0
    check "web input: the empty page is an error, named" grep -q "web/2.html: " "$tmp/we1"
    check "web input: the pages around it are coded" test "$(grep -c '"title":"[AC]"' "$tmp/w1")" -eq 2
else
    echo "cmd.sh: $SHARED/corpora/warc not found; web -j test skipped"
fi

# stdin is spilled to a temporary file and sniffed: a WARC archive reads as
# from its file, and JSON lines longer than the 64 MiB record limit (which
# reading stdin whole to sniff it once imposed) are all read
if [ -r "$SHARED/corpora/warc/warcio/example.warc.gz" ]; then
    W="$SHARED/corpora/warc/warcio/example.warc.gz"
    "$DL" code --no-summary "$W" | jq -c 'del(.input)' >"$tmp/wf" 2>/dev/null
    "$DL" code --no-summary - <"$W" | jq -c 'del(.input)' >"$tmp/ws" 2>/dev/null
    check "stdin WARC: the articles of the file" test -s "$tmp/ws"
    cmp -s "$tmp/wf" "$tmp/ws"; check "stdin WARC: the same as from the file" test $? -eq 0
fi
yes '{"text":"France condemned Mali on Monday in Paris."}' | head -n 1600000 >"$tmp/big.jsonl"
n=$("$DL" code --stages text --discard - <"$tmp/big.jsonl" 2>&1 | sed -n 's/.*: \([0-9]*\) article(s) coded.*/\1/p')
check "stdin: 70 MB of JSON lines, every line read" test "$n" = 1600000
rm -f "$tmp/big.jsonl"

# dict lint: a home whose verb file has '+' among alternatives fails lint
# and names the pattern; the project's own dictionary passes
"$DL" dict lint >"$tmp/lint" 2>&1; check "dict lint passes on our dictionary" test $? -eq 0
mkdir -p "$tmp/home"
cp -r dict "$tmp/home/dict"
ln -s "$(pwd)/data" "$tmp/home/data"
printf '\nverb lintcheck\n  010    * party|parties|+\n' >>"$tmp/home/dict/verbs/01-statement.txt"
DATELINE_HOME="$tmp/home" "$DL" dict lint "$tmp/none.test" >"$tmp/lint" 2>&1; rc=$?
check "dict lint: '+' among alternatives fails" test $rc -eq 1
check "dict lint: names the pattern" grep -q "01-statement.txt:.*'+' among alternatives" "$tmp/lint"

# TABARI compatibility mode from the command line, on our small project
"$DL" code --tabari tests/tabari/small.project >"$tmp/tb" 2>"$tmp/tbe"; rc=$?
check "--tabari exits 0" test $rc -eq 0
check "--tabari: one object per record" test "$(wc -l <"$tmp/tb")" -eq 2
check "--tabari: ALP attacks DEL (195)" grep -q '"source":{"code":"ALP"},"target":{"code":"DEL"},"cameo":"195"' "$tmp/tb"
check "--tabari: summary on stderr" grep -q "2 TABARI record(s) coded" "$tmp/tbe"
"$DL" code --tabari tests/tabari/no-such.project >/dev/null 2>"$tmp/tbe"; rc=$?
check "--tabari: a missing project file is named" grep -q "no-such.project" "$tmp/tbe"
check "--tabari: a missing project file exits non-zero" test $rc -ne 0

# threads: many small batches, more threads than cores, never a hang and
# always every article (a race once lost an index between batches)
for i in $(seq 1 3000); do printf '{"id":"s%d","text":"PARIS (AFP) - Story %d said."}\n' "$i" "$i"; done >"$tmp/many.jsonl"
hung=0 lost=0
for run in $(seq 1 30); do
    n=$(timeout 20 "$DL" code -j 8 --stages text --no-summary "$tmp/many.jsonl" | wc -l)
    [ $? -eq 0 ] || hung=$((hung + 1))
    [ "$n" -eq 3000 ] || lost=$((lost + 1))
done
check "threads: no run hung" test $hung -eq 0
check "threads: every run wrote all 3000 articles" test $lost -eq 0

# --dedup: an exact copy and an edited copy of one story are marked
mkdir -p "$tmp/dup"
story="PARIS (AFP) - France will withdraw its last troops from the country by the end of the year, the defence ministry said on Tuesday, ending a decade-long mission against jihadist groups. The decision follows months of tension with the military government, which has turned to Russian mercenaries. Officials said the equipment would be moved to neighbouring Niger over the coming weeks."
printf '%s\n' "$story" >"$tmp/dup/a.txt"
printf '%s\n' "$story" >"$tmp/dup/b.txt"
printf 'Home | World | Africa\n%s\nShare this article\n' "${story/last troops/remaining soldiers}" >"$tmp/dup/c.txt"
printf 'BERLIN (dpa) - Germany and Poland signed a new agreement on border controls on Friday, officials said.\n' >"$tmp/dup/d.txt"
"$DL" code --dedup "$tmp/dup" >"$tmp/out" 2>"$tmp/err"
check "dedup: exit 0" test $? -eq 0
check "dedup: b is an exact copy" test "$(sed -n 2p "$tmp/out" | jq -r '.duplicate.kind')" = exact
check "dedup: c is a near copy of a" test "$(sed -n 3p "$tmp/out" | jq -r '.duplicate.kind + " " + (.duplicate.group_size|tostring)')" = "near 3"
check "dedup: d is no copy" test "$(sed -n 4p "$tmp/out" | jq -r '.duplicate_of')" = null
grep -q "(2 marked as duplicates)" "$tmp/err"; check "dedup: summary counts copies" test $? -eq 0

# --actors, --agents, --verbs: user dictionaries in TABARI format (ours, fictional)
cat >"$tmp/t.actors" <<'DICT'
QUARNIA  [QRN]
VELDORIA [VLD]
DICT
printf 'HARBOUR_WARDENS_  [~COP]\n' >"$tmp/t.agents"
printf 'JUGGLE  [---]\n- * WITH + [062]\n' >"$tmp/t.verbs"
printf 'Quarnia juggled with Veldoria on Monday.\n' >"$tmp/q.txt"
"$DL" code --actors "$tmp/t.actors" --verbs "$tmp/t.verbs" "$tmp/q.txt" >"$tmp/out" 2>/dev/null
check "--actors codes a new country" test "$(jq -r '[.actors[].code] | join(" ")' "$tmp/out")" = "QRN VLD"
check "--verbs codes a new verb" test "$(jq -r '[.events[] | .source.code + " " + .cameo + " " + .target.code] | join(",")' "$tmp/out")" = "QRN 062 VLD"
printf "The Quarnian harbour wardens arrived.\n" >"$tmp/w.txt"
"$DL" code --actors "$tmp/t.actors" --agents "$tmp/t.agents" "$tmp/w.txt" >"$tmp/out" 2>/dev/null
check "--agents composes with a country" test "$(jq -r '[.actors[].code] | join(" ")' "$tmp/out")" = "QRNCOP"
# a TABARI multi-line block: synonyms, dated codes with spaced operators, comments
cat >"$tmp/block.actors" <<'DICT'
ARLO_VENN  ; test entry of our own
+VENN_OF_QUARNIA
	[QRN < 150101]
#	[XXX 150101-191231]  commented out
	[QRNGOV 150101 - 191231]
	[QRNOPP > 191231]
DICT
printf 'LONDON, March 3, 2017 (AP) - Arlo Venn spoke.\n' >"$tmp/v1.txt"
printf 'LONDON, March 3, 2021 (AP) - Arlo Venn spoke.\n' >"$tmp/v2.txt"
"$DL" code --actors "$tmp/block.actors" "$tmp/v1.txt" "$tmp/v2.txt" >"$tmp/out" 2>/dev/null
check "TABARI block: dated codes" test "$(jq -r '.actors[0].code' "$tmp/out" | tr '\n' ' ')" = "QRNGOV QRNOPP "
printf 'QUARNIA  [QRN\n' >"$tmp/bad.actors"
"$DL" code --actors "$tmp/bad.actors" "$tmp/q.txt" >/dev/null 2>"$tmp/err"; rc=$?
check "bad --actors file exits 1" test $rc -eq 1
grep -q "bad.actors:1" "$tmp/err"; check "bad --actors file: FILE:LINE" test $? -eq 0

# --stages: only the text layer, or up to events
printf 'PARIS (AFP) - France recalled its ambassador to Mali on Monday.\n' >"$tmp/s.txt"
"$DL" code --stages text "$tmp/s.txt" >"$tmp/out" 2>/dev/null
check "--stages text: no actors or events" test "$(jq -c '[has("actors"), has("events"), (.sentences | length)]' "$tmp/out")" = "[false,false,1]"
"$DL" code --stages events "$tmp/s.txt" >"$tmp/out" 2>/dev/null
check "--stages events: actors and events, no quotes" test "$(jq -c '[has("actors"), has("events"), has("quotes")]' "$tmp/out")" = "[true,true,false]"
"$DL" code --stages nonsense "$tmp/s.txt" >/dev/null 2>&1
check "--stages with an unknown stage exits 2" test $? -eq 2

# the bundled examples code without errors
"$DL" code examples/ >"$tmp/out" 2>"$tmp/err"; check "examples/ exit 0" test $? -eq 0
want=$(( $(find examples -name '*.txt' | wc -l) + $(cat examples/*.jsonl | wc -l) ))
check "examples/: one line per article" test "$(wc -l <"$tmp/out")" -eq "$want"

echo "cmd: $pass passed, $fail failed"
[ $fail -eq 0 ]
