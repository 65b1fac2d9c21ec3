"""TaskRunner: one background worker for database-writing jobs (import, extraction, export).

A job is a plain callable ``job(progress, cancelled) -> result`` made of store/extract
calls; it never touches a widget. Progress, results and errors reach the GUI thread
through queued signals, so callbacks given to :meth:`TaskRunner.submit` run there.
"""

from __future__ import annotations

import itertools
import threading
import traceback
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

if TYPE_CHECKING:
    from collections.abc import Callable

    ProgressFn = Callable[[int, int], None]
    CancelledFn = Callable[[], bool]
    Job = Callable[[ProgressFn, CancelledFn], Any]


@dataclass(slots=True)
class _Task:
    label: str
    on_done: Callable[[Any], None] | None
    on_error: Callable[[str], None] | None
    cancel: threading.Event


class TaskRunner(QObject):
    """Runs jobs one after another on a single worker thread."""

    started = Signal(str)  # label
    progressed = Signal(str, int, int)  # label, done, total
    finished = Signal(str, object)  # label, result
    failed = Signal(str, str)  # label, message
    busy_changed = Signal(bool)

    # internal: worker -> GUI thread (queued, the runner lives in the GUI thread)
    _job_progressed = Signal(int, int, int)
    _job_ended = Signal(int, bool, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="curator-job")
        self._tasks: dict[int, _Task] = {}
        self._ids = itertools.count(1)
        self._job_progressed.connect(self._on_self_job_progressed)
        self._job_ended.connect(self._on_self_job_ended)

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def submit(
        self,
        label: str,
        job: Job,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> int:
        task_id = next(self._ids)
        was_busy = self.busy
        cancel = threading.Event()
        self._tasks[task_id] = _Task(label, on_done, on_error, cancel)
        self.started.emit(label)
        if not was_busy:
            self.busy_changed.emit(True)

        def progress(done: int, total: int) -> None:
            self._job_progressed.emit(task_id, done, total)

        def run() -> None:
            try:
                result = job(progress, cancel.is_set)
            except Exception as exc:  # reported to the GUI, never raised in the worker
                detail = "".join(traceback.format_exception_only(exc)).strip()
                self._job_ended.emit(task_id, False, detail)
            else:
                self._job_ended.emit(task_id, True, result)

        future: Future[None] = self._executor.submit(run)
        del future
        return task_id

    def cancel_all(self) -> None:
        for task in self._tasks.values():
            task.cancel.set()

    def shutdown(self) -> None:
        """Cancel pending work and wait for the running job (call before closing the store)."""
        self.cancel_all()
        self._executor.shutdown(wait=True, cancel_futures=True)

    @Slot(int, int, int)
    def _on_self_job_progressed(self, task_id: int, done: int, total: int) -> None:
        task = self._tasks.get(task_id)
        if task is not None:
            self.progressed.emit(task.label, done, total)

    @Slot(int, bool, object)
    def _on_self_job_ended(self, task_id: int, ok: bool, payload: object) -> None:
        task = self._tasks.pop(task_id, None)
        if task is None:
            return
        try:
            if ok:
                if task.on_done is not None:
                    task.on_done(payload)
                self.finished.emit(task.label, payload)
            else:
                if task.on_error is not None:
                    task.on_error(str(payload))
                self.failed.emit(task.label, str(payload))
        finally:
            if not self._tasks:
                self.busy_changed.emit(False)
