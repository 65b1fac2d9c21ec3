"""Read files and folders into :class:`~curator.core.model.NewDocument` values.

Every file gives exactly one :class:`ReadOutcome`; nothing here raises for a bad file.

- Supported: ``.txt`` and ``.md`` (kept as text), ``.html``/``.htm`` (converted to plain
  text, see :mod:`curator.ingest.html_text`). Suffixes are matched case-insensitively.
- Folders are walked recursively in sorted order; hidden files and folders (name
  starting with ".") are skipped, symbolic links to folders are not followed.
- The stored text is the decoded text with newlines normalized to ``\\n`` (``\\r\\n``
  and lone ``\\r``); nothing else is changed, because suggestion offsets point into it.
- The document id is the SHA-256 hex digest of the stored text encoded as UTF-8: the
  same text read from two files (or in two encodings) is the same document.
- ``path``/``source_path`` is the path as given or found, made printable (a file name
  that is not valid UTF-8 shows U+FFFD for the bad bytes).
- The title is the HTML ``<title>`` (else the first ``<h1>``), else the first line with
  a letter or digit (Markdown heading marks removed), else the file stem; at most 300
  characters.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from curator.core.model import NewDocument
from curator.ingest.decode import decode
from curator.ingest.html_text import html_to_text

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
MAX_TITLE = 300
_MEANINGFUL = re.compile(r"\w")


class ReadFailure(StrEnum):
    """Why a file was not read; the value is the short reason shown in reports."""

    NOT_FOUND = "not found"
    UNSUPPORTED = "unsupported type"
    UNREADABLE = "unreadable"
    EMPTY = "empty"
    TOO_LARGE = "too large"
    BINARY = "binary"
    UNDECODABLE = "undecodable"


@dataclass(frozen=True, slots=True)
class ReadOutcome:
    """One file: a ``document``, or a ``failure`` with a human ``detail``.

    For a read document, ``detail`` notes anything worth knowing (the encoding when it
    was not UTF-8); ``encoding`` is the one used ("" when the file was not decoded).
    """

    path: str
    document: NewDocument | None
    failure: ReadFailure | None = None
    detail: str = ""
    encoding: str = ""

    @property
    def ok(self) -> bool:
        return self.document is not None

    @property
    def reason(self) -> str:
        """``"<failure>: <detail>"`` for a failed file, else the detail."""
        if self.failure is None:
            return self.detail
        return f"{self.failure.value}: {self.detail}" if self.detail else self.failure.value


def read_paths(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[ReadOutcome]:
    """Read every file named or found below the folders named, in order."""
    for path in iter_files(paths):
        yield read_file(path, max_bytes=max_bytes)


class PendingReads:
    """The files under ``paths``, listed now and read one at a time when iterated.

    Sized, so a job can report ``done/total`` progress, and lazy, so only one file's
    text is in memory at a time: ``import_documents(store, PendingReads(paths))``.
    """

    def __init__(self, paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.files = list(iter_files(paths))
        self.max_bytes = max_bytes

    def __len__(self) -> int:
        return len(self.files)

    def __iter__(self) -> Iterator[ReadOutcome]:
        for path in self.files:
            yield read_file(path, max_bytes=self.max_bytes)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files to read: files as given (even missing ones), folders expanded."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(folder: Path) -> Iterator[Path]:
    unreadable: list[Path] = []

    def failed(error: OSError) -> None:
        unreadable.append(Path(error.filename or folder))

    for top, dirs, files in os.walk(folder, onerror=failed):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(top, name)
        if unreadable:  # reported as files: read_file names the problem
            yield from unreadable
            unreadable.clear()
    yield from unreadable


def read_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadOutcome:
    """Read one file. Never raises for a bad file: the outcome says what went wrong."""
    name = shown_path(path)
    try:
        return _read(Path(path), max_bytes)
    except OSError as exc:
        return ReadOutcome(name, None, ReadFailure.UNREADABLE, _os_problem(exc))
    except ValueError as exc:  # e.g. a NUL character in the path
        return ReadOutcome(name, None, ReadFailure.UNREADABLE, f"invalid path ({exc})")


def _read(path: Path, max_bytes: int) -> ReadOutcome:
    name = shown_path(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            return ReadOutcome(name, None, ReadFailure.UNREADABLE, "a broken link")
        return ReadOutcome(name, None, ReadFailure.NOT_FOUND, "no such file or folder")
    if stat.S_ISDIR(mode):
        return ReadOutcome(name, None, ReadFailure.UNREADABLE, "cannot list the folder")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = f"'{suffix}'" if suffix else "no suffix"
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        return ReadOutcome(name, None, ReadFailure.UNSUPPORTED, f"{shown} (supported: {supported})")
    if not stat.S_ISREG(mode):  # opening a pipe could wait forever
        return ReadOutcome(name, None, ReadFailure.UNREADABLE, "not a regular file")
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        data = _read_up_to(handle, size, max_bytes + 1) if size <= max_bytes else b""
    if size > max_bytes or len(data) > max_bytes:
        detail = f"{_size(max(size, len(data)))}, over the {_size(max_bytes)} limit"
        return ReadOutcome(name, None, ReadFailure.TOO_LARGE, detail)
    return _document(path, data)


def _read_up_to(handle: BinaryIO, size: int, limit: int) -> bytes:
    """Read the file (``size`` as stat says) but never more than ``limit`` bytes. Asking
    for exactly what is there avoids allocating ``limit`` bytes for every small file."""
    data = handle.read(min(size + 1, limit))
    if size < len(data) < limit:  # the file grew since stat
        data += handle.read(limit - len(data))
    return data


def _document(path: Path, data: bytes) -> ReadOutcome:
    name = shown_path(path)
    if not data:
        return ReadOutcome(name, None, ReadFailure.EMPTY, "the file has no content")
    is_html = path.suffix.lower() in HTML_SUFFIXES
    decoded = decode(data, html=is_html)
    if decoded.text is None:
        return ReadOutcome(name, None, ReadFailure(decoded.reason), decoded.detail)
    text = normalize_newlines(decoded.text)
    title = ""
    if is_html:
        converted = html_to_text(text)
        text, title = converted.text, converted.title
    if not text.strip():
        what = "no text once the markup is removed" if is_html else "only whitespace"
        return ReadOutcome(name, None, ReadFailure.EMPTY, what, decoded.encoding)
    title = _clip(title or first_line(text) or shown_path(path.stem))
    document = NewDocument(document_id(text), title, name, text)
    detail = "" if decoded.encoding in ("utf-8", "utf-8-sig") else f"decoded as {decoded.encoding}"
    return ReadOutcome(name, document, None, detail, decoded.encoding)


def shown_path(path: str | Path) -> str:
    """The path as text that can be stored and printed: bytes of a file name that are
    not UTF-8 (kept by Python as lone surrogates) become U+FFFD."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def document_id(text: str) -> str:
    """The content hash that identifies a document: SHA-256 of its UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def first_line(text: str) -> str:
    """The first line with a letter or digit, without Markdown heading marks."""
    for line in text.split("\n", 500)[:500]:
        if _MEANINGFUL.search(line):
            line = line[: MAX_TITLE * 4].strip()
            if line.startswith("#"):  # "## Title ##" (an ATX heading)
                line = line.lstrip("#").strip().rstrip("#").rstrip()
            return line
    return ""


def _clip(title: str) -> str:
    title = " ".join(title.split())
    return title if len(title) <= MAX_TITLE else title[: MAX_TITLE - 1].rstrip() + "…"


def _os_problem(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "the file disappeared or is a broken link"
    if isinstance(exc, IsADirectoryError):
        return "is a folder"
    return exc.strerror or str(exc)


def _size(count: int) -> str:
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if count >= scale:
            return f"{count / scale:.1f}".rstrip("0").rstrip(".") + f" {unit}"
    return f"{count} bytes"
