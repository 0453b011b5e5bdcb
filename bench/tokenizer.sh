#!/bin/sh
# Throughput of the tokenizer plugin alone (tokens and sentences, one
# thread) against wink-nlp's tokenizer on the same text: the Wikinews
# corpus repeated to MB megabytes, RUNS timed passes each; prints the
# median MB/s of each and their ratio, over CPU time (the figure to quote on
# a shared machine) and over wall-clock time.
#
#   bench/tokenizer.sh [BUILD_DIR (default build)] [MB (default 50)] [RUNS (default 5)]
#
# Installs wink-nlp and wink-eng-lite-web-model into bench/node_modules on
# first use (npm; packages already there are kept).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
mb=${2:-50}
runs=${3:-5}
corpus=${WEFT_SHARED:-$root/../shared}/corpus/wikinews/wikinews.jsonl
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

[ -f "$corpus" ] || { echo "no $corpus" >&2; exit 2; }
python3 "$root/bench/tokenizer.py" "$corpus" "$tmp/texts.bin"
meson compile -C "$build" bench-tokenizer > /dev/null

if [ ! -d "$root/bench/node_modules/wink-nlp" ] \
   || [ ! -d "$root/bench/node_modules/wink-eng-lite-web-model" ]; then
  # npm --no-save removes what it was not asked for: ask for what is there.
  keep=$(ls "$root/bench/node_modules" 2> /dev/null | grep -v '^\.' || true)
  npm install --prefix "$root/bench" --no-save --no-package-lock \
    $keep wink-nlp wink-eng-lite-web-model > /dev/null
fi

weft=$("$build/plugins/tokenizer/bench-tokenizer" --mb "$mb" --runs "$runs" \
  "$tmp/texts.bin")
wink=$(node "$root/bench/wink-tokenize.js" "$tmp/texts.bin" --mb "$mb" \
  --runs "$runs")
winks=$(node "$root/bench/wink-tokenize.js" "$tmp/texts.bin" --mb "$mb" \
  --runs "$runs" --sentences)
echo "weft tokenizer (tokens + sentences): $weft"
echo "wink-nlp (tokens):                   $wink"
echo "wink-nlp (tokens + sbd):             $winks"
python3 - "$weft" "$wink" "$winks" <<'PY'
import json, sys
w, k, ks = (json.loads(a) for a in sys.argv[1:])
for clock, key in (("CPU time", "median_mb_s"),
                   ("wall-clock", "median_wall_mb_s")):
    print("median MB/s over %s: weft %.1f, wink-nlp %.1f (with sbd %.1f); "
          "ratio %.1fx (%.1fx)" % (clock, w[key], k[key], ks[key],
                                   w[key] / k[key], w[key] / ks[key]))
PY
