"""The per-article stage: one source whose cleaning or analysis raises is a warning naming it, and the rest builds."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder import per_article
from builder.analyze import record
from builder.pipeline import assemble
from support import SEEDS

BROKEN = "001_2399eed8769c3beb.txt"


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SEEDS, tmp_path / "sources"))


def _built_without(report, name: str, reason: str) -> None:
    assert name in report.dossier.rejected and reason in report.dossier.rejected[name]
    assert any(w.startswith(f"{name}: {reason}") for w in report.warnings), report.warnings
    assert sorted(a.source for a in report.dossier.articles) == sorted(
        p.name for p in SEEDS.glob("*.txt") if p.name != name)
    assert report.dossier.summary and report.dossier.entities and report.dossier.events


def test_a_source_the_cleaner_fails_on_is_a_warning(sources: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = per_article.clean_source

    def clean(source, shared=frozenset()):
        if source.name == BROKEN:
            raise RecursionError("maximum recursion depth exceeded")
        return real(source, shared)

    monkeypatch.setattr(per_article, "clean_source", clean)
    report = assemble(sources, None)
    _built_without(report, BROKEN, "could not be cleaned (RecursionError: maximum recursion depth exceeded)")


def test_a_source_the_analysis_fails_on_is_a_warning(sources: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = record.build_record

    def build(article, spans=None, curated=()):
        if article.source == BROKEN:
            raise ValueError("year 0 is out of range")
        return real(article, spans, curated)

    monkeypatch.setattr(record, "build_record", build)
    report = assemble(sources, None)
    _built_without(report, BROKEN, "could not be analysed (ValueError: year 0 is out of range)")


def test_a_paragraph_the_entity_model_fails_on_is_a_warning(sources: Path, monkeypatch: pytest.MonkeyPatch,
                                                           seed_dossier) -> None:
    real = per_article.model_spans
    marker = "Albu Kamal in the Iraqi border area"
    paragraph = next(p for a in seed_dossier.articles if a.source == BROKEN for p in a.paragraphs)
    text = (sources / BROKEN).read_text(encoding="utf-8")
    assert paragraph in text
    (sources / BROKEN).write_text(text.replace(paragraph, f"{paragraph} {marker}."), encoding="utf-8")

    def spans(paragraphs):
        if any(marker in p for p in paragraphs):
            raise ValueError("[E088] Text of length 1000001 exceeds maximum of 1000000")
        return real(paragraphs)

    monkeypatch.setattr(per_article, "model_spans", spans)
    report = assemble(sources, None)
    _built_without(report, BROKEN, "could not be analysed (entity model: ValueError: [E088]")
