"""Intervention fields: lexicon names, abbreviations, dose, route, background, comparator."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from curator.extract.normalizers import dose
from tests.extract.conftest import Run, best, values

if TYPE_CHECKING:
    from curator.extract import Extractor


@pytest.mark.parametrize(
    ("title", "generic"),
    [
        ("Long-term AZA in myasthenia gravis", "azathioprine"),
        ("IVIG for refractory epilepsy in children", "intravenous immunoglobulin"),
        ("IFNB-1b in secondary progressive MS", "interferon beta-1b"),
        ("Intravenous Ig linked to fewer seizures", "intravenous immunoglobulin"),
        ("Ocrelizumab versus placebo in primary progressive multiple sclerosis", "ocrelizumab"),
    ],
)
def test_intervention_normalized_to_generic_name(run: Run, title: str, generic: str) -> None:
    assert generic in values(run(title + "\n\nWe report our experience."), "intervention")


def test_comparator_after_versus_is_not_the_intervention(run: Run) -> None:
    found = run("Rituximab versus azathioprine in NMOSD: a randomized trial\n\nText.")
    assert values(found, "intervention") == ["rituximab"]
    assert best(found, "comparator").value == "azathioprine"  # type: ignore[union-attr]


def test_drug_describing_the_population_is_not_the_intervention(run: Run) -> None:
    found = run("Exercise in women receiving docetaxel for breast cancer\n\nText.")
    assert "docetaxel" not in values(found, "intervention")
    assert "exercise" in values(found, "intervention")


def test_without_a_title_the_most_mentioned_drug_is_the_intervention(run: Run) -> None:
    text = (
        "Abstract\n\nBackground: We studied natalizumab in 30 patients. Natalizumab was given "
        "monthly as an add-on therapy to glatiramer acetate. Natalizumab reduced relapses."
    )
    found = run(text)
    assert values(found, "intervention") == ["natalizumab"]
    assert values(found, "background_therapy") == ["glatiramer acetate"]


@pytest.mark.parametrize(
    ("surface", "normalized"),
    [
        ("50 mg tid", "50 mg tid"),
        ("2mg/kg per day", "2 mg/kg/day"),
        ("0.4 g/kg/day) every one to three months", "0.4 g/kg/day every one to three months"),
        ("8 MIU qod", "8 MIU qod"),
    ],
)
def test_dose_normalizer(surface: str, normalized: str) -> None:
    assert dose(surface) == normalized


def test_dose_and_route_next_to_the_intervention_win(run: Run) -> None:
    text = (
        "Teriflunomide added to interferon beta-1b: an open study\n\n"
        "Patients continued treatment with "
        "interferon beta-1b (8 MIU qod, subcutaneous) and received teriflunomide (14 mg daily, "
        "oral). Teriflunomide was well tolerated."
    )
    found = run(text)
    assert best(found, "dose").value == "14 mg daily"  # type: ignore[union-attr]
    assert best(found, "route").value == "oral"  # type: ignore[union-attr]
    assert "interferon beta-1b" in values(found, "background_therapy")


def test_route_implied_by_the_drug_name(run: Run) -> None:
    found = run("Intravenous immunoglobulin in stiff person syndrome\n\nA case series.")
    assert best(found, "route").value == "intravenous"  # type: ignore[union-attr]


def test_self_defined_drug_abbreviation(run: Run) -> None:
    text = (
        "Dimethyl fumarate in relapsing MS\n\nWe gave dimethyl fumarate (DMF) to 31 patients. "
        "DMF was stopped in two. DMF lowered the relapse rate."
    )
    found = [e for e in run(text) if e.field == "intervention"]
    assert [e.value for e in found] == ["dimethyl fumarate"]


@pytest.mark.parametrize(
    ("sentence", "comparator"),
    [
        ("We compared the pre-IVIG and post-IVIG relapse rates.", "pre-IVIG period"),
        ("Drug X was compared with placebo in 40 adults.", "placebo"),
    ],
)
def test_comparator(run: Run, sentence: str, comparator: str) -> None:
    text = "IVIG in NMOSD: a cohort\n\n" + sentence
    assert best(run(text), "comparator").value == comparator  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("title", "generic", "surface"),
    [
        ("Ruxolitinib plus capecitabine in metastatic breast cancer", "ruxolitinib", "Ruxolitinib"),
        ("Tolebrutinib in relapsing MS: a phase 2b trial", "tolebrutinib", "Tolebrutinib"),
        ("Ublituximab versus teriflunomide in relapsing MS", "ublituximab", "Ublituximab"),
        ("RIVAROXABAN FOR CANCER-ASSOCIATED THROMBOSIS", "rivaroxaban", "RIVAROXABAN"),
    ],
)
def test_unlisted_drug_found_by_its_inn_stem(
    run: Run, title: str, generic: str, surface: str
) -> None:
    """A drug the lexicon lacks is named by its INN ending ("-tinib", "-mab", "-xaban")."""
    found = run(title + "\n\nWe report the trial.")
    assert generic in values(found, "intervention")
    hit = next(e for e in found if e.field == "intervention" and e.value == generic)
    assert (hit.text, hit.start) == (surface, title.index(surface))


@pytest.mark.parametrize(
    "title",
    [
        "Sabine and April: two case reports of neuropathy",  # names ending like a stem
        "Rivaroxaban-based regimens",  # a hyphenated compound is not the bare drug name
        "Semaxanib2 given twice",  # letters and digits: a code, not an INN
    ],
)
def test_words_merely_ending_like_a_stem_are_not_drugs(run: Run, title: str) -> None:
    found = run(title + "\n\nText.")
    assert values(found, "intervention") == []


def test_unlisted_drug_offsets_hold_when_lower_casing_changes_the_length(
    extractor: Extractor,
) -> None:
    """ "İ" lower-cases to two characters: stems are then looked up per character."""
    text = "İstanbul cohort: neratinib versus placebo\n\nWe report the trial of neratinib."
    drugs = extractor.lexicons["drugs"]
    hits = drugs.unlisted(text, drugs.find(text))
    assert [(text[h.start : h.end], h.term.name, h.term.kind) for h in hits] == [
        ("neratinib", "neratinib", "drug"),
        ("placebo", "placebo", "control"),
        ("neratinib", "neratinib", "drug"),
    ]
    assert "neratinib" in values(extractor.extract_strict(text), "intervention")


def test_listed_name_wins_over_its_stem(extractor: Extractor) -> None:
    """Listed names ending in a stem keep their lexicon hit; no second hit is added."""
    text = "Trastuzumab emtansine and pertuzumab"
    drugs = extractor.lexicons["drugs"]
    listed = drugs.find(text)
    assert [h.term.name for h in listed] == ["trastuzumab emtansine", "pertuzumab"]
    assert drugs.unlisted(text, listed) == listed
