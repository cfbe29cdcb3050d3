#!/usr/bin/env bash
# data/build.sh -- `make data`: regenerate every generated table in data/
# from its Debian or npm package (network needed for npm).  Each
# data/<name>/build.sh builds one table and records versions and licences
# in its PROVENANCE.md; a normal build uses only the committed outputs.
set -euo pipefail
cd "$(dirname "$0")"
status=0
for b in */build.sh; do
    echo "== data/$b"
    bash "$b" || { echo "data: $b failed" >&2; status=1; }
done
exit $status
