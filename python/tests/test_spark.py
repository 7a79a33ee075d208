"""The Spark path: the documented pandas UDF (examples/spark_segments.py) on a local session.

Without Java or pyspark the tests skip, on a developer's machine; with MTLINT_REQUIRE_SPARK=1 (set
by .ci/run) they fail instead, so that CI cannot pass without running them.
"""

import importlib.util
import os
import shutil
import sys
from pathlib import Path

import pytest

import mtlint

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "spark_segments.py"


def _missing() -> str:
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "Java is not installed"
    for module in ("pyspark", "pandas", "pyarrow"):
        if importlib.util.find_spec(module) is None:
            return f"{module} is not installed (pip install 'mtlint[spark]')"
    return ""


@pytest.fixture(scope="module")
def spark():
    missing = _missing()
    if missing:
        if os.environ.get("MTLINT_REQUIRE_SPARK") == "1":
            pytest.fail(f"MTLINT_REQUIRE_SPARK=1 but {missing}")
        pytest.skip(missing)
    from pyspark.sql import SparkSession

    # The Python workers run this interpreter (where mtlint is installed), not `python3` on PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

    session = (
        SparkSession.builder.master("local[2]")
        .appName("mtlint-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def example():
    spec = importlib.util.spec_from_file_location("spark_segments", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SEGMENTS = [
    ("a", 1, "Zhang Wei founded the company in 2011."),
    ("a", 2, "Last week Zhang Wei said the the sales had doubled."),
    ("a", 3, "Chang Wei declined to comment on the figures."),
    ("b", 1, "The museum reopened on Saturday after a two-year renovation."),
    ("c", 1, None),
]


def test_udf_gives_the_findings_and_scores_check_many_gives(spark, example):
    df = spark.createDataFrame(SEGMENTS, "doc string, seg int, text string")
    rows = {(r.doc, r.seg): r for r in example.with_findings(df, order="seg").collect()}
    assert len(rows) == len(SEGMENTS)
    texts = [t for d, _, t in SEGMENTS if d == "a"]
    expected = mtlint.check_many(texts, docs=["a"] * len(texts))
    for seg, report in enumerate(expected, start=1):
        row = rows[("a", seg)]
        assert row.score == report.score
        assert row.doc_score == report.doc_score
        assert row.finding_count == len(report.findings)
        assert [(f.code, f.start, f.char_start) for f in row.findings] == [
            (f.code, f.start, f.char_start) for f in report.findings
        ]
    codes = {f.code for r in rows.values() for f in r.findings}
    assert {"G003", "N001"} <= codes, codes
    assert rows[("b", 1)].finding_count == 0
    assert rows[("c", 1)].words == 0


def test_udf_with_a_source_column(spark, example):
    df = spark.createDataFrame(
        [("d", "Zhang Wei said sales rose.", "张伟说销售额增长了。")], "doc string, text string, source string"
    )
    (row,) = example.with_findings(df).collect()
    (report,) = mtlint.check_many(["Zhang Wei said sales rose."], docs=["d"], sources=["张伟说销售额增长了。"])
    assert row.score == report.score
    assert row.finding_count == len(report.findings)
