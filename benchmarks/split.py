"""The fixed split of the bench cases into a tune half and a check half.

A case belongs to half 0 (tune) or 1 (check) by the parity of the sha256 of its id, so the split
never depends on results. Rules are tuned on half 0; both halves are reported.
"""
from __future__ import annotations

import hashlib

HALVES = ("tune", "check")


def half(case_id: str) -> int:
    return int(hashlib.sha256(case_id.encode("utf-8")).hexdigest(), 16) % 2


def half_name(case_id: str) -> str:
    return HALVES[half(case_id)]
