"""mtlint on Spark: findings and scores for a DataFrame of MT segments.

The input has a document id, the segment's English text and, optionally, the text it was
translated from: ``doc``, ``text``[, ``source``]. :func:`with_findings` adds a struct column
``mtlint`` (score, document score, words, findings) computed by a pandas UDF that hands each
Arrow batch to :func:`mtlint.check_many` (which runs in Rust, in parallel, with the GIL released).

Segments of one document are checked together (one name spelled two ways across segments is a
finding) when they arrive in the same batch: :func:`with_findings` therefore first puts the rows
of each document in one partition, in order. A document split across two batches (at most one
per ``spark.sql.execution.arrow.maxRecordsPerBatch`` rows, 10,000 by default) is checked as two
documents.

Run it on a TSV of segments (columns doc, text[, source]):

    spark-submit examples/spark_segments.py segments.tsv out.parquet
"""

from __future__ import annotations

import sys
from typing import Iterator, Optional

import pandas as pd
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

import mtlint

FINDING = T.StructType(
    [
        T.StructField("code", T.StringType()),
        T.StructField("rule", T.StringType()),
        T.StructField("severity", T.StringType()),
        T.StructField("message", T.StringType()),
        T.StructField("text", T.StringType()),
        T.StructField("start", T.LongType()),
        T.StructField("end", T.LongType()),
        T.StructField("char_start", T.LongType()),
        T.StructField("char_end", T.LongType()),
        T.StructField("suggestions", T.ArrayType(T.StringType())),
    ]
)

RESULT = T.StructType(
    [
        T.StructField("score", T.DoubleType()),
        T.StructField("doc_score", T.DoubleType()),
        T.StructField("words", T.LongType()),
        T.StructField("findings", T.ArrayType(FINDING)),
    ]
)

_FINDING_FIELDS = [f.name for f in FINDING.fields]


def _segments(doc: pd.Series, text: pd.Series, source: Optional[pd.Series]) -> pd.DataFrame:
    """One batch: the reports of its segments as a DataFrame shaped like RESULT. A missing
    (null) text is checked as empty text."""
    reports = mtlint.check_many(
        text.fillna("").astype(str).tolist(),
        docs=doc.fillna("").astype(str).tolist(),
        sources=None if source is None else source.fillna("").astype(str).tolist(),
    )
    return pd.DataFrame(
        {
            "score": [r.score for r in reports],
            "doc_score": [r.doc_score for r in reports],
            "words": [r.words for r in reports],
            "findings": [
                [{k: getattr(f, k) for k in _FINDING_FIELDS} for f in r.findings] for r in reports
            ],
        }
    )


@F.pandas_udf(RESULT)
def mtlint_segments(doc: pd.Series, text: pd.Series) -> pd.DataFrame:
    """The pandas UDF: (doc id, text) → RESULT."""
    return _segments(doc, text, None)


@F.pandas_udf(RESULT)
def mtlint_bilingual_segments(doc: pd.Series, text: pd.Series, source: pd.Series) -> pd.DataFrame:
    """The pandas UDF with the original text: (doc id, text, source) → RESULT."""
    return _segments(doc, text, source)


def with_findings(segments: DataFrame, order: Optional[str] = None) -> DataFrame:
    """``segments`` (doc, text[, source]) with the columns ``score``, ``doc_score``, ``words``,
    ``findings`` and ``finding_count``. ``order`` names a column that orders the segments of a
    document (their position in it); without it they keep the order Spark reads them in."""
    grouped = segments.repartition("doc").sortWithinPartitions("doc", *([order] if order else []))
    if "source" in segments.columns:
        result = mtlint_bilingual_segments("doc", "text", "source")
    else:
        result = mtlint_segments("doc", "text")
    return (
        grouped.withColumn("mtlint", result)
        .select("*", "mtlint.*")
        .drop("mtlint")
        .withColumn("finding_count", F.size("findings"))
    )


def main(argv: Iterator[str]) -> None:
    path, out = list(argv)
    spark = SparkSession.builder.appName("mtlint").getOrCreate()
    segments = spark.read.csv(path, sep="\t", header=True, quote="")
    with_findings(segments).write.mode("overwrite").parquet(out)
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
