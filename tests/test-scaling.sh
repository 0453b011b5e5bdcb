#!/bin/sh
# Scale-out on existing engines: the sample articles through GNU parallel
# (--pipe, 2 jobs) and through Dask distributed (a LocalCluster with 2
# worker processes) give, sorted by id, exactly the single-process output.
# Skips (77) an engine that is not installed.
set -eu
weft=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# 60 documents: the samples repeated with distinct ids
python3 - "$src/examples/articles/wikinews-sample.jsonl" "$tmp/in.jsonl" <<'PY'
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for k in range(20):
        for d in docs:
            out.write(json.dumps(dict(d, id="%s#%02d" % (d["id"], k)), ensure_ascii=False) + "\n")
PY
"$weft" run news "$tmp/in.jsonl" -q | sort > "$tmp/single"
[ "$(wc -l < "$tmp/single")" = 60 ] || { echo "single run: expected 60 records"; exit 1; }
# source differs by how the input was split; compare records without it
strip() { sed 's/"source":"[^"]*",//' "$1" | sort; }
ran=0
if command -v parallel >/dev/null; then
  parallel --will-cite --pipe -N 7 -j 2 "$weft" run news --input jsonl -q - < "$tmp/in.jsonl" > "$tmp/parallel"
  strip "$tmp/single" > "$tmp/a"; strip "$tmp/parallel" > "$tmp/b"
  cmp -s "$tmp/a" "$tmp/b" || { echo "GNU parallel output differs"; diff "$tmp/a" "$tmp/b" | head -5; exit 1; }
  echo "ok: GNU parallel --pipe -j 2 gives the single-process output"
  ran=1
fi
# Debian's python3-distributed is for Debian's python3, which another
# python3 (pyenv, venv) may shadow on PATH
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3
if $py -c "import dask.distributed" 2>/dev/null; then
  $py "$src/examples/dask/weft_dask.py" "$tmp/in.jsonl" "$tmp/dask" --weft "$weft" \
    --workers 2 --partition-lines 8 2> "$tmp/dask.log" || { cat "$tmp/dask.log"; exit 1; }
  strip "$tmp/dask" > "$tmp/b"
  strip "$tmp/single" > "$tmp/a"
  cmp -s "$tmp/a" "$tmp/b" || { echo "Dask output differs"; diff "$tmp/a" "$tmp/b" | head -5; exit 1; }
  echo "ok: Dask LocalCluster with 2 workers gives the single-process output"
  ran=1
fi
command -v parallel >/dev/null || echo "skipped: GNU parallel is not installed"
$py -c "import dask.distributed" 2>/dev/null || echo "skipped: python3-distributed is not installed"
[ $ran = 1 ] || exit 77
