"""The language: python pre-commit hooks of this repository, run by `pre-commit try-repo`, which
pip-installs the repository and so builds the wheel from source (minutes): the test runs only
with MTLINT_TEST_PRECOMMIT=1 (set by .ci/run) and pre-commit installed."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def editorial_repo(tmp_path):
    if os.environ.get("MTLINT_TEST_PRECOMMIT") != "1":
        pytest.skip("set MTLINT_TEST_PRECOMMIT=1 to build the wheel through pre-commit")
    if shutil.which("pre-commit") is None or not (ROOT / ".git").exists():
        pytest.fail("MTLINT_TEST_PRECOMMIT=1 needs pre-commit on PATH and a git checkout")
    (tmp_path / "news").mkdir()
    (tmp_path / "news/garbled.md").write_text("The minister said the the talks went well.\n", encoding="utf-8")
    (tmp_path / "news/clean.txt").write_text("The museum reopened on Saturday.\n", encoding="utf-8")
    for args in (["init", "-q"], ["add", "."]):
        subprocess.run(["git", *args], cwd=tmp_path, check=True)
    return tmp_path


def test_python_hook_builds_the_wheel_from_source_and_checks(editorial_repo):
    env = dict(os.environ, PRE_COMMIT_COLOR="never",
               # The wheel's build directory (.ci/run builds the wheel first): the hook's build
               # reuses its compiled dependencies and recompiles only the two mtlint crates (of
               # pre-commit's copy of the repository, whose paths differ from this checkout's).
               CARGO_TARGET_DIR=os.environ.get("CARGO_TARGET_DIR", str(ROOT / "target")))
    env.pop("GIT_DIR", None)
    env.pop("GIT_INDEX_FILE", None)
    result = subprocess.run(
        ["pre-commit", "try-repo", str(ROOT), "mtlint-python", "--all-files", "--verbose"],
        cwd=editorial_repo, env=env, capture_output=True, text=True,
    )
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "news/garbled.md:1:" in out and "G003" in out, out
    assert "--> news/clean.txt" not in out, out
