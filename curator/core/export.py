"""CSV export of the curated evidence (standard library only).

Files written to the output folder (UTF-8, RFC 4180: ``csv`` module, minimal quoting,
``\\r\\n`` line ends; with ``bom=True`` a UTF-8 byte-order mark so Excel detects UTF-8):

- ``documents.csv``: one row per document: ``document_id, document_title, source_path,
  document_status``, then one column per field of the single-valued groups, in schema
  order, headed by the field key (``title`` is the publication title field, hence the
  ``document_`` prefix). Several values of one field are joined with ``"; "`` in row order.
- ``<group>.csv`` for each repeated group (``outcomes.csv``, ``adverse_events.csv``,
  ``grades.csv``): ``document_id, row``, then the group's field names. ``row`` is the
  stored row number (the same as in provenance.csv; numbers may have gaps).
- ``provenance.csv``: one row per exported value: ``document_id, field, row, value,
  normalized, status, span_start, span_end, evidence_text`` (the document text between
  the offsets), ``rule, suggestion_id, confidence, curator, decided_at`` (ISO 8601).
- ``codebook.csv``: ``field, group, label, type, several, allowed_values`` (`` | ``), ``help``.

What is exported: by default only decided values (accepted, corrected, manual); rejected
slots and open suggestions are left out. ``include_suggestions=True`` adds, for each open
slot (no decision yet), its top suggestion as shown in the form, written as-is and marked:
``status = suggested`` in provenance.csv (curator and decided_at empty), and an extra last
column ``suggested`` in documents.csv and the group tables listing the keys of that row's
fields whose value is an open suggestion (``"; "`` separated; empty when all were decided;
in R ``subset(d, suggested == "")`` keeps fully curated rows).

Spreadsheet safety: a text cell starting with ``= + - @``, a tab or a carriage return is
prefixed with a single quote (``'=cmd()``), so Excel and LibreOffice do not run it as a
formula. Numbers we format ourselves are written as numbers: values of int and number
fields, the ``normalized`` of numeric values, offsets, row numbers and confidences (so
``-0.5`` in a number field stays ``-0.5``, while ``-0.5`` typed in a text field becomes
``'-0.5``). Numbers are never rounded: values are the stored display text, normalized
floats use ``repr``.

Files are written to hidden temporary files in the output folder and moved into place
(``os.replace``) once all are complete: a failed export leaves the previous files.
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
import secrets
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from curator.core.review import Slot, build_form, display
from curator.core.schema import FieldType

if TYPE_CHECKING:
    from collections.abc import Iterable

    from curator.core.model import CuratedValue, Document, Scalar, Suggestion
    from curator.core.schema import FieldSpec, Schema

DOCUMENT_COLUMNS = ("document_id", "document_title", "source_path", "document_status")
PROVENANCE_COLUMNS = (
    "document_id", "field", "row", "value", "normalized", "status", "span_start", "span_end",
    "evidence_text", "rule", "suggestion_id", "confidence", "curator", "decided_at",
)  # fmt: skip
CODEBOOK_COLUMNS = ("field", "group", "label", "type", "several", "allowed_values", "help")
SUGGESTED_COLUMN = "suggested"
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ExportError(ValueError):
    """The export cannot be written as asked (message for the user)."""


@dataclass(frozen=True, slots=True)
class ExportedFile:
    name: str
    rows: int  # data rows, without the header


@dataclass(frozen=True, slots=True)
class ExportSummary:
    folder: str
    files: tuple[ExportedFile, ...]
    skipped: int  # decided values of fields the schema no longer has

    def rows(self, name: str) -> int:
        return next(f.rows for f in self.files if f.name == name)


def neutralize(text: str) -> str:
    """A text cell a spreadsheet will not evaluate as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def number_cell(text: str) -> str:
    """A number we formatted stays a number; anything else is a neutralized text cell."""
    return text if _NUMBER.fullmatch(text) else neutralize(text)


def value_cell(spec: FieldSpec, text: str) -> str:
    return number_cell(text) if spec.type in (FieldType.INT, FieldType.NUMBER) else neutralize(text)


def normalized_cell(value: Scalar | None) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number_cell(display(value))
    return neutralize(display(value))


@dataclass(frozen=True, slots=True)
class _Value:  # one exported value of a slot
    slot: Slot
    text: str
    suggested: bool


def _values(slots: Iterable[Slot], include_suggestions: bool) -> list[_Value]:
    out: list[_Value] = []
    for slot in slots:
        if slot.curated is not None and slot.curated.status.exported:
            out.append(_Value(slot, slot.curated.value or "", False))
        elif slot.curated is None and include_suggestions and slot.suggestion is not None:
            out.append(_Value(slot, slot.suggestion.value, True))
    return out


class _Writers:
    """Temporary CSV files in the output folder, moved into place together."""

    def __init__(self, folder: Path, bom: bool) -> None:
        self.folder, self.bom, self.handles = folder, bom, dict[str, IO[str]]()
        self.rows: dict[str, int] = {}
        self.temps: dict[str, Path] = {}
        self.writers: dict[str, Any] = {}  # csv writers (their type is private)

    def open(self, name: str, header: Iterable[str]) -> None:
        # os.open with 0o666 so the umask applies (tempfile would make the file 0600)
        temp = self.folder / f".{name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
        descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        encoding = "utf-8-sig" if self.bom else "utf-8"
        handle = open(descriptor, "w", encoding=encoding, newline="")  # noqa: SIM115
        self.handles[name], self.temps[name], self.rows[name] = handle, temp, -1
        self.writers[name] = csv.writer(handle, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        self.write(name, header)

    def write(self, name: str, row: Iterable[str]) -> None:
        self.writers[name].writerow(list(row))
        self.rows[name] += 1

    def commit(self) -> None:
        for handle in self.handles.values():
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
        for name, temp in self.temps.items():
            os.replace(temp, self.folder / name)

    def abort(self) -> None:
        for name, temp in self.temps.items():
            self.handles[name].close()
            with contextlib.suppress(OSError):
                os.unlink(temp)


def write_export(
    out_dir: str | Path, schema: Schema, documents: Iterable[Document],
    curated: Iterable[CuratedValue], suggestions: Iterable[Suggestion] = (), *,
    include_suggestions: bool = False, bom: bool = False,
) -> ExportSummary:  # fmt: skip
    """Write the export files (see the module docstring) and say what was written.

    ``suggestions`` give the rule and confidence of decided values (and the open ones).
    Documents are streamed; decisions and the suggestions needed are held in memory.
    """
    tables = [g for g in schema.groups if g.repeated]
    single = [f for g in schema.groups if not g.repeated for f in g.fields]
    marker = (SUGGESTED_COLUMN,) if include_suggestions else ()
    headers = [("documents.csv", (*DOCUMENT_COLUMNS, *(f.key for f in single), *marker))]
    headers += [(f"{g.key}.csv", ("document_id", "row", *(f.name for f in g.fields), *marker))
                for g in tables]  # fmt: skip
    headers += [("provenance.csv", PROVENANCE_COLUMNS), ("codebook.csv", CODEBOOK_COLUMNS)]
    _check(headers)
    decided: dict[str, list[CuratedValue]] = defaultdict(list)
    for decision in curated:
        decided[decision.document_id].append(decision)
    wanted = {c.suggestion_id for values in decided.values() for c in values}
    by_id: dict[int, Suggestion] = {}
    open_by_doc: dict[str, list[Suggestion]] = defaultdict(list)
    for suggestion in suggestions:
        if suggestion.id in wanted:
            by_id[suggestion.id] = suggestion
        if include_suggestions:
            open_by_doc[suggestion.document_id].append(suggestion)
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    writers = _Writers(folder, bom)
    exported = 0
    try:
        for name, header in headers:
            writers.open(name, header)
        for spec in schema.fields:
            writers.write("codebook.csv", _codebook_row(spec))
        for doc in documents:  # streamed: one document text in memory at a time
            form = build_form(schema, doc.id, open_by_doc.pop(doc.id, ()), decided.get(doc.id, ()))
            values = _values(form.slots, include_suggestions)
            exported += sum(1 for v in values if not v.suggested)
            _write_document(writers, doc, single, values, include_suggestions)
            for group in tables:
                _write_table(writers, doc.id, group.key, group.fields, values, include_suggestions)
            for value in values:
                writers.write("provenance.csv", _provenance_row(doc, value, by_id))
    except BaseException:
        writers.abort()
        raise
    writers.commit()
    total = sum(1 for values in decided.values() for c in values if c.status.exported)
    files = tuple(ExportedFile(name, rows) for name, rows in writers.rows.items())
    return ExportSummary(str(folder), files, total - exported)


def _check(headers: list[tuple[str, tuple[str, ...]]]) -> None:
    names = [name for name, _ in headers]
    if len(set(names)) < len(names):
        raise ExportError("a repeated group's file name clashes with another export file")
    for name, header in headers:
        clash = sorted({column for column in header if header.count(column) > 1})
        if clash:
            raise ExportError(f"{name} would have the column(s) {', '.join(clash)} twice")


def _write_document(
    writers: _Writers, doc: Document, single: list[FieldSpec], values: list[_Value],
    marked: bool,
) -> None:  # fmt: skip
    by_field: dict[str, list[_Value]] = defaultdict(list)
    for value in values:
        by_field[value.slot.spec.key].append(value)
    cells = [doc.id, neutralize(doc.title), neutralize(doc.source_path), doc.status.value]
    for spec in single:
        texts = [v.text for v in by_field.get(spec.key, ())]
        cells.append(
            value_cell(spec, texts[0]) if len(texts) == 1 else neutralize("; ".join(texts))
        )
    if marked:
        cells.append(_suggested_keys(v for v in values if "." not in v.slot.spec.key))
    writers.write("documents.csv", cells)


def _write_table(
    writers: _Writers, document_id: str, group: str, fields: tuple[FieldSpec, ...],
    values: list[_Value], marked: bool,
) -> None:  # fmt: skip
    rows: dict[int, dict[str, _Value]] = defaultdict(dict)
    for value in values:
        if value.slot.spec.group == group:
            rows[value.slot.row][value.slot.spec.key] = value
    for row in sorted(rows):
        cells = [document_id, str(row)]
        for spec in fields:
            cell = rows[row].get(spec.key)
            cells.append(value_cell(spec, cell.text) if cell is not None else "")
        if marked:
            cells.append(_suggested_keys(rows[row].values(), short=True))
        writers.write(f"{group}.csv", cells)


def _suggested_keys(values: Iterable[_Value], short: bool = False) -> str:
    keys = (v.slot.spec.name if short else v.slot.spec.key for v in values if v.suggested)
    return "; ".join(dict.fromkeys(keys))


def _provenance_row(doc: Document, value: _Value, by_id: dict[int, Suggestion]) -> list[str]:
    slot, spec = value.slot, value.slot.spec
    curated = None if value.suggested else slot.curated
    source: Suggestion | None = slot.suggestion
    span: tuple[int, int] | None = (source.start, source.end) if source else None
    normalized, status, who, when = source.normalized if source else None, "suggested", "", ""
    if curated is not None:
        source = by_id.get(curated.suggestion_id) if curated.suggestion_id is not None else None
        begin, end = curated.start, curated.end
        span = (begin, end) if begin is not None and end is not None else None
        normalized, status = curated.normalized, curated.status.value
        who, when = neutralize(curated.curator), curated.decided_at.isoformat()
    evidence = neutralize(doc.text[span[0] : span[1]]) if span else ""
    offsets = [str(span[0]), str(span[1])] if span else ["", ""]
    return [
        doc.id, spec.key, str(slot.row), value_cell(spec, value.text), normalized_cell(normalized),
        status, *offsets, evidence, neutralize(source.rule) if source else "",
        str(source.id) if source else "", repr(source.confidence) if source else "", who, when,
    ]  # fmt: skip


def _codebook_row(spec: FieldSpec) -> list[str]:
    return [
        spec.key, spec.group, neutralize(spec.label), spec.type.value,
        "yes" if spec.several else "no", neutralize(" | ".join(spec.choices)),
        neutralize(spec.help),
    ]  # fmt: skip
