"""Shared paths: the repository's samples are the texts the tests check."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def samples() -> Path:
    return ROOT / "samples"


@pytest.fixture
def battery(samples: Path) -> str:
    return (samples / "garbled_battery_maker.txt").read_text(encoding="utf-8")
