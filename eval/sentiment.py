#!/usr/bin/env python3
"""Conformance of weft's sentiment plugin with the reference VADER.

Runs pipelines/vader.yaml (tokenizer -> sentiment, default options) with the
weft CLI over every text of vader-reference.tsv (one JSONL document each) and
compares doc.sentiment with the scores the reference implementation
(vaderSentiment 3.3.2) gave the same text.  Passes when |weft - reference| <=
0.0005 for at least 99.5% of the texts, for each of compound, pos, neu, neg.

    python3 eval/sentiment.py [TSV] [--weft build/cli/weft] [--gold FILE...]

TSV defaults to ../shared/eval/sentiment/vader-reference.tsv (relative to the
repository root).  --gold takes the VADER paper's human ratings
(*_GroundTruth.txt: id<TAB>mean rating<TAB>text) and prints the Pearson
correlation of weft's and the reference's compound with them.
Python 3 standard library only.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOLERANCE = 0.0005
REQUIRED = 0.995
FIELDS = ("compound", "pos", "neu", "neg")


def read_reference(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        if header[:7] != ["set", "id", "neg", "neu", "pos", "compound", "text"]:
            sys.exit(f"{path}: unexpected header {header}")
        for n, line in enumerate(f, 2):
            line = line.rstrip("\n")
            if not line:
                continue
            parts = line.split("\t", 6)
            if len(parts) != 7:
                sys.exit(f"{path}:{n}: expected 7 tab-separated fields")
            s, i, neg, neu, pos, compound, text = parts
            rows.append({"id": f"{s}/{i}", "set": s, "text": text,
                         "ref": {"neg": float(neg), "neu": float(neu),
                                 "pos": float(pos),
                                 "compound": float(compound)}})
    return rows


def run_weft(weft, pipeline, rows, extra_args):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8",
                                     delete=False) as f:
        for r in rows:
            f.write(json.dumps({"id": r["id"], "text": r["text"]},
                               ensure_ascii=False) + "\n")
        path = f.name
    try:
        cmd = [weft, "run", pipeline, "--input", "jsonl", "--format", "jsonl",
               "--quiet", "--layers", "sentences", *extra_args, path]
        out = subprocess.run(cmd, capture_output=True, text=True,
                             encoding="utf-8")
    finally:
        os.unlink(path)
    if out.returncode == 2:
        sys.exit(f"{' '.join(cmd)} failed:\n{out.stderr}")
    results = {}
    for line in out.stdout.splitlines():
        rec = json.loads(line)
        results[rec["id"]] = rec
    return results


def pearson(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy)


def gold_correlation(gold_paths, rows, results):
    by_text = {}
    for r in rows:
        by_text.setdefault(r["text"], r)
    for path in gold_paths:
        ours, ref, human = [], [], []
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t", 2)
                if len(parts) != 3:
                    continue
                r = by_text.get(parts[2])
                rec = results.get(r["id"]) if r else None
                score = rec and rec.get("doc", {}).get("sentiment")
                if not score:
                    continue
                ours.append(score["compound"])
                ref.append(r["ref"]["compound"])
                human.append(float(parts[1]))
        if len(human) < 2:
            print(f"{path}: no texts in common with the reference TSV")
            continue
        print(f"{os.path.basename(path)}: {len(human)} texts, Pearson r with "
              f"human ratings: weft {pearson(ours, human):.4f}, "
              f"reference {pearson(ref, human):.4f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("tsv", nargs="?", default=os.path.join(
        ROOT, "..", "shared", "eval", "sentiment", "vader-reference.tsv"))
    ap.add_argument("--weft", default=os.path.join(ROOT, "build", "cli", "weft"))
    ap.add_argument("--pipeline", default=os.path.join(ROOT, "pipelines",
                                                       "vader.yaml"))
    ap.add_argument("--weft-arg", action="append", default=[],
                    help="extra argument for `weft run` (repeatable)")
    ap.add_argument("--gold", action="append", default=[],
                    help="human ratings file (id, mean, text), repeatable")
    ap.add_argument("--show", type=int, default=20,
                    help="mismatching texts to print (default 20)")
    args = ap.parse_args()

    rows = read_reference(args.tsv)
    results = run_weft(args.weft, args.pipeline, rows, args.weft_arg)

    within = Counter()
    exact = 0
    errors = []
    mismatches = []
    for r in rows:
        rec = results.get(r["id"])
        score = rec and rec.get("doc", {}).get("sentiment")
        if not score:
            errors.append((r, rec.get("error") if rec else "no output"))
            continue
        bad = {}
        for k in FIELDS:
            if abs(score[k] - r["ref"][k]) <= TOLERANCE:
                within[k] += 1
            else:
                bad[k] = (score[k], r["ref"][k])
        exact += all(score[k] == r["ref"][k] for k in FIELDS)
        if bad:
            mismatches.append((r, bad))

    n = len(rows)
    print(f"{n} texts from {args.tsv}")
    ok = True
    for k in FIELDS:
        frac = within[k] / n
        ok &= frac >= REQUIRED
        print(f"  {k:9s} within {TOLERANCE}: {within[k]:6d}/{n} = "
              f"{100 * frac:.3f}%")
    print(f"  all four identical to the reference: {exact}/{n} = "
          f"{100 * exact / n:.3f}%")
    by_set = Counter(r["set"] for r, _ in mismatches)
    print(f"  mismatching texts: {len(mismatches)} {dict(by_set)}; "
          f"failed documents: {len(errors)}")
    for r, bad in mismatches[:args.show]:
        diffs = ", ".join(f"{k} {w} vs {v}" for k, (w, v) in bad.items())
        print(f"    {r['id']}: {diffs}: {r['text']!r}")
    for r, err in errors[:args.show]:
        print(f"    {r['id']}: error {err}")
    if args.gold:
        gold_correlation(args.gold, rows, results)
    print("PASS" if ok and not errors else "FAIL")
    return 0 if ok and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
