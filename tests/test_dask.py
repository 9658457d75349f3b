"""The per-article stage on a Dask cluster (`--dask ADDRESS`) builds exactly what the local build does."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from distributed import LocalCluster

from benchmarks.synthetic import generate
from support import REPO, SEEDS, run_builder


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_dask_build_is_the_local_build(tmp_path: Path, monkeypatch) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(SEEDS, sources)
    generate(20, tmp_path / "synthetic")
    for path in (tmp_path / "synthetic" / "sources").iterdir():
        shutil.copy(path, sources / f"synthetic-{path.name}")
    local = run_builder("build", sources, "-o", tmp_path / "local", "--cache", tmp_path / "local-cache", "-q")
    assert local.returncode == 0, local.stderr
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        on_dask = run_builder("build", sources, "-o", tmp_path / "dask", "--cache", tmp_path / "dask-cache", "-q",
                              "--dask", cluster.scheduler_address)
    assert on_dask.returncode == 0, on_dask.stderr
    assert "25 sources: 25 articles (0 from cache)" in on_dask.stdout
    built = files(tmp_path / "dask")
    assert len(built) > 30
    assert built == files(tmp_path / "local")
