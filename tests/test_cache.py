"""The build cache: the last build of a docs folder is kept page by page, and read back only whole."""
from __future__ import annotations

from pathlib import Path

from builder.cache import Store, load_site, page_key, save_site


def test_a_build_is_read_back_with_its_pages_only_when_every_page_is_as_it_was_saved(tmp_path: Path) -> None:
    store = Store(tmp_path / "cache")
    entry = {"fingerprint": "f1", "warnings": ["a.txt: no date"], "counts": {"articles": 2}}
    save_site(store, "/docs", entry, {"index.md": b"# Home\n", "articles/a.md": b"A\n", "articles/b.md": b"B\n"})
    assert load_site(store, "/docs", "f2") is None
    saved, pages = load_site(store, "/docs", "f1")
    assert saved["warnings"] == ["a.txt: no date"] and pages == {"index.md": b"# Home\n", "articles/a.md": b"A\n",
                                                                 "articles/b.md": b"B\n"}
    save_site(store, "/docs", {**entry, "fingerprint": "f3"}, {"index.md": b"# Home\n", "articles/a.md": b"A, edited\n"})
    assert store.get("pages", page_key("/docs", "articles/b.md")) is None
    assert load_site(store, "/docs", "f3")[1] == {"index.md": b"# Home\n", "articles/a.md": b"A, edited\n"}
    store.put_many("pages", {page_key("/docs", "articles/a.md"): b"A\n"})  # a page row that is not what was saved
    assert load_site(store, "/docs", "f3") is None
    save_site(store, "/docs", {**entry, "fingerprint": "f3"}, {"index.md": b"# Home\n", "articles/a.md": b"A, edited\n"})
    assert load_site(store, "/docs", "f3")[1]["articles/a.md"] == b"A, edited\n"  # the next build saves it again
    store.close()


def test_a_store_without_a_folder_keeps_no_build(tmp_path: Path) -> None:
    store = Store(None)
    save_site(store, "/docs", {"fingerprint": "f1", "warnings": [], "counts": {}}, {"index.md": b"# Home\n"})
    assert load_site(store, "/docs", "f1") is None
