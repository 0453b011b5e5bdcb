"""Run weft over JSONL partitions on a Dask distributed cluster.

Each partition (a list of JSONL lines) is piped through `weft run PIPELINE
--input jsonl -` in a worker process; the results come back as JSONL lines.
weft needs no cluster code of its own: Dask schedules, weft filters.

    python3 weft_dask.py IN.jsonl OUT.jsonl [--pipeline news] [--weft weft]
                         [--workers 2] [--partition-lines 200]

On a real cluster, replace LocalCluster with Client("tcp://scheduler:8786")
and make weft and its plugins available on every worker.
"""
import argparse
import subprocess

from dask.distributed import Client, LocalCluster


def run_weft(lines, weft, pipeline):
    """One partition through weft; returns its output lines.  Documents that
    fail come back as error records, so nothing is dropped; only a failure
    of weft itself (exit status 2) raises."""
    proc = subprocess.run([weft, "run", pipeline, "--input", "jsonl", "-q", "-"],
                          input="".join(lines).encode("utf-8"), capture_output=True)
    if proc.returncode not in (0, 1):
        raise RuntimeError(proc.stderr.decode("utf-8", "replace"))
    return proc.stdout.decode("utf-8").splitlines(keepends=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--pipeline", default="news")
    ap.add_argument("--weft", default="weft")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--partition-lines", type=int, default=200)
    args = ap.parse_args()

    with open(args.input, encoding="utf-8") as f:
        lines = [line for line in f if line.strip()]
    parts = [lines[i:i + args.partition_lines]
             for i in range(0, len(lines), args.partition_lines)]
    with LocalCluster(n_workers=args.workers, threads_per_worker=1,
                      processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        futures = client.map(run_weft, parts, weft=args.weft, pipeline=args.pipeline)
        with open(args.output, "w", encoding="utf-8") as out:
            for result in client.gather(futures):  # in partition order
                out.writelines(result)


if __name__ == "__main__":
    main()
