#!/bin/sh
# Throughput of the tokenizer plugin alone (tokens and sentences, one
# thread) against wink-nlp's tokenizer on the same text: the Wikinews
# corpus repeated to MB megabytes, RUNS timed passes each; prints the
# median MB/s of each and their ratio, over CPU time (the figure to quote on
# a shared machine) and over wall-clock time.
#
#   bench/tokenizer.sh [BUILD_DIR (default build)] [MB (default 50)] [RUNS (default 5)]
#
# The peers come from the lockfile in bench/peers (bench/peers/ensure).
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

"$root/bench/peers/ensure"

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
