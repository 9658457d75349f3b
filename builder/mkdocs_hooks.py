"""MkDocs hook: run the builder before every build, so `mkdocs serve` follows sources/ as it changes.

`mkdocs build` (and serve's first build) runs the builder in a subprocess and waits for it: MkDocs
caches hook modules for the life of `serve`, so an in-process call would keep running the builder code
as it was when serve started. Byte-code writing is off so that the watched builder/ folder does not
change just because the builder ran. A build whose inputs did not change costs the builder a fraction of
a second, so `mkdocs build` right after `python -m builder build` does not build twice.

Under `serve`, a later rebuild does not wait for the whole builder: the hook writes the pages of the
sources that changed, in this process (preview.py), and returns, so MkDocs (run with `--dirty` by
`./dossier serve`) shows them at once; the full build then runs in the background, and the pages it
rewrites are served as it writes them. A change that comes while a full build runs cancels it (a build
stops before writing or after, never in between: pipeline.termination_deferred) and starts another.

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
import threading
from pathlib import Path

from mkdocs.exceptions import PluginError

PACKAGE_ROOT = Path(__file__).resolve().parents[1]
CONTENT_START = re.compile(r"<article\b[^>]*>|<body\b[^>]*>")
log = logging.getLogger("mkdocs.hooks.dossier")


class Serving:
    """State kept for the life of `mkdocs serve`: the full build running in the background, if any."""

    def __init__(self) -> None:
        self.active = False
        self.first_done = False
        self.lock = threading.Lock()
        self.process: subprocess.Popen | None = None
        self.error: str | None = None


SERVING = Serving()


def on_startup(command: str, dirty: bool, **_: object) -> None:
    SERVING.active = command == "serve"


def _paths(config) -> tuple[Path, Path, Path]:
    project = Path(config.config_file_path).resolve().parent
    return project / "sources", Path(config.docs_dir), project / ".dossier-cache"


def _builder(config) -> dict:
    sources, docs, cache = _paths(config)
    return {"args": [sys.executable, "-m", "builder", "build", str(sources), "-o", str(docs), "--cache", str(cache),
                     "--quiet"],
            "cwd": PACKAGE_ROOT, "env": {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}, "text": True,
            "stdout": subprocess.PIPE, "stderr": subprocess.PIPE}


def _report(output: str, errors: str) -> None:
    for line in (output + errors).splitlines():
        (log.info if not line.startswith("warning:") else log.debug)(line)


def _failed(returncode: int, errors: str) -> None:
    """Under serve, a failed build is logged (and shown on the pages rendered next); under build, it fails it."""
    message = f"the dossier builder failed:\n{errors.strip()}"
    if not SERVING.active:
        raise PluginError(message)
    SERVING.error = errors.strip() or f"exit status {returncode}"
    log.error(f"{message}\nServing the pages of the last good build until the builder succeeds again.")


def run_builder(config) -> None:
    result = subprocess.run(**_builder(config), check=False)
    _report(result.stdout, result.stderr)
    if result.returncode != 0:
        _failed(result.returncode, result.stderr)
    else:
        SERVING.error = None


def _preview_module():
    if str(PACKAGE_ROOT) not in sys.path:
        sys.path.insert(0, str(PACKAGE_ROOT))
    import builder.preview
    return builder.preview


def write_changed_pages(config) -> None:
    """The preview's first step, in this process; any failure only leaves the work to the full build."""
    try:
        report = _preview_module().write_changed_pages(*_paths(config))
        if report is not None and report.written:
            log.info(f"dossier preview: {', '.join(report.written)} written; the full build follows")
    except Exception as exc:  # the full build reports every error properly
        log.debug(f"dossier preview skipped: {type(exc).__name__}: {exc}")


def _finish(process: subprocess.Popen) -> None:
    output, errors = process.communicate()
    _report(output, errors)
    if process.returncode == 0:
        SERVING.error = None
    elif process.returncode != -15:
        _failed(process.returncode, errors)


def on_pre_build(config, **_: object) -> None:
    if not SERVING.active or not SERVING.first_done:
        run_builder(config)
        if SERVING.active:  # import the preview's modules now, not on the first edit
            threading.Thread(target=_preview_module, daemon=True).start()
        SERVING.first_done = True
        return
    with SERVING.lock:
        running = SERVING.process
        if running is not None and running.poll() is None:
            running.terminate()
            running.wait()
        write_changed_pages(config)
        process = SERVING.process = subprocess.Popen(**_builder(config))
    threading.Thread(target=_finish, args=(process,), daemon=True).start()


def on_post_page(output: str, **_: object) -> str:
    """Under serve, after a failed build: the builder's error at the top of every page."""
    if SERVING.error is None:
        return output
    banner = ('<div class="admonition failure" role="alert"><p class="admonition-title">The dossier builder '
              "failed: this is the last good build</p>"
              f"<pre><code>{html.escape(SERVING.error)}</code></pre></div>")
    found = CONTENT_START.search(output)
    return output[:found.end()] + banner + output[found.end():] if found else banner + output
