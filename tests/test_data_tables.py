"""The heuristics tables read as their authors wrote them: YAML 1.1 turns a bare `on`, `no` or `off` into a
boolean, which then silently matches nothing."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

TABLES = sorted((Path(__file__).resolve().parents[1] / "builder").rglob("*.yml"))


def items(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from items(v)
    elif isinstance(value, list):
        for v in value:
            yield v
            yield from items(v)


@pytest.mark.parametrize("table", TABLES, ids=lambda p: p.name)
def test_no_word_of_a_table_is_read_as_a_boolean(table):
    assert not [v for v in items(yaml.safe_load(table.read_text(encoding="utf-8"))) if isinstance(v, bool)]
