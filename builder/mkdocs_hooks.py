"""MkDocs hook: run the builder before every build, so `mkdocs serve` follows sources/ as it changes.

It runs in a subprocess: MkDocs caches hook modules for the life of `serve`, so an in-process call
would keep running the builder code as it was when serve started. Byte-code writing is off so that
the watched builder/ folder does not change just because the builder ran.

When the builder fails, `mkdocs build` fails with its message. `mkdocs serve` must not: an exception
here would leave the server waiting for a good build before answering any request. So under serve
the error is logged, docs/ keeps the last good build's pages (the builder writes nothing when it
fails before writing, and a build that fails while writing leaves pages it recognises next time),
and every served page shows the error at its top until a build succeeds again.
"""
from __future__ import annotations

import html
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

PACKAGE_ROOT = Path(__file__).resolve().parents[1]
CONTENT_START = re.compile(r"<article\b[^>]*>|<body\b[^>]*>")
log = logging.getLogger("mkdocs.hooks.dossier")
run = {"command": "build", "error": None}


def on_startup(command: str, **_: object) -> None:
    run["command"] = command


def on_pre_build(config, **_: object) -> None:
    project = Path(config.config_file_path).resolve().parent
    command = [sys.executable, "-m", "builder", "build", str(project / "sources"), "-o", str(config.docs_dir),
               "--cache", str(project / ".dossier-cache"), "--quiet"]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(command, cwd=PACKAGE_ROOT, env=env, capture_output=True, text=True, check=False)
    for line in (result.stdout + result.stderr).splitlines():
        (log.info if not line.startswith("warning:") else log.debug)(line)
    run["error"] = None
    if result.returncode == 0:
        return
    message = f"the dossier builder failed:\n{result.stderr.strip()}"
    if run["command"] != "serve":
        raise PluginError(message)
    run["error"] = result.stderr.strip() or f"exit status {result.returncode}"
    log.error(f"{message}\nServing the pages of the last good build until the builder succeeds again.")


def on_post_page(output: str, **_: object) -> str:
    """Under serve, after a failed build: the builder's error at the top of every page."""
    if run["error"] is None:
        return output
    banner = ('<div class="admonition failure" role="alert"><p class="admonition-title">The dossier builder '
              "failed: this is the last good build</p>"
              f"<pre><code>{html.escape(run['error'])}</code></pre></div>")
    found = CONTENT_START.search(output)
    return output[:found.end()] + banner + output[found.end():] if found else banner + output
