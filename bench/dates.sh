#!/bin/sh
# Throughput of the dates plugin on news text, and of chrono-node on the
# same text in the same run.  The corpus is shared/corpus/wikinews repeated
# to >= 50 MB (JSONL with publication dates).  weft is timed twice, with
# the tokenizer alone (pipelines/tokens.yaml) and with tokenizer + dates
# (pipelines/dates.yaml), one job each, output to /dev/null; the dates
# stage's time is the difference.  chrono-node parses each document with
# its date as the reference.
#
#   bench/dates.sh [BUILD_DIR (default build)] [MB (default 50)]
#
# Installs chrono-node into bench/node_modules on first use (npm).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
mb=${2:-50}
src=${WEFT_SHARED:-$root/../shared}/corpus/wikinews/wikinews.jsonl
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -f "$src" ] || { echo "no $src" >&2; exit 2; }

python3 - "$src" "$tmp/news.jsonl" "$mb" <<'PY'
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
want, size, n = int(sys.argv[3]) * 1000000, 0, 0
with open(sys.argv[2], "w", encoding="utf-8") as f:
    while size < want:
        for d in docs:
            f.write(json.dumps({"id": f"{n}", "text": d["text"],
                                "date": d["date"][:10]}) + "\n")
            size += len(d["text"].encode("utf-8"))
            n += 1
print(f"{n} documents, {size / 1e6:.1f} MB of text", file=sys.stderr)
PY

if [ ! -d "$root/bench/node_modules/chrono-node" ]; then
  npm install --prefix "$root/bench" --no-save --no-package-lock \
    chrono-node > /dev/null 2>&1
fi

export WEFT_PLUGIN_PATH="$build/plugins"
weft="$build/cli/weft"
now() { date +%s.%N; }
t0=$(now)
"$weft" run "$root/pipelines/tokens.yaml" -q -j 1 --input jsonl \
  --format jsonl --layers sentences "$tmp/news.jsonl" > /dev/null
t1=$(now)
"$weft" run "$root/pipelines/dates.yaml" -q -j 1 --input jsonl \
  --format jsonl --layers sentences,dates "$tmp/news.jsonl" > "$tmp/out.jsonl"
t2=$(now)
found=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['dates']) for l in open(sys.argv[1])))" "$tmp/out.jsonl")

cat > "$tmp/chrono.js" <<'JS'
const chrono = require(process.argv[2]);
const fs = require('fs');
const lines = fs.readFileSync(process.argv[3], 'utf8').split('\n');
const docs = lines.filter(l => l).map(l => JSON.parse(l));
let n = 0;
const t0 = process.hrtime.bigint();
for (const d of docs)
  n += chrono.parse(d.text, new Date(d.date + 'T12:00:00')).length;
const s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`${s.toFixed(3)} ${n}`);
JS
set -- $(node "$tmp/chrono.js" "$root/bench/node_modules/chrono-node" \
  "$tmp/news.jsonl")
chrono_s=$1
chrono_n=$2
bytes=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1])))" "$tmp/news.jsonl")
ver=$(node -p "require('$root/bench/node_modules/chrono-node/package.json').version")
awk -v b="$bytes" -v t0="$t0" -v t1="$t1" -v t2="$t2" -v cs="$chrono_s" \
    -v cn="$chrono_n" -v wn="$found" -v v="$ver" 'BEGIN {
  mb = b / 1e6; tok = t1 - t0; all = t2 - t1; d = all - tok
  printf "text: %.1f MB (wikinews.jsonl repeated), 1 job\n", mb
  printf "  weft tokenizer only          %7.2f s  %7.1f MB/s\n", tok, mb / tok
  printf "  weft tokenizer + dates       %7.2f s  %7.1f MB/s\n", all, mb / all
  printf "  dates stage (difference)     %7.2f s  %7.1f MB/s  (%d expressions)\n", d, mb / d, wn
  printf "  chrono-node %-8s         %7.2f s  %7.1f MB/s  (%d results)\n", v, cs, mb / cs, cn
  printf "  ratio (dates stage / chrono) %7.1fx\n", cs / d
}'
