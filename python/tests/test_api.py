"""The Python API: check, check_many, fix, and the errors they raise."""

import csv
import json
import subprocess
import sys
import threading

import pytest

import mtlint


def test_check_finds_a_doubled_word_with_byte_and_character_offsets():
    text = "Le café: he said the the results were strong."
    report = mtlint.check(text)
    (finding,) = [f for f in report.findings if f.code == "G003"]
    assert text.encode()[finding.start:finding.end].decode() == "the the"
    assert text[finding.char_start:finding.char_end] == "the the"
    # "é" is two bytes and one character.
    assert finding.start == finding.char_start + 1
    assert 0 <= report.score < 100
    assert report.words > 0


def test_fix_edits_carry_character_offsets_too():
    text = "Café owners said the the prices rose."
    (finding,) = [f for f in mtlint.check(text).findings if f.code == "G003"]
    (edit,) = finding.fix["edits"]
    assert text[edit["char_start"]:edit["char_end"]] == text.encode()[edit["start"]:edit["end"]].decode()


def test_a_sample_matches_the_command_line_json(samples, battery):
    report = mtlint.check(battery)
    cli = subprocess.run(
        [sys.executable, "-c", "import mtlint; mtlint.main()", "check", "--isolated", "--format", "json",
         str(samples / "garbled_battery_maker.txt")],
        capture_output=True, text=True,
    )
    assert cli.returncode == 1, cli.stderr
    (file,) = json.loads(cli.stdout)["files"]
    assert report.score == file["score"]
    assert [(f.code, f.start, f.end) for f in report.findings] == [
        (f["code"], f["start"], f["end"]) for f in file["findings"]
    ]
    codes = {f.code for f in report.findings}
    assert {"N001", "E001", "I001", "G003"} <= codes


def test_finding_to_dict_follows_the_json_contract(battery):
    finding = mtlint.check(battery).findings[0]
    value = finding.to_dict()
    for key in ("code", "rule", "category", "severity", "confidence", "line", "column", "start", "end",
                "text", "message", "suggestions", "cost", "fix", "char_start", "char_end"):
        assert key in value
    json.dumps(value)


def test_select_and_ignore(battery):
    only_names = mtlint.check(battery, select=["N"])
    assert only_names.findings and all(f.code.startswith("N") for f in only_names.findings)
    no_names = mtlint.check(battery, ignore=["N001"])
    assert "N001" not in {f.code for f in no_names.findings}


def test_markdown_code_is_not_prose():
    text = "Intro.\n\n```\nthe the\n```\n"
    assert mtlint.check(text, input_format="markdown").findings == []
    assert mtlint.check(text, input_format="plain").findings


def test_fix_applies_safe_fixes_only_unless_asked():
    text = "He said the the results were strong."
    assert mtlint.fix(text) == "He said the results were strong."
    assert mtlint.check(mtlint.fix(text, unsafe=True)).findings == []


def test_check_many_matches_check_for_one_paragraph_texts():
    # (Only where table rows and files are read alike: an unclosed quotation mark, for one, is
    # not a finding in a row, since segments often split a quotation.)
    texts = ["He said the the results were strong.", "A clean sentence about the weather.",
             "Students from Tingryu University said the the talks went well."]
    for text, report in zip(texts, mtlint.check_many(texts)):
        single = mtlint.check(text)
        assert report.score == single.score
        assert [(f.code, f.start, f.char_start) for f in report.findings] == [
            (f.code, f.start, f.char_start) for f in single.findings
        ]


def test_check_many_matches_the_command_line_table(tmp_path, battery):
    # Segments are table rows: the results are those of `mtlint check --table` on the same rows.
    texts = [battery, "He said the the results were strong.", "Zhang Wei left.", "Chang Wei stayed."]
    docs = ["x", "y", "z", "z"]
    table = tmp_path / "segments.csv"
    with open(table, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["doc", "text"])
        writer.writerows(zip(docs, texts))
    cli = subprocess.run(
        [sys.executable, "-c", "import mtlint; mtlint.main()", "check", "--isolated", "--format", "json",
         "--table", str(table), "--doc-column", "doc"],
        capture_output=True, text=True,
    )
    assert cli.returncode == 1, cli.stderr
    (file,) = json.loads(cli.stdout)["files"]
    many = mtlint.check_many(texts, docs=docs)
    assert [r.score for r in many] == [s["score"] for s in file["segments"]]
    by_row = [[(f.code, f.start) for f in r.findings] for r in many]
    cli_rows = [[] for _ in texts]
    for f in file["findings"]:
        cli_rows[f["row"] - 1].append((f["code"], f["start"]))
    assert by_row == cli_rows


def test_check_many_groups_segments_of_a_document():
    segments = [
        "Zhang Wei founded the company in 2011.",
        "Last week Zhang Wei said sales had doubled.",
        "Chang Wei declined to comment on the figures.",
    ]
    apart = mtlint.check_many(segments)
    together = mtlint.check_many(segments, docs=["a", "a", "a"])
    assert not any(f.code == "N001" for r in apart for f in r.findings)
    names = [f for r in together for f in r.findings if f.code == "N001"]
    assert names, [r.findings for r in together]
    # Offsets are relative to each segment.
    for report, text in zip(together, segments):
        for f in report.findings:
            assert text[f.char_start:f.char_end] == f.text
    assert {r.doc for r in together} == {"a"}
    assert len({r.doc_score for r in together}) == 1


def test_check_many_releases_the_gil():
    texts = ["He said the the results were strong. " * 2000] * 8
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(1)
            stop.wait(0.001)

    thread = threading.Thread(target=tick)
    thread.start()
    before = len(ticks)
    mtlint.check_many(texts)
    during = len(ticks) - before
    stop.set()
    thread.join()
    assert during > 5


@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda: mtlint.check(42), TypeError, "text must be str, not int"),
        (lambda: mtlint.check(b"bytes"), TypeError, "text must be str, not bytes"),
        (lambda: mtlint.check("x", input_format="docx"), ValueError, "input_format"),
        (lambda: mtlint.check("x", select="N001"), TypeError, "select must be a list"),
        (lambda: mtlint.check("x", select=["Z999"]), ValueError, "Z999"),
        (lambda: mtlint.check("x", ignore=[3]), TypeError, "each item of ignore must be str"),
        (lambda: mtlint.check("x", source=1.5), TypeError, "source must be str"),
        (lambda: mtlint.check_many("abc"), TypeError, "texts must be a sequence of str"),
        (lambda: mtlint.check_many(["a", None]), TypeError, "texts[1] must be str, not NoneType"),
        (lambda: mtlint.check_many(["a", "b"], docs=["d"]), ValueError, "docs has 1 items but texts has 2"),
        (lambda: mtlint.check_many(["a"], sources=["s", "t"]), ValueError, "sources has 2 items"),
        (lambda: mtlint.fix("x", unsafe="yes"), TypeError, "unsafe must be bool"),
        (lambda: mtlint.check("x", 1), TypeError, "positional"),
    ],
)
def test_wrong_input_raises_a_clear_python_exception(call, error, words):
    with pytest.raises(error) as raised:
        call()
    assert words in str(raised.value)


def test_the_extension_module_checks_types_itself():
    # Called directly (past the Python layer), wrong types are still exceptions, not panics.
    with pytest.raises(TypeError):
        mtlint._mtlint.check(None)
    with pytest.raises(TypeError):
        mtlint._mtlint.check_many([1, 2])
    with pytest.raises(ValueError):
        mtlint._mtlint.check("x", input_format="pdf")


def test_text_with_nul_and_lone_controls_is_checked_not_refused():
    report = mtlint.check("Text with a NUL \x00 and a bell \x07 in it.")
    assert report.score <= 100


def test_bilingual_source_is_accepted(battery):
    report = mtlint.check("张伟 said sales rose.", source="张伟说销售额增长了。")
    assert isinstance(report.score, float)
