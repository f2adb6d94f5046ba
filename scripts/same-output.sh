#!/bin/bash
# Compares the full `annotate` output (every kind) of two builds of the CLI, for speed work
# that must not change what is found (BENCHMARKS.md, DESIGN.md):
#
#   bash scripts/same-output.sh OLD_ANNOTATE NEW_ANNOTATE [--quick]
#
# e.g. OLD from `git worktree add /tmp/base HEAD && cd /tmp/base && CARGO_TARGET_DIR=/tmp/base-target
# cargo build --release --features tools --bin annotate`. Inputs: the seed article, bench/samples,
# www/samples (reference date 2024-01-09), and from ../shared/data (DATA=...): the CoNLL-2003
# dev text, the 256 TimeBank/AQUAINT texts with their creation dates (jsonl), the PolNeAR dev
# texts and the real article pages (HTML); --quick skips the last two. Prints SAME, or each
# input whose output differs and exits 1.
set -u
OLD=${1:?usage: same-output.sh OLD_ANNOTATE NEW_ANNOTATE [--quick]}
NEW=${2:?usage: same-output.sh OLD_ANNOTATE NEW_ANNOTATE [--quick]}
QUICK=${3:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${DATA:-$ROOT/../shared/data}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0
same() { # label, annotate arguments...
  local label=$1
  shift
  if ! cmp -s <("$OLD" "$@" 2>&1) <("$NEW" "$@" 2>&1); then
    echo "DIFFERS: $label"
    fail=1
  fi
}
for f in "$ROOT"/tests/data/seed-article.txt "$ROOT"/bench/samples/* "$ROOT"/www/samples/*; do
  [ -f "$f" ] && same "$f" "$f" --reference-date 2024-01-09
done
if [ -d "$DATA" ]; then
  awk 'NF && $1!="-DOCSTART-"{printf "%s ", $1} !NF{print ""}' "$DATA/conll2003/eng.testa" > "$TMP/dev.txt"
  same "CoNLL dev text" "$TMP/dev.txt" --reference-date 1996-08-30
  python3 - "$DATA/tempeval3/TBAQ-cleaned" > "$TMP/tbaq.jsonl" <<'PY'
import glob, html, json, os, re, sys
for f in sorted(glob.glob(os.path.join(sys.argv[1], "*", "*.tml"))):
    s = open(f, encoding="utf-8").read()
    m = re.search(r"<TEXT>(.*)</TEXT>", s, re.S)
    dct = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d\d-\d\d)', s) or re.search(
        r'value="(\d{4}-\d\d-\d\d)"[^>]*functionInDocument="CREATION_TIME"', s)
    text = html.unescape(re.sub(r"<[^>]+>", "", m.group(1))) if m else ""
    print(json.dumps({"id": os.path.basename(f), "text": text, "referenceDate": dct.group(1) if dct else None}))
PY
  same "TBAQ texts (jsonl)" "$TMP/tbaq.jsonl" --format jsonl
  if [ "$QUICK" != "--quick" ]; then
    for f in "$DATA"/polnear/dev/text/*.txt; do same "$f" "$f"; done
    for d in "$DATA"/article-pages/*/; do same "$d" "$d/source.html"; done
  fi
else
  echo "(no $DATA: only the committed texts compared)"
fi
if [ $fail = 0 ]; then echo "SAME: every output identical"; else echo "SOME OUTPUTS DIFFER"; exit 1; fi
