"""Stage 5: writes are atomic and only when bytes change; what a person edited is never overwritten."""
from __future__ import annotations

import json
import os
import stat
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


def edit(path: Path, old: str, new: str) -> bytes:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path.read_bytes()


def test_text_outside_the_sections_is_kept_byte_for_byte(tmp_path: Path) -> None:
    write_site({"index.md": page("Overview v1", "Figures v1")}, tmp_path)
    index = tmp_path / "index.md"
    edit(index, "# T\n", "# T\n\nThe curator's own introduction, above every section.\n")
    edit(index, "<!-- dossier:end overview -->\n\n", "<!-- dossier:end overview -->\n\nA note between two sections.\n\n")
    report = write_site({"index.md": page("Overview v2", "Figures v2")}, tmp_path)
    result = index.read_text(encoding="utf-8")
    assert "The curator's own introduction, above every section.\n" in result
    assert "<!-- dossier:end overview -->\n\nA note between two sections.\n\n<!-- dossier:section figures -->" in result
    assert "Overview v2" in result and "Figures v2" in result
    assert report.kept == ["index.md, the text before § overview",
                           "index.md, the text between § overview and § figures"]
    assert not report.warnings
    again = write_site({"index.md": page("Overview v3", "Figures v3")}, tmp_path)
    assert "The curator's own introduction" in index.read_text(encoding="utf-8") and again.kept == report.kept


MARKER_EDITS = {
    "end marker deleted": ("<!-- dossier:end overview -->\n", "", "line 7: § overview has no end marker"),
    "start marker deleted": ("<!-- dossier:section overview -->\n", "",
                             "the end marker of § overview has no start marker"),
    "section renamed": ("dossier:section overview -->\n\nOverview v1\n\n<!-- dossier:end overview",
                        "dossier:section my-overview -->\n\nOverview v1\n\n<!-- dossier:end my-overview",
                        "line 7: § my-overview is not a section the builder writes"),
    "two spaces": ("<!-- dossier:end overview -->", "<!--  dossier:end overview -->",
                   "line 11: `<!--  dossier:end overview -->` has extra spaces"),
    "trailing space": ("<!-- dossier:section figures -->\n", "<!-- dossier:section figures --> \n",
                       "line 13: `<!-- dossier:section figures -->` has a space after it"),
    "section duplicated": ("<!-- dossier:section figures -->",
                           "<!-- dossier:section overview -->\n\nA second overview\n\n<!-- dossier:end overview -->"
                           "\n\n<!-- dossier:section figures -->",
                           "line 13: § overview appears a second time (first on line 7)"),
    "marker in the middle of a line": ("<!-- dossier:end figures -->", "Figures. <!-- dossier:end figures -->",
                                       "`<!-- dossier:end figures -->` is not alone on its line"),
}


def test_every_marker_edit_leaves_the_page_alone_and_says_which_line(tmp_path: Path) -> None:
    for case, (old, new, problem) in MARKER_EDITS.items():
        docs = tmp_path / case.replace(" ", "-")
        write_site({"index.md": page("Overview v1", "Figures v1")}, docs)
        index = docs / "index.md"
        edit(index, "Overview v1", "The curator's overview")
        edited = edit(index, old.replace("Overview v1", "The curator's overview"),
                      new.replace("Overview v1", "The curator's overview"))
        report = write_site({"index.md": page("Overview v2", "Figures v2")}, docs)
        assert index.read_bytes() == edited, case
        assert len(report.warnings) == 1 and report.warnings[0].startswith("index.md: left alone"), case
        assert problem in report.warnings[0], (case, report.warnings[0])
        assert report.kept == ["index.md (its section markers were changed: see the warnings)"], case
        write_site({"index.md": page("Overview v3", "Figures v3")}, docs)
        assert index.read_bytes() == edited, case


def test_both_markers_deleted_keeps_the_text_and_says_what_is_missing(tmp_path: Path) -> None:
    write_site({"index.md": page("Overview v1", "Figures v1")}, tmp_path)
    index = tmp_path / "index.md"
    edit(index, "Overview v1", "The curator's overview")
    edit(index, "<!-- dossier:section overview -->\n", "")
    edited = edit(index, "<!-- dossier:end overview -->\n", "")
    report = write_site({"index.md": page("Overview v2", "Figures v2")}, tmp_path)
    assert index.read_bytes() == edited
    assert "§ overview missing (were its markers deleted?)" in report.warnings[0]


def test_fixing_the_marker_hands_the_page_back(tmp_path: Path) -> None:
    write_site({"index.md": page("Overview v1", "Figures v1")}, tmp_path)
    index = tmp_path / "index.md"
    edit(index, "Overview v1", "The curator's overview")
    edit(index, "<!-- dossier:end overview -->", "<!-- dossier:end overview --> ")
    assert write_site({"index.md": page("Overview v2", "Figures v2")}, tmp_path).warnings
    edit(index, "<!-- dossier:end overview --> ", "<!-- dossier:end overview -->")
    report = write_site({"index.md": page("Overview v3", "Figures v3")}, tmp_path)
    result = index.read_text(encoding="utf-8")
    assert not report.warnings and "The curator's overview" in result and "Figures v3" in result


def test_a_page_with_no_markers_at_all_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "index.md").write_text("# My own home page\n\nWritten by a person.\n", encoding="utf-8")
    report = write_site({"index.md": page("Overview v1", "Figures v1")}, tmp_path)
    assert (tmp_path / "index.md").read_text(encoding="utf-8") == "# My own home page\n\nWritten by a person.\n"
    assert "index.md" in report.kept[0] and "§ overview, § figures missing" in report.warnings[0]


def test_rewrites_keep_the_file_mode_and_new_files_follow_the_umask(tmp_path: Path) -> None:
    write_site({"a.md": "one\n", "b.md": "two\n"}, tmp_path)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((tmp_path / "a.md").stat().st_mode) == 0o666 & ~umask
    (tmp_path / "b.md").chmod(0o640)
    write_site({"a.md": "one\n", "b.md": "two, changed\n"}, tmp_path)
    assert stat.S_IMODE((tmp_path / "b.md").stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / STATE_FILE).stat().st_mode) == 0o666 & ~umask


def test_a_page_the_builder_would_write_identically_is_adopted(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("one\n", encoding="utf-8")
    report = write_site({"a.md": "one\n"}, tmp_path)
    assert not report.kept
    assert write_site({"a.md": "one, changed\n"}, tmp_path).written == ["a.md"]


def test_a_state_written_by_the_previous_builder_still_tells_edits_apart(tmp_path: Path) -> None:
    write_site({"index.md": page("Overview v1", "Figures v1"), "a.md": "one\n"}, tmp_path)
    state = json.loads((tmp_path / STATE_FILE).read_text(encoding="utf-8"))
    sections = {k: v for k, v in state["index.md"]["parts"].items() if ">" not in k}
    (tmp_path / STATE_FILE).write_text(json.dumps({"index.md": {"sha256": state["index.md"]["sha256"],
                                                                "sections": sections},
                                                   "a.md": state["a.md"]}), encoding="utf-8")
    edit(tmp_path / "index.md", "Overview v1", "The curator's overview")
    report = write_site({"index.md": page("Overview v2", "Figures v2"), "a.md": "two\n"}, tmp_path)
    result = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert "The curator's overview" in result and "Figures v2" in result
    assert report.kept == ["index.md § overview"] and report.written == ["a.md", "index.md"]
