#!/usr/bin/env bash
# bench/events-eval.sh -- event-coding accuracy of `dateline code` on real
# news, against our own blind CAMEO annotations in bench/gold/events-*.tsv
# (format, sampling rules and annotation guidelines: docs/evaluation.md).
#
# usage: bash bench/events-eval.sh [-v] [-d YYYY-MM-DD] [-s dev|test] [GOLD.tsv ...]
#   -v   also list, per article, the false positives and false negatives
#        (level a) with the article's sentences, and the events that match
#        at level a but not at b or c, for error analysis.
#   -s   score only one part: a gold file with a "#%dev-lines M R" line
#        has its dev part in the records whose corpus line n has n % M == R
#        (look at the dev part's errors when changing the coder; report the
#        test part); a file without one is all test.
#   -d   give records that have no "date" this publication date (AG News has
#        none; its stories are from 2004-2005).  An experiment: the default
#        scores the records as they are.
# Default gold files: bench/gold/events-*.tsv.  The articles are read in
# place, by id, from the corpus named on each file's "#%corpus" line, which
# is relative to the repository's parent directory (override the directory
# that holds "shared/" with EVAL_ROOT=/path).  Needs python3 (standard
# library only) and builds build/dateline if it is missing.
#
# What is compared.
#   Gold: per article, the multiset of events (SOURCE, TARGET, CAMEO) on its
#   lines; an article with a "-" line has none (its system events are all
#   false positives).
#   System: the "events" of `dateline code` for the article, except
#     - negated events ("negated": true: the act was not done), except
#       those negation turned into a refusal code (12x: "did not lift the
#       sanctions" is 1231, an act of its own, as the store counts it), and
#     - events without a source or a target code (CAMEO events are dyadic),
#     - in files with "#%scope-sentences N", events in sentence >= N.
#   Both sides are reduced to (SOURCE[:6], TARGET[:6], CAMEO), the level of
#   detail of the gold (country + primary role: IGOUNOWBK -> IGOUNO,
#   USAGOVMIL -> USAGOV), and an article's system events are made distinct
#   on that triple, as the gold is (one event per distinct triple per
#   article, however often it is told).  Counts of what was dropped are
#   printed.
# Matching, for each article separately and at each level, on a key:
#   (a) SOURCE[:3], TARGET[:3], CAMEO root (2 digits)
#       -- right country pair, right direction, right root;
#   (b) SOURCE[:3], TARGET[:3], exact CAMEO code;
#   (c) SOURCE[:6], TARGET[:6], CAMEO root -- full actor codes.
#   Gold and system events are multisets of keys; true positives are the
#   size of their multiset intersection (each gold event is matched by at
#   most one system event and vice versa; with equality keys this is a
#   maximum matching).  Precision = TP / system events, recall = TP / gold
#   events, summed over all articles of a file (micro-averaged), then over
#   all files.
set -u
cd "$(dirname "$0")/.." || exit 1
verbose=0 date= split=
while getopts vd:s: opt; do
    case $opt in
    v) verbose=1 ;;
    d) date=$OPTARG ;;
    s) split=$OPTARG ;;
    *) echo "usage: bash bench/events-eval.sh [-v] [-d YYYY-MM-DD] [-s dev|test] [GOLD.tsv ...]" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || set -- bench/gold/events-*.tsv
[ -x build/dateline ] || make -s build/dateline >/dev/null || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
EVAL_ROOT="${EVAL_ROOT:-$(cd .. && pwd)}" VERBOSE=$verbose TMPD="$tmp" DATE="$date" SPLIT="$split" \
python3 - "$@" <<'PY'
import collections, gzip, json, os, subprocess, sys

root = os.environ["EVAL_ROOT"]
verbose = os.environ["VERBOSE"] == "1"
default_date = os.environ["DATE"]
split = os.environ["SPLIT"]
tmpd = os.environ["TMPD"]

def read_gold(path):
    """Return (corpus path, scope or None, ordered {id: [(src,tgt,code,note)]})."""
    corpus, scope, arts = None, None, collections.OrderedDict()
    global dev_lines
    dev_lines = None
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if line.startswith("#%corpus "):
            corpus = os.path.join(root, line.split(None, 1)[1].strip())
            continue
        if line.startswith("#%dev-lines "):
            dev_lines = tuple(int(x) for x in line.split()[1:3])
            continue
        if line.startswith("#%scope-sentences "):
            scope = int(line.split()[1])
            continue
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        ev = arts.setdefault(f[0], [])
        if len(f) >= 2 and f[1] == "-":
            continue
        if len(f) < 4 or not f[1] or not f[2] or not f[3].isdigit():
            sys.exit("%s:%d: expected id, source, target, code" % (path, n))
        ev.append((f[1], f[2], f[3], f[4] if len(f) > 4 else ""))
    if corpus is None:
        sys.exit("%s: no #%%corpus line" % path)
    return corpus, scope, arts

def run_dateline(corpus, ids, tag):
    """Select the records by id from the corpus (read in place), code them."""
    want, found = set(ids), {}
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            rec = json.loads(line)
            if rec.get("id") in want:
                found[rec["id"]] = line
                line_of[rec["id"]] = n
    missing = [i for i in ids if i not in found]
    if missing:
        sys.exit("%s: ids not in the corpus: %s" % (corpus, " ".join(missing[:10])))
    inp = os.path.join(tmpd, tag + ".jsonl")
    with open(inp, "w", encoding="utf-8") as out:
        for i in ids:
            line = found[i].rstrip("\n")
            if default_date:
                rec = json.loads(line)
                if not rec.get("date"):
                    rec["date"] = default_date
                    line = json.dumps(rec, ensure_ascii=False)
            out.write(line + "\n")
    res = subprocess.run(["build/dateline", "code", "--format", "jsonl",
                          "--sentences", "--no-summary", "--today", "2026-11-29",
                          "-j", "2", inp], stdout=subprocess.PIPE, check=True)
    docs = {}
    for line in res.stdout.decode("utf-8").splitlines():
        d = json.loads(line)
        docs[d["id"]] = d
    return docs

LEVELS = [("a", "country pair + root"), ("b", "country pair + exact code"),
          ("c", "full actors + root")]

def key(level, s, t, c):
    if level == "a": return (s[:3], t[:3], c[:2])
    if level == "b": return (s[:3], t[:3], c)
    return (s[:6], t[:6], c[:2])

def system_events(doc, scope, drop):
    seen, out = set(), []
    for e in doc.get("events", []):
        if e.get("negated") and not e.get("cameo", "").startswith("12"):
            drop["negated"] += 1; continue
        s = (e.get("source") or {}).get("code") or ""
        t = (e.get("target") or {}).get("code") or ""
        if not s or not t:
            drop["no source or target"] += 1; continue
        if scope is not None and e.get("sentence", 0) >= scope:
            drop["outside scope"] += 1; continue
        tri = (s[:6], t[:6], e["cameo"])
        if tri in seen:
            drop["repeated in article"] += 1; continue
        seen.add(tri)
        out.append((tri[0], tri[1], tri[2], e))
    return out

def match(level, gold, sysev):
    """Greedy equality matching = maximum matching; returns (tp, fn list, fp list)."""
    pool = collections.defaultdict(list)
    for g in gold:
        pool[key(level, g[0], g[1], g[2])].append(g)
    fp = []
    for x in sysev:
        k = key(level, x[0], x[1], x[2])
        if pool[k]:
            pool[k].pop(0)
        else:
            fp.append(x)
    fn = [g for k in pool for g in pool[k]]
    return len(gold) - len(fn), fn, fp

def pr(tp, nsys, ngold):
    p = tp / nsys if nsys else 1.0
    r = tp / ngold if ngold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f

def show_article(aid, doc, scope, gold, sysev):
    lines = []
    for lv in ("a", "b", "c"):
        tp, fn, fp = match(lv, gold, sysev)
        if lv == "a":
            fna, fpa = fn, fp
            for g in fn:
                lines.append("  FN  %-9s %-9s %-4s  %s" % g)
            for x in fp:
                e = x[3]
                lines.append("  FP  %-9s %-9s %-4s  s%d \"%s\" %s" % (
                    e["source"]["code"], e["target"]["code"], e["cameo"],
                    e["sentence"], e["text"], e["pattern"]["id"] if e.get("pattern") else ""))
        else:
            # matched at a but not at this level: show the pairs
            ok_a = [g for g in gold if g not in fna]
            sys_a = [x for x in sysev if x not in fpa]
            for g in fn:
                if g in ok_a:
                    cand = [x for x in fp if x in sys_a and
                            key("a", *x[:3]) == key("a", *g[:3])]
                    got = ", ".join("%s %s %s" % (x[3]["source"]["code"], x[3]["target"]["code"],
                                                  x[2]) for x in cand) or "?"
                    lines.append("  ~%s  gold %s %s %s, got %s" % (lv, g[0], g[1], g[2], got))
    if not lines:
        return
    print("== %s" % aid)
    for i, s in enumerate(doc.get("sentences", [])):
        if scope is not None and i >= scope:
            break
        print("  [%d] %s" % (i, " ".join(s["text"].split())))
    print("\n".join(lines))

line_of = {}
dev_lines = None

def in_split(aid):
    if not split:
        return True
    dev = dev_lines is not None and line_of[aid] % dev_lines[0] == dev_lines[1]
    return dev if split == "dev" else not dev

total = {lv: [0, 0, 0] for lv, _ in LEVELS}   # tp, nsys, ngold
tot_art = tot_noev = 0
drops_all = collections.Counter()
for path in sys.argv[1:]:
    corpus, scope, arts = read_gold(path)
    tag = os.path.splitext(os.path.basename(path))[0]
    docs = run_dateline(corpus, list(arts), tag)
    arts = collections.OrderedDict((a, g) for a, g in arts.items() if in_split(a))
    if not arts:
        continue
    sums = {lv: [0, 0, 0] for lv, _ in LEVELS}
    drops = collections.Counter()
    ngold = nsys = 0
    for aid, gold in arts.items():
        sysev = system_events(docs[aid], scope, drops)
        ngold += len(gold); nsys += len(sysev)
        for lv, _ in LEVELS:
            tp, fn, fp = match(lv, gold, sysev)
            sums[lv][0] += tp; sums[lv][1] += len(sysev); sums[lv][2] += len(gold)
        if verbose:
            show_article(aid, docs[aid], scope, gold, sysev)
    noev = sum(1 for g in arts.values() if not g)
    print("%s%s: %d articles (%d with no event), %d gold events, %d system events%s" % (
        path, " [%s]" % split if split else "", len(arts), noev, ngold, nsys,
        " (first %d sentences)" % scope if scope else ""))
    print("  not scored: " + (", ".join("%d %s" % (n, k) for k, n in sorted(drops.items())) or "none"))
    for lv, name in LEVELS:
        tp, ns, ng = sums[lv]
        p, r, f = pr(tp, ns, ng)
        print("  (%s) %-27s tp %4d  precision %.3f  recall %.3f  F1 %.3f" % (lv, name, tp, p, r, f))
        for i in range(3):
            total[lv][i] += sums[lv][i]
    tot_art += len(arts); tot_noev += noev; drops_all += drops
if len(sys.argv) > 2:
    print("all: %d articles (%d with no event), %d gold events, %d system events" % (
        tot_art, tot_noev, total["a"][2], total["a"][1]))
    for lv, name in LEVELS:
        tp, ns, ng = total[lv]
        p, r, f = pr(tp, ns, ng)
        print("  (%s) %-27s tp %4d  precision %.3f  recall %.3f  F1 %.3f" % (lv, name, tp, p, r, f))
PY
