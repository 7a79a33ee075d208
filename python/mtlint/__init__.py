"""mtlint from Python: the engine of the ``mtlint`` command, as functions.

>>> import mtlint
>>> report = mtlint.check("He said the the results were strong.")
>>> [f.code for f in report.findings]
['G003']

Findings follow the JSON report's contract (schema ``mtlint-report/2``, see the README): byte
offsets ``start``/``end`` into the UTF-8 text, plus ``char_start``/``char_end``, which index the
Python string. The work runs in Rust with the GIL released; :func:`check_many` checks segments in
parallel.
"""

from __future__ import annotations

import sys
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Iterable, List, Optional, Sequence

from . import _mtlint
from ._mtlint import SCHEMA, MtlintError, __version__

__all__ = [
    "Finding",
    "MtlintError",
    "Report",
    "SCHEMA",
    "__version__",
    "check",
    "check_many",
    "fix",
    "main",
]


@dataclass(frozen=True)
class Finding:
    """One finding, as in the JSON report (fields the report adds later land in ``extra``)."""

    code: str
    rule: str
    category: str
    severity: str
    confidence: float
    message: str
    text: str
    start: int
    end: int
    char_start: int
    char_end: int
    line: int
    column: int
    end_line: int
    end_column: int
    cost: float
    suggestions: List[str] = field(default_factory=list)
    fix: Optional[dict] = None
    related: List[dict] = field(default_factory=list)
    source: Optional[str] = None
    extra: dict = field(default_factory=dict)

    @classmethod
    def _from_json(cls, value: dict) -> "Finding":
        known = {f.name for f in fields(cls)} - {"extra"}
        kwargs = {k: v for k, v in value.items() if k in known}
        kwargs.setdefault("related", [])
        extra = {k: v for k, v in value.items() if k not in known and k != "row"}
        return cls(**kwargs, extra=extra)

    def to_dict(self) -> dict:
        """The finding as the JSON report's object (plus the character offsets)."""
        value = asdict(self)
        value.update(value.pop("extra"))
        return value


@dataclass(frozen=True)
class Report:
    """What checking one text (or one segment, for :func:`check_many`) found.

    ``score`` is 0 to 100; ``score_detail`` says what cost how much. For a segment of
    :func:`check_many`, ``doc`` and ``doc_score`` name its document and that document's score.
    """

    score: float
    words: int
    findings: List[Finding]
    score_detail: dict
    findings_omitted: int = 0
    doc: Optional[str] = None
    doc_score: Optional[float] = None

    @classmethod
    def _from_json(cls, value: dict) -> "Report":
        return cls(
            score=value["score"],
            words=value["words"],
            findings=[Finding._from_json(f) for f in value["findings"]],
            score_detail=value.get("score_detail", {}),
            findings_omitted=value.get("findings_omitted", value.get("doc_findings_omitted", 0)),
            doc=value.get("doc"),
            doc_score=value.get("doc_score"),
        )

    def to_dict(self) -> dict:
        value = asdict(self)
        value["findings"] = [f.to_dict() for f in self.findings]
        return value


_FORMATS = ("plain", "markdown", "html")


def _text(name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be str, not {type(value).__name__}")
    return value


def _patterns(name: str, value: Any) -> Optional[List[str]]:
    """A rule selection: a list of codes, prefixes or names (a single string is refused, since
    iterating it would select its letters)."""
    if value is None:
        return None
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise TypeError(
            f"{name} must be a list of rule codes, prefixes or names (e.g. [\"N001\", \"Q\"]), "
            f"not {type(value).__name__}"
        )
    patterns = list(value)
    for p in patterns:
        _text(f"each item of {name}", p)
    return patterns


def _format(value: Any) -> str:
    _text("input_format", value)
    if value not in _FORMATS:
        raise ValueError(f"input_format must be one of {', '.join(map(repr, _FORMATS))}, not {value!r}")
    return value


def _strings(name: str, values: Any) -> Optional[List[str]]:
    if values is None:
        return None
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise TypeError(f"{name} must be a sequence of str, not {type(values).__name__}")
    out = list(values)
    for i, v in enumerate(out):
        if not isinstance(v, str):
            raise TypeError(f"{name}[{i}] must be str, not {type(v).__name__}")
    return out


def check(
    text: str,
    *,
    input_format: str = "plain",
    select: Optional[Sequence[str]] = None,
    ignore: Optional[Sequence[str]] = None,
    source: Optional[str] = None,
    preview: bool = False,
) -> Report:
    """Checks one document.

    ``input_format`` is ``"plain"``, ``"markdown"`` or ``"html"``; ``select`` and ``ignore`` take
    what ``--select`` and ``--ignore`` take (codes, prefixes, category letters, names, ``ALL``);
    ``source`` is the text it was translated from, for the bilingual checks. No configuration
    file is read. Raises ``TypeError`` for arguments of the wrong type and ``ValueError`` for
    invalid options.
    """
    value = _mtlint.check(
        _text("text", text),
        input_format=_format(input_format),
        select=_patterns("select", select),
        ignore=_patterns("ignore", ignore),
        source=None if source is None else _text("source", source),
        preview=bool(preview),
    )
    return Report._from_json(_loads(value))


def check_many(
    texts: Iterable[str],
    docs: Optional[Iterable[str]] = None,
    sources: Optional[Iterable[str]] = None,
    *,
    input_format: str = "plain",
    select: Optional[Sequence[str]] = None,
    ignore: Optional[Sequence[str]] = None,
    preview: bool = False,
) -> List[Report]:
    """Checks many segments in parallel (the GIL is released), one :class:`Report` per segment.

    Segments with the same ``docs`` value form one document, in the order given, as the rows of
    a table with a doc column do for ``mtlint check --table``: document-level rules (one name
    spelled several ways) see the whole document. Without ``docs`` each segment is a document of
    its own. ``sources`` gives each segment's original text, for the bilingual checks. Offsets
    are relative to each segment.
    """
    texts = _strings("texts", texts)
    if texts is None:
        raise TypeError("texts must be a sequence of str, not None")
    docs = _strings("docs", docs)
    sources = _strings("sources", sources)
    value = _mtlint.check_many(
        texts,
        docs,
        sources,
        input_format=_format(input_format),
        select=_patterns("select", select),
        ignore=_patterns("ignore", ignore),
        preview=bool(preview),
    )
    return [Report._from_json(r) for r in _loads(value)]


def fix(
    text: str,
    unsafe: bool = False,
    *,
    input_format: str = "plain",
    select: Optional[Sequence[str]] = None,
    ignore: Optional[Sequence[str]] = None,
    preview: bool = False,
) -> str:
    """Returns ``text`` with the safe fixes applied (and the unsafe ones with ``unsafe=True``),
    re-checking until nothing changes, as ``mtlint fix`` does. Raises :class:`MtlintError` when
    the fixes do not converge."""
    if not isinstance(unsafe, bool):
        raise TypeError(f"unsafe must be bool, not {type(unsafe).__name__}")
    return _mtlint.fix(
        _text("text", text),
        unsafe,
        input_format=_format(input_format),
        select=_patterns("select", select),
        ignore=_patterns("ignore", ignore),
        preview=bool(preview),
    )


def _loads(value: str) -> Any:
    import json

    return json.loads(value)


def main() -> None:
    """The ``mtlint`` command (the console script of the wheel): the same command line as the
    binary, run by the extension module."""
    import signal

    # Ctrl-C ends the command at once, as it ends the binary (Python's handler would only run
    # once the Rust code returned).
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    sys.stdout.flush()
    sys.exit(_mtlint.run_cli(sys.argv))
