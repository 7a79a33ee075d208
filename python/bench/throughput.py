"""Throughput per core: the mtlint command on a table of segments against the Spark pandas UDF
(examples/spark_segments.py) and check_many on the same rows, each on one core.

    python python/bench/throughput.py [--cli target/release/mtlint] [--bilingual]

The table is ../shared/data/mqm-zhen-dev.tsv (17,685 Chinese-to-English segments; a document is a
system's translation of one source document), read where it lies and written to a temporary TSV
of doc, text[, source]. It is not part of the repository; without it the script stops.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "mqm-zhen-dev.tsv"

# One core everywhere: rayon in the command and in the extension, one Spark task slot.
os.environ["RAYON_NUM_THREADS"] = "1"
# Spark's Python workers run this interpreter (where mtlint is installed), not `python3` on PATH.
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)


def table(bilingual: bool, out: Path) -> int:
    csv.field_size_limit(sys.maxsize)
    with open(DATA, encoding="utf-8", newline="") as f, open(out, "w", encoding="utf-8") as w:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        w.write("doc\ttext" + ("\tsource" if bilingual else "") + "\n")
        n = 0
        for r in rows:
            cells = [f"{r['system']}/{r['doc']}", r["target"]] + ([r["source"]] if bilingual else [])
            w.write("\t".join(c.replace("\t", " ") for c in cells) + "\n")
            n += 1
    return n


def timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def cli(binary: str, path: Path, bilingual: bool) -> float:
    args = [binary, "check", "--isolated", "--format", "json", "--table", str(path), "--doc-column", "doc"]
    if bilingual:
        args += ["--source-column", "source"]
    return timed(lambda: subprocess.run(args, stdout=subprocess.DEVNULL, check=False))


def check_many(path: Path, bilingual: bool) -> float:
    import mtlint

    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    texts = [r["text"] for r in rows]
    docs = [r["doc"] for r in rows]
    sources = [r["source"] for r in rows] if bilingual else None
    return timed(lambda: mtlint.check_many(texts, docs=docs, sources=sources))


def spark(path: Path) -> float:
    from pyspark.sql import SparkSession

    spec = importlib.util.spec_from_file_location("spark_segments", ROOT / "python/examples/spark_segments.py")
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    session = (
        SparkSession.builder.master("local[1]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "1")
        .getOrCreate()
    )
    segments = session.read.csv(str(path), sep="\t", header=True, quote="").cache()
    segments.count()
    # The first run starts the Python worker; the second is timed.
    run = lambda: example.with_findings(segments).write.format("noop").mode("overwrite").save()  # noqa: E731
    run()
    seconds = timed(run)
    session.stop()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", default=str(ROOT / "target/release/mtlint"))
    parser.add_argument("--bilingual", action="store_true")
    parser.add_argument("--skip-spark", action="store_true")
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} is absent: nothing to measure")
    binary = args.cli if Path(args.cli).exists() else shutil.which("mtlint")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "segments.tsv"
        n = table(args.bilingual, path)
        results = {"mtlint check --table (1 thread)": cli(binary, path, args.bilingual)}
        results["mtlint.check_many (1 thread)"] = check_many(path, args.bilingual)
        if not args.skip_spark:
            results["Spark pandas UDF (local[1])"] = spark(path)
    print(f"{n} segments of {DATA.name}{' with sources' if args.bilingual else ''}")
    for name, seconds in results.items():
        print(f"{name:36} {seconds:7.2f} s  {n / seconds:8.0f} segments/s per core")


if __name__ == "__main__":
    main()
