"""Every setting and every front-matter field the builder writes is documented in the README."""
from __future__ import annotations

import frontmatter

from builder.config import CAPTURE_KEYS, DOSSIER_KEYS, HINT_KEYS, OVERRIDE_KEYS
from builder.pipeline import assemble
from support import REPO, SEEDS, rendered

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_settings_are_documented() -> None:
    for keys in (OVERRIDE_KEYS, DOSSIER_KEYS, CAPTURE_KEYS, HINT_KEYS):
        for key, meaning in keys.items():
            assert f"| `{key}` | {meaning} |" in README, key


def test_front_matter_fields_are_documented() -> None:
    pages = rendered(assemble(SEEDS, None).dossier)
    fields = set()
    for path, text in pages.items():
        if path.startswith("articles/") and path != "articles/index.md":
            fields |= set(frontmatter.loads(text).metadata)
    documented = README.split("### Front matter of generated pages")[1].split("## ")[0]
    for field in sorted(fields):
        assert f"`{field}`" in documented, field


def test_readme_names_the_two_commands() -> None:
    assert "./dossier serve" in README and "./dossier test" in README
    assert "./dossier test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
