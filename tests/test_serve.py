"""`mkdocs serve --dirty` (what `./dossier serve` runs) shows an edited source, sidecar, summary section and a
new source, and settles (no rebuild loop)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

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


def test_serve_shows_edits_and_new_sources_and_settles(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", SEEDS)
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(project / "mkdocs.yml"),
                                   "--dev-addr", f"127.0.0.1:{port}"], stdout=out, stderr=subprocess.STDOUT,
                                  env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        base = f"http://127.0.0.1:{port}/"
        wait_for(base, lambda body: "Albu Kamal" in body)
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
        time.sleep(8)
        settled = builds_in(log)
        time.sleep(6)
        assert builds_in(log) == settled, "mkdocs serve kept rebuilding: the builder rewrote unchanged files"
        assert "The curator's own overview" in index.read_text(encoding="utf-8")
        assert "state media reported loudly" in fetch(base + "articles/003-9b41f538f22d9c2c/")[1]
    finally:
        server.terminate()
        server.wait(timeout=20)
