"""`mkdocs serve --dirty` (what `./dossier serve` runs) shows an edited source, sidecar, summary section and a
new source, settles (no rebuild loop), and keeps serving the last good pages when the builder fails."""
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
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(project / "mkdocs.yml"),
                                   "--dev-addr", f"127.0.0.1:{port}"], stdout=out, stderr=subprocess.STDOUT,
                                  env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        base = f"http://127.0.0.1:{port}/"
        wait_for(base, lambda body: "Albu Kamal" in body, seconds=300)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)


def settle(log: Path, quiet: float = 8.0, at_most: float = 120.0) -> int:
    """The number of builds once none has started for `quiet` seconds (a loaded machine builds slowly);
    fails if the server is still rebuilding after `at_most` seconds."""
    deadline = time.monotonic() + at_most
    count = builds_in(log)
    while time.monotonic() < deadline:
        time.sleep(quiet)
        now = builds_in(log)
        if now == count:
            return count
        count = now
    raise AssertionError("mkdocs serve kept rebuilding: the builder rewrote unchanged files")


def test_serve_shows_edits_and_new_sources_and_settles(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", SEEDS)
    log = tmp_path / "serve.log"
    with serving(project, log) as base:
        seed = project / "sources" / "003_9b41f538f22d9c2c.txt"
        seed.write_text(seed.read_text(encoding="utf-8").replace("state media said", "state media reported loudly"),
                        encoding="utf-8")
        wait_for(base + "articles/003-9b41f538f22d9c2c/", lambda body: "state media reported loudly" in body)
        (project / "sources" / "003_9b41f538f22d9c2c.txt.yml").write_text('title: "A corrected headline"\n')
        wait_for(base + "articles/003-9b41f538f22d9c2c/", lambda body: "A corrected headline" in body)
        index = project / "docs" / "index.md"
        text = index.read_text(encoding="utf-8")
        start = text.index("<!-- dossier:section overview -->")
        end = text.index("<!-- dossier:end overview -->")
        index.write_text(text[:start] + "<!-- dossier:section overview -->\n\n## Overview\n\nThe curator's own "
                         "overview of the fall of the town.\n\n" + text[end:], encoding="utf-8")
        wait_for(base, lambda body: "The curator&rsquo;s own overview" in body or "The curator's own overview" in body)
        (project / "sources" / "005_market.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        page = wait_for(base + "articles/005-market/", lambda body: "Shopkeepers swept debris" in body)
        assert "Market reopens in the old town" in page
        settled = settle(log)
        time.sleep(6)
        assert builds_in(log) == settled, "mkdocs serve kept rebuilding: the builder rewrote unchanged files"
        assert "The curator's own overview" in index.read_text(encoding="utf-8")
        assert "state media reported loudly" in fetch(base + "articles/003-9b41f538f22d9c2c/")[1]


def wait_in_log(log: Path, text: str, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in log.read_text(encoding="utf-8", errors="replace"):
            return
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {text!r} in the serve log")


def test_serve_keeps_serving_the_last_good_pages_when_the_builder_fails(tmp_path: Path) -> None:
    """A rebuild runs in the background: its error is printed in the terminal while the last good pages are
    served, without delay, until a build succeeds again."""
    project = make_project(tmp_path / "project", SEEDS)
    log = tmp_path / "serve.log"
    with serving(project, log) as base:
        away = tmp_path / "away"
        (project / "sources").rename(away)
        (project / "sources").mkdir()
        wait_in_log(log, "no usable source in")
        assert "the dossier builder failed" in log.read_text(encoding="utf-8", errors="replace")
        started = time.monotonic()
        status, article = fetch(base + "articles/003-9b41f538f22d9c2c/")
        assert status == 200 and "Syrian troops" in article and time.monotonic() - started < 15
        assert "Albu Kamal" in fetch(base)[1], "the last good pages are served"
        (project / "sources").rmdir()
        away.rename(project / "sources")
        builds = builds_in(log)
        deadline = time.monotonic() + 300
        while builds_in(log) == builds and time.monotonic() < deadline:
            time.sleep(0.5)
        assert "Albu Kamal" in wait_for(base, lambda body: "Albu Kamal" in body)
