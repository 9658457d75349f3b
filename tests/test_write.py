"""Stage 5: writes are atomic and only when bytes change; what a person edited is never overwritten."""
from __future__ import annotations

from pathlib import Path

from builder.render.common import section
from builder.write import STATE_FILE, write_site


def page(overview: str, figures: str) -> str:
    return "---\ntitle: Summary\n---\n\n# T\n\n" + section("overview", overview) + "\n\n" + section("figures", figures) + "\n"


def test_unchanged_files_are_not_rewritten(tmp_path: Path) -> None:
    report = write_site({"a.md": "one\n", "b/c.md": "two\n"}, tmp_path)
    assert sorted(report.written) == ["a.md", "b/c.md"]
    stamp = (tmp_path / "a.md").stat().st_mtime_ns
    report = write_site({"a.md": "one\n", "b/c.md": "two\n"}, tmp_path)
    assert report.written == [] and report.unchanged == 2
    assert (tmp_path / "a.md").stat().st_mtime_ns == stamp
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_edited_section_kept_others_refreshed(tmp_path: Path) -> None:
    write_site({"index.md": page("Overview v1", "Figures v1")}, tmp_path)
    text = (tmp_path / "index.md").read_text(encoding="utf-8").replace("Overview v1", "My own overview")
    (tmp_path / "index.md").write_text(text, encoding="utf-8")
    report = write_site({"index.md": page("Overview v2", "Figures v2")}, tmp_path)
    result = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert "My own overview" in result and "Figures v2" in result and "Overview v2" not in result
    assert report.kept == ["index.md § overview"] and report.refreshed == ["index.md § figures"]
    write_site({"index.md": page("Overview v3", "Figures v3")}, tmp_path)
    assert "My own overview" in (tmp_path / "index.md").read_text(encoding="utf-8")


def test_emptied_section_is_handed_back(tmp_path: Path) -> None:
    write_site({"index.md": page("Overview v1", "Figures v1")}, tmp_path)
    text = (tmp_path / "index.md").read_text(encoding="utf-8").replace("Overview v1", "")
    (tmp_path / "index.md").write_text(text, encoding="utf-8")
    write_site({"index.md": page("Overview v2", "Figures v2")}, tmp_path)
    assert "Overview v2" in (tmp_path / "index.md").read_text(encoding="utf-8")


def test_stale_pages_removed_unless_edited(tmp_path: Path) -> None:
    write_site({"a.md": "a\n", "b.md": "b\n", "mine.md": "x\n"}, tmp_path)
    (tmp_path / "b.md").write_text("b, edited\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("the curator's own page\n", encoding="utf-8")
    report = write_site({"mine.md": "x\n"}, tmp_path)
    assert not (tmp_path / "a.md").exists()
    assert (tmp_path / "b.md").read_text(encoding="utf-8") == "b, edited\n"
    assert (tmp_path / "notes.md").exists()
    assert report.removed == ["a.md"] and any("b.md" in k for k in report.kept)
    assert (tmp_path / STATE_FILE).is_file()
