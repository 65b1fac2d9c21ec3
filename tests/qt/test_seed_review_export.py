"""End to end on the bundled seeds: import, real extraction, a scripted review through the
window's actions and keys, export from the menu, and the CSV files checked cell by cell.

The decisions are scripted against what the curator sees (the suggestion shown in a
slot), so the expected cells follow from the decisions, not from a copy of the rules.
"""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from curator.core import jobs
from curator.core.model import DocStatus, Status
from curator.extract import load_extractor
from curator.ingest import read_paths
from curator.qt.export_dialog import ExportChoice, ExportDialog
from curator.store import SqlStore
from tests.qt.conftest import go_to

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from curator.core.schema import Schema
    from curator.qt.main_window import MainWindow

RASMUSSEN = "000_1b3d00b94726208d"
SPMS = "002_2ee12e1458bf8254"
TAKEN = "23 patients who were not treated with this drug"


@pytest.fixture
def seeded(db_path: Path, schema: Schema, seeds_dir: Path) -> Iterator[SqlStore]:
    store = SqlStore.open(db_path)
    report = jobs.import_documents(store, read_paths([str(seeds_dir)]))
    assert len(report.imported_ids) == 5
    jobs.extract_documents(store, load_extractor(), schema, list(report.imported_ids))
    yield store
    store.close()


def doc_id(store: SqlStore, stem: str) -> str:
    for info in store.list_documents():
        if store.document(info.id).source_path.endswith(f"{stem}.txt"):
            return info.id
    raise AssertionError(stem)


def shown_value(window: MainWindow, field: str, row: int = 0) -> object:
    go_to(window, field, row)
    slot = window.review.current_slot
    assert slot is not None
    assert slot.suggestion is not None, f"nothing suggested for {field}[{row}]"
    return slot.suggestion.normalized


def type_value(qtbot: QtBot, window: MainWindow, field: str, text: str) -> None:
    go_to(window, field)
    window.action("review.correct").trigger()
    box = window.form.findChild(QLineEdit, "slotEditor")
    assert box is not None
    box.clear()
    qtbot.keyClicks(box, text)
    with qtbot.waitSignal(window.review.suggestion_changed, timeout=2000):
        qtbot.keyClick(box, Qt.Key.Key_Return)


def rows_where(window: MainWindow, field: str, test: Callable[[object], bool]) -> list[int]:
    return [
        slot.row
        for slot in window.review.form.slots
        if slot.spec.key == field and slot.suggestion and test(slot.suggestion.normalized)
    ]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_scripted_review_of_the_seeds_exports_exactly_the_decisions(
    qtbot: QtBot,
    make_window: Callable[[SqlStore], MainWindow],
    seeded: SqlStore,
    schema: Schema,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(seeded)
    window.show()
    qtbot.waitExposed(window)
    rasmussen, spms = doc_id(seeded, RASMUSSEN), doc_id(seeded, SPMS)
    window.open_document(rasmussen)

    # accept what the extractor got right, checking it is what the curator would see
    assert shown_value(window, "study_design") == "retrospective cohort"
    window.action("review.accept").trigger()
    (hr_row,) = rows_where(window, "outcomes.value", lambda v: v == 0.295)
    for key in ("measure", "value", "ci_low", "ci_high", "p_value"):
        go_to(window, f"outcomes.{key}", hr_row)
        window.action("review.accept").trigger()
    # keep only the population's own condition
    for slot in [s for s in window.review.form.slots if s.spec.key == "condition"]:
        if slot.suggestion is None:
            continue
        go_to(window, "condition", slot.row)
        verdict = "accept" if slot.suggestion.normalized == "Rasmussen syndrome" else "reject"
        window.action(f"review.{verdict}").trigger()
    # type one value, take another from the text
    type_value(qtbot, window, "n_total", "53")
    text = window.viewer.toPlainText()
    start = text.index(TAKEN)
    window.viewer.select_span(start, start + len(TAKEN))
    go_to(window, "comparator")
    window.action("review.take").trigger()
    window.action("doc.mark_done").trigger()

    window.open_document(spms)
    type_value(qtbot, window, "year", "2002")

    out = tmp_path / "export"
    choice = ExportChoice(str(out), include_suggestions=False, bom=False)
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, folder, parent=None: choice))
    with qtbot.waitSignal(window.jobs.exported, timeout=20000):
        window.action("file.export").trigger()

    single = [f.key for g in schema.groups if not g.repeated for f in g.fields]
    documents = {row["document_id"]: row for row in read_csv(out / "documents.csv")}
    assert len(documents) == 5
    expected = dict.fromkeys(single, "") | {
        "study_design": "retrospective cohort",
        "condition": "Rasmussen syndrome",
        "n_total": "53",
        "comparator": TAKEN,
    }
    assert {k: documents[rasmussen][k] for k in single} == expected
    assert documents[rasmussen]["document_status"] == DocStatus.DONE.value
    assert {k: documents[spms][k] for k in single} == dict.fromkeys(single, "") | {"year": "2002"}
    assert documents[spms]["document_status"] == DocStatus.IN_PROGRESS.value
    untouched = set(documents) - {rasmussen, spms}
    assert all(not any(documents[d][k] for k in single) for d in untouched)

    outcomes = read_csv(out / "outcomes.csv")
    assert outcomes == [
        {"document_id": rasmussen, "row": str(hr_row), "outcome": "",
         "measure": "hazard ratio", "value": "0.295", "comparator_value": "",
         "ci_low": "0.108", "ci_high": "0.807", "p_value": "0.017", "timepoint": ""},
    ]  # fmt: skip
    assert read_csv(out / "adverse_events.csv") == []
    assert read_csv(out / "grades.csv") == []

    provenance = {
        (r["document_id"], r["field"], r["row"]): r for r in read_csv(out / "provenance.csv")
    }
    # design, the hazard-ratio row, condition, n, comparator, year
    assert len(provenance) == 1 + 5 + 1 + 1 + 1 + 1
    taken = provenance[(rasmussen, "comparator", "0")]
    assert (taken["span_start"], taken["span_end"]) == (str(start), str(start + len(TAKEN)))
    assert taken["evidence_text"] == TAKEN
    assert {r["curator"] for r in provenance.values()} == {"tester"}
    typed = provenance[(rasmussen, "n_total", "0")]
    assert typed["status"] in (Status.CORRECTED.value, Status.MANUAL.value)
    accepted = provenance[(rasmussen, "outcomes.ci_low", str(hr_row))]
    assert accepted["status"] == Status.ACCEPTED.value
    assert text[int(accepted["span_start"]) : int(accepted["span_end"])] == "0.108"
    assert accepted["rule"]

    codebook = read_csv(out / "codebook.csv")
    assert [row["field"] for row in codebook] == [f.key for f in schema.fields]
