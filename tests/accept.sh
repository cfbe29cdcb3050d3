#!/usr/bin/env bash
# accept.sh -- the acceptance checks the issues spell out for the canonical
# example ../shared/examples/mali.txt, as jq queries over `dateline code`.
# Each check prints PASS or FAIL with its name; the last line is
# "accept: N passed, N failed".  Skips when ../shared is absent.
set -u
BUILD=${BUILD:-build}
MALI=../shared/examples/mali.txt
[ -r "$MALI" ] || { echo "accept: $MALI not found; skipped"; echo "accept: 0 passed, 0 failed"; exit 0; }
command -v jq >/dev/null || { echo "accept: jq not installed (scripts/install-deps installs it)"; exit 1; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
DATELINE_TODAY=${DATELINE_TODAY:-2026-11-29} "$BUILD/dateline" code --no-summary "$MALI" >"$out"
pass=0 fail=0
check() {   # check NAME JQ-EXPRESSION (must print true)
    if [ "$(jq -r "$2" "$out" 2>/dev/null)" = "true" ]; then pass=$((pass + 1)); echo "PASS $1"
    else fail=$((fail + 1)); echo "FAIL $1"; fi
}
# actor mentions whose text matches RE all have a code starting with PREFIX (and there is one)
actor() {
    check "actor '$1' -> $2" "[.actors[]? | select(.text | test(\"$1\"))] as \$a | (\$a | length) > 0 and (\$a | all(.code | startswith(\"$2\")))"
}
has_section() { check "section $1" "has(\"$1\")"; }

# issue 2: foundation
check "dateline London 2022-11-14 by weekday" '.dateline.place == "London" and .dateline.date == "2022-11-14" and .dateline.year_rule == "weekday"'
check "agencies DPA and Europa Press" '[.dateline.agencies[].name] == ["Deutsche Presse-Agentur", "Europa Press"]'
check "bio dropped as boilerplate" '.boilerplate | length == 1 and .[0].reason == "bio"'

if jq -e 'has("actors")' "$out" >/dev/null; then
    # issue 3: actors
    actor "^[Tt]he British government$|^British government$" GBRGOV
    actor "James Heappey" GBR
    actor "^Heappey$" GBR
    actor "British representative" GBR
    actor "secretary of the Armed Forces" GBR
    actor "British contingent" GBRMIL
    actor "^Mali$" MLI
    actor "African country" MLI
    actor "^Bamako" MLIGOV
    actor "^London$" GBRGOV
    actor "^Paris$" FRAGOV
    actor "junta" MLI
    actor "Wagner Group" RUS
    actor "MINUSMA" IGOUNO
    actor "^Niger$" NER
    actor "^France$" FRA
    actor "Ministry of Defence" GBRGOV
    actor "Boris Johnson" GBRGOV
    check "Heappey has a military role" '[.actors[] | select(.text | test("Heappey")) | .code] | any(test("MIL"))'
fi

if jq -e 'has("events")' "$out" >/dev/null; then
    # issue 4: events
    ev() { check "event $1" "[.events[] | select($2)] | length > 0"; }
    ev "GBR->MLI 1661 on 2022-11-14" '(.source.code // .source | tostring | startswith("GBR")) and (.target.code // .target | tostring | startswith("MLI")) and .cameo == "1661" and .date == "2022-11-14"'
    ev "GBR->MLI 11x accuse" '(.source.code // .source | tostring | startswith("GBR")) and (.target.code // .target | tostring | startswith("MLI")) and (.cameo | startswith("11"))'
    ev "GBR->RUS 1122" '(.source.code // .source | tostring | startswith("GBR")) and (.target.code // .target | tostring | startswith("RUS")) and .cameo == "1122"'
    ev "GBR->FRA 03x" '(.source.code // .source | tostring | startswith("GBR")) and (.target.code // .target | tostring | startswith("FRA")) and (.cameo | startswith("03"))'
    ev "GBR->MLI 074 in 2020" '(.source.code // .source | tostring | startswith("GBR")) and (.target.code // .target | tostring | startswith("MLI")) and .cameo == "074" and (.date | startswith("2020"))'
    check "no event from the bio" '(.boilerplate[0].start) as $b | [.events[] | select(.start >= $b)] | length == 0'
fi

if jq -e 'has("quotes")' "$out" >/dev/null; then
    # issue 5: knowledge
    q() { check "quote '$1' by $2" "[.quotes[] | select((.text | test(\"$1\")) and ((.speaker.name // \"\") | test(\"$2\")))] | length > 0"; }
    q "^Responsibility for all this falls on Bamako" Heappey
    q "massive human rights abuses" Heappey
    q "^counterproductive to lasting stability" Heappey
    q "^This government cannot deploy" Heappey
    q "force for good" "Boris Johnson"
    check "no quote from the bio" '(.boilerplate[0].start) as $b | [.quotes[] | select(.start >= $b)] | length == 0'
    check "count: 300 troops of GBRMIL" '[.counts[] | select((.value // .number) == 300 and ((.actor.code? // .actor // "") | tostring | startswith("GBRMIL")))] | length > 0'
    check "Gao within 5 km of 16.27N 0.04W" '[.places[] | select(.name == "Gao" and .country == "MLI") | ((.lat - 16.27) * 111.2) as $y | ((.lon + 0.04) * 106.7) as $x | select($x * $x + $y * $y < 25)] | length > 0'
    for p in Bamako Mali Niger London Paris Sahel "West Africa"; do
        check "place $p" "[.places[] | select(.name == \"$p\")] | length > 0"
    done
    check "tone negative" '.tone.tone < 0'
fi
echo "accept: $pass passed, $fail failed"
[ $fail -eq 0 ]
