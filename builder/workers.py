"""Where the per-article stage runs: in this process, on two local processes, or on a Dask cluster.

`map(fn, chunks)` returns `fn(chunk)` for every chunk, in order, whichever runs it; `fn` must be a
module-level function and its chunks picklable, so that the same call runs anywhere. A small job runs in
this process (starting processes, each loading the entity model, costs more than it saves).
"""
from __future__ import annotations

import os
import sys
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Sequence

from tqdm import tqdm

LOCAL_PROCESSES = 2
PARALLEL_FROM = 4  # chunks: fewer run in this process
DASK_ENV = "DOSSIER_DASK"


class Workers:
    def __init__(self, dask_address: str | None = None, progress: bool = False):
        self.address = dask_address or os.environ.get(DASK_ENV) or None
        self.progress = progress
        self._pool: ProcessPoolExecutor | None = None
        self._client = None

    @property
    def where(self) -> str:
        return f"Dask cluster at {self.address}" if self.address else f"{LOCAL_PROCESSES} local processes"

    def map(self, fn: Callable, chunks: Sequence, desc: str, size: Callable = len) -> list:
        """`[fn(c) for c in chunks]`, spread over the workers; `size(chunk)` counts progress."""
        total = sum(size(c) for c in chunks)
        bar = tqdm(total=total, desc=desc, unit="item", file=sys.stderr, disable=not self.progress or total < 50)
        with bar:
            if self.address:
                return self._on_dask(fn, chunks, bar, size)
            if len(chunks) < PARALLEL_FROM:
                results = []
                for chunk in chunks:
                    results.append(fn(chunk))
                    bar.update(size(chunk))
                return results
            if self._pool is None:
                self._pool = ProcessPoolExecutor(max_workers=LOCAL_PROCESSES)
            results = []
            for chunk, result in zip(chunks, self._pool.map(fn, chunks)):
                results.append(result)
                bar.update(size(chunk))
            return results

    def _on_dask(self, fn: Callable, chunks: Sequence, bar: tqdm, size: Callable) -> list:
        from distributed import Client
        if self._client is None:
            self._client = Client(self.address, set_as_default=False)
        results = []
        for chunk, future in zip(chunks, self._client.map(fn, list(chunks), pure=False)):
            results.append(future.result())
            bar.update(size(chunk))
        return results

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        if self._client is not None:
            self._client.close()
            self._client = None
