"""MkDocs hook: run the builder before every build, so `mkdocs serve` follows sources/ as it changes.

It runs in a subprocess: MkDocs caches hook modules for the life of `serve`, so an in-process call
would keep running the builder code as it was when serve started. Byte-code writing is off so that
the watched builder/ folder does not change just because the builder ran.
"""
from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

PACKAGE_ROOT = Path(__file__).resolve().parents[1]
log = logging.getLogger("mkdocs.hooks.dossier")


def on_pre_build(config, **_: object) -> None:
    project = Path(config.config_file_path).resolve().parent
    command = [sys.executable, "-m", "builder", "build", str(project / "sources"), "-o", str(config.docs_dir),
               "--cache", str(project / ".dossier-cache"), "--quiet"]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(command, cwd=PACKAGE_ROOT, env=env, capture_output=True, text=True, check=False)
    for line in (result.stdout + result.stderr).splitlines():
        (log.info if not line.startswith("warning:") else log.debug)(line)
    if result.returncode != 0:
        raise PluginError(f"the dossier builder failed:\n{result.stderr.strip()}")
