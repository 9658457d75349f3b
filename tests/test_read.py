"""Stage 1: reading sources/ and the curator's files; bad input is reported by name, the rest still reads."""
from __future__ import annotations

import gzip
import hashlib
import json
import random
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


ARTICLE = "A headline about the council\n\nThe council met on Tuesday and voted to approve the new budget.\n"


def test_symlinks_and_hidden_files_are_skipped_with_a_warning(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(ARTICLE, encoding="utf-8")
    sources = tmp_path / "sources"
    (sources / ".drafts").mkdir(parents=True)
    (sources / ".drafts" / "draft.txt").write_text(ARTICLE, encoding="utf-8")
    (sources / "real.txt").write_text(ARTICLE, encoding="utf-8")
    (sources / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (sources / ".gitkeep").write_text("", encoding="utf-8")
    (sources / "linked.txt").symlink_to(outside / "secret.txt")
    (sources / "linked-folder").symlink_to(outside, target_is_directory=True)
    found, rejected, warnings = read.read_sources(sources)
    assert [s.name for s in found] == ["real.txt"] and not rejected
    assert sorted(warnings) == [
        ".drafts: a hidden folder; skipped (rename it without the leading dot to use it)",
        ".hidden.txt: a hidden file; skipped (rename it without the leading dot to use it)",
        "linked-folder: a symbolic link, not followed; skipped (copy the file or folder in instead)",
        "linked.txt: a symbolic link, not followed; skipped (copy the file or folder in instead)"]


def test_manifest_paths_outside_the_folder_are_refused(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "secret.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sources" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sources" / "articles.json").write_text(json.dumps([
        {"file": str(tmp_path / "secret.txt"), "title": "Absolute"}, {"file": "../secret.txt"},
        {"file": "C:\\Users\\x.txt"}, {"file": "./a.txt", "source": "BBC"}]), encoding="utf-8")
    found, _, warnings = read.read_sources(tmp_path / "sources")
    assert [(s.name, s.override.outlet) for s in found] == [("a.txt", "BBC")]
    joined = "\n".join(warnings)
    assert f"articles.json: entry 1: file '{tmp_path / 'secret.txt'}' is an absolute path" in joined
    assert "articles.json: entry 2: file '../secret.txt' is outside the sources folder" in joined
    assert "articles.json: entry 3: file 'C:\\\\Users\\\\x.txt' is an absolute path" in joined


def test_noise_is_refused_as_not_text_and_real_text_in_any_encoding_is_not(tmp_path: Path) -> None:
    rng = random.Random(12)
    for low in (1, 32, 128):
        (tmp_path / f"noise-{low}.txt").write_bytes(bytes(rng.randint(low, 255) for _ in range(20_000)))
    (tmp_path / "random.html").write_bytes(rng.randbytes(20_000))
    text = "Москва — столица России. Армия вошла в город во вторник, сообщили власти. " * 40
    (tmp_path / "cyrillic.txt").write_bytes(text.encode("cp1251"))
    (tmp_path / "chinese.txt").write_bytes(("叙利亚军队周三进入阿布卡迈勒镇，官方媒体报道。" * 60).encode("gbk"))
    (tmp_path / "utf16.txt").write_bytes(ARTICLE.encode("utf-16"))
    (tmp_path / "dos.txt").write_bytes(ARTICLE.encode("ascii") * 20 + b"\x1a")
    found, rejected, _ = read.read_sources(tmp_path)
    assert sorted(s.name for s in found) == ["chinese.txt", "cyrillic.txt", "dos.txt", "utf16.txt"]
    assert sorted(rejected) == ["noise-1.txt", "noise-128.txt", "noise-32.txt", "random.html"]
    assert all(why.startswith("not text: ") for why in rejected.values()), rejected


def test_dates_outside_the_sensible_years_are_refused_with_the_line(tmp_path: Path) -> None:
    for name, date in [("late.txt", "9999-12-31"), ("early.txt", "0001-01-01")]:
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
        (tmp_path / f"{name}.yml").write_text(f"outlet: BBC\npublished: {date}\n", encoding="utf-8")
    found, _, warnings = read.read_sources(tmp_path)
    assert {s.name: (s.override.outlet, s.override.published) for s in found} == {
        "early.txt": ("BBC", None), "late.txt": ("BBC", None)}
    assert "late.txt.yml:2: key 'published' 9999-12-31 is outside the years a dossier can have (1800 to 2100)" \
        in " ".join(warnings)
    assert "early.txt.yml:2: key 'published' 0001-01-01 is outside" in " ".join(warnings)


def test_describing_a_folder_says_where_it_looked_and_what_it_found(tmp_path: Path) -> None:
    (tmp_path / "articles" / "deeper").mkdir(parents=True)
    for n in range(3):
        (tmp_path / "articles" / "deeper" / f"{n}.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "articles.json").write_text(json.dumps([{"file": f"articles/{n}.txt"} for n in range(3)]),
                                            encoding="utf-8")
    message = read.describe_folder(tmp_path)
    assert message.startswith(f"no usable source in {tmp_path.resolve()} and its sub-folders, for ")
    assert ("articles.json lists 3 files in articles/, none of them there; 3 source files in articles/deeper/, "
            "which articles.json does not list") in message
    empty = tmp_path / "empty"
    empty.mkdir()
    assert read.describe_folder(empty).endswith(": it is empty")
