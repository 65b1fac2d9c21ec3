"""StatusPanel: the status bar's permanent part -- the accept-all threshold, background
job progress, and the review progress (documents done / total, open suggestions)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

if TYPE_CHECKING:
    from collections.abc import Callable

    from curator.core.model import Progress
    from curator.qt.task_runner import TaskRunner


class StatusPanel(QWidget):
    def __init__(self, progress: Callable[[], Progress], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusPanel")
        self._progress = progress
        self.threshold_label = QLabel(self)
        self.threshold_label.setObjectName("thresholdLabel")
        self.job_bar = QProgressBar(self)
        self.job_bar.setObjectName("jobProgress")
        self.job_bar.setAccessibleName("Background job progress")
        self.job_bar.setFixedWidth(220)
        self.job_bar.hide()
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("progressLabel")
        self.progress_label.setAccessibleName("Review progress")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.threshold_label, self.job_bar, self.progress_label):
            layout.addWidget(widget)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)

    def follow(self, runner: TaskRunner) -> None:
        runner.started.connect(self._on_runner_started)
        runner.progressed.connect(self._on_runner_progressed)
        runner.busy_changed.connect(self.job_bar.setVisible)

    def show_threshold(self, threshold: float) -> None:
        self.threshold_label.setText(f"Accept all ≥ {threshold:.2f}")

    def schedule(self) -> None:
        """Refresh soon (coalesced: a burst of decisions costs one query, after the paint)."""
        self._timer.start()

    def refresh(self) -> None:
        p = self._progress()
        self.progress_label.setText(
            f"{p.done} / {p.total} documents done · {p.open_suggestions} open suggestions"
        )

    def _on_runner_started(self, label: str) -> None:
        self.job_bar.setRange(0, 0)
        self.job_bar.setFormat(label)

    def _on_runner_progressed(self, label: str, done: int, total: int) -> None:
        self.job_bar.setRange(0, max(total, 0))
        self.job_bar.setValue(done)
        self.job_bar.setFormat(f"{label} %v / %m" if total else label)
