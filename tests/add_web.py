"""What the `add` tests serve and check: saved pages, the routes of the local server, WARC files, provenance."""
from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import re
from pathlib import Path

import frontmatter
import jsonschema
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from builder import config
from builder.model import Capture
from builder.pipeline import assemble
from builder.render.export_schema import SCHEMA
from support import SEEDS, rendered
from webserver import Route, redirect

# The tests' server is on the loopback address: no proxy from the environment may stand in between.
os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"

WEB = Path(__file__).parent / "web"
STORY = (WEB / "story.html").read_bytes()
STORY_NAME = "the-loopback-times-syrian-army-and-allies-seize-albu-kamal-from-islamic-state.html"
NODATE = (WEB / "nodate.txt").read_bytes()
SEED_NAME = "000_a94a6e37e7628f10.txt"
SEED = (SEEDS / SEED_NAME).read_bytes()
CAFE = ("<html><head><title>Café owners count the cost of the floods</title></head><body>"
        "<nav>Home | News | Sport</nav><h1>Café owners count the cost of the floods</h1>"
        "<p>“We lost €5 million in a single night,” said the café’s owner, standing in water that still reached "
        "his knees on Tuesday morning as the river began to fall.</p>"
        "<p>Insurers said the damage to businesses along the quay would be the worst since records began, and "
        "the town council promised grants to every shop that had to close for more than a week.</p>"
        "<p>Volunteers spent the day carrying ruined furniture out of the cafés and restaurants of the old "
        "town, while engineers inspected the bridge that had been closed since Sunday.</p>"
        "</body></html>").encode("cp1252")
KOI8 = ("Moscow hails the capture of Albu Kamal\n"
        "Russia's defence ministry said its aircraft had supported the Syrian army throughout the final assault on "
        "the town, and state television led its evening news with the headline 'Армия заняла город'.\n"
        "Officials in Moscow said the campaign against Islamic State in Syria was close to its end, while warning "
        "that scattered groups of fighters remained in the desert east of the Euphrates.\n").encode("koi8-r")
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
HUGE = b"<html><body>" + b"<p>filler text of a page that never ends</p>\n" * 500_000 + b"</body></html>"
HTML = {"Content-Type": "text/html; charset=utf-8"}
TEXT = {"Content-Type": "text/plain; charset=utf-8"}

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>The Loopback Times: Middle East</title>
  <id>urn:uuid:6d3c0b7e-feed-4c55-9e55-loopback</id>
  <updated>2017-11-20T12:00:00Z</updated>
  <entry>
    <title>Army seizes Albu Kamal, last IS town in Syria</title>
    <link rel="alternate" href="story.html"/>
    <id>urn:story</id>
    <updated>2017-11-20T08:00:00+01:00</updated>
    <author><name>Jane Doe</name></author>
  </entry>
  <entry>
    <title type="html">Aid convoy reaches &lt;em&gt;Deir ez-Zor&lt;/em&gt; after three-year siege</title>
    <link rel="alternate" href="/nodate.txt"/>
    <id>urn:nodate</id>
    <published>2017-09-11T23:30:00-05:00</published>
    <updated>2017-09-12T10:00:00Z</updated>
    <author><name>Reuters</name></author>
  </entry>
  <entry>
    <title>Café owners count the cost</title>
    <link href="cafe.html"/>
    <id>urn:cafe</id>
    <updated>2017-11-21T07:00:00Z</updated>
  </entry>
  <entry><title>A page that has gone</title><link href="/missing"/><id>urn:missing</id>
    <updated>2017-11-19T07:00:00Z</updated></entry>
  <entry><title>The annual report</title><link href="/report.pdf"/><id>urn:pdf</id>
    <updated>2017-11-19T07:00:00Z</updated></entry>
  <entry><title>The same story again</title><link href="story.html"/><id>urn:story-again</id>
    <updated>2017-11-20T08:00:00Z</updated></entry>
</feed>
""".encode("utf-8")


def chain(prefix: str, hops: int, target: str) -> dict[str, Route]:
    """`hops` redirects from {prefix}0 to target, through every redirect status, in absolute-path and relative form."""
    routes = {}
    for n in range(hops):
        location = target if n == hops - 1 else f"{prefix}{n + 1}"
        routes[f"{prefix}{n}"] = redirect(location if n % 2 == 0 else location.lstrip("/"),
                                          (302, 301, 307, 308, 303)[n % 5])
    return routes


def routes() -> dict[str, Route]:
    return {
        "/story.html": Route(STORY, headers={**HTML, "ETag": '"story-1"', "Last-Modified": "Mon, 20 Nov 2017 07:12:00 GMT"}),
        "/copy/story.html": Route(STORY, headers=HTML),
        "/seed.txt": Route(SEED, headers=TEXT),
        "/nodate.txt": Route(NODATE, headers={"Content-Type": "text/plain"}),
        "/cafe.html": Route(CAFE, headers={"Content-Type": "text/html; charset=windows-1252"}),
        "/koi8.txt": Route(KOI8, headers={"Content-Type": "text/plain; charset=koi8-r"}),
        "/report.pdf": Route(PDF, headers={"Content-Type": "application/pdf"}),
        "/huge.html": Route(HUGE, headers=HTML),
        "/huge-chunked.html": Route(HUGE, headers=HTML, chunked=True),
        "/slow.html": Route(STORY, headers=HTML, delay=30),
        "/broken.html": Route(STORY, headers=HTML, drop_after=1000),
        "/stall.html": Route(STORY * 40, headers=HTML, stall_after=5000),
        "/gone.html": Route(b"<html><body><h1>Not found</h1></body></html>", 404, HTML),
        "/feed.atom": Route(ATOM, headers={"Content-Type": "application/atom+xml"}),
        "/not-a-feed.xml": Route(b"<html><body><p>no feed here</p></body></html>", headers=HTML),
        **chain("/five", 5, "/story.html"),
        **chain("/six", 6, "/story.html"),
        "/to-ftp": redirect("ftp://127.0.0.1/file"),
    }


def http_headers(status: str, content_type: str, **extra: str) -> StatusAndHeaders:
    return StatusAndHeaders(status, [("Content-Type", content_type), *extra.items()], protocol="HTTP/1.1")


def write_warc(path: Path, gzipped: bool = True) -> None:
    """A small crawl: two pages (one gzip-encoded), a request, a revisit, an image, a 404, a copy at another
    address, a page with a different capture date, and a warcinfo record."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzipped)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "dossier tests"}))

        def response(uri: str, body: bytes, headers: StatusAndHeaders, date: str):
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": date})
            writer.write_record(record)
            return record

        writer.write_record(writer.create_warc_record("http://news.example.org/story", "request",
                                                      payload=io.BytesIO(b"GET /story HTTP/1.1\r\n\r\n"),
                                                      warc_headers_dict={"WARC-Date": "2024-05-01T10:00:00Z"}))
        first = response("http://news.example.org/story", gzip.compress(STORY),
                         http_headers("200 OK", "text/html; charset=utf-8", **{"Content-Encoding": "gzip",
                                                                                "ETag": '"w1"'}),
                         "2024-05-01T10:00:00Z")
        writer.write_record(writer.create_revisit_record(
            "http://news.example.org/story", digest=first.rec_headers.get_header("WARC-Payload-Digest"),
            refers_to_uri="http://news.example.org/story", refers_to_date="2024-05-01T10:00:00Z",
            http_headers=http_headers("200 OK", "text/html; charset=utf-8")))
        response("http://news.example.org/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
                 http_headers("200 OK", "image/png"), "2024-05-01T10:00:01Z")
        response("http://news.example.org/old", b"<html><body>gone</body></html>",
                 http_headers("404 Not Found", "text/html"), "2024-05-01T10:00:02Z")
        response("http://news.example.org/amp/story", STORY, http_headers("200 OK", "text/html"),
                 "2024-05-01T10:00:03Z")
        response("http://news.example.org/cafe", CAFE, http_headers("200 OK", "text/html; charset=windows-1252"),
                 "2024-05-02T08:30:00+02:00")


def sidecar(sources: Path, name: str) -> Capture:
    """The stored sidecar, read back through the same validation the build uses (no errors allowed)."""
    override, errors = config.load_sidecar(sources / f"{name}.yml", f"{name}.yml")
    assert not errors, errors
    assert override.capture is not None
    return override.capture


def listing(folder: Path) -> list[str]:
    """Every file below the folder, hidden ones included."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def built(sources: Path) -> tuple:
    """The dossier of a sources folder and its rendered pages."""
    dossier = assemble(sources, None).dossier
    return dossier, rendered(dossier)


def assert_provenance(pages: dict[str, str], slug: str, capture: Capture) -> None:
    """The article page, the source index, dossier.json and both citation files carry the capture."""
    page = pages[f"articles/{slug}.md"]
    meta = frontmatter.loads(page).metadata
    assert meta["captured_from"] == capture.final_url and meta["captured_at"] == capture.captured_at
    line = next(line for line in page.splitlines() if line.startswith("Captured from"))
    assert f"({capture.final_url})" in line
    assert re.search(r" on \d{1,2} \w+ \d{4}, \d\d:\d\d UTC", line), line
    if capture.status:
        assert f"(HTTP {capture.status})" in line
    assert f"sha256 `{capture.sha256}`" in line
    assert f'<time datetime="{capture.day}">' in pages["sources.md"]
    export = json.loads(pages["dossier.json"])
    jsonschema.Draft202012Validator(SCHEMA).validate(export)
    article = next(a for a in export["articles"] if a["slug"] == slug)
    assert article["capture"]["captured_at"] == capture.captured_at and article["url"] == capture.final_url
    item = next(i for i in json.loads(pages["citations.json"]) if i["id"] == slug)
    assert item["accessed"] == {"date-parts": [[int(p) for p in capture.day.split("-")]]}
    assert item["URL"] == capture.final_url
    entry = pages["citations.bib"].split(f"{{{slug},")[1].split("\n}")[0]
    assert f"urldate = {{{capture.day}}}" in entry
