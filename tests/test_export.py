"""dossier.json: valid against its JSON Schema, deterministic, and the schema is not vacuous."""
from __future__ import annotations

import copy
import json

import jsonschema
import pytest

from builder.render.export import export_dossier
from builder.render.export_schema import SCHEMA
from support import rendered


def validator():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA)


def test_export_validates_against_the_schema(seed_dossier):
    pages = rendered(seed_dossier)
    data = json.loads(pages["dossier.json"])
    validator().validate(data)
    assert json.loads(pages["dossier.schema.json"]) == SCHEMA
    assert len(data["articles"]) == 5 and data["entities"] and data["figures"] and data["related"]
    assert data["syndication"][0]["copy"].startswith("001")


def test_export_is_deterministic(seed_dossier):
    assert rendered(seed_dossier)["dossier.json"] == rendered(seed_dossier)["dossier.json"]


@pytest.mark.parametrize("break_it", [
    lambda d: d["entities"][0].update(type="animal"),
    lambda d: d["articles"][0].pop("sha256"),
    lambda d: d["figures"][0].update(low="many"),
    lambda d: d.update(extra=True),
    lambda d: d["related"][next(iter(d["related"]))][0].update(other="../x y"),
])
def test_schema_rejects_malformed_exports(seed_dossier, break_it):
    data = copy.deepcopy(export_dossier(seed_dossier))
    break_it(data)
    with pytest.raises(jsonschema.ValidationError):
        validator().validate(data)
