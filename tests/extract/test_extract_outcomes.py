"""Repeated groups (outcomes, adverse events, grades) and the conclusion."""

from __future__ import annotations

import pytest

from tests.extract.conftest import Run, best, rows, values

HEAD = "Drug X in relapsing disease: a cohort\n\n"


@pytest.mark.parametrize(
    ("sentence", "row"),
    [
        (
            "Cox regression: time to relapse (exp[B] = 0.295, 95% confidence interval [CI] "
            "0.108–0.807; p = 0.017).",
            {
                "measure": "hazard ratio",
                "value": 0.295,
                "ci_low": 0.108,
                "ci_high": 0.807,
                "p_value": "0.017",
            },
        ),
        (
            "The hazard ratio for progression was 0.72 (95% CI, 0.55 to 0.94; P = 0.02).",
            {
                "measure": "hazard ratio",
                "value": 0.72,
                "ci_low": 0.55,
                "ci_high": 0.94,
                "p_value": "0.02",
            },
        ),
        (
            "Remission was more likely (OR 2.1, 95% CI 1.2-3.6, p < 0.001).",
            {
                "measure": "odds ratio",
                "value": 2.1,
                "ci_low": 1.2,
                "ci_high": 3.6,
                "p_value": "<0.001",
            },
        ),
    ],
)
def test_ratio_with_ci_and_p(run: Run, sentence: str, row: dict[str, object]) -> None:
    found = rows(run(HEAD + sentence), "outcomes")
    assert any(all(r.get(k) == v for k, v in row.items()) for r in found), found


def test_paired_proportions(run: Run) -> None:
    found = rows(run(HEAD + "Treated patients had less hemiparesis (64% vs 92%)."), "outcomes")
    assert {"value": 64, "comparator_value": 92, "measure": "proportion"}.items() <= found[
        0
    ].items()


def test_before_after_median(run: Run) -> None:
    text = HEAD + "The median ARR fell from 1.1 [IQR 0.6-1.4] to 0.3 [IQR 0-0.6] (p < 0.001)."
    found = rows(run(text), "outcomes")
    assert found[0]["value"] == 0.3
    assert found[0]["comparator_value"] == 1.1
    assert found[0]["measure"] == "median"
    assert found[0]["p_value"] == "<0.001"


def test_responder_rate(run: Run) -> None:
    text = HEAD + "Overall, 36.7% of patients were classified as responders at one year."
    found = rows(run(text), "outcomes")
    assert found[0]["value"] == 36.7
    assert found[0]["measure"] == "proportion"


def test_rows_are_numbered_per_group_in_text_order(run: Run) -> None:
    text = HEAD + "Rates were 10% vs 20% (p = 0.04). Later 30% vs 45% (p = 0.01)."
    found = [e for e in run(text) if e.field == "outcomes.value"]
    assert [(e.row, e.value) for e in found] == [(0, 10), (1, 30)]


def test_adverse_event_leading_to_discontinuation(run: Run) -> None:
    text = (
        HEAD
        + "Drug X was well tolerated; only 1 patient discontinued treatment due to pancytopenia."
    )
    found = rows(run(text), "adverse_events")
    assert found == [{"n_patients": 1, "led_to_discontinuation": True, "event": "pancytopenia"}]


def test_named_side_effect_and_lexicon_events(run: Run) -> None:
    text = HEAD + (
        "The only frequent side effect was lymphopenia, reported in all patients. Drug X carries "
        "an increased risk of malignancy."
    )
    events = values(run(text), "adverse_events.event")
    assert "lymphopenia" in events
    assert "malignancy" in events


@pytest.mark.parametrize(
    "sentence",
    [
        "There were no severe side effects that led to discontinuation of drug X.",
        "No patient had pancytopenia or lymphopenia during treatment.",
    ],
)
def test_negated_adverse_events_are_dropped(run: Run, sentence: str) -> None:
    assert rows(run(HEAD + sentence), "adverse_events") == []


def test_alsuntangled_grades(run: Run) -> None:
    text = (
        "ALSUntangled 99: Drug X\n\nTable 1. Table of evidence\n\tGrade\tExplanation\n"
        "Mechanism\tC\tPlausible\nTrials\tF\tTwo small trials showed no benefit\n"
    )
    found = rows(run(text), "grades")
    assert {"scheme": "ALSUntangled", "domain": "Mechanism", "grade": "C"} in found
    assert {"scheme": "ALSUntangled", "domain": "Trials", "grade": "F"} in found


@pytest.mark.parametrize(
    ("conclusion", "direction"),
    [
        ("Conclusion Drug X appears to slow clinical progression in responders.", "benefit"),
        (
            "Conclusions: Drug X did not reduce the relapse rate compared with placebo.",
            "no benefit",
        ),
        ("In conclusion, drug X was not effective and we do not advise its use.", "no benefit"),
        ("Conclusions: Whether drug X helps remains unclear.", "uncertain"),
    ],
)
def test_direction_and_conclusion_sentence(run: Run, conclusion: str, direction: str) -> None:
    found = run(HEAD + "Results were mixed. " + conclusion)
    assert best(found, "direction").value == direction  # type: ignore[union-attr]
    sentence = best(found, "conclusion_text")
    assert sentence is not None
    assert "drug x" in sentence.text.lower()


def test_negated_benefit_is_not_a_benefit(run: Run) -> None:
    found = run(HEAD + "Conclusions: Drug X did not improve survival.")
    assert values(found, "direction") == ["no benefit"]


def test_adjectives_are_not_adverse_events(run: Run) -> None:
    text = HEAD + "Serious adverse events were rare. Side effects were mild and transient."
    assert rows(run(text), "adverse_events") == []
