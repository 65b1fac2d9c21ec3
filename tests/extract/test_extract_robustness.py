"""Any string in, valid spans out; hostile inputs finish (watchdog, no timed asserts)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

if TYPE_CHECKING:
    from curator.extract import Extractor
    from tests.extract.conftest import Run

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORDS = st.sampled_from(
    [
        "patients",
        "women",
        "were",
        "randomized",
        "Ten",
        "(n = 40)",
        "HR",
        "0.5",
        "95% CI",
        "0.1-0.9",
        "p = 0.01",
        "vs",
        "42%",
        "AZA",
        "azathioprine (AZA)",
        "survivors (BCS)",
        "12 BCS",
        "neratinib",
        "Tinib",
        "\n",
        "Conclusion",
        "did not",
        "no",
        "from 1.1 to",
        "mg/kg/day",
        "שלום",
        "مرحبا",
        "\u202e",
        "\x00",
        "\r\n",
        "Class III evidence",
        "versus",
        "aged 2 to 18",
        "𝟘𝟙",
        "İ",
        "ß",
        "ﬁ",
    ]
)
PHRASES = st.lists(WORDS, max_size=40).map(" ".join)


def _check(run: Run, text: str) -> None:
    for e in run(text):
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start : e.end] == e.text


@SETTINGS
@given(st.text(max_size=400))
def test_any_text(run: Run, text: str) -> None:
    _check(run, text)


@SETTINGS
@given(PHRASES)
def test_text_made_of_trigger_words(run: Run, text: str) -> None:
    _check(run, text)


@SETTINGS
@given(st.binary(max_size=600))
def test_decoded_binary_noise(run: Run, data: bytes) -> None:
    _check(run, data.decode("utf-8", errors="replace"))
    _check(run, data.decode("latin-1"))


@SETTINGS
@given(st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp"]), max_size=200))
def test_control_and_format_characters(run: Run, text: str) -> None:
    _check(run, text)


def test_deterministic(extractor: Extractor) -> None:
    text = "Ten SPMS patients received AZA (50 mg tid, oral). HR 0.5 (95% CI 0.2-0.9; p = 0.01)."
    assert extractor.extract(text) == extractor.extract(text)


def test_public_extract_never_raises(extractor: Extractor) -> None:
    assert extractor.extract("") == []
    assert extractor.extract(" \n\t ") == []


@pytest.mark.parametrize(
    "text",
    [
        "1" * 100_000,
        " " * 100_000,
        "(" * 100_000,
        ")" * 100_000,
        "((((1,000 " * 10_000,
        "1.1.1.1." * 12_500,
        "patients " * 11_000,
        "Ten " * 25_000,
        "a" * 100_000,
        "HR 0.5 (95% CI " * 6_000,
        "- " * 50_000,
        "from 1 to " * 10_000,
        "\n" * 100_000,
        "x" * 100_000 + " patients were randomized",
        "women with " * 9_000,
        "1,000," * 16_000,
        "survivors (BCS) 12 BCS " * 4_500,  # a defined short form and counts, densely
        "nib " * 25_000,  # a drug stem with nothing before it
        "x" * 99_995 + "tinib",  # a stem after a 100k-letter word
    ],
    ids=lambda t: repr(t[:12]),
)
@pytest.mark.usefixtures("watchdog")
def test_pathological_inputs_finish(run: Run, text: str) -> None:
    _check(run, text)


@pytest.mark.usefixtures("watchdog")
def test_one_megabyte_document(run: Run) -> None:
    unit = (
        "Patients with breast cancer (n = 120) were randomized to letrozole or placebo. The hazard "
        "ratio was 0.72 (95% CI 0.55-0.94; p = 0.02). Ten women (8%) stopped due to nausea.\n"
    )
    text = unit * (1_000_000 // len(unit))
    _check(run, text)
