"""Stage 1: reading sources/ and the curator's files; bad input is reported by name, the rest still reads."""
from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

from builder import read
from builder.config import load_settings
from support import SEEDS


def test_seeds_read_unchanged() -> None:
    sources, rejected, errors = read.read_sources(SEEDS)
    assert [s.name for s in sources] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert not rejected and not errors
    for source in sources:
        assert source.sha256 == hashlib.sha256((SEEDS / source.name).read_bytes()).hexdigest()
        assert source.format == "text"


def test_bad_files_are_rejected_by_name(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "broken.txt.gz").write_bytes(b"not gzip at all")
    (tmp_path / "good one — été.txt").write_text("A title\n\nSome words of an article here.", encoding="utf-8")
    (tmp_path / "-dash.html.gz").write_bytes(gzip.compress(b"<html><body><p>Hello there</p></body></html>"))
    sources, rejected, _ = read.read_sources(tmp_path)
    assert sorted(s.name for s in sources) == ["-dash.html.gz", "good one — été.txt"]
    assert rejected["empty.txt"].startswith("empty file")
    assert rejected["blank.txt"].startswith("empty file")
    assert "binary data" in rejected["binary.txt"]
    assert "unknown file type" in rejected["notes.docx"]
    assert "not a valid gzip" in rejected["broken.txt.gz"]


def test_huge_file_is_rejected(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(read, "MAX_BYTES", 1000)
    (tmp_path / "huge.txt").write_text("word " * 1000, encoding="utf-8")
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"word " * 1000))
    sources, rejected, _ = read.read_sources(tmp_path)
    assert not sources
    assert "limit" in rejected["huge.txt"] and "uncompressed" in rejected["bomb.txt.gz"]


def test_sidecar_overrides_and_errors_name_file_key_and_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nText of the article.", encoding="utf-8")
    (tmp_path / "a.txt.yml").write_text("title: 'Fixed: title'\npublished: 2017-11-09\nouttlet: X\n"
                                        "url: ftp://nope\nexclude: yes please\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Title\n\nText of the article.", encoding="utf-8")
    (tmp_path / "b.txt.yml").write_text("title: [unclosed\n", encoding="utf-8")
    sources, _, errors = read.read_sources(tmp_path)
    a = next(s for s in sources if s.name == "a.txt")
    assert a.override.title == "Fixed: title" and a.override.published == "2017-11-09"
    assert "a.txt.yml:3: unknown key 'outtlet'" in " ".join(errors)
    assert "a.txt.yml:4: key 'url' must be an http" in " ".join(errors)
    assert "a.txt.yml:5: key 'exclude' must be true or false" in " ".join(errors)
    assert any(e.startswith("b.txt.yml:") and "not valid YAML" in e for e in errors)
    assert {s.name for s in sources} == {"a.txt", "b.txt"}


def test_manifest_supplies_metadata(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "1.txt").write_text("Headline\n\nBody text here.", encoding="utf-8")
    (tmp_path / "articles.json").write_text(json.dumps([
        {"file": "articles/1.txt", "title": "Headline", "title_line": True, "source": "BBC", "url": None,
         "date": "2010-04-26"},
        {"file": "articles/2.txt", "date": "not a date"}]), encoding="utf-8")
    sources, _, errors = read.read_sources(tmp_path)
    assert sources[0].override.outlet == "BBC" and sources[0].override.published == "2010-04-26"
    assert sources[0].override.title_line
    assert any("articles/2.txt" in e and "published" in e for e in errors)
    assert any("lists 'articles/2.txt'" in e for e in errors)


def test_settings_validated_with_lines(tmp_path: Path) -> None:
    (tmp_path / "dossier.yml").write_text("title: Fall of Albu Kamal\nsummary_words: lots\ncolour: red\n",
                                          encoding="utf-8")
    (tmp_path / "aliases.yml").write_text("Islamic State: [Isis, Daesh]\nBroken: 3\n", encoding="utf-8")
    settings, errors = load_settings(tmp_path)
    assert settings.title == "Fall of Albu Kamal" and settings.summary_words == 250
    assert settings.aliases == {"Islamic State": ["Isis", "Daesh"]}
    joined = " ".join(errors)
    assert "dossier.yml:2: key 'summary_words' has a bad value" in joined
    assert "dossier.yml:3: key 'colour' is unknown" in joined
    assert "aliases.yml:2: key 'Broken'" in joined
