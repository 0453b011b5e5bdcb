#!/usr/bin/env python3
"""Score weft's tokens and sentences against a Universal Dependencies
CoNLL-U file the way the CoNLL 2018 shared task does.

The raw text of each document (a document starts at `# newdoc`) is rebuilt
from the `# text =` lines: sentences of one paragraph are joined by one
space, or by nothing when the last token of the previous sentence has
SpaceAfter=No; paragraphs (`# newpar`) are separated by a blank line
("\\n\\n").  Each document goes through `weft run PIPELINE --input jsonl
--format jsonl` and the tokens and sentences come back as code-point spans.

Scoring: spans are compared over characters with white space removed, so a
span is equal when it covers the same non-space characters.  Token F1 uses
surface tokens: a gold multiword token (`4-5 don't`) is one token, and a
weft `clitic` token attached to the token before it (do + n't) is merged
into it.  Sentence F1 compares sentence spans.

Usage: python3 eval/ud.py [CONLLU] [--weft build/cli/weft]
       [--pipeline pipelines/tokens.yaml] [--errors 10] [--examples 3]
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.join(ROOT, "..", "shared", "eval", "ud",
                            "en_ewt-ud-test.conllu")


def read_conllu(path):
    """Documents as {id, text, tokens: [(start, end)], sentences: [...]},
    spans in code points into the rebuilt text."""
    docs = []
    doc = None
    sent = None

    def finish_sentence():
        nonlocal sent
        if sent is None:
            return
        if doc is None or sent["newdoc"]:
            start_doc(sent["doc_id"])
        text = sent["text"]
        if doc["text"]:
            if sent["newpar"]:
                doc["text"] += "\n\n"
            elif doc["space_after"]:
                doc["text"] += " "
        base = len(doc["text"])
        doc["text"] += text
        pos = 0
        first = len(doc["tokens"])
        for form, space_after in sent["tokens"]:
            while pos < len(text) and text[pos].isspace():
                pos += 1
            if text[pos:pos + len(form)] != form:
                raise SystemExit("%s: token %r does not match the text of "
                                 "sentence %s at %d" % (path, form,
                                                        sent["id"], pos))
            doc["tokens"].append((base + pos, base + pos + len(form)))
            pos += len(form)
        if len(doc["tokens"]) > first:
            doc["sentences"].append((doc["tokens"][first][0],
                                     doc["tokens"][-1][1]))
        doc["space_after"] = sent["tokens"][-1][1] if sent["tokens"] else True
        sent = None

    def start_doc(doc_id):
        nonlocal doc
        doc = {"id": doc_id or "doc%d" % len(docs), "text": "", "tokens": [],
               "sentences": [], "space_after": True}
        docs.append(doc)

    pending = {"newdoc": False, "newpar": False, "doc_id": None}
    mwt_end = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                finish_sentence()
                mwt_end = 0
                continue
            if line.startswith("#"):
                m = re.match(r"#\s*newdoc(?:\s+id\s*=\s*(.*))?$", line)
                if m:
                    pending["newdoc"] = True
                    pending["doc_id"] = (m.group(1) or "").strip() or None
                elif re.match(r"#\s*newpar\b", line):
                    pending["newpar"] = True
                elif line.startswith("# text ="):
                    sent = {"text": line[len("# text ="):].strip(),
                            "tokens": [], "id": None, **pending}
                    pending = {"newdoc": False, "newpar": False,
                               "doc_id": pending["doc_id"]}
                elif line.startswith("# sent_id =") and sent is not None:
                    sent["id"] = line.split("=", 1)[1].strip()
                continue
            cols = line.split("\t")
            if len(cols) != 10 or sent is None:
                continue
            space_after = "SpaceAfter=No" not in cols[9].split("|")
            if "-" in cols[0]:
                mwt_end = int(cols[0].split("-")[1])
                sent["tokens"].append((cols[1], space_after))
            elif "." in cols[0]:
                continue
            elif int(cols[0]) > mwt_end:
                sent["tokens"].append((cols[1], space_after))
    finish_sentence()
    return docs


def run_weft(weft, pipeline, docs):
    """weft's tokens (clitics merged into surface tokens) and sentences."""
    lines = "".join(json.dumps({"id": d["id"], "text": d["text"]},
                               ensure_ascii=False) + "\n" for d in docs)
    proc = subprocess.run([weft, "run", pipeline, "--input", "jsonl",
                           "--format", "jsonl", "--layers",
                           "tokens,sentences", "--quiet"],
                          input=lines.encode("utf-8"), capture_output=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        raise SystemExit("weft failed with status %d" % proc.returncode)
    out = [json.loads(l) for l in proc.stdout.decode("utf-8").splitlines()]
    if len(out) != len(docs):
        raise SystemExit("weft returned %d documents for %d" % (len(out),
                                                               len(docs)))
    results = []
    for record in out:
        if "error" in record:
            raise SystemExit("weft failed on %s: %s" % (record["id"],
                                                        record["error"]))
        tokens = []
        for t in record.get("tokens", []):
            if (t["kind"] == "clitic" and tokens
                    and tokens[-1][1] == t["start"]):
                tokens[-1] = (tokens[-1][0], t["end"])
            else:
                tokens.append((t["start"], t["end"]))
        sentences = [(s["start"], s["end"]) for s in record.get("sentences",
                                                                 [])]
        results.append((tokens, sentences))
    return results


def nonspace_index(text):
    """index[i] = number of non-space characters before position i."""
    index = [0] * (len(text) + 1)
    n = 0
    for i, c in enumerate(text):
        index[i] = n
        if not c.isspace():
            n += 1
    index[len(text)] = n
    return index


def f1(correct, gold, system):
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def shape(s):
    s = re.sub(r"[^\W\d_]+", "w", s)
    s = re.sub(r"\d+", "9", s)
    return s


def token_errors(text, gold, system, index):
    """Groups of overlapping gold and system tokens that differ, as
    (gold texts, system texts)."""
    g = sorted(gold)
    s = sorted(system)
    i = j = 0
    errors = []
    while i < len(g) or j < len(s):
        if i < len(g) and j < len(s) and g[i] == s[j]:
            i += 1
            j += 1
            continue
        # grow a cluster until gold and system end at the same character
        gi, sj = i, j
        end = max(g[i][1] if i < len(g) else 0, s[j][1] if j < len(s) else 0)
        while True:
            while i < len(g) and g[i][0] < end:
                end = max(end, g[i][1])
                i += 1
            while j < len(s) and s[j][0] < end:
                end = max(end, s[j][1])
                j += 1
            if (i >= len(g) or g[i][0] >= end) and (j >= len(s)
                                                     or s[j][0] >= end):
                break
        errors.append(([text[a:b] for a, b in g[gi:i]],
                       [text[a:b] for a, b in s[sj:j]]))
    return errors


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("conllu", nargs="?", default=DEFAULT_DATA)
    ap.add_argument("--weft", default=os.path.join(ROOT, "build", "cli",
                                                   "weft"))
    ap.add_argument("--pipeline", default=os.path.join(ROOT, "pipelines",
                                                       "tokens.yaml"))
    ap.add_argument("--errors", type=int, default=10,
                    help="how many error types to list")
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--dump-text", metavar="FILE",
                    help="write the rebuilt documents as JSONL")
    args = ap.parse_args()

    docs = read_conllu(args.conllu)
    if args.dump_text:
        with open(args.dump_text, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps({"id": d["id"], "text": d["text"]},
                                   ensure_ascii=False) + "\n")
    results = run_weft(args.weft, args.pipeline, docs)

    totals = collections.Counter()
    err_types = collections.Counter()
    err_examples = collections.defaultdict(list)
    sent_types = collections.Counter()
    sent_examples = collections.defaultdict(list)
    for doc, (tokens, sentences) in zip(docs, results):
        text = doc["text"]
        index = nonspace_index(text)

        def norm(spans):
            return {(index[a], index[b]) for a, b in spans if index[a] < index[b]}

        for name, gold, system in (("tokens", doc["tokens"], tokens),
                                   ("sentences", doc["sentences"],
                                    sentences)):
            g, s = norm(gold), norm(system)
            totals[name + "_gold"] += len(g)
            totals[name + "_system"] += len(s)
            totals[name + "_correct"] += len(g & s)

        for gold_parts, sys_parts in token_errors(text, doc["tokens"],
                                                  tokens, index):
            key = "%s -> %s" % (" ".join(shape(x) for x in gold_parts),
                                " ".join(shape(x) for x in sys_parts))
            err_types[key] += 1
            if len(err_examples[key]) < args.examples:
                err_examples[key].append("%s -> %s" % (" ".join(gold_parts),
                                                       " | ".join(sys_parts)))

        gold_ends = {b for a, b in doc["sentences"]}
        sys_ends = {b for a, b in sentences}
        for kind, ends, other in (("missed", gold_ends, sys_ends),
                                  ("spurious", sys_ends, gold_ends)):
            for b in ends - other:
                if b >= len(text.rstrip()):
                    continue
                before = text[max(0, b - 12):b].split()
                last = before[-1] if before else ""
                after = text[b:b + 14].split()
                nxt = after[0] if after else ""
                cls = ("ends in %r" % last[-1]) if last and not last[-1].isalnum() else "no final punctuation"
                if nxt[:1].islower():
                    cls += ", next lower-case"
                key = "%s break: %s" % (kind, cls)
                sent_types[key] += 1
                if len(sent_examples[key]) < args.examples:
                    sent_examples[key].append("...%s || %s..." % (
                        text[max(0, b - 30):b].replace("\n", " "),
                        text[b:b + 30].replace("\n", " ").strip()))

    print("documents: %d" % len(docs))
    for name in ("tokens", "sentences"):
        p, r, f = f1(totals[name + "_correct"], totals[name + "_gold"],
                     totals[name + "_system"])
        print("%-9s gold %6d  system %6d  correct %6d  P %.2f  R %.2f  "
              "F1 %.2f" % (name, totals[name + "_gold"],
                           totals[name + "_system"],
                           totals[name + "_correct"], 100 * p, 100 * r,
                           100 * f))
    print("\nmost frequent token errors (gold -> weft, letters w, digits 9):")
    for key, n in err_types.most_common(args.errors):
        print("%5d  %s\n       e.g. %s" % (n, key, "; ".join(
            err_examples[key])))
    print("\nmost frequent sentence errors:")
    for key, n in sent_types.most_common(args.errors):
        print("%5d  %s\n       e.g. %s" % (n, key, "  ".join(
            sent_examples[key])))


if __name__ == "__main__":
    main()
