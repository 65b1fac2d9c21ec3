"""Population fields: counts from digits and words, arms, women, age, condition."""

from __future__ import annotations

import pytest

from curator.extract.aliases import participant_aliases
from tests.extract.conftest import Run, best, values

HEAD = "Drug X in relapsing disease: a pilot study\n\n"


@pytest.mark.parametrize(
    ("sentence", "n"),
    [
        ("Ten SPMS patients (6 females) with a median EDSS score of 4.5 were enrolled.", 10),
        ("A total of 1,009 women were randomly assigned to drug X or placebo.", 1009),
        ("One hundred and seventy-six patients were randomized.", 176),
        ("This study was performed on 20 patients (19 women; median age 52 years).", 20),
        ("We enrolled 66 female stage 0-III breast cancer survivors.", 66),
        ("Eligible women (n = 255) were randomized to two arms.", 255),
        ("Of 875 patients randomised, 764 completed treatment.", 875),
    ],
)
def test_n_total(run: Run, sentence: str, n: int) -> None:
    found = best(run(HEAD + sentence), "n_total")
    assert found is not None
    assert found.value == n


def test_largest_explicit_total_wins(run: Run) -> None:
    text = HEAD + "In all, 913 patients were enrolled. 395 patients were randomized before May."
    assert best(run(text), "n_total").value == 913  # type: ignore[union-attr]


def test_arms_are_summed_when_no_total_is_stated(run: Run) -> None:
    text = (
        HEAD + "We compared 30 patients who received drug X with 23 patients who were not treated."
    )
    found = run(text)
    assert best(found, "n_total").value == 53  # type: ignore[union-attr]
    assert best(found, "n_intervention").value == 30  # type: ignore[union-attr]
    assert best(found, "n_control").value == 23  # type: ignore[union-attr]


def test_percentages_ages_and_doses_are_not_counts(run: Run) -> None:
    text = HEAD + "Patients aged 45 years received 50 mg; 35% of 12.5 patients improved."
    assert values(run(text), "n_total") == []


@pytest.mark.parametrize(
    ("sentence", "n"),
    [
        ("Of the 40 patients (19 women), most relapsed.", 19),
        ("We studied 30 women and 12 men.", 30),
    ],
)
def test_n_female(run: Run, sentence: str, n: int) -> None:
    assert best(run(HEAD + sentence), "n_female").value == n  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("sentence", "age"),
    [
        ("20 patients (median age 52 years) took part.", "median age 52 years"),
        ("We tracked 60 children between the ages of 2 and 18.", "age 2 to 18 years"),
        ("Participants aged 18-65 years were eligible.", "age 18 to 65 years"),
        ("The mean age was 61.2 years.", "mean age 61.2 years"),
    ],
)
def test_age(run: Run, sentence: str, age: str) -> None:
    assert best(run(HEAD + sentence), "age").value == age  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        ("We tracked 60 children with refractory epilepsy.", "pediatric"),
        ("Adult patients with MS were enrolled; 19 women took part.", "adult"),
        ("Both children and adults were included.", "mixed"),
    ],
)
def test_age_group(run: Run, sentence: str, group: str) -> None:
    assert best(run(HEAD + sentence), "age_group").value == group  # type: ignore[union-attr]


def test_condition_with_abbreviations(run: Run) -> None:
    text = (
        "Drug X in secondary progressive multiple sclerosis\n\n"
        "Ten SPMS patients were enrolled. SPMS progressed slowly in most."
    )
    assert "secondary progressive multiple sclerosis" in values(run(text), "condition")


def test_condition_from_population_phrase(run: Run) -> None:
    text = HEAD + "Overall, 48 adults with myasthenia gravis were randomized to drug X."
    found = [e for e in run(text) if e.field == "condition"]
    assert any(e.value == "myasthenia gravis" and "adults with" in e.text for e in found)


def test_self_defined_abbreviation_of_a_condition(run: Run) -> None:
    text = (
        "A pilot study of drug X in Rasmussen encephalitis\n\n"
        "Patients with Rasmussen encephalitis (RE) were treated. RE progressed in 3 of 9 cases."
    )
    found = [e for e in run(text) if e.field == "condition"]
    assert [e.value for e in found] == ["Rasmussen syndrome"]


def _conditions(found: list) -> list:  # type: ignore[type-arg]
    return [e for e in found if e.field == "condition"]


@pytest.mark.parametrize(
    ("sentence", "value", "phrase"),
    [
        (
            "Adults with relapsing multiple sclerosis who had two relapses in the previous year "
            "were randomized to drug X or placebo.",
            "multiple sclerosis",
            "Adults with relapsing multiple sclerosis who had two relapses in the previous year",
        ),
        (
            "We enrolled 36 treatment-naive NMOSD patients from three centres.",
            "neuromyelitis optica spectrum disorder",
            "treatment-naive NMOSD patients from three centres",
        ),
        (
            "Patients younger than 18 years with drug-resistant epilepsy were eligible.",
            "drug-resistant epilepsy",
            "Patients younger than 18 years with drug-resistant epilepsy",
        ),
    ],
)
def test_condition_is_the_population_phrase(
    run: Run, sentence: str, value: str, phrase: str
) -> None:
    found = _conditions(run(HEAD + sentence))
    assert [(e.value, e.text) for e in found] == [(value, phrase)]


def test_condition_phrase_of_the_enrolment_sentence_beats_background(run: Run) -> None:
    text = HEAD + (
        "Patients with multiple sclerosis often report fatigue. "
        "In this trial, 40 adults with secondary progressive multiple sclerosis were "
        "randomly assigned to drug X or placebo."
    )
    found = _conditions(run(text))
    assert [e.value for e in found] == ["secondary progressive multiple sclerosis"]
    assert found[0].text.startswith("adults with secondary")


def test_condition_lexicon_mentions_alone_are_not_suggested(run: Run) -> None:
    text = HEAD + (
        "Myasthenia gravis, epilepsy and migraine were discussed. Epilepsy is common. "
        "Epilepsy and migraine often co-occur; migraine is frequent."
    )
    assert _conditions(run(text)) == []


def test_condition_excluded_population_is_not_suggested(run: Run) -> None:
    text = HEAD + "We excluded patients with autoimmune encephalitis from the analysis."
    assert _conditions(run(text)) == []


def test_condition_treated_or_prevented_in_the_title(run: Run) -> None:
    text = (
        "Drug X for the prevention of chemotherapy-induced nausea in women with early "
        "breast cancer: a randomized trial\n\n"
        "Women with early breast cancer starting chemotherapy were randomized to drug X."
    )
    values_ = {e.value for e in _conditions(run(text))}
    assert values_ == {"nausea and vomiting", "early breast cancer"}


def test_condition_caused_by_a_treatment_in_the_title(run: Run) -> None:
    text = "Drug Y to reduce interferon-induced flu-like symptoms: a pilot study\n\nWe treated 12."
    found = _conditions(run(text))
    assert [e.value for e in found] == ["interferon-induced flu-like symptoms"]


def test_title_disease_alone_is_not_a_population(run: Run) -> None:
    text = "Drug Z in Parkinson disease: a pilot study\n\nDrug Z was given for 12 weeks."
    assert _conditions(run(text)) == []


def test_title_population_when_the_body_names_none(run: Run) -> None:
    text = "Drug Z in older adults with Parkinson disease: a pilot study\n\nDrug Z was given."
    found = _conditions(run(text))
    assert [(e.value, e.text) for e in found] == [
        ("Parkinson disease", "older adults with Parkinson disease")
    ]


def test_condition_prevented_in_the_title_without_a_lexicon_term(run: Run) -> None:
    text = "Drug Y to prevent catheter occlusion: a randomized trial\n\nWe treated 12."
    found = _conditions(run(text))
    assert [e.value for e in found] == ["catheter occlusion"]


def test_an_outcome_measure_after_reduce_is_not_a_condition(run: Run) -> None:
    text = "A reminder letter to reduce attendance rates: a randomized trial\n\nWe sent 12."
    assert _conditions(run(text)) == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        (
            "In total, 52 adults (median age 41 years) who had relapsing multiple sclerosis "
            "were randomized to drug X or placebo.",
            "multiple sclerosis",
        ),
        (
            "Eligible were 30 women 18 years or older with myasthenia gravis on stable therapy.",
            "myasthenia gravis",
        ),
        (
            "We enrolled 24 patients who had been diagnosed with stiff person syndrome and "
            "who were unable to walk unaided.",
            "stiff person syndrome",
        ),
    ],
)
def test_condition_after_ages_and_auxiliaries(run: Run, sentence: str, value: str) -> None:
    assert [e.value for e in _conditions(run(HEAD + sentence))] == [value]


def test_condition_phrase_keeps_decimals_and_stops_at_the_arms(run: Run) -> None:
    text = HEAD + (
        "We randomised 80 patients with SPMS and an EDSS score of 3.0-6.5 to drug X or placebo."
    )
    found = _conditions(run(text))
    assert [e.text for e in found] == ["patients with SPMS and an EDSS score of 3.0-6.5"]


def test_arm_labels_are_not_populations(run: Run) -> None:
    text = HEAD + "Placebo patients and azathioprine patients were randomized in equal numbers."
    assert _conditions(run(text)) == []


def test_condition_value_is_the_disease_not_its_complication(run: Run) -> None:
    text = HEAD + "Adults with MS and chronic pain were randomized to drug X."
    assert [e.value for e in _conditions(run(text))] == ["multiple sclerosis"]


@pytest.mark.usefixtures("watchdog")
@pytest.mark.parametrize(
    "chunk",
    ["in breast cancer, ", "patients aged 18 years with ", "postmenopausal women who had been "],
)
def test_condition_on_long_texts_without_sentence_breaks(run: Run, chunk: str) -> None:
    found = _conditions(run(HEAD + chunk * 6000))
    assert len(found) <= 2


def test_population_is_named_before_the_results(run: Run) -> None:
    text = HEAD + (
        "We studied 40 adults with epilepsy. Seizures were counted weekly. Drug X was given "
        "for 12 weeks. Doses were stable. Visits were monthly. At the end, 12 adults with "
        "myasthenia gravis who were enrolled in a later cohort had fewer falls."
    )
    assert [e.value for e in _conditions(run(text))] == ["epilepsy"]


def test_a_condition_naming_an_intervention_is_not_the_condition(run: Run) -> None:
    text = (
        "A fatigue education programme for adults with multiple sclerosis: effects on "
        "spasticity\n\nWe followed 30 adults."
    )
    assert {e.value for e in _conditions(run(text))} == {"spasticity"}


@pytest.mark.parametrize(
    ("sentences", "n", "surface"),
    [
        (
            "We studied breast cancer survivors (BCS) after treatment. "
            "Thirty-three BCS were randomly assigned to yoga or a wait list.",
            33,
            "Thirty-three",
        ),
        (
            "Young breast cancer survivors (YBCS) were approached. "
            "Secondary analyses of 152 YBCS in a randomized trial.",
            152,
            "152",
        ),
        ("Transgender women (TGW) were surveyed: 260 TGW from each area took part.", 260, "260"),
    ],
)
def test_participants_named_by_the_documents_own_short_form(
    run: Run, sentences: str, n: int, surface: str
) -> None:
    """ "breast cancer survivors (BCS)" makes "33 BCS" a participant count in that text."""
    text = HEAD + sentences
    found = best(run(text), "n_total")
    assert found is not None
    assert (found.value, found.text, found.start) == (n, surface, text.index(surface))


@pytest.mark.parametrize(
    ("text", "aliases"),
    [
        ("breast cancer survivors (BCS) and their caregivers (CGs)", ("BCS", "CGs")),
        ("patients (n = 40) and women (AA)", ()),  # "AA" does not abbreviate "women"
        ("survivors (BCS)", ()),  # "BCS" does not start like "survivors"
        ("BC survivors (BCS)", ()),  # a short form is not part of a long one
        ("people living with HIV (PLWH)", ()),  # the short form must follow the noun itself
    ],
)
def test_participant_short_forms(text: str, aliases: tuple[str, ...]) -> None:
    assert participant_aliases(text, len(text)) == aliases


def test_short_form_defined_elsewhere_is_not_a_participant_noun(run: Run) -> None:
    text = HEAD + "Bone mineral density (BMD) was measured. 120 BMD scans were read."
    assert best(run(text), "n_total") is None
