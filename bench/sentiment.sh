#!/bin/sh
# The sentiment plugin's speed.  1. Micro-benchmark of its VADER scorer
# against the npm port of VADER (vader-sentiment) on the same texts: the
# 14,805 texts of vader-reference.tsv, scored ROUNDS times by each; prints
# texts/s from the median round of each and their ratio.  2. When the CLI
# and the tokenizer are built: `weft run pipelines/vader.yaml` end to end
# on those texts, and the sentiment stage's throughput on ~20 MB of
# Wikinews: CPU seconds of tokenizer alone vs tokenizer + sentiment
# (median of ROUNDS runs each), without and with the sentiment layer
# written; stage MB/s = MB of text / (CPU both - CPU tokenizer).
#
#   bench/sentiment.sh [BUILD_DIR (default build)] [ROUNDS (default 7)]
#
# The peers come from the lockfile in bench/peers (bench/peers/ensure);
# NO_NODE=1 skips that comparison.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
rounds=${2:-7}
shared=${WEFT_SHARED:-$root/../shared}
tsv=$shared/eval/sentiment/vader-reference.tsv
wikinews=$shared/corpus/wikinews/wikinews.jsonl
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

[ -f "$tsv" ] || { echo "no $tsv" >&2; exit 2; }
tail -n +2 "$tsv" | cut -f7 > "$tmp/texts.txt"
n=$(wc -l < "$tmp/texts.txt")
median() { sort -g -k2 "$1" | awk '{ a[NR] = $2 } END { print a[int((NR + 1) / 2)] }'; }

meson compile -C "$build" vader-bench > /dev/null
"$build/plugins/sentiment/vader-bench" "$build/plugins/sentiment" \
  "$tmp/texts.txt" "$rounds" > "$tmp/c.out" 2> /dev/null
c=$(median "$tmp/c.out")
echo "texts: $n (vader-reference.tsv), rounds: $rounds, median round"
awk -v n="$n" -v c="$c" 'BEGIN {
  printf "  weft sentiment (C scorer)   %8.3f s  %10.0f texts/s\n", c, n / c
}'

if [ -z "${NO_NODE:-}" ]; then
  "$root/bench/peers/ensure"
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
  node "$tmp/node.js" "$root/bench/peers/node_modules/vader-sentiment" \
    "$tmp/texts.txt" "$rounds" > "$tmp/node.out"
  js=$(median "$tmp/node.out")
  nodever=$(node -p "require('$root/bench/peers/node_modules/vader-sentiment/package.json').version")
  awk -v n="$n" -v c="$c" -v js="$js" -v v="$nodever" 'BEGIN {
    printf "  npm vader-sentiment %-7s %8.3f s  %10.0f texts/s\n", v, js, n / js
    printf "  ratio (C / node, texts/s)   %8.1fx\n", js / c
  }'
fi

weft="$build/cli/weft"
[ -x "$weft" ] && [ -f "$build/plugins/tokenizer/tokenizer.so" ] || exit 0
export WEFT_PLUGIN_PATH="$build/plugins"

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

[ -f "$wikinews" ] || exit 0
printf 'stages:\n  - plugin: tokenizer\n' > "$tmp/tok.yaml"
printf 'stages:\n  - plugin: tokenizer\n  - plugin: sentiment\n' > "$tmp/both.yaml"
python3 - "$weft" "$wikinews" "$tmp" "$rounds" <<'PY'
import json, os, resource, statistics, subprocess, sys
weft, wikinews, tmp, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
docs = [json.loads(l) for l in open(wikinews, encoding="utf-8") if l.strip()]
corpus, size, k = os.path.join(tmp, "corpus.jsonl"), 0, 0
with open(corpus, "w", encoding="utf-8") as out:
    while size < 20_000_000:
        for d in docs:
            d = dict(d, id=f"{d.get('id', '')}#{k}")
            size += len(d["text"].encode())
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
        k += 1
def cpu(pipeline, layers):
    times = []
    for _ in range(rounds):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([weft, "run", os.path.join(tmp, pipeline), corpus, "-q",
                        "--layers", layers], stdout=subprocess.DEVNULL, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times)
mb = size / 1e6
tok = cpu("tok.yaml", "")
both = cpu("both.yaml", "")
layer = cpu("both.yaml", "sentiment")
print(f"wikinews x{k}: {mb:.1f} MB of text, CPU s (median of {rounds}): "
      f"tokenizer {tok:.3f}, + sentiment {both:.3f}, + sentiment layer written {layer:.3f}")
print(f"  sentiment stage            {mb / (both - tok):8.1f} MB/s")
print(f"  stage + writing its layer  {mb / (layer - tok):8.1f} MB/s")
PY
