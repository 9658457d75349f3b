"""Quality gate: mean token F1 of the cleaner on the extraction bench must not fall below the floors.

The bench lives outside the repository (../shared/bench/extraction) and may not be committed; the
test is skipped where it is absent. Floors sit just under the figures reached when they were pinned.
"""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / ".." / "shared" / "bench" / "extraction"
FLOORS = {"txt": 0.930, "html": 0.940}


def load_bench_module():
    """benchmarks/clean_bench.py, imported by name so that worker processes can find its functions."""
    if str(ROOT / "benchmarks") not in sys.path:
        sys.path.insert(0, str(ROOT / "benchmarks"))
    return importlib.import_module("clean_bench")


@pytest.mark.skipif(not BENCH.is_dir(), reason=f"extraction bench not found at {BENCH}")
def test_bench_f1_floors() -> None:
    bench = load_bench_module()
    results = bench.run_cases(BENCH.resolve(), list(FLOORS), jobs=2)
    scores = {kind: bench.mean_f1(results, kind) for kind in FLOORS}
    for kind, floor in FLOORS.items():
        assert scores[kind] >= floor, f"{kind} F1 {scores[kind]:.3f} fell below {floor}"
