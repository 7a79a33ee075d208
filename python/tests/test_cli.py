"""The `mtlint` command installed by the wheel (the console script)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def mtlint_command() -> list:
    script = Path(sys.executable).parent / "mtlint"
    if script.exists():
        return [str(script)]
    found = shutil.which("mtlint")
    if found is None:
        pytest.skip("the mtlint console script is not installed")
    return [found]


def run(*args, **kwargs):
    return subprocess.run(mtlint_command() + list(args), capture_output=True, text=True, **kwargs)


def test_check_samples_reports_findings_and_fails(samples):
    result = run("check", "--isolated", str(samples))
    assert result.returncode == 1, result.stderr
    assert "garbled_battery_maker.txt" in result.stdout


def test_clean_sample_passes(samples):
    result = run("check", "--isolated", str(samples / "clean_robotics_team.txt"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_usage_error_exits_2_with_clap_message():
    result = run("check", "--no-such-option")
    assert result.returncode == 2
    assert "--no-such-option" in result.stderr


def test_version_and_help_exit_0():
    assert run("--version").returncode == 0
    result = run("--help")
    assert result.returncode == 0 and "Usage: mtlint" in result.stdout


def test_stdin_and_fix_through_the_command(tmp_path):
    result = run("check", "--isolated", "-", input="He said the the results were strong.\n")
    assert result.returncode == 1 and "G003" in result.stdout
    path = tmp_path / "a.txt"
    path.write_text("He said the the results were strong.\n", encoding="utf-8")
    assert run("fix", "--isolated", str(path)).returncode in (0, 1)
    assert path.read_text(encoding="utf-8") == "He said the results were strong.\n"


def test_missing_file_is_an_error_naming_it(tmp_path):
    result = run("check", "--isolated", str(tmp_path / "absent.txt"))
    assert result.returncode == 2
    assert "absent.txt" in result.stderr


@pytest.mark.skipif(os.name != "posix", reason="non-UTF-8 arguments are a POSIX matter")
def test_a_non_utf8_path_argument_does_not_crash(tmp_path):
    name = os.fsencode(str(tmp_path)) + b"/caf\xe9.txt"
    with open(name, "wb") as f:
        f.write(b"He said the the results were strong.\n")
    result = subprocess.run(mtlint_command() + ["check", "--isolated", os.fsdecode(name)],
                            capture_output=True)
    assert result.returncode == 1, result.stderr
