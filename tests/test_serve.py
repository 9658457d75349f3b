"""`mkdocs serve` re-runs the builder when sources/ changes, and settles (no rebuild loop)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from support import make_project, SEEDS

NEW_ARTICLE = """Market reopens in the old town after the fighting
By Reuters
November 21, 2017

The main market of the old town reopened on Tuesday after weeks of fighting, traders and residents said.

Shopkeepers swept debris from the stalls while soldiers stood at the entrances to the covered market.
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except OSError:
        return 0, ""


def wait_for(url: str, predicate, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status, body = fetch(url)
        if status == 200 and predicate(body):
            return body
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {url}")


def builds_in(log: Path) -> int:
    return log.read_text(encoding="utf-8", errors="replace").count("Building documentation")


@contextmanager
def serving(project: Path, log: Path) -> Iterator[str]:
    """`mkdocs serve` of the project on a free local port: its address, while it runs (output in `log`)."""
    port = free_port()
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
                                   "--dev-addr", f"127.0.0.1:{port}"], stdout=out, stderr=subprocess.STDOUT,
                                  env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        base = f"http://127.0.0.1:{port}/"
        wait_for(base, lambda body: "Albu Kamal" in body, seconds=300)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_serve_rebuilds_on_new_source_and_settles(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", SEEDS)
    log = tmp_path / "serve.log"
    with serving(project, log) as base:
        (project / "sources" / "005_market.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        page = wait_for(base + "articles/005-market/", lambda body: "Shopkeepers swept debris" in body)
        assert "Market reopens in the old town" in page
        time.sleep(4)
        settled = builds_in(log)
        time.sleep(6)
        assert builds_in(log) == settled, "mkdocs serve kept rebuilding: the builder rewrote unchanged files"


def test_serve_keeps_serving_the_last_good_pages_when_the_builder_fails(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", SEEDS)
    log = tmp_path / "serve.log"
    with serving(project, log) as base:
        away = tmp_path / "away"
        (project / "sources").rename(away)
        (project / "sources").mkdir()
        page = wait_for(base, lambda body: "The dossier builder failed" in body, seconds=300)
        assert "no usable source in" in page and "Albu Kamal" in page, "the last good pages are served"
        started = time.monotonic()
        status, article = fetch(base + "articles/003-9b41f538f22d9c2c/")
        assert status == 200 and "Syrian troops" in article and time.monotonic() - started < 15
        assert "no usable source in" in log.read_text(encoding="utf-8", errors="replace")
        (project / "sources").rmdir()
        away.rename(project / "sources")
        wait_for(base, lambda body: "The dossier builder failed" not in body and "Albu Kamal" in body, seconds=300)
