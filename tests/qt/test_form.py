"""The evidence form: generated from the schema, states readable without colour."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from curator.core.model import Status
from curator.qt.form_models import SLOT_ROLE
from tests.qt.conftest import go_to

if TYPE_CHECKING:
    from curator.core.schema import Schema
    from curator.qt.main_window import MainWindow
    from curator.store import SqlStore


def cell_texts(window: MainWindow) -> dict[tuple[str, int], str]:
    """The State column (single groups) or the cell text (tables) of every slot."""
    out = {}
    for model in window.form.models:
        for r in range(model.rowCount()):
            for c in range(model.columnCount()):
                index = model.index(r, c)
                slot_index = index.data(SLOT_ROLE)
                if slot_index is None or slot_index < 0:
                    continue
                key = window.review.form.slots[slot_index].key
                if model.group.repeated or c == 2:
                    out[key] = index.data(Qt.ItemDataRole.DisplayRole)
    return out


def test_one_section_per_schema_group(window: MainWindow, schema: Schema) -> None:
    assert [m.group.key for m in window.form.models] == [g.key for g in schema.groups]
    outcomes = window.form.models[[g.key for g in schema.groups].index("outcomes")]
    headers = [outcomes.headerData(c, Qt.Orientation.Horizontal, 0) for c in range(8)]
    assert headers[:3] == ["Outcome", "Measure", "Value"]


def test_every_state_has_a_glyph_and_word(window: MainWindow, store: SqlStore) -> None:
    go_to(window, "n_total")
    window.action("review.accept").trigger()
    go_to(window, "intervention")
    window.action("review.reject").trigger()
    go_to(window, "study_design")
    window.review.correct("prospective cohort")
    go_to(window, "journal")
    window.review.correct("Neurology")
    texts = cell_texts(window)
    assert texts[("n_total", 0)] == "✓ accepted"
    assert texts[("intervention", 0)] == "✗ rejected"
    assert texts[("study_design", 0)] == "✎ corrected"
    assert texts[("journal", 0)] == "✚ manual"
    assert texts[("outcomes.value", 0)] == "◇ 0.295"
    assert texts[("year", 0)] == "—"
    statuses = {c.field: c.status for c in store.curated("doc-a")}
    assert statuses["study_design"] is Status.CORRECTED


def test_tooltips_carry_the_rule_description_and_confidence(window: MainWindow) -> None:
    go_to(window, "n_total")
    model = window.form.models[2]  # population
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "N total")
    tip = model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "Fake rule fake.n_total" in tip
    assert "0.95" in tip
    assert model.index(row, 4).data() == "0.95"
    assert "fake.n_total" in window.detail.rule.text()


def test_current_field_panel_shows_the_confidence_whatever_the_description_length(
    window: MainWindow,
) -> None:
    """The rule strip has two fixed lines: the confidence comes before the description,
    which a long description cannot push out; the whole description is in the tooltip."""
    go_to(window, "n_total")
    head, _, description = window.detail.rule.text().partition(" — ")
    assert "fake.n_total" in head
    assert "confidence 0.95" in head
    assert description == "Fake rule fake.n_total"
    assert window.detail.rule.toolTip() == "Fake rule fake.n_total"


def test_row_buttons_add_and_remove_table_rows(window: MainWindow, store: SqlStore) -> None:
    add = window.form.findChild(QToolButton, "add_row.grades")
    remove = window.form.findChild(QToolButton, "remove_row.adverse_events")
    assert add is not None
    assert remove is not None
    add.click()
    slot = window.review.current_slot
    assert slot is not None
    assert slot.key == ("grades.scheme", 0)
    remove.click()  # the current slot is not in adverse events
    assert "Select a cell" in window.detail.message.text()
    go_to(window, "adverse_events.event")
    remove.click()
    assert {(c.field, c.status) for c in store.curated("doc-a")} == {
        ("adverse_events.event", Status.REJECTED)
    }
