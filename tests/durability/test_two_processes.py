"""Two programs on one database: no "database is locked", every write kept, later wins."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from curator.core.model import Status
from curator.store import SqlStore

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from curator.core.ports import SlotChange
    from tests.durability.conftest import Child

    Decision = Callable[[str, int, str], SlotChange]

IMPORTS = 150
DECISIONS = 300


def test_import_and_decisions_in_three_processes_all_land(
    spawn: Callable[..., Child], documents_db: Path, decision: Decision
) -> None:
    importer = spawn("import", str(documents_db), str(IMPORTS), "imp")
    decider = spawn("burst", str(documents_db), str(DECISIONS), "50")
    mine = 0
    with SqlStore.open(documents_db) as store:  # this process writes too, in step with imports
        while (line := importer.read_line()) is not None:
            store.apply([decision(f"d{int(line) % 50}", 10_000 + mine, "me")], "me")
            mine += 1
        _, status, errors = importer.finish()
        assert (status, errors) == (0, "")
        decided, status, errors = decider.finish()
        assert (status, errors) == (0, "")
        assert len(decided) == DECISIONS
        assert mine == IMPORTS
        ids = {d.id for d in store.list_documents()}
        assert {f"imp{i}" for i in range(IMPORTS)} <= ids
        assert all(len(store.suggestions(f"imp{i}")) == 1 for i in range(IMPORTS))
        by_curator: dict[str, list[int]] = {}
        for entry in store.history():
            by_curator.setdefault(entry.curator, []).append(int(entry.new_value or ""))
        assert by_curator["burst"] == list(range(DECISIONS))
        assert by_curator["me"] == list(range(10_000, 10_000 + IMPORTS))


def test_later_write_wins_across_processes_and_both_are_in_history(
    spawn: Callable[..., Child], documents_db: Path, decision: Decision
) -> None:
    with SqlStore.open(documents_db) as store:
        assert store.curated("d1") == []  # this window shows the slot as open
        stale = decision("d1", 7, "ann")  # computed from that view: before = None
        other = spawn("decide", str(documents_db), "d1", "9", "bob")
        out, status, errors = other.finish()
        assert (status, errors) == (0, "")
        assert json.loads(out[0]) is None  # bob's window saw the slot open, and it was
        (applied,) = store.apply([stale], "ann")  # later: wins
        assert applied.before is not None  # ann is told the slot was bob's meanwhile
        assert (applied.before.curator, applied.before.value) == ("bob", "9")
        assert [(c.curator, c.value) for c in store.curated("d1")] == [("ann", "7")]
        history = store.history("d1")
        assert [(e.curator, e.old_value, e.new_value) for e in history] == [
            ("bob", None, "9"),
            ("ann", "9", "7"),
        ]
        assert history[1].old_status is Status.MANUAL
        # bob's next write in his process learns that ann replaced his value
        again = spawn("decide", str(documents_db), "d1", "11", "bob")
        out, status, errors = again.finish()
        assert (status, errors) == (0, "")
        assert json.loads(out[0]) == ["ann", "7"]


def test_a_window_sees_another_process_changes_when_it_reads_again(
    spawn: Callable[..., Child], documents_db: Path, decision: Decision
) -> None:
    with SqlStore.open(documents_db) as store:
        marker = store.change_marker()
        count = len(store.list_documents())
        assert store.change_marker() == marker  # reading changes nothing
        assert store.curated("d3") == []
        _, status, errors = spawn("decide", str(documents_db), "d3", "5", "bob").finish()
        assert (status, errors) == (0, "")
        assert store.change_marker() != marker
        assert [c.value for c in store.curated("d3")] == ["5"]  # refresh / reopen shows it
        marker = store.change_marker()
        _, status, errors = spawn("import", str(documents_db), "2", "new").finish()
        assert (status, errors) == (0, "")
        assert store.change_marker() != marker
        assert len(store.list_documents()) == count + 2
