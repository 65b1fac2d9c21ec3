from __future__ import annotations

from datetime import UTC, datetime

import pytest

from curator.core.model import CuratedValue, Extracted, Status, Suggestion
from curator.core.review import (
    Form,
    Slot,
    accept,
    accept_all,
    build_form,
    correct,
    display,
    inverse,
    next_row,
    place,
    reject,
)
from curator.core.schema import InvalidValueError, Schema

DOC = "doc1"
AT = datetime(2026, 11, 23, tzinfo=UTC)


def suggestion(sid: int, field: str, value: object, row: int = 0, conf: float = 0.9) -> Suggestion:
    return Suggestion(
        sid, DOC, field, row, display(value), value, 10 * sid, 10 * sid + 3,  # type: ignore[arg-type]
        f"rule.{field}", conf, "v1", "abc",
    )  # fmt: skip


def test_form_follows_schema_order_with_table_rows(schema: Schema) -> None:
    form = build_form(
        schema,
        DOC,
        [suggestion(1, "outcomes.value", 0.295, row=0), suggestion(2, "n_total", 53)],
        [],
    )
    keys = [slot.key for slot in form.slots]
    assert keys.index(("n_total", 0)) < keys.index(("outcomes.value", 0))
    outcome_fields = [k for k, _ in keys if k.startswith("outcomes.")]
    assert outcome_fields == [f.key for f in schema.group("outcomes").fields]
    assert form.open_count == 2
    assert next_row(form, "outcomes") == 1
    assert next_row(form, "grades") == 0


def test_highest_confidence_suggestion_is_shown_with_alternatives(schema: Schema) -> None:
    low, high = suggestion(1, "n_total", 30, conf=0.5), suggestion(2, "n_total", 53, conf=0.95)
    slot = build_form(schema, DOC, [low, high], []).slots[0 + _index(schema, "n_total")]
    assert slot.suggestion == high
    assert slot.alternatives == (low,)
    assert slot.value == "53"
    assert slot.status is Status.SUGGESTED


def _index(schema: Schema, key: str) -> int:
    return [f.key for f in schema.fields].index(key)


def test_accept_reject_correct_and_their_inverses(schema: Schema) -> None:
    form = build_form(schema, DOC, [suggestion(1, "n_total", 53)], [])
    slot = form.slots[form.index_of("n_total", 0) or 0]

    accepted = accept(slot, DOC, "ana", AT)
    assert accepted.before is None
    assert accepted.after is not None
    assert (accepted.after.status, accepted.after.value, accepted.after.normalized) == (
        Status.ACCEPTED, "53", 53,
    )  # fmt: skip
    assert (accepted.after.start, accepted.after.end) == (10, 13)

    rejected = reject(slot, DOC, "ana", AT)
    assert rejected.after is not None
    assert rejected.after.status is Status.REJECTED
    assert rejected.after.value is None

    corrected = correct(slot, DOC, "54", "ana", at=AT)
    assert corrected.after is not None
    assert corrected.after.status is Status.CORRECTED
    assert corrected.after.normalized == 54
    assert corrected.after.suggestion_id == 1

    undo = inverse(corrected)
    assert (undo.before, undo.after) == (corrected.after, None)


def test_typed_value_without_suggestion_is_manual_and_validated(schema: Schema) -> None:
    form = build_form(schema, DOC, [], [])
    slot = form.slots[form.index_of("follow_up_months", 0) or 0]
    with pytest.raises(InvalidValueError):
        correct(slot, DOC, "two years", "ana")
    change = correct(slot, DOC, "43.5", "ana", span=(5, 9))
    assert change.after is not None
    assert change.after.status is Status.MANUAL
    assert change.after.value == "43.5"
    assert (change.after.start, change.after.end) == (5, 9)
    with pytest.raises(ValueError, match="nothing suggested"):
        accept(slot, DOC, "ana")


def test_decided_slot_shows_the_decision(schema: Schema) -> None:
    decided = CuratedValue(DOC, "n_total", 0, Status.CORRECTED, "54", 54, 1, 10, 13, "ana", AT)
    form = build_form(schema, DOC, [suggestion(1, "n_total", 53)], [decided])
    slot = form.slots[form.index_of("n_total", 0) or 0]
    assert (slot.status, slot.value, slot.span) == (Status.CORRECTED, "54", (10, 13))
    assert form.open_count == 0
    assert form.next_open(0) is None


def test_accept_all_respects_the_threshold(schema: Schema) -> None:
    form = build_form(
        schema,
        DOC,
        [suggestion(1, "n_total", 53, conf=0.95), suggestion(2, "year", 2020, conf=0.6)],
        [],
    )
    changes = accept_all(form, 0.9, "ana")
    assert [(c.field, c.after and c.after.value) for c in changes] == [("n_total", "53")]


def test_next_open_wraps_and_skips_decided(schema: Schema) -> None:
    form = build_form(schema, DOC, [suggestion(1, "title", "T"), suggestion(2, "n_total", 53)], [])
    first, second = form.index_of("title", 0), form.index_of("n_total", 0)
    assert first is not None
    assert second is not None
    assert form.next_open(first) == second
    assert form.next_open(second) == first
    assert form.next_open(second, step=-1) == first


def test_place_gives_rows_to_several_values_and_never_mixes_reruns(schema: Schema) -> None:
    extracted = [
        Extracted("intervention", "azathioprine", "AZA", 0, 3, "drug", 0.9),
        Extracted("intervention", "interferon beta-1b", "IFNB-1b", 5, 12, "drug", 0.9),
        Extracted("intervention", "azathioprine", "azathioprine", 20, 32, "drug", 0.9),
        Extracted("outcomes.value", 0.295, "0.295", 40, 45, "hr", 0.9, row=0),
        Extracted("unknown_field", 1, "1", 50, 51, "x", 0.9),
    ]
    placed = place(schema, [], extracted)
    assert [(p.field, p.row) for p in placed] == [
        ("intervention", 0), ("intervention", 1), ("intervention", 0), ("outcomes.value", 0),
    ]  # fmt: skip
    stored = [
        Suggestion(i, DOC, p.field, p.row or 0, display(p.value), p.value, p.start, p.end,
                   p.rule, p.confidence, "v1", p.text)
        for i, p in enumerate(placed)
    ]  # fmt: skip
    assert place(schema, stored, extracted) == []  # an identical re-run adds nothing
    moved = Extracted("outcomes.value", 0.3, "0.3", 60, 63, "hr", 0.9, row=0)
    assert [p.row for p in place(schema, stored, [moved])] == [1]


def decided(
    status: Status, value: str | None, curator: str, field: str = "n_total"
) -> CuratedValue:
    return CuratedValue(DOC, "n_total", 0, status, value, value, None, None, None, curator, AT)


def test_overridden_names_the_other_curator_and_value(schema: Schema) -> None:
    from dataclasses import replace

    from curator.core.ports import SlotChange
    from curator.core.review import overridden

    mine = decided(Status.MANUAL, "54", "ann")
    intended = SlotChange(DOC, "n_total", 0, None, mine)
    same = overridden(schema, [intended], [intended])
    later = replace(intended, before=replace(mine, decided_at=datetime(2027, 1, 1, tzinfo=UTC)))
    assert same == []
    assert overridden(schema, [replace(intended, before=mine)], [later]) == []  # time aside
    theirs = decided(Status.CORRECTED, "60", "bob")
    assert overridden(schema, [intended], [replace(intended, before=theirs)]) == [
        "N total: bob had set it to “60”; your value replaced it — both are in the history"
    ]
    rejected = decided(Status.REJECTED, None, "bob")
    cleared = SlotChange(DOC, "n_total", 0, mine, None)
    assert overridden(schema, [cleared], [replace(cleared, before=rejected)]) == [
        "N total: bob had rejected it; your decision replaced it — both are in the history"
    ]
    assert overridden(schema, [cleared], [replace(cleared, before=None)]) == [
        "N total: another window had reopened it; your decision replaced that — both are in "
        "the history"
    ]


def outcome_form(schema: Schema, decided_values: dict[str, tuple[Status, float]]) -> Form:
    """A form with one outcomes row: suggestions for value/ci_low/ci_high, some decided."""
    suggestions = [
        suggestion(1, "outcomes.value", 0.295),
        suggestion(2, "outcomes.ci_low", 0.108),
        suggestion(3, "outcomes.ci_high", 0.807),
    ]
    curated = [
        CuratedValue(DOC, f"outcomes.{name}", 0, status, display(number), number, None,
                     None, None, "ann", AT)
        for name, (status, number) in decided_values.items()
    ]  # fmt: skip
    return build_form(schema, DOC, suggestions, curated)


def slot_of(form: Form, field: str) -> Slot:
    index = form.index_of(field, 0)
    assert index is not None
    return form.slots[index]


def test_a_typed_ci_bound_on_the_wrong_side_of_the_estimate_is_refused(schema: Schema) -> None:
    form = outcome_form(schema, {"value": (Status.ACCEPTED, 0.295)})
    low = slot_of(form, "outcomes.ci_low")
    with pytest.raises(InvalidValueError) as caught:
        correct(low, DOC, "0.5", "ann", form=form, schema=schema)
    assert str(caught.value) == (
        "95% CI low 0.5 is above Value 0.295; expected 95% CI low ≤ Value ≤ 95% CI high"
    )
    assert correct(low, DOC, "0.2", "ann", form=form, schema=schema).after is not None
    assert correct(low, DOC, "0.295", "ann", form=form, schema=schema)
    high = slot_of(form, "outcomes.ci_high")
    with pytest.raises(InvalidValueError, match=r"95% CI high 0\.1 is below Value 0\.295"):
        correct(high, DOC, "0.1", "ann", form=form, schema=schema)
    # without the form (no row to compare with) only the field's own type is checked
    assert correct(low, DOC, "0.5", "ann").after is not None


def test_checks_compare_only_decided_values_and_pairs_with_the_edited_field(
    schema: Schema,
) -> None:
    open_row = outcome_form(schema, {})  # suggestions only: nothing decided to compare with
    assert correct(slot_of(open_row, "outcomes.ci_low"), DOC, "9", "ann", form=open_row,
                   schema=schema)  # fmt: skip
    rejected = outcome_form(schema, {"value": (Status.REJECTED, 0.295)})
    assert correct(slot_of(rejected, "outcomes.ci_low"), DOC, "9", "ann", form=rejected,
                   schema=schema)  # fmt: skip
    # low > high already (accepted as printed): fixing the estimate is not blocked by it
    swapped = outcome_form(
        schema, {"ci_low": (Status.ACCEPTED, 0.9), "ci_high": (Status.ACCEPTED, 0.1)}
    )
    with pytest.raises(InvalidValueError):
        correct(slot_of(swapped, "outcomes.value"), DOC, "0.5", "ann", form=swapped,
                schema=schema)  # fmt: skip
    high = slot_of(swapped, "outcomes.ci_high")
    assert correct(high, DOC, "0.95", "ann", form=swapped, schema=schema)


def test_an_accepted_suggestion_that_breaks_a_check_is_kept_with_a_warning(
    schema: Schema,
) -> None:
    from curator.core.review import slot_warning

    form = outcome_form(schema, {"value": (Status.CORRECTED, 0.05)})
    low = slot_of(form, "outcomes.ci_low")
    assert slot_warning(schema, form, low) == (
        "95% CI low 0.108 is above Value 0.05; expected 95% CI low ≤ Value ≤ 95% CI high"
    )
    change = accept(low, DOC, "ann")
    assert change.after is not None
    assert change.after.value == "0.108"  # accepted as printed
    assert slot_warning(schema, form, slot_of(form, "outcomes.ci_high")) is None
