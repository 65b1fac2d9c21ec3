"""Publication and study fields on short made-up texts."""

from __future__ import annotations

import pytest

from tests.extract.conftest import Run, best, values

HEAD = "Drug X in relapsing disease: a pilot study\n\n"


@pytest.mark.parametrize(
    ("sentence", "design"),
    [
        (
            "Patients were eligible for this non-controlled prospective study if ...",
            "single-arm trial",
        ),
        ("We retrospectively reviewed the records of 40 patients.", "retrospective cohort"),
        (
            "In this double-blind, placebo-controlled randomized trial, 80 adults took part.",
            "randomized controlled trial",
        ),
        ("Patients were randomly assigned to drug or placebo.", "randomized controlled trial"),
        ("This was a prospective cohort study of new users.", "prospective cohort"),
        ("We performed a case-control study in two registries.", "case-control"),
        ("Here we review the evidence for drug X in ALS.", "narrative review"),
    ],
)
def test_study_design(run: Run, sentence: str, design: str) -> None:
    found = best(run(HEAD + sentence), "study_design")
    assert found is not None
    assert found.value == design


def test_design_mentioned_as_future_work_is_not_the_design(run: Run) -> None:
    text = HEAD + "We treated 12 patients. Further randomized controlled trials are necessary."
    assert "randomized controlled trial" not in values(run(text), "study_design")


def test_design_implies_control_and_publication_type(run: Run) -> None:
    found = run(HEAD + "In this non-controlled prospective study, 9 patients were enrolled.")
    assert best(found, "control").value == "none"  # type: ignore[union-attr]
    assert best(found, "publication_type").value == "primary study"  # type: ignore[union-attr]
    assert best(found, "comparator").value == "none"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("sentence", "control"),
    [
        ("Relapse rates in the pre-treatment and post-treatment periods were compared.", "self"),
        ("Outcomes were compared with matched historical controls.", "historical"),
        ("We compared 20 treated patients with 15 patients who were not treated.", "concurrent"),
    ],
)
def test_control(run: Run, sentence: str, control: str) -> None:
    assert best(run(HEAD + sentence), "control").value == control  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("sentence", "setting"),
    [
        ("Patients were treated at a single tertiary referral center.", "single-center"),
        ("This multicentre study recruited across Europe.", "multicenter"),
        ("Patients came from 14 hospitals in three countries.", "multicenter"),
    ],
)
def test_setting(run: Run, sentence: str, setting: str) -> None:
    assert best(run(HEAD + sentence), "setting").value == setting  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("sentence", "months"),
    [
        ("We performed a two-year open study of drug X.", 24),
        ("The median follow-up was 43.5 months.", 43.5),
        ("Mean follow-up of 3 years showed no new safety signal.", 36),
    ],
)
def test_follow_up(run: Run, sentence: str, months: float) -> None:
    assert best(run(HEAD + sentence), "follow_up_months").value == months  # type: ignore[union-attr]


def test_evidence_class_and_publication_fields(run: Run) -> None:
    text = (
        "Some journal page\n\nA trial of drug X\n\nA trial of drug X\n\n"
        "Smith J et al. J Neurol Sci. "
        "2019 May;12(3):45-9. doi: 10.1016/j.jns.2019.01.002.\nThis study provides Class II "
        "evidence that drug X helps. PMID: 31234567"
    )
    found = run(text)
    assert best(found, "evidence_level").value == "Class II"  # type: ignore[union-attr]
    assert best(found, "doi").value == "10.1016/j.jns.2019.01.002"  # type: ignore[union-attr]
    assert best(found, "pmid").value == 31234567  # type: ignore[union-attr]
    assert best(found, "year").value == 2019  # type: ignore[union-attr]
    assert best(found, "journal").value == "J Neurol Sci"  # type: ignore[union-attr]
    assert best(found, "title").value == "A trial of drug X"  # type: ignore[union-attr]


def test_journal_and_year_from_a_citation_line_without_et_al(run: Run) -> None:
    text = "A trial of drug X in MS\nSmith A, Jones B. Mult Scler. 2015;21(4):400-8.\nText follows."
    found = run(text)
    assert best(found, "journal").value == "Mult Scler"  # type: ignore[union-attr]
    assert best(found, "year").value == 2015  # type: ignore[union-attr]


def test_hedging_lowers_and_negation_drops(run: Run) -> None:
    plain = best(run(HEAD + "This multicentre study recruited widely."), "setting")
    hedged = best(run(HEAD + "This may have been a multicentre study."), "setting")
    assert plain is not None
    assert hedged is not None
    assert hedged.confidence < plain.confidence
    negated = run(HEAD + "Patients were not randomly assigned to the two groups.")
    assert "randomized controlled trial" not in values(negated, "study_design")
