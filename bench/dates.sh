#!/bin/sh
# Throughput of the dates stage on news text, and of chrono-node on the
# same text in the same run.  The corpus is shared/corpus/wikinews repeated
# to >= MB megabytes (JSONL with publication dates).  Each round times weft
# with the tokenizer alone (pipelines/tokens.yaml), with tokenizer + dates
# (pipelines/dates.yaml), one job each, output to /dev/null, and chrono-node
# parsing every document with its date as the reference; the figures are
# the medians over RUNS rounds.  The dates stage's time is the difference
# of the two weft medians, so it includes writing the dates layer.  Wall
# time and CPU time (user + system) are both reported: on a shared machine
# the CPU time is the steadier of the two.
#
#   bench/dates.sh [BUILD_DIR (default build)] [MB (default 50)] [RUNS (5)]
#
# The peers come from the lockfile in bench/peers (bench/peers/ensure).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
mb=${2:-50}
runs=${3:-5}
src=${WEFT_SHARED:-$root/../shared}/corpus/wikinews/wikinews.jsonl
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -f "$src" ] || { echo "no $src" >&2; exit 2; }

"$root/bench/peers/ensure"

cat > "$tmp/chrono.js" <<'JS'
// Prints the CPU and wall seconds of parsing only (not reading the file).
const chrono = require(process.argv[2]);
const fs = require('fs');
const lines = fs.readFileSync(process.argv[3], 'utf8').split('\n');
const docs = lines.filter(l => l).map(l => JSON.parse(l));
let n = 0;
const c0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
for (const d of docs)
  n += chrono.parse(d.text, new Date(d.date + 'T12:00:00')).length;
const wall = Number(process.hrtime.bigint() - t0) / 1e9;
const c = process.cpuUsage(c0);
console.log(`${wall} ${(c.user + c.system) / 1e6} ${n}`);
JS

WEFT_PLUGIN_PATH="$build/plugins" python3 - "$src" "$tmp" "$mb" "$runs" \
  "$build/cli/weft" "$root" <<'PY'
import json, os, statistics, subprocess, sys, time

src, tmp, mb, runs, weft, root = sys.argv[1:7]
mb, runs = int(mb), int(runs)
corpus = os.path.join(tmp, "news.jsonl")
docs = [json.loads(l) for l in open(src, encoding="utf-8")]
size = n = 0
with open(corpus, "w", encoding="utf-8") as f:
    while size < mb * 1000000:
        for d in docs:
            f.write(json.dumps({"id": f"{n}", "text": d["text"],
                                "date": d["date"][:10]}) + "\n")
            size += len(d["text"].encode("utf-8"))
            n += 1
mbytes = size / 1e6


def weft_run(pipeline, layers, out):
    cmd = [weft, "run", os.path.join(root, "pipelines", pipeline), "-q",
           "-j", "1", "--input", "jsonl", "--format", "jsonl", "--layers",
           layers, corpus]
    with open(out, "w") as o:
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, stdout=o)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.monotonic() - t0
    if status:
        sys.exit(f"{' '.join(cmd)} failed")
    return wall, ru.ru_utime + ru.ru_stime


chrono = os.path.join(root, "bench", "peers", "node_modules", "chrono-node")
res = {"tok": [], "dates": [], "chrono": []}
found = chrono_n = 0
for r in range(runs):
    res["tok"].append(weft_run("tokens.yaml", "sentences", os.devnull))
    out = os.path.join(tmp, "out.jsonl")
    res["dates"].append(weft_run("dates.yaml", "sentences,dates", out))
    if r == 0:
        found = sum(len(json.loads(l)["dates"]) for l in open(out))
    o = subprocess.run(["node", os.path.join(tmp, "chrono.js"), chrono,
                        corpus], capture_output=True, text=True, check=True)
    w, c, chrono_n = o.stdout.split()
    res["chrono"].append((float(w), float(c)))
ver = json.load(open(os.path.join(chrono, "package.json")))["version"]
med = {k: (statistics.median(x[0] for x in v),
           statistics.median(x[1] for x in v)) for k, v in res.items()}
stage = (med["dates"][0] - med["tok"][0], med["dates"][1] - med["tok"][1])
print(f"text: {mbytes:.1f} MB ({n} documents, wikinews.jsonl repeated), "
      f"1 job, medians of {runs} rounds")
print(f"  {'':34s} {'wall s':>7s} {'MB/s':>7s}   {'CPU s':>7s} {'MB/s':>7s}")
rows = [("weft tokenizer only", med["tok"]),
        ("weft tokenizer + dates", med["dates"]),
        (f"dates stage (difference)", stage),
        (f"chrono-node {ver}", med["chrono"])]
for name, (w, c) in rows:
    print(f"  {name:34s} {w:7.2f} {mbytes / w:7.1f}   {c:7.2f} {mbytes / c:7.1f}")
print(f"  expressions: dates {found}, chrono-node {chrono_n}")
print(f"  ratio chrono-node / dates stage: wall {med['chrono'][0] / stage[0]:.1f}x,"
      f" CPU {med['chrono'][1] / stage[1]:.1f}x")
PY
