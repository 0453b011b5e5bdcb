"""bench/run: weft's throughput per stage and for the news pipeline, with
the peers doing the same work in the same run, and reference points.

Builds nothing itself (bench/run does); assembles a corpus of >= --mb MB
from the Wikinews articles, times each configuration --runs times and
reports medians: MB/s, documents/s, tokens/s, peak RSS.  Writes the table
to stdout and the figures to build-release/bench/results.json."""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "build-release")
OUT = os.path.join(BUILD, "bench")
WEFT = os.path.join(BUILD, "cli", "weft")
SHARED = os.environ.get("WEFT_SHARED", os.path.join(ROOT, "..", "shared"))

# (name, stages, layers written, jobs).  Stage figures are by difference:
# the tokenizer's from the host alone (a do-nothing stage: reading JSONL,
# checking text, writing records), the others' from the tokenizer alone, so
# they include writing their own layer.
CONFIGS = [
    ("host", ["noop"], "", 1),
    ("tokenizer", ["tokenizer"], "", 1),
    ("tokenizer+dates", ["tokenizer", "dates"], "dates", 1),
    ("tokenizer+quotes", ["tokenizer", "quotes"], "quotes", 1),
    ("tokenizer+sentiment", ["tokenizer", "sentiment"], "sentiment", 1),
    ("news", None, None, 1),
    ("news -j 2", None, None, 2),
]
# Peers are slow: each runs on a prefix of the corpus (MB), rates compare.
PEERS = [("tokens", "tokenizer", 50), ("dates", "dates", 20),
         ("quotes", "quotes", 2), ("sentiment", "sentiment", 5)]


def build_corpus(mb):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "corpus-%d.jsonl" % mb)
    text_path = os.path.join(OUT, "corpus-%d.txt" % mb)
    if os.path.exists(path) and os.path.exists(text_path):
        return path, text_path
    sources = [os.path.join(SHARED, "corpus", "wikinews", "wikinews.jsonl"),
               os.path.join(ROOT, "examples", "articles", "wikinews-sample.jsonl")]
    docs = [json.loads(line) for src in sources if os.path.exists(src)
            for line in open(src, encoding="utf-8") if line.strip()]
    if not docs:
        sys.exit("bench/run: no corpus (looked for %s)" % sources[0])
    size, k = 0, 0
    with open(path, "w", encoding="utf-8") as out, \
            open(text_path, "w", encoding="utf-8") as text_out:
        while size < mb * 1e6:
            for d in docs:
                d = dict(d, id="%s#%d" % (d["id"], k))
                out.write(json.dumps(d, ensure_ascii=False) + "\n")
                text_out.write(d["text"] + "\n")
                size += len(d["text"].encode("utf-8"))
            k += 1
    return path, text_path


def prefix(path, mb):
    """The first documents of the corpus up to mb MB of text."""
    out = path.replace(".jsonl", "-first%d.jsonl" % mb)
    if not os.path.exists(out):
        size = 0
        with open(path, encoding="utf-8") as src, \
                open(out, "w", encoding="utf-8") as dst:
            for line in src:
                if size >= mb * 1e6:
                    break
                dst.write(line)
                size += len(json.loads(line)["text"].encode("utf-8"))
    return out


def run_timed(argv):
    """Wall seconds and peak RSS (MB) of one command (through bench/maxrss,
    so that the figure is not this Python process's image)."""
    t0 = time.perf_counter()
    p = subprocess.run([os.path.join(BUILD, "bench", "maxrss")] + argv,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - t0
    err = p.stderr.decode()
    if p.returncode != 0:
        sys.exit("bench/run: %s failed: %s" % (" ".join(argv), err))
    return seconds, int(err.strip().split("\n")[-1].split()[1]) / 1024.0


def pipeline_file(name, stages):
    if stages is None:
        return "news"
    path = os.path.join(OUT, name.replace("+", "-") + ".yaml")
    with open(path, "w") as f:
        f.write("name: bench-%s\nstages:\n" % name)
        for s in stages:
            f.write("  - plugin: %s\n" % s)
    return path


def count_docs_bytes(corpus):
    docs = size = 0
    for line in open(corpus, encoding="utf-8"):
        docs += 1
        size += len(json.loads(line)["text"].encode("utf-8"))
    return docs, size


def tokens_per_byte(corpus):
    """Tokens per byte of text, counted on a 2 MB prefix."""
    sample = prefix(corpus, 2)
    out = subprocess.run([WEFT, "run", "tokens", sample, "-q", "--layers", "tokens"],
                         capture_output=True, check=True).stdout
    tokens = out.count(b'"kind":')
    _, size = count_docs_bytes(sample)
    return tokens / size


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=int, default=50, help="corpus size (default 50)")
    ap.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    ap.add_argument("--quick", action="store_true", help="skip the peers")
    ap.add_argument("--memory", action="store_true",
                    help="instead: peak RSS on a 10 MB and a 500 MB corpus, "
                         "and time against size for huge and pathological documents")
    args = ap.parse_args()
    env = dict(os.environ, WEFT_PIPELINE_PATH=os.path.join(ROOT, "pipelines"),
               WEFT_PLUGIN_PATH=os.path.join(BUILD, "plugins") + ":" + os.path.join(BUILD, "bench"))
    os.environ.update(env)
    if args.memory:
        return memory_and_linearity(args)
    corpus, text = build_corpus(args.mb)
    docs, size = count_docs_bytes(corpus)
    mb = size / 1e6
    tpb = tokens_per_byte(corpus)
    results = {"corpus": {"path": corpus, "docs": docs, "bytes": size,
                          "tokens_per_mb": round(tpb * 1e6)},
               "runs": args.runs, "weft": {}, "peers": {}, "reference": {}}

    memcpy = subprocess.run([os.path.join(BUILD, "bench", "memcpy"), text, "21"],
                            capture_output=True, text=True, check=True).stdout
    results["reference"]["memcpy_mb_s"] = float(memcpy)
    wc = [run_timed(["wc", "-w", text])[0] for _ in range(args.runs)]
    results["reference"]["wc_w_mb_s"] = round(mb / statistics.median(wc), 1)

    for name, stages, layers, jobs in CONFIGS:
        argv = [WEFT, "run", pipeline_file(name, stages), corpus, "-q",
                "--input", "jsonl", "-j", str(jobs)]
        if layers is not None:
            argv += ["--layers", layers]
        timed = [run_timed(argv) for _ in range(args.runs)]
        seconds = statistics.median(t for t, _ in timed)
        results["weft"][name] = {
            "seconds": round(seconds, 3), "mb_s": round(mb / seconds, 1),
            "docs_s": round(docs / seconds), "tokens_s": round(tpb * size / seconds),
            "peak_rss_mb": round(max(r for _, r in timed), 1)}
    for name, base_name in [("tokenizer", "host"),
                            ("tokenizer+dates", "tokenizer"),
                            ("tokenizer+quotes", "tokenizer"),
                            ("tokenizer+sentiment", "tokenizer")]:
        extra = max(results["weft"][name]["seconds"]
                    - results["weft"][base_name]["seconds"], 1e-6)
        results["weft"][name]["stage_mb_s"] = round(mb / extra, 1)

    if not args.quick:
        peers = os.path.join(ROOT, "bench", "peers")
        for task, stage, cap in PEERS:
            sample = prefix(corpus, cap) if cap < args.mb else corpus
            out = subprocess.run(["node", os.path.join(peers, "peer.js"), task, sample,
                                  str(max(1, min(args.runs, 3)))],
                                 capture_output=True, text=True, check=True, cwd=peers).stdout
            r = json.loads(out)
            seconds = statistics.median(r["seconds"])
            results["peers"][task] = {"peer": r["peer"], "mb": round(r["bytes"] / 1e6, 1),
                                      "mb_s": round(r["bytes"] / 1e6 / seconds, 2),
                                      "docs_s": round(r["docs"] / seconds)}

    path = os.path.join(OUT, "results.json")
    with open(path, "w") as f:
        json.dump(results, f, indent=2)
    print_table(results, path)


def one_document(path, text):
    if not os.path.exists(path):
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    return path


def memory_and_linearity(args):
    """Streaming and linear time: the news pipeline's peak RSS must not grow
    with the corpus, and time must grow linearly with a document's size,
    also for pathological documents."""
    r = {"rss": {}, "linearity": {}}
    largest = 0
    for mb in (10, 500):
        corpus, _ = build_corpus(mb)
        for line in open(prefix(corpus, 3), encoding="utf-8"):
            largest = max(largest, len(json.loads(line)["text"].encode("utf-8")))
        seconds, rss = run_timed([WEFT, "run", "news", corpus, "-q"])
        r["rss"]["%d MB" % mb] = {"peak_rss_mb": round(rss, 1), "seconds": round(seconds, 1)}
    r["rss"]["bound_mb"] = round(64 + 4 * largest / 1e6, 1)

    corpus, _ = build_corpus(50)
    texts = [json.loads(line)["text"] for line in open(prefix(corpus, 100), encoding="utf-8")]
    prose = "\n\n".join(texts)
    cases = {
        "prose": lambda n: (prose * (n // len(prose) + 1))[:n],
        "quote marks": lambda n: "\"" * n,
        "curly quotes": lambda n: "\u201c\u201d" * (n // 2),
        "digits": lambda n: "7" * n,
        "no whitespace": lambda n: ("Azerbaijan" * (n // 10 + 1))[:n],
        # one sentence of reports, each one's content running to its end
        "reports": lambda n: ("He said the talks, " * (n // 19 + 1))[:n],
    }
    sizes = {"prose": (50_000_000, 100_000_000), "quote marks": (100_000, 200_000),
             "curly quotes": (100_000, 200_000),
             "digits": (10_000_000, 20_000_000), "no whitespace": (1_000_000, 2_000_000),
             "reports": (1_000_000, 2_000_000)}
    for name, make in cases.items():
        times = []
        for n in sizes[name]:
            path = one_document(os.path.join(OUT, "doc-%s-%d.txt" % (name.replace(" ", "-"), n)), make(n))
            runs = [run_timed([WEFT, "run", "news", path, "-q"]) for _ in range(max(1, args.runs // 2))]
            times.append((statistics.median(t for t, _ in runs), max(m for _, m in runs)))
        nbytes = [len(make(n).encode("utf-8")) for n in sizes[name]]
        r["linearity"][name] = {"sizes": nbytes, "seconds": [round(t, 3) for t, _ in times],
                                "peak_rss_mb": [round(m, 1) for _, m in times],
                                "rss_bound_mb": [round(64 + 4 * b / 1e6, 1) for b in nbytes],
                                "ratio": round(times[1][0] / times[0][0], 2)}
    path = os.path.join(OUT, "memory.json")
    with open(path, "w") as f:
        json.dump(r, f, indent=2)
    print("news pipeline, peak RSS (bound: 64 MB + 4 x the largest document = %.1f MB)" % r["rss"]["bound_mb"])
    for k in ("10 MB", "500 MB"):
        print("  %-7s corpus: %7.1f MB in %.1f s" % (k, r["rss"][k]["peak_rss_mb"], r["rss"][k]["seconds"]))
    print("\ntime for a document of size n and 2n (ratio should be <= 2.2);"
          " peak RSS against its bound, 64 MB + 4 x the document")
    for name, x in r["linearity"].items():
        print("  %-14s %11d B %7.3f s   %11d B %7.3f s   ratio %.2f   RSS %s MB (bound %s)" % (
            name, x["sizes"][0], x["seconds"][0], x["sizes"][1], x["seconds"][1],
            x["ratio"], "/".join(str(m) for m in x["peak_rss_mb"]),
            "/".join(str(m) for m in x["rss_bound_mb"])))
    print("\nfigures: %s" % path)


def print_table(r, path):
    c = r["corpus"]
    print("corpus: %d documents, %.1f MB, %d tokens/MB; medians of %d runs"
          % (c["docs"], c["bytes"] / 1e6, c["tokens_per_mb"], r["runs"]))
    print("reference: memcpy %.0f MB/s, wc -w %.1f MB/s"
          % (r["reference"]["memcpy_mb_s"], r["reference"]["wc_w_mb_s"]))
    print()
    print("%-22s %9s %9s %10s %12s %9s" % ("weft", "MB/s", "stage", "docs/s", "tokens/s", "RSS MB"))
    for name, w in r["weft"].items():
        stage = w.get("stage_mb_s")
        print("%-22s %9.1f %9s %10d %12d %9.1f" % (
            name, w["mb_s"], "%.1f" % stage if stage else "", w["docs_s"],
            w["tokens_s"], w["peak_rss_mb"]))
    if r["peers"]:
        print()
        print("%-12s %-16s %8s %9s %12s %8s" % ("task", "peer", "on MB", "MB/s", "weft MB/s", "ratio"))
        stage_of = {"tokens": "tokenizer", "dates": "tokenizer+dates",
                    "quotes": "tokenizer+quotes", "sentiment": "tokenizer+sentiment"}
        for task, p in r["peers"].items():
            w = r["weft"][stage_of[task]]
            weft = w.get("stage_mb_s", w["mb_s"])
            print("%-12s %-16s %8.1f %9.2f %12.1f %7.0fx" % (
                task, p["peer"], p["mb"], p["mb_s"], weft, weft / p["mb_s"]))
    print("\nfigures: %s" % path)


if __name__ == "__main__":
    main()
