"""Reading files and folders: every bad input becomes a failed outcome, never an error."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from hypothesis import given, settings
from hypothesis import strategies as st

from curator.ingest import (
    DEFAULT_MAX_BYTES,
    PendingReads,
    ReadFailure,
    ReadOutcome,
    document_id,
    iter_files,
    read_file,
    read_paths,
)

if TYPE_CHECKING:
    import pytest


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def ok(outcome: ReadOutcome) -> ReadOutcome:
    assert outcome.ok, outcome.reason
    assert outcome.document is not None
    return outcome


def test_text_file_becomes_a_document(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.txt", "\n\n  ----\nAzathioprine in Rasmussen syndrome\nBody 50 mg.\n"
    )
    outcome = ok(read_file(path))
    doc = outcome.document
    assert doc is not None
    assert doc.title == "Azathioprine in Rasmussen syndrome"
    assert doc.source_path == str(path)
    assert doc.text == "\n\n  ----\nAzathioprine in Rasmussen syndrome\nBody 50 mg.\n"
    assert doc.id == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    assert outcome.encoding == "utf-8"
    assert outcome.failure is None
    assert outcome.detail == ""


def test_newlines_normalized_everything_else_kept(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"Title\r\nline  two\r\rtab\there \xc2\xa0end  ")
    doc = ok(read_file(path)).document
    assert doc is not None
    assert doc.text == "Title\nline  two\n\ntab\there \xa0end  "


def test_id_is_the_hash_of_the_text_not_of_the_bytes(tmp_path: Path) -> None:
    a = ok(read_file(write(tmp_path / "a.txt", "Café study\r\n"))).document
    b = ok(read_file(write(tmp_path / "b.txt", "Café study\n".encode("cp1252")))).document
    c = ok(read_file(write(tmp_path / "c.txt", b"\xef\xbb\xbfCaf\xc3\xa9 study\n"))).document
    assert a is not None
    assert b is not None
    assert c is not None
    assert a.id == b.id == c.id == document_id("Café study\n")


def test_markdown_title_without_heading_marks(tmp_path: Path) -> None:
    doc = ok(read_file(write(tmp_path / "notes.MD", "# IVIG add-on ##\n\ntext"))).document
    assert doc is not None
    assert doc.title == "IVIG add-on"
    assert doc.text == "# IVIG add-on ##\n\ntext"


def test_title_falls_back_to_the_stem(tmp_path: Path) -> None:
    doc = ok(read_file(write(tmp_path / "study-7.txt", "---\n***\n"))).document
    assert doc is not None
    assert doc.title == "study-7"


def test_long_title_is_clipped(tmp_path: Path) -> None:
    doc = ok(read_file(write(tmp_path / "a.txt", "word " * 200))).document
    assert doc is not None
    assert len(doc.title) == 300
    assert doc.title.endswith("…")


def test_latin1_text_is_detected_and_named(tmp_path: Path) -> None:
    text = "Les patients ont été traités; efficacité modérée. Müller, naïve, 2 µg.\n"
    outcome = ok(read_file(write(tmp_path / "fr.txt", text.encode("latin-1"))))
    assert outcome.document is not None
    assert outcome.document.text == text
    assert outcome.encoding == "cp1252"
    assert outcome.reason == "decoded as cp1252"


def test_other_confident_encoding_is_used(tmp_path: Path) -> None:
    text = "Пациенты получали азатиоприн в дозе 2 мг/кг в сутки в течение двух лет.\n" * 3
    outcome = ok(read_file(write(tmp_path / "ru.txt", text.encode("koi8-r"))))
    assert outcome.document is not None
    assert outcome.document.text == text
    assert outcome.encoding == "koi8_r"


def test_utf16_with_bom(tmp_path: Path) -> None:
    outcome = ok(read_file(write(tmp_path / "w.txt", "Hello\r\nWorld".encode("utf-16"))))
    assert outcome.document is not None
    assert outcome.document.text == "Hello\nWorld"


def failure(outcome: ReadOutcome, kind: ReadFailure) -> str:
    assert outcome.document is None
    assert outcome.failure is kind, outcome.reason
    assert outcome.reason.startswith(kind.value)
    return outcome.reason


def test_binary_with_nul_bytes(tmp_path: Path) -> None:
    reason = failure(
        read_file(write(tmp_path / "x.txt", b"PK\x03\x04\x00\x00abc")), ReadFailure.BINARY
    )
    assert "NUL" in reason


def test_a_byte_order_mark_then_nul_characters_is_binary(tmp_path: Path) -> None:
    # found by the fuzz test: a UTF-16 BOM followed by zeros decodes to "\x00\x00"
    data = b"\xfe\xff\x00\x00\x00\x00"
    assert "NUL" in failure(read_file(write(tmp_path / "x.txt", data)), ReadFailure.BINARY)


def test_binary_without_nul_bytes(tmp_path: Path) -> None:
    data = bytes(range(1, 32)) * 20 + b"\x81\x8d\x8f\x90\x9d" * 10
    failure(read_file(write(tmp_path / "x.txt", data)), ReadFailure.BINARY)


def test_undecodable_names_the_guess(tmp_path: Path) -> None:
    # UTF-8 and Windows-1252 mixed in one file: no encoding fits with confidence
    data = "Müller".encode() + "Müller".encode("cp1252") + b"\x81\x8d"
    reason = failure(read_file(write(tmp_path / "x.txt", data)), ReadFailure.UNDECODABLE)
    assert reason.startswith("undecodable: not UTF-8, and the encoding is uncertain (best guess")


def test_empty_and_whitespace_only(tmp_path: Path) -> None:
    assert "no content" in failure(read_file(write(tmp_path / "e.txt", b"")), ReadFailure.EMPTY)
    reason = failure(read_file(write(tmp_path / "w.md", b" \r\n\t\n")), ReadFailure.EMPTY)
    assert "whitespace" in reason


def test_over_the_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", "x" * 2048)
    reason = failure(read_file(path, max_bytes=1024), ReadFailure.TOO_LARGE)
    assert reason == "too large: 2 KB, over the 1 KB limit"
    assert ok(read_file(path, max_bytes=2048)).document is not None
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024


def test_unsupported_type(tmp_path: Path) -> None:
    reason = failure(read_file(write(tmp_path / "paper.pdf", b"%PDF-1.4")), ReadFailure.UNSUPPORTED)
    assert reason == "unsupported type: '.pdf' (supported: .htm, .html, .md, .txt)"
    reason = failure(read_file(write(tmp_path / "README", b"x")), ReadFailure.UNSUPPORTED)
    assert "no suffix" in reason


def test_missing_file(tmp_path: Path) -> None:
    failure(read_file(tmp_path / "nope.txt"), ReadFailure.NOT_FOUND)


def test_broken_symlink_is_unreadable(tmp_path: Path) -> None:
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    assert "broken link" in failure(read_file(link), ReadFailure.UNREADABLE)


def test_named_pipe_is_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert failure(read_file(fifo), ReadFailure.UNREADABLE) == "unreadable: not a regular file"


def test_permission_denied_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # We may run as root, where chmod 000 still reads: simulate the refusal instead.
    path = write(tmp_path / "secret.txt", "text")

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    assert failure(read_file(path), ReadFailure.UNREADABLE) == "unreadable: permission denied"


def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb") as handle:
        handle.write(b"  \n")
    (tmp_path / "ok.txt").write_text("Study", encoding="utf-8")
    outcomes = list(read_paths([tmp_path]))
    assert [o.path for o in outcomes] == [f"{tmp_path}/caf\ufffd.txt", f"{tmp_path}/ok.txt"]
    assert outcomes[0].failure is ReadFailure.EMPTY
    os.remove(raw)
    with open(raw, "wb") as handle:
        handle.write(b"--\n")
    doc = read_file(os.fsdecode(raw)).document
    assert doc is not None
    assert (doc.source_path, doc.title) == (f"{tmp_path}/caf\ufffd.txt", "caf\ufffd")
    doc.source_path.encode("utf-8")  # storable


def test_folder_passed_to_read_file(tmp_path: Path) -> None:
    failure(read_file(tmp_path), ReadFailure.UNREADABLE)


def test_folders_walked_sorted_recursive_hidden_skipped(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "B")
    write(tmp_path / "a" / "z.md", "Z")
    write(tmp_path / "a" / "y.html", "<p>Y</p>")
    write(tmp_path / ".hidden.txt", "H")
    write(tmp_path / ".git" / "c.txt", "C")
    write(tmp_path / "c.PDF", "P")
    alone = write(tmp_path.parent / f"{tmp_path.name}-alone.txt", "alone")
    found = [p.relative_to(tmp_path.parent).as_posix() for p in iter_files([tmp_path, alone])]
    name = tmp_path.name
    assert found == [f"{name}/b.txt", f"{name}/c.PDF", f"{name}/a/y.html", f"{name}/a/z.md",
                     f"{name}-alone.txt"]  # fmt: skip
    outcomes = list(read_paths([tmp_path]))
    assert [o.ok for o in outcomes] == [True, False, True, True]
    assert outcomes[1].failure is ReadFailure.UNSUPPORTED


def test_pending_reads_are_sized_and_lazy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "a.txt", "A")
    write(tmp_path / "b" / "c.md", "C")
    reads = PendingReads([tmp_path], max_bytes=10)
    assert len(reads) == 2
    write(tmp_path / "a.txt", "much longer than ten bytes")  # read when iterated, not before
    outcomes = list(reads)
    assert [o.failure for o in outcomes] == [ReadFailure.TOO_LARGE, None]
    assert len(list(reads)) == 2  # iterable again


def test_symlinked_folders_are_not_followed(tmp_path: Path) -> None:
    write(tmp_path / "docs" / "a.txt", "A")
    (tmp_path / "docs" / "loop").symlink_to(tmp_path / "docs", target_is_directory=True)
    assert [p.name for p in iter_files([tmp_path / "docs"])] == ["a.txt"]


def test_seeds_read_cleanly(seeds_dir: Path) -> None:
    outcomes = list(read_paths([seeds_dir]))
    assert len(outcomes) == 5
    assert all(o.ok and o.encoding == "utf-8" for o in outcomes)
    titles = [o.document.title for o in outcomes if o.document]
    assert titles[0] == "Immunomodulation With Azathioprine Therapy in Rasmussen Syndrome"
    assert len({o.document.id for o in outcomes if o.document}) == 5


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_random_bytes_never_raise(tmp_path_factory: pytest.TempPathFactory, data: bytes,
                                  suffix: str) -> None:  # fmt: skip
    path = tmp_path_factory.mktemp("fuzz") / f"f{suffix}"
    path.write_bytes(data)
    outcome = read_file(path, max_bytes=500)
    if outcome.ok:
        assert outcome.document is not None
        text = outcome.document.text
        assert text.strip()
        assert "\r" not in text
        assert outcome.document.id == document_id(text)
    else:
        assert outcome.failure is not None
        assert outcome.reason


@settings(max_examples=200, deadline=None)
@given(text=st.text(min_size=1, max_size=300))
def test_any_utf8_text_round_trips(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("utf8") / "t.txt"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    outcome = read_file(path)
    if outcome.ok:
        assert outcome.document is not None
        assert outcome.document.text == text.replace("\r\n", "\n").replace("\r", "\n")
    else:
        assert outcome.failure in (ReadFailure.EMPTY, ReadFailure.BINARY, ReadFailure.UNDECODABLE)


def test_files_are_closed(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "x")
    before = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else 0
    for _ in range(50):
        read_file(path)
    after = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else 0
    assert after <= before + 1
