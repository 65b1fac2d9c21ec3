"""Multi-process fixtures: the store layer run by tests/durability/worker.py in a child.

Children are waited on through their pipes (a line per acknowledged write), never by
sleeping; every wait has a generous timeout so a stuck child fails the test instead of
hanging the run.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from curator.core.model import NewDocument
from curator.store import SqlStore

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from types import ModuleType

    from curator.core.ports import SlotChange

WORKER = Path(__file__).resolve().with_name("worker.py")
REPO = WORKER.parents[2]
TIMEOUT_S = 120


class Child:
    """A worker process with its stdout as a pipe of acknowledgement lines."""

    def __init__(self, *args: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        self.process = subprocess.Popen(
            [sys.executable, str(WORKER), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=REPO,
            env=env,
        )
        assert self.process.stdout is not None
        self.stdout = self.process.stdout

    def read_line(self) -> str | None:
        """The next acknowledgement, or None at end of file (the child has gone)."""
        line = self.stdout.readline()
        return line.decode().strip() if line else None

    def finish(self) -> tuple[list[str], int, str]:
        """Remaining acknowledgements, exit status, stderr (waits at most TIMEOUT_S)."""
        out, err = self.process.communicate(timeout=TIMEOUT_S)
        return out.decode().splitlines(), self.process.returncode, err.decode()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()


def _worker_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("durability_worker", WORKER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def decision() -> Callable[[str, int, str], SlotChange]:
    """``decision(document_id, number, curator)``: the change the worker makes, in-process."""
    made: Callable[[str, int, str], SlotChange] = _worker_module().decision
    return made


@pytest.fixture
def spawn() -> Iterator[Callable[..., Child]]:
    children: list[Child] = []

    def start(*args: str) -> Child:
        child = Child(*args)
        children.append(child)
        return child

    yield start
    for child in children:
        child.kill()
        child.process.wait(timeout=TIMEOUT_S)
        for stream in (child.process.stdout, child.process.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def documents_db(fast_db_path: Path) -> Path:
    """A database with documents d0..d49 and nothing else."""
    db_path = fast_db_path
    with SqlStore.open(db_path) as store:
        store.add_documents(
            NewDocument(f"d{i}", f"Trial {i}", "/x.txt", "n = 1") for i in range(50)
        )
    return db_path


@pytest.fixture
def fast_db_path(tmp_path: Path) -> Iterator[Path]:
    """A database path on tmpfs when there is one (/dev/shm), else under tmp_path.

    The crash tests kill a process, not the machine: what they check (a commit is in
    the WAL before apply() returns) does not depend on fsync, which on this VM's disk
    costs ~12 ms a commit and would make a 1,000-decision burst take 15 s. fsync per
    commit (synchronous=FULL) is asserted by tests/store/test_migrations.py::
    test_pragmas_in_effect and measured by tests/durability/bench_durability.py.
    """
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path / "curation.sqlite"
        return
    folder = Path(tempfile.mkdtemp(prefix="curator-test-", dir=shm))
    try:
        yield folder / "curation.sqlite"
    finally:
        shutil.rmtree(folder, ignore_errors=True)
