"""Pages from web archives: WARC and ARC files (warcio), and WACZ packages (a zip of WARCs, read with zipfile).

Every response record with HTTP status 200 and an HTML body is a page, with the record's target URI and
date as its capture record. Revisit records (a repeat capture that holds no page), other statuses and
other media types are skipped with the reason; request, metadata and warcinfo records are not pages
and pass silently. Bodies are streamed: an archive of any size is read in constant memory.
"""
from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord
from warcio.exceptions import ArchiveLoadFailed

from ..config import utc_timestamp
from ..model import Capture
from ..read import ARCHIVE_SUFFIXES
from .fetch import FetchError, header_value, web_url
from .store import Pending

WACZ_ARCHIVES = "archive/"
HTML_TYPES = {"text/html", "application/xhtml+xml"}
CHUNK = 64 * 1024


def is_archive(path: str) -> bool:
    return path.lower().endswith(ARCHIVE_SUFFIXES)


@dataclass
class ArchivedRecord:
    """One record worth reporting: a page to copy out (capture set) or a skipped one (reason set)."""

    uri: str
    capture: Capture | None = None
    reason: str | None = None
    record: ArcWarcRecord | None = None

    def copy_to(self, pending: Pending) -> None:
        """Stream the (decoded) body out; must be called before the archive moves on to its next record.
        A record cut short (a crawl that was stopped while writing it) is a ValueError, not a page."""
        assert self.record is not None
        body = self.record.content_stream()
        try:
            while chunk := body.read(CHUNK):
                pending.write(chunk)
        except (ArchiveLoadFailed, EOFError, zlib.error) as exc:
            raise ValueError(f"the record's body cannot be read ({str(exc)[:200]})") from exc
        missing = getattr(self.record.raw_stream, "limit", 0)
        if missing:
            raise ValueError(f"the record is cut short: {missing} bytes of it are missing from the archive")


def _media(headers) -> tuple[str, str | None]:
    """(media type, charset) of a Content-Type header."""
    kind, _, params = (headers.get_header("content-type") or "").partition(";")
    charset = next((p.split("=", 1)[1].strip(" \"'") for p in params.split(";") if p.strip().lower().startswith("charset=")),
                   None)
    return kind.strip().lower(), (charset or "")[:40] or None


def _read_record(record, archive: str) -> ArchivedRecord | None:
    """What one record means for the import; None for records that are not pages at all."""
    if record.rec_type not in ("response", "revisit"):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    if record.rec_type == "revisit":
        return ArchivedRecord(uri, reason="revisit record: a repeat capture that holds no page")
    try:
        url = str(web_url(uri))
    except FetchError:
        return None
    http = record.http_headers
    status = int(http.get_statuscode()) if http and http.get_statuscode().isdigit() else None
    if status != 200:
        return ArchivedRecord(uri, reason=f"HTTP {status or 'status unknown'}, not a page")
    media, charset = _media(http)
    if media not in HTML_TYPES:
        return ArchivedRecord(uri, reason=f"{media or 'no content type'}, not HTML")
    captured = utc_timestamp(record.rec_headers.get_header("WARC-Date") or "")
    if captured is None:
        return ArchivedRecord(uri, reason="the record has no valid WARC-Date")
    capture = Capture(final_url=url, captured_at=captured, status=status, content_type=media, charset=charset,
                      date=header_value(http.get_header("date")),
                      last_modified=header_value(http.get_header("last-modified")),
                      etag=header_value(http.get_header("etag")), archive=archive)
    return ArchivedRecord(uri, capture=capture, record=record)


def _records(stream: IO[bytes], archive: str) -> Iterator[ArchivedRecord]:
    for record in ArchiveIterator(stream, arc2warc=True):
        item = _read_record(record, archive)
        if item is not None:
            yield item


def archive_records(path: Path) -> Iterator[ArchivedRecord]:
    """The pages and skipped records of a WARC, ARC or WACZ file, in order. ValueError when it cannot be read."""
    try:
        if path.name.lower().endswith(".wacz"):
            with zipfile.ZipFile(path) as package:
                members = sorted(n for n in package.namelist() if n.startswith(WACZ_ARCHIVES) and is_archive(n))
                if not members:
                    raise ValueError(f"{path.name}: a WACZ file with no WARC under {WACZ_ARCHIVES}")
                for member in members:
                    with package.open(member) as stream:
                        yield from _records(stream, path.name)
        else:
            with path.open("rb") as stream:
                yield from _records(stream, path.name)
    except (ArchiveLoadFailed, zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
        raise ValueError(f"{path.name}: not a readable web archive ({str(exc)[:200]})") from exc
