#!/usr/bin/env python3
"""Scores weft's quotes layer against annotated news.

The dataset is JSONL, one document a line:
  {"id", "text"           (or "path" + "sha256" for texts that may not be
                           redistributed: the text is read from PATH, relative
                           to --corpus, and must match the checksum),
   "date", "quotes": [{"start", "end", "kind", "cue",
                       "source_start", "source_end", "speaker"}]}
Offsets are Unicode code points, end exclusive; kind is direct, mixed or
indirect; the source span is the speaker mention in the attribution (null
when the quotation has none).

A predicted quotation matches a gold one of the same group (direct; mixed
or indirect) when their content spans overlap by at least 80% of the longer
span (one-to-one, greedy by overlap).  Speaker match: the share of matched
gold quotations with a source whose predicted speaker mention overlaps the
gold source span.  Name accuracy: the share of matched gold quotations with
a speaker name whose predicted `speaker` equals it (case-insensitive).
Predictions of kind `term` are not scored.
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GROUPS = {"direct": "direct", "mixed": "reported", "indirect": "reported"}


def load(path, corpus):
    docs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            d = json.loads(line)
            if d.get("text") is None:
                p = os.path.join(corpus, d["path"])
                if not os.path.exists(p):
                    print(f"{path}:{n}: {p} missing, skipped", file=sys.stderr)
                    continue
                raw = open(p, "rb").read()
                if hashlib.sha256(raw).hexdigest() != d["sha256"]:
                    sys.exit(f"{path}:{n}: {p} does not match its checksum")
                d["text"] = raw.decode("utf-8")
            docs.append(d)
    return docs


def run_weft(weft, pipeline, docs):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                     encoding="utf-8") as f:
        for d in docs:
            rec = {"id": d["id"], "text": d["text"]}
            if d.get("date"):
                rec["date"] = d["date"]
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        name = f.name
    try:
        out = subprocess.run([weft, "run", pipeline, "--input", "jsonl",
                              "--format", "jsonl", "--quiet", name],
                             capture_output=True, text=True, check=False)
    finally:
        os.unlink(name)
    if out.returncode not in (0, 1):
        sys.exit(f"weft failed ({out.returncode}): {out.stderr}")
    result = {}
    for line in out.stdout.splitlines():
        r = json.loads(line)
        if "error" in r:
            print(f"{r['id']}: {r['error']}", file=sys.stderr)
        result[r["id"]] = r.get("quotes", [])
    return result


def overlap(a0, a1, b0, b1):
    return max(0, min(a1, b1) - max(a0, b0))


def content_match(g, p):
    longer = max(g["end"] - g["start"], p["end"] - p["start"])
    return longer > 0 and overlap(g["start"], g["end"], p["start"], p["end"]) >= 0.8 * longer


def match(gold, pred):
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if GROUPS[g["kind"]] == GROUPS.get(p.get("kind")) and content_match(g, p):
                pairs.append((-overlap(g["start"], g["end"], p["start"], p["end"]), i, j))
    pairs.sort()
    used_g, used_p, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((gold[i], pred[j]))
    return out


def f1(tp, n_gold, n_pred):
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dataset", nargs="?",
                    default=os.path.join(ROOT, "eval", "quotes-dev.jsonl"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"),
                    help="folder the dataset's relative paths are read from")
    ap.add_argument("--weft", default=os.path.join(ROOT, "build", "cli", "weft"))
    ap.add_argument("--pipeline", default=os.path.join(ROOT, "pipelines", "quotes.yaml"))
    ap.add_argument("--show", action="store_true", help="print every miss")
    args = ap.parse_args()

    docs = load(args.dataset, args.corpus)
    predicted = run_weft(args.weft, args.pipeline, docs)
    stats = {g: {"gold": 0, "pred": 0, "tp": 0, "src": 0, "src_ok": 0,
                 "name": 0, "name_ok": 0} for g in ("direct", "reported")}
    for d in docs:
        gold = d["quotes"]
        pred = [p for p in predicted.get(d["id"], []) if p.get("kind") in GROUPS]
        pairs = match(gold, pred)
        for g in gold:
            stats[GROUPS[g["kind"]]]["gold"] += 1
        for p in pred:
            stats[GROUPS[p["kind"]]]["pred"] += 1
        matched_g = {id(g) for g, _ in pairs}
        matched_p = {id(p) for _, p in pairs}
        for g, p in pairs:
            s = stats[GROUPS[g["kind"]]]
            s["tp"] += 1
            if g.get("source_start") is not None:
                s["src"] += 1
                ok = (p.get("speaker_start") is not None and overlap(
                    g["source_start"], g["source_end"],
                    p["speaker_start"], p["speaker_end"]) > 0)
                s["src_ok"] += ok
                if args.show and not ok:
                    print(f"{d['id']} SPEAKER {g['kind']} gold "
                          f"{d['text'][g['source_start']:g['source_end']]!r} pred "
                          f"{p.get('speaker')!r}: {d['text'][g['start']:g['end']][:60]!r}")
            if g.get("speaker"):
                s["name"] += 1
                ok = (p.get("speaker") or "").lower() == g["speaker"].lower()
                s["name_ok"] += ok
                if args.show and not ok:
                    print(f"{d['id']} NAME gold {g['speaker']!r} pred {p.get('speaker')!r}")
        if args.show:
            for g in gold:
                if id(g) not in matched_g:
                    print(f"{d['id']} MISS {g['kind']} {g['start']}-{g['end']}: "
                          f"{d['text'][g['start']:g['end']][:90]!r}")
            for p in pred:
                if id(p) not in matched_p:
                    print(f"{d['id']} FALSE {p['kind']} {p['start']}-{p['end']}: "
                          f"{p['text'][:90]!r}")
    print(f"{len(docs)} documents")
    for name, label in (("direct", "direct"), ("reported", "indirect+mixed")):
        s = stats[name]
        p, r, f = f1(s["tp"], s["gold"], s["pred"])
        src = 100 * s["src_ok"] / s["src"] if s["src"] else 0.0
        nm = 100 * s["name_ok"] / s["name"] if s["name"] else 0.0
        print(f"{label:15s} gold {s['gold']:4d} pred {s['pred']:4d} matched {s['tp']:4d}  "
              f"P {100*p:5.1f} R {100*r:5.1f} F1 {100*f:5.1f}  "
              f"speaker {src:5.1f}% ({s['src_ok']}/{s['src']})  "
              f"name {nm:5.1f}% ({s['name_ok']}/{s['name']})")


if __name__ == "__main__":
    main()
