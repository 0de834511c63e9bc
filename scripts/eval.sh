#!/bin/sh
# Scores quotegraph on the public dev sets of ../shared/eval and prints the scorers' figures:
# People's Daily dev (PER), CLUENER2020 dev (name → PER, position → TITLE) through
# `quotegraph tag`, and the seed article (entities, roles, meetings) through `extract`.
#   scripts/eval.sh [QUOTEGRAPH_BINARY] [SHARED_DIR]
# msra_ner is never read: it overlaps a held-out test set.
set -eu
BIN=${1:-.build/debug/quotegraph}
SHARED=${2:-../shared}
OUT=${TMPDIR:-/tmp}/quotegraph-eval.$$
mkdir -p "$OUT"
trap 'rm -rf "$OUT"' EXIT
SCORE_NER="python3 $SHARED/tools/score_ner.py"

PD=$SHARED/eval/peoples_daily_ner/example.dev
$SCORE_NER text "$PD" > "$OUT/pd.txt"
"$BIN" tag "$OUT/pd.txt" > "$OUT/pd.jsonl"
printf "People's Daily dev  "; $SCORE_NER score "$PD" "$OUT/pd.jsonl" --type PER

CLUE=$SHARED/eval/cluener2020/dev.json
$SCORE_NER text "$CLUE" > "$OUT/clue.txt"
"$BIN" tag "$OUT/clue.txt" > "$OUT/clue.jsonl"
printf "CLUENER2020 dev     "; $SCORE_NER score "$CLUE" "$OUT/clue.jsonl" --type PER
printf "CLUENER2020 dev     "; $SCORE_NER score "$CLUE" "$OUT/clue.jsonl" --type TITLE

"$BIN" extract "$SHARED/eval/seed" -o "$OUT/seed.jsonl" --quiet 2>/dev/null || true
echo "seed article:"
python3 "$SHARED/tools/score.py" "$SHARED/eval/seed" "$OUT/seed.jsonl" | sed 's/^/  /'
