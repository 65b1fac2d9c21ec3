"""The commands: ``curator import | extract | export | search | backup | restore | plot``.

No Qt here: ``curator plot`` draws through a renderer that ``curator.app`` passes in
(:data:`PlotRenderer`), so this module stays importable without the GUI libraries.

``curator.app`` calls :func:`main` when its first argument is one of
:data:`SUBCOMMANDS`. Exit status: 0 success, 1 some files failed to import (or the
extractor command reported a problem), 2 an error (bad arguments, a path that does not
exist, a database, schema or rule file that cannot be used), printed as one line
``curator: error: ...`` on stderr. Heavy modules are imported inside the handlers, so
``curator --help`` is quick and ``import`` works without the extractor installed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from curator.core.ports import InsightSource
    from curator.core.schema import Schema
    from curator.store import SqlStore

    #: (kind, store, output file, (width, height)) -> the file written
    PlotRenderer = Callable[[str, InsightSource, Path, tuple[int, int]], Path]

SUBCOMMANDS = frozenset({"import", "extract", "export", "search", "backup", "restore", "plot"})
PLOT_KINDS = ("forest", "rules", "progress")
MB = 1024 * 1024


class CommandError(Exception):
    """A problem reported as ``curator: error: <message>`` with exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="curator", description="Evidence Curator commands (run without a command for the app)."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    db_help = "database file (default: $CURATOR_DB, else the app's database)"

    imp = commands.add_parser(
        "import", help="import documents (.txt, .md, .html) into the database"
    )
    imp.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (walked)")
    imp.add_argument("--db", help=db_help)
    imp.add_argument("--no-extract", action="store_true", help="do not run the extractor")
    imp.add_argument("--max-size", type=float, default=20.0, metavar="MB",
                     help="refuse files larger than this (default 20 MB)")  # fmt: skip
    imp.set_defaults(handler=_import)

    ext = commands.add_parser("extract", help="run the extractor on files, print suggestions")
    ext.add_argument("paths", nargs="+", metavar="PATH")
    style = ext.add_mutually_exclusive_group()
    style.add_argument("--jsonl", action="store_true", help="one JSON object per suggestion")
    style.add_argument("--explain", action="store_true", help="show the rule behind each value")
    ext.add_argument("--rules", action="append", default=[], metavar="FILE",
                     help="extra rule file (repeatable)")  # fmt: skip
    ext.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")
    ext.set_defaults(handler=_extract)

    exp = commands.add_parser("export", help="write the curated evidence as CSV tables")
    exp.add_argument("--db", help=db_help)
    exp.add_argument("--out", required=True, metavar="DIR", help="output folder (created)")
    exp.add_argument("--include-suggestions", action="store_true",
                     help="add open suggestions, marked as suggested")  # fmt: skip
    exp.add_argument("--bom", action="store_true", help="UTF-8 byte-order mark (for Excel)")
    exp.add_argument("--schema", metavar="FILE", help="evidence schema TOML (default: built in)")
    exp.set_defaults(handler=_export)

    sea = commands.add_parser("search", help="list documents whose text or title match")
    sea.add_argument("query", metavar="QUERY")
    sea.add_argument("--db", help=db_help)
    sea.set_defaults(handler=_search)

    bak = commands.add_parser(
        "backup", help="copy the database to a backup file (safe while the app is open)"
    )
    bak.add_argument("--db", help=db_help)
    bak.add_argument("--out", metavar="FILE",
                     help="file or folder to write (default: the backups folder beside the "
                          "database)")  # fmt: skip
    bak.set_defaults(handler=_backup)

    res = commands.add_parser(
        "restore", help="put a backup in place of the database (the old one is kept)"
    )
    res.add_argument("backup", metavar="BACKUP", help="the backup file to restore")
    res.add_argument("--db", help=db_help)
    res.set_defaults(handler=_restore)

    plo = commands.add_parser("plot", help="draw a view of the database to a PNG or SVG file")
    plo.add_argument("--db", help=db_help)
    plo.add_argument("--kind", required=True, choices=PLOT_KINDS,
                     help="forest: curated effect estimates; rules: acceptance per extractor "
                          "rule; progress: documents, decisions and time")  # fmt: skip
    plo.add_argument("--out", required=True, metavar="FILE", help="a .png or .svg file")
    plo.add_argument("--size", default="1400x900", metavar="WxH",
                     help="size in pixels (PNG: drawn at twice it; default 1400x900)")  # fmt: skip
    plo.set_defaults(handler=_plot)
    return parser


def main(argv: Sequence[str] | None = None, *, plot_renderer: PlotRenderer | None = None) -> int:
    """Run a command; ``plot_renderer`` draws for ``curator plot`` (app.py passes it)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(args_list)
    except SystemExit as exit_:  # --help, or a usage error already printed by argparse
        return exit_.code if isinstance(exit_.code, int) else 2
    args.plot_renderer = plot_renderer
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("curator: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (curator extract ... | head)
        _silence_stdout()
        return 0
    except Exception as error:
        if not _is_user_error(error):
            raise
        print(f"curator: error: {_one_line(error)}", file=sys.stderr)
        return 2


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (tests, embedding)
        pass


def _is_user_error(error: Exception) -> bool:
    from curator.core.export import ExportError
    from curator.core.schema import SchemaError
    from curator.store import StoreError

    known: tuple[type[Exception], ...] = (CommandError, StoreError, SchemaError, ExportError)
    try:
        from curator.extract import RuleFileError
    except ImportError:
        pass
    else:
        known = (*known, RuleFileError)
    return isinstance(error, (*known, OSError))


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split()) or type(error).__name__


# import


def _import(args: argparse.Namespace) -> int:
    from curator.core.jobs import import_documents
    from curator.ingest import PendingReads

    _require_paths(args.paths)
    if args.max_size <= 0:
        raise CommandError("--max-size must be a positive number of MB")
    reads = PendingReads(args.paths, max_bytes=int(args.max_size * MB))
    with _open_store(args.db, must_exist=False) as store:
        progress = _Progress("reading", sys.stderr)
        report = import_documents(store, reads, progress)
        progress.done()
        for line in report.lines:
            detail = f"  ({line.detail})" if line.detail else ""
            print(f"{line.status.value:<9} {line.path}{detail}")
        summary = report.summary()
        if not args.no_extract:
            ids = [ln.document_id for ln in report.lines if ln.document_id is not None]
            summary += "; " + _extract_new(store, ids)
        print(f"{summary} ({store.location})")
    return 1 if report.failed else 0


def _extract_new(store: SqlStore, document_ids: list[str]) -> str:
    """Extract the documents of this import that the current extractor has not seen."""
    from curator.core.jobs import extract_documents
    from curator.core.schema import load_default_schema
    from curator.extract import load_extractor

    extractor = load_extractor()
    mine = set(document_ids)
    todo = [i for i in store.documents_needing_extraction(extractor.version) if i in mine]
    progress = _Progress("extracting", sys.stderr)
    count = extract_documents(store, extractor, load_default_schema(), todo, progress)
    progress.done()
    return f"{count} suggestions from {len(todo)} documents (extractor {extractor.version})"


class _Progress:
    """``label done/total`` on stderr: redrawn in place on a terminal, else once at the end."""

    def __init__(self, label: str, stream: TextIO) -> None:
        self.label, self.stream, self.last = label, stream, (0, 0)
        self.live = stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        self.last = (done, total)
        if self.live:
            self.stream.write(f"\r{self.label} {done}/{total}")
            self.stream.flush()

    def done(self) -> None:
        done, total = self.last
        if total:
            start = "\r" if self.live else ""
            self.stream.write(f"{start}{self.label} {done}/{total}\n")
            self.stream.flush()


# extract


def _extract(args: argparse.Namespace) -> int:
    _require_paths(args.paths)
    try:
        from curator.extract.command import run
    except ImportError as error:
        raise CommandError(f"the extractor command is not available ({error})") from None
    options = {"jsonl": args.jsonl, "explain": args.explain, "rule_files": tuple(args.rules)}
    if not args.out:
        return run(list(args.paths), out=sys.stdout, **options)
    with Path(args.out).open("w", encoding="utf-8", newline="\n") as out:
        return run(list(args.paths), out=out, **options)


# export


def _export(args: argparse.Namespace) -> int:
    from curator.core.jobs import export_store

    schema = _schema(args.schema)
    with _open_store(args.db, must_exist=True) as store:
        summary = export_store(
            store, schema, args.out, include_suggestions=args.include_suggestions, bom=args.bom
        )
    for exported in summary.files:
        print(f"{exported.name:<22} {exported.rows:>8} rows")
    if summary.skipped:
        print(f"skipped {summary.skipped} decided values of fields not in the schema")
    print(f"wrote {len(summary.files)} files to {summary.folder}")
    return 0


def _schema(path: str | None) -> Schema:
    from curator.core.schema import load_default_schema, load_schema

    return load_schema(path) if path else load_default_schema()


# search


def _search(args: argparse.Namespace) -> int:
    with _open_store(args.db, must_exist=True) as store:
        found = store.list_documents(query=args.query)
    for info in found:
        print(f"{info.id[:12]}  {info.status.value:<11}  {info.title}")
    print(f"{len(found)} documents", file=sys.stderr)
    return 0


# backup / restore


def _backup(args: argparse.Namespace) -> int:
    from curator.store import backup_database

    written = backup_database(_database_path(args.db), args.out)  # checks; never migrates
    print(f"backup written to {written}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from curator.store import restore_backup

    database = _database_path(args.db)
    kept = restore_backup(args.backup, database)
    print(f"restored {Path(args.backup).expanduser().resolve()} to {database}")
    if kept is not None:
        print(f"the replaced database was kept as {kept}")
    return 0


# shared


def _require_paths(paths: list[str]) -> None:
    for raw in paths:
        if not Path(raw).exists() and not Path(raw).is_symlink():
            raise CommandError(f"no such file or folder: {raw}")


def _database_path(db: str | None) -> Path:
    from curator.store import default_database_path

    return (Path(db).expanduser() if db else default_database_path()).resolve()


# plot


def _plot(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() not in (".png", ".svg"):
        raise CommandError(f"{out}: --out must name a .png or .svg file")
    if not out.parent.is_dir():
        raise CommandError(f"{out.parent}: no such folder")
    size = _plot_size(args.size)
    if args.plot_renderer is None:
        raise CommandError("plotting needs the app's GUI libraries: run it as `curator plot ...`")
    with _open_store(args.db, must_exist=True) as store:
        written = args.plot_renderer(args.kind, store, out, size)
        print(f"wrote {written} ({args.kind} view of {store.location})")
    return 0


def _plot_size(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    if width.isdigit() and height.isdigit():
        size = (int(width), int(height))
        if all(200 <= side <= 8000 for side in size):
            return size
    raise CommandError(f"--size {text}: expected WIDTHxHEIGHT, 200 to 8000 pixels each")


def _open_store(db: str | None, *, must_exist: bool) -> SqlStore:
    from curator.store import SqlStore

    path = _database_path(db)
    if must_exist and not path.exists():
        raise CommandError(f"no database at {path} (import documents first, or pass --db)")
    return SqlStore.open(path)


if __name__ == "__main__":
    sys.exit(main())
