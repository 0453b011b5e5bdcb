#!/bin/sh
# Throughput of the quotes stage alone against compromise's quotations()
# on the same news text: Wikinews (295 articles) and the sample articles,
# repeated up to MB megabytes.  weft: tokenized in batches of 8 (untimed), then the
# quotes plugin's process() timed over each batch (quotes-bench);
# compromise: nlp(text).quotations() per document, once (it runs at about
# 0.15-0.2 MB/s: 50 MB take 4-6 minutes).  Prints MB/s of the best of ROUNDS
# weft runs and of the compromise run, and their ratio.
#
#   bench/quotes.sh [BUILD_DIR (default build)] [MB (default 50)] [ROUNDS (default 3)]
#
# The peers come from the lockfile in bench/peers (bench/peers/ensure).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
mb=${2:-50}
rounds=${3:-3}
shared=${WEFT_SHARED:-$root/../shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

[ -f "$shared/corpus/wikinews/wikinews.jsonl" ] || { echo "no $shared/corpus" >&2; exit 2; }
python3 - "$shared/corpus" "$tmp/news.bin" <<'PY'
import glob, json, sys
corpus, out = sys.argv[1], open(sys.argv[2], "wb")
for line in open(corpus + "/wikinews/wikinews.jsonl", encoding="utf-8"):
    out.write(json.loads(line)["text"].encode() + b"\0")
for p in sorted(glob.glob(corpus + "/seeds/*.txt")):
    out.write(open(p, "rb").read() + b"\0")
PY

meson compile -C "$build" quotes-bench > /dev/null
"$root/bench/peers/ensure"

WEFT_PLUGIN_PATH="$build/plugins" "$build/plugins/quotes/quotes-bench" \
  --mb "$mb" --runs "$rounds" "$build/plugins/quotes" "$tmp/news.bin" > "$tmp/c.out"

cat > "$tmp/node.mjs" <<'JS'
import fs from 'fs';
import { pathToFileURL } from 'url';
const nlp = (await import(pathToFileURL(process.argv[2] + '/src/three.js'))).default;
const docs = fs.readFileSync(process.argv[3], 'utf8').split('\0').filter(s => s);
const target = parseInt(process.argv[4], 10) * 1e6, rounds = parseInt(process.argv[5], 10);
for (let r = 0; r < rounds; r++) {
  let bytes = 0, quotes = 0, seconds = 0;
  for (let i = 0; bytes < target; i = (i + 1) % docs.length) {
    const t0 = process.hrtime.bigint();
    quotes += nlp(docs[i]).quotations().length;
    seconds += Number(process.hrtime.bigint() - t0) / 1e9;
    bytes += Buffer.byteLength(docs[i]);
  }
  console.log(`${bytes} ${seconds.toFixed(6)} ${quotes}`);
}
JS
node "$tmp/node.mjs" "$root/bench/peers/node_modules/compromise" "$tmp/news.bin" "$mb" 1 > "$tmp/node.out"

best() { sort -g -k2 "$1" | head -1; }
version=$(node -p "require('$root/bench/peers/node_modules/compromise/package.json').version")
echo "text: Wikinews + sample articles repeated to $mb MB; weft: best of $rounds runs"
best "$tmp/c.out" | awk '{ printf "  weft quotes stage        %6.1f MB in %7.3f s  %8.1f MB/s  (%d quotations; %.1f MB/s of thread CPU time)\n", $1/1e6, $2, $1/1e6/$2, $3, $1/1e6/$4 }'
best "$tmp/node.out" | awk -v v="$version" '{ printf "  compromise %-8s quotations() %6.1f MB in %7.3f s  %8.2f MB/s  (%d quotations)\n", v, $1/1e6, $2, $1/1e6/$2, $3 }'
paste "$(best "$tmp/c.out" > "$tmp/c1"; echo "$tmp/c1")" "$(best "$tmp/node.out" > "$tmp/n1"; echo "$tmp/n1")" \
  | awk '{ printf "  ratio (weft / compromise, MB/s)  %.0fx\n", ($1/$2) / ($5/$6) }'
