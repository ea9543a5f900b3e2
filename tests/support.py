"""Paths and helpers the tests share (importable as `support`: pythonpath = tests)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_609f52cd2aa5fae0.txt"
