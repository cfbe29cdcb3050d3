#!/usr/bin/env bash
# bench/actors-eval.sh -- precision and recall of the actor stage on our case
# files: tests/cases/actors-*.test (all pass under `make test`) and
# tests/actors-pending.test (right answers we do not reach yet).  A mention
# counts as correct when its whole line TEXT|CODE|HOW matches ("exact"), or
# when TEXT|CODE matches whatever HOW says ("code"); "none" lines are no
# mentions.  Per file and in total.
set -u
cd "$(dirname "$0")/.."
make -s build/run-cases >/dev/null || exit 1
gold() {   # expected mention lines in a case file
    awk '/^#/ && !incase {next} /^%kind/ {next}
         /^$/ {incase=0; next}
         { if (!incase) {incase=1; next} if ($0 != "none") n++ }
         END {print n+0}' "$1"
}
misses() {  # "fp fn" over the failing cases, from run-cases' report; $2=1: ignore HOW
    DATELINE_TODAY=2026-11-29 ./build/run-cases "$1" 2>&1 | awk -v nohow="$2" '
        function flush(   k, tp, ne, ng) {
            if (!st) return
            ne = 0; ng = 0; tp = 0
            for (k in E) ne += E[k]
            for (k in G) { ng += G[k]; if (k in E) tp += (E[k] < G[k] ? E[k] : G[k]) }
            fp += ng - tp; fn += ne - tp
            delete E; delete G; st = 0
        }
        /^FAIL / {flush(); st = 1; next}
        /^[0-9]+ passed, [0-9]+ failed$/ {flush(); next}
        st == 1 && /^  expected:$/ {st = 2; next}
        st == 2 && /^  got:$/ {st = 3; next}
        st >= 2 && nohow == 1 {sub(/\|[a-z]+$/, "")}
        st == 2 && $0 != "none" {E[$0]++; next}
        st == 3 && $0 != "none" {G[$0]++; next}
        END {flush(); print fp + 0, fn + 0}'
}
for mode in 0 1; do
[ $mode = 0 ] && echo "exact: TEXT|CODE|HOW" || echo "code: TEXT|CODE"
tt=0; tfp=0; tfn=0
printf "%-34s %6s %6s %6s %9s %7s\n" file gold fp fn precision recall
for f in tests/cases/actors-*.test tests/actors-pending.test tests/actors-heldout.test tests/actors-heldout2.test; do
    [ -r "$f" ] || continue
    g=$(gold "$f"); read fp fn < <(misses "$f" $mode)
    tp=$((g - fn))
    printf "%-34s %6d %6d %6d %9s %7s\n" "$(basename "$f")" "$g" "$fp" "$fn" \
        "$(awk -v t=$tp -v p=$fp 'BEGIN{printf "%.3f", (t+p) ? t/(t+p) : 1}')" \
        "$(awk -v t=$tp -v g=$g 'BEGIN{printf "%.3f", g ? t/g : 1}')"
    tt=$((tt + g)); tfp=$((tfp + fp)); tfn=$((tfn + fn))
done
ttp=$((tt - tfn))
printf "%-34s %6d %6d %6d %9s %7s\n" total "$tt" "$tfp" "$tfn" \
    "$(awk -v t=$ttp -v p=$tfp 'BEGIN{printf "%.3f", (t+p) ? t/(t+p) : 1}')" \
    "$(awk -v t=$ttp -v g=$tt 'BEGIN{printf "%.3f", g ? t/g : 1}')"
done
