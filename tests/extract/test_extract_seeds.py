"""The five bundled seeds: the key values must be right (gold from ../shared, if present)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.extract.conftest import best, rows, values

if TYPE_CHECKING:
    from curator.core.model import Extracted
    from curator.extract import Extractor

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO.parent / "shared" / "corpus" / "seeds-gold.json"
SEEDS = sorted((REPO / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    if not GOLD.is_file():
        pytest.skip(f"seed gold not found at {GOLD}")
    documents: dict[str, Any] = json.loads(GOLD.read_text(encoding="utf-8"))["documents"]
    return documents


@pytest.fixture(scope="module")
def found(extractor: Extractor) -> dict[str, list[Extracted]]:
    return {p.stem: extractor.extract_strict(p.read_text(encoding="utf-8")) for p in SEEDS}


def _same(a: object, b: object) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(float(a) - float(b)) < 1e-9
    return str(a).casefold() == str(b).casefold()


@pytest.mark.parametrize("seed", [p.stem for p in SEEDS])
def test_seed_key_fields(
    seed: str, gold: dict[str, Any], found: dict[str, list[Extracted]]
) -> None:
    want, got = gold[seed], found[seed]
    for group, key in (("population", "n_total"), ("study", "study_design")):
        if key in want.get(group, {}):
            top = best(got, key)
            assert top is not None, key
            assert top.value == want[group][key], key
    for group, key in (("intervention", "intervention"), ("population", "condition")):
        for item in want.get(group, {}).get(key, []):
            assert any(_same(item, v) for v in values(got, key)), (key, item)


@pytest.mark.parametrize("seed", [p.stem for p in SEEDS])
def test_seed_hazard_ratio_rows(
    seed: str, gold: dict[str, Any], found: dict[str, list[Extracted]]
) -> None:
    table = rows(found[seed], "outcomes")
    for want in gold[seed].get("outcomes", []):
        if want.get("measure") != "hazard ratio":
            continue
        keys = [k for k in ("value", "ci_low", "ci_high", "p_value") if k in want]
        assert any(all(_same(r.get(k), want[k]) for k in keys) for r in table), want


def test_seed_counts_of_rows(found: dict[str, list[Extracted]]) -> None:
    rasmussen = next(k for k in found if k.startswith("000_"))
    hazard = [r for r in rows(found[rasmussen], "outcomes") if r.get("measure") == "hazard ratio"]
    assert len(hazard) == 3
