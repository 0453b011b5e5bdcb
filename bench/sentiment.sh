#!/bin/sh
# Micro-benchmark of the sentiment plugin's VADER scorer against the npm
# port of VADER (vader-sentiment), on the same texts: the 14,805 texts of
# vader-reference.tsv, scored ROUNDS times by each; prints texts/s from the
# median round of each and their ratio.  Also times `weft run
# pipelines/vader.yaml` end to end when the tokenizer plugin is built.
#
#   bench/sentiment.sh [BUILD_DIR (default build)] [ROUNDS (default 7)]
#
# Installs vader-sentiment into bench/node_modules on first use (npm).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
rounds=${2:-7}
tsv=${WEFT_SHARED:-$root/../shared}/eval/sentiment/vader-reference.tsv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

[ -f "$tsv" ] || { echo "no $tsv" >&2; exit 2; }
tail -n +2 "$tsv" | cut -f7 > "$tmp/texts.txt"
n=$(wc -l < "$tmp/texts.txt")

meson compile -C "$build" vader-bench > /dev/null
if [ ! -d "$root/bench/node_modules/vader-sentiment" ]; then
  npm install --prefix "$root/bench" --no-save --no-package-lock \
    vader-sentiment > /dev/null
fi

"$build/plugins/sentiment/vader-bench" "$build/plugins/sentiment" \
  "$tmp/texts.txt" "$rounds" > "$tmp/c.out" 2> /dev/null

cat > "$tmp/node.js" <<'JS'
const vader = require(process.argv[2]);
const fs = require('fs');
const texts = fs.readFileSync(process.argv[3], 'utf8').split('\n');
if (texts[texts.length - 1] === '') texts.pop();
const rounds = parseInt(process.argv[4], 10);
let checksum = 0;
for (let r = 0; r < rounds; r++) {
  const t0 = process.hrtime.bigint();
  for (const t of texts)
    checksum += vader.SentimentIntensityAnalyzer.polarity_scores(t).compound;
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`${texts.length} ${s.toFixed(6)}`);
}
JS
node "$tmp/node.js" "$root/bench/node_modules/vader-sentiment" \
  "$tmp/texts.txt" "$rounds" > "$tmp/node.out"

median() { sort -g -k2 "$1" | awk '{ a[NR] = $2 } END { print a[int((NR + 1) / 2)] }'; }
c=$(median "$tmp/c.out")
js=$(median "$tmp/node.out")
nodever=$(node -p "require('$root/bench/node_modules/vader-sentiment/package.json').version")
echo "texts: $n (vader-reference.tsv), rounds: $rounds, median round"
awk -v n="$n" -v c="$c" -v js="$js" -v v="$nodever" 'BEGIN {
  printf "  weft sentiment (C scorer)   %8.3f s  %10.0f texts/s\n", c, n / c
  printf "  npm vader-sentiment %-7s %8.3f s  %10.0f texts/s\n", v, js, n / js
  printf "  ratio (C / node, texts/s)   %8.1fx\n", js / c
}'

weft="$build/cli/weft"
if [ -x "$weft" ] && [ -f "$build/plugins/tokenizer/tokenizer.so" ]; then
  python3 -c '
import json, sys
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    print(json.dumps({"id": str(i), "text": line.rstrip("\n")}))
' "$tmp/texts.txt" > "$tmp/docs.jsonl"
  for r in $(seq "$rounds"); do
    s=$(date +%s%N)
    "$weft" run "$root/pipelines/vader.yaml" --input jsonl --format jsonl \
      --quiet -o "$tmp/out.jsonl" "$tmp/docs.jsonl"
    e=$(date +%s%N)
    echo "$n $(( (e - s) / 1000 ))e-6"
  done > "$tmp/cli.out"
  cli=$(median "$tmp/cli.out")
  awk -v n="$n" -v c="$cli" 'BEGIN {
    printf "  weft run vader.yaml (1 job)  %7.3f s  %10.0f docs/s (read, tokenize, score, write JSONL)\n", c, n / c
  }'
fi
