"""Pure review logic: the form of one document, and decisions as slot changes.

Nothing here touches Qt or the database. The Qt layer turns each user intent into a
:class:`~curator.core.ports.SlotChange` computed here, wraps it in an undo command
and hands it to the store.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from curator.core.model import CuratedValue, Extracted, Scalar, Status, Suggestion
from curator.core.ports import SlotChange
from curator.core.schema import InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from curator.core.schema import FieldSpec, Schema


@dataclass(frozen=True, slots=True)
class Slot:
    """One place in the form: a field (and row) with its suggestion and decision."""

    spec: FieldSpec
    row: int
    suggestion: Suggestion | None  # the open suggestion shown (highest confidence)
    alternatives: tuple[Suggestion, ...]  # the other suggestions for this slot
    curated: CuratedValue | None

    @property
    def key(self) -> tuple[str, int]:
        return (self.spec.key, self.row)

    @property
    def status(self) -> Status | None:
        """The slot's state; None for an empty slot (nothing suggested or decided)."""
        if self.curated is not None:
            return self.curated.status
        return Status.SUGGESTED if self.suggestion is not None else None

    @property
    def is_open(self) -> bool:
        return self.status is Status.SUGGESTED

    @property
    def value(self) -> str:
        """The text the form shows for the slot."""
        if self.curated is not None:
            return self.curated.value or ""
        return self.suggestion.value if self.suggestion is not None else ""

    @property
    def span(self) -> tuple[int, int] | None:
        """The evidence span behind the shown value, if any."""
        if self.curated is not None:
            if self.curated.start is not None and self.curated.end is not None:
                return (self.curated.start, self.curated.end)
            if self.curated.status is not Status.REJECTED:
                return None
        if self.suggestion is not None:
            return (self.suggestion.start, self.suggestion.end)
        return None


@dataclass(frozen=True, slots=True)
class Form:
    """The evidence form of one document: slots in schema order."""

    document_id: str
    slots: tuple[Slot, ...]

    def index_of(self, field: str, row: int) -> int | None:
        for index, slot in enumerate(self.slots):
            if slot.key == (field, row):
                return index
        return None

    def next_open(self, start: int, step: int = 1) -> int | None:
        """The index of the next open slot after ``start`` (wrapping), or None."""
        count = len(self.slots)
        for offset in range(1, count + 1):
            index = (start + step * offset) % count
            if self.slots[index].is_open:
                return index
        return None

    def rows(self, group: str) -> list[int]:
        return sorted({s.row for s in self.slots if s.spec.group == group})

    @property
    def open_count(self) -> int:
        return sum(1 for slot in self.slots if slot.is_open)

    def spans(self) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Evidence spans of the open suggestions, and of the decided values that carry
        a value (accepted, corrected, typed)."""
        open_spans = [s.span for s in self.slots if s.is_open and s.span is not None]
        decided = [s.span for s in self.slots if s.span is not None and _carries_value(s)]
        return open_spans, decided


def _carries_value(slot: Slot) -> bool:
    return slot.status is not None and slot.status.exported


def build_form(
    schema: Schema,
    document_id: str,
    suggestions: Iterable[Suggestion],
    curated: Iterable[CuratedValue],
    extra_slots: Iterable[tuple[str, int]] = (),
) -> Form:
    """The form of a document; ``extra_slots`` are empty ``(field, row)`` slots the curator
    opened (a new table row, another item of a several-valued field)."""
    by_slot: dict[tuple[str, int], list[Suggestion]] = defaultdict(list)
    for suggestion in suggestions:
        by_slot[(suggestion.field, suggestion.row)].append(suggestion)
    decided = {(c.field, c.row): c for c in curated}
    rows_of: dict[str, set[int]] = defaultdict(set)
    for field, row in (*by_slot, *decided, *extra_slots):
        rows_of[field].add(row)
    slots: list[Slot] = []
    for group in schema.groups:
        if group.repeated:
            rows = sorted(set().union(*(rows_of[f.key] for f in group.fields)))
            for row in rows:
                slots.extend(_slot(spec, row, by_slot, decided) for spec in group.fields)
            continue
        for spec in group.fields:
            rows = sorted(rows_of[spec.key] | {0}) if spec.several else [0]
            slots.extend(_slot(spec, row, by_slot, decided) for row in rows)
    return Form(document_id, tuple(slots))


def _slot(
    spec: FieldSpec,
    row: int,
    by_slot: dict[tuple[str, int], list[Suggestion]],
    decided: dict[tuple[str, int], CuratedValue],
) -> Slot:
    ranked = sorted(by_slot.get((spec.key, row), ()), key=lambda s: (-s.confidence, s.start, s.id))
    top = ranked[0] if ranked else None
    return Slot(spec, row, top, tuple(ranked[1:]), decided.get((spec.key, row)))


def display(value: Scalar | None) -> str:
    """Display text for a normalized value; never rounds (repr keeps every digit)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def now() -> datetime:
    return datetime.now(UTC)


def _change(slot: Slot, document_id: str, after: CuratedValue | None) -> SlotChange:
    return SlotChange(document_id, slot.spec.key, slot.row, slot.curated, after)


def accept(slot: Slot, document_id: str, curator: str, at: datetime | None = None) -> SlotChange:
    """Accept the shown suggestion. Raises ValueError when there is none."""
    suggestion = slot.suggestion
    if suggestion is None:
        raise ValueError(f"{slot.spec.label}: nothing suggested to accept")
    after = CuratedValue(
        document_id, slot.spec.key, slot.row, Status.ACCEPTED, suggestion.value,
        suggestion.normalized, suggestion.id, suggestion.start, suggestion.end,
        curator, at or now(),
    )  # fmt: skip
    return _change(slot, document_id, after)


def reject(slot: Slot, document_id: str, curator: str, at: datetime | None = None) -> SlotChange:
    """Reject the suggestion (or clear a value typed by hand)."""
    if slot.suggestion is None:
        if slot.curated is None:
            raise ValueError(f"{slot.spec.label}: nothing to reject")
        return _change(slot, document_id, None)
    after = CuratedValue(
        document_id, slot.spec.key, slot.row, Status.REJECTED, None, None,
        slot.suggestion.id, slot.suggestion.start, slot.suggestion.end, curator, at or now(),
    )  # fmt: skip
    return _change(slot, document_id, after)


def correct(
    slot: Slot,
    document_id: str,
    text: str,
    curator: str,
    span: tuple[int, int] | None = None,
    at: datetime | None = None,
    *,
    form: Form | None = None,
    schema: Schema | None = None,
) -> SlotChange:
    """Set the slot to ``text`` typed (or taken) by the curator.

    Raises :class:`~curator.core.schema.InvalidValueError` when the text does not fit the
    field, or (given the ``form`` and ``schema``) when it breaks one of the group's checks
    against the values decided in the same row. The status is CORRECTED when a
    suggestion stands behind the slot, else MANUAL. The evidence span is the one given
    (a selection) or the suggestion's.
    """
    normalized = slot.spec.parse(text)
    if form is not None and schema is not None:
        problem = check_value(schema, form, slot, normalized)
        if problem is not None:
            raise InvalidValueError(problem)
    suggestion = slot.suggestion
    if span is None and suggestion is not None:
        span = (suggestion.start, suggestion.end)
    status = Status.CORRECTED if suggestion is not None else Status.MANUAL
    after = CuratedValue(
        document_id, slot.spec.key, slot.row, status, display(normalized),
        normalized, suggestion.id if suggestion else None,
        span[0] if span else None, span[1] if span else None, curator, at or now(),
    )  # fmt: skip
    return _change(slot, document_id, after)


def check_value(schema: Schema, form: Form, slot: Slot, value: Scalar | None) -> str | None:
    """Why ``value`` in ``slot`` breaks a check of its group, or None.

    Compared with the values *decided* (accepted, corrected, typed) in the same row; only
    pairs that involve ``slot`` count, so an earlier inconsistency elsewhere in the row
    never blocks a fix. The message names both fields and their values.
    """
    mine = _number(value)
    if mine is None:
        return None
    group = schema.group(slot.spec.group)
    for check in group.checks:
        if slot.spec.key not in check.fields:
            continue
        position = check.fields.index(slot.spec.key)
        for other in form.slots:
            if other.row != slot.row or other.spec.key == slot.spec.key:
                continue
            if other.spec.key not in check.fields or other.curated is None:
                continue
            if not other.curated.status.exported:
                continue
            theirs = _number(other.curated.normalized)
            if theirs is None:
                continue
            before = check.fields.index(other.spec.key) < position
            if (before and theirs > mine) or (not before and mine > theirs):
                order = " ≤ ".join(schema.field(key).label for key in check.fields)
                relation = "below" if before else "above"
                return (
                    f"{slot.spec.label} {display(value)} is {relation} {other.spec.label} "
                    f"{other.curated.value}; expected {order}"
                )
    return None


def slot_warning(schema: Schema, form: Form, slot: Slot) -> str | None:
    """A check the slot's value breaks (an accepted suggestion may: it is evidence as
    printed), or None. For an open suggestion: what accepting it would break."""
    if slot.curated is not None:
        if not slot.curated.status.exported:
            return None
        return check_value(schema, form, slot, slot.curated.normalized)
    if slot.suggestion is not None:
        return check_value(schema, form, slot, slot.suggestion.normalized)
    return None


def _number(value: Scalar | None) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return float(value)
    except ValueError:
        return None


def accept_all(form: Form, threshold: float, curator: str) -> list[SlotChange]:
    """Accept every open suggestion at or above ``threshold`` confidence."""
    at = now()
    return [
        accept(slot, form.document_id, curator, at)
        for slot in form.slots
        if slot.is_open and slot.suggestion is not None and slot.suggestion.confidence >= threshold
    ]


def inverse(change: SlotChange) -> SlotChange:
    """The change that undoes ``change``."""
    return replace(change, before=change.after, after=change.before)


def next_row(form: Form, group: str) -> int:
    rows = form.rows(group)
    return rows[-1] + 1 if rows else 0


def place(
    schema: Schema, existing: Sequence[Suggestion], extracted: Iterable[Extracted]
) -> list[Extracted]:
    """Give every extracted value its slot row; drop fields the schema does not have.

    Single-valued fields go to row 0. Values of several-valued fields get one row per
    distinct value (reusing the row an equal value already has). Rows of repeated
    groups are moved past the rows already stored, so a re-run never mixes rows; an
    exact repeat of a stored suggestion is dropped.
    """
    known = {(s.field, s.start, s.end, s.rule, s.value) for s in existing}
    item_rows: dict[tuple[str, str], int] = {}
    next_item: dict[str, int] = defaultdict(int)
    group_offset: dict[str, int] = defaultdict(int)
    for s in existing:
        group = s.field.partition(".")[0]
        group_offset[group] = max(group_offset[group], s.row + 1)
        item_rows[(s.field, str(s.normalized).casefold())] = s.row
        next_item[s.field] = max(next_item[s.field], s.row + 1)
    placed: list[Extracted] = []
    for item in extracted:
        if not schema.has_field(item.field):
            continue
        if (item.field, item.start, item.end, item.rule, display(item.value)) in known:
            continue
        spec = schema.field(item.field)
        if spec.several:
            key = (spec.key, str(item.value).casefold())
            if key not in item_rows:
                item_rows[key] = next_item[spec.key]
                next_item[spec.key] += 1
            row = item_rows[key]
        elif "." in spec.key:  # a field of a repeated group
            row = (item.row or 0) + group_offset[spec.group]
        else:
            row = 0
        placed.append(replace(item, row=row))
    return placed


def same_decision(a: CuratedValue | None, b: CuratedValue | None) -> bool:
    """Whether two decisions are the same verdict by the same curator (time aside)."""
    if a is None or b is None:
        return a is b
    return (a.status, a.value, a.suggestion_id, a.start, a.end, a.curator) == (
        b.status, b.value, b.suggestion_id, b.start, b.end, b.curator,
    )  # fmt: skip


def overridden(
    schema: Schema, intended: Sequence[SlotChange], applied: Sequence[SlotChange]
) -> list[str]:
    """Notices for the changes that replaced a decision made elsewhere meanwhile.

    ``intended`` are the changes as computed from what this window showed; ``applied``
    what the store returned (``before`` is what the database really held). A slot whose
    real ``before`` differs was changed by another window or process since this one read
    it: the later write won, and both are in the history.
    """
    notices: list[str] = []
    for mine, done in zip(intended, applied, strict=True):
        if same_decision(mine.before, done.before):
            continue
        label = schema.field(done.field).label if schema.has_field(done.field) else done.field
        other = done.before
        yours = "your value" if done.after is not None and done.after.value else "your decision"
        if other is None:
            notices.append(
                f"{label}: another window had reopened it; {yours} replaced that — "
                "both are in the history"
            )
            continue
        if other.status is Status.REJECTED:
            what = "had rejected it"
        else:
            what = f"had set it to “{other.value}”"
        notices.append(
            f"{label}: {other.curator} {what}; {yours} replaced it — both are in the history"
        )
    return notices
