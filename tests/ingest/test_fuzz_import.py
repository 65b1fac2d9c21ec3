"""Fuzzing an import end to end: a folder of random files (random bytes, random text,
random names and suffixes) gives one report line per file, a reason for every failure,
and only good documents in the store."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from curator.core.jobs import ImportStatus, import_documents
from curator.core.ports import AddResult
from curator.ingest import PendingReads

if TYPE_CHECKING:
    from collections.abc import Iterable

    import pytest

    from curator.core.model import NewDocument


class MemoryStore:
    """Just what import_documents needs of a store."""

    def __init__(self) -> None:
        self.documents: dict[str, NewDocument] = {}

    def add_documents(self, docs: Iterable[NewDocument]) -> AddResult:
        added, duplicates = [], []
        for doc in docs:
            (duplicates if doc.id in self.documents else added).append(doc.id)
            self.documents.setdefault(doc.id, doc)
        return AddResult(tuple(added), tuple(duplicates))


CONTENT = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.text(max_size=200).map(lambda t: t.encode("utf-16")),
    st.text(alphabet=st.characters(max_codepoint=255), max_size=200).map(
        lambda t: t.encode("latin-1")
    ),
)
NAMES = st.tuples(
    st.text(alphabet="abcXYZ é-_0", min_size=1, max_size=8).filter(lambda n: not n.startswith(".")),
    st.sampled_from([".txt", ".md", ".html", ".htm", ".TXT", ".pdf", ".docx", ""]),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(files=st.dictionaries(NAMES, CONTENT, min_size=1, max_size=8))
def test_a_folder_of_random_files_imports_what_it_can(
    tmp_path_factory: pytest.TempPathFactory, files: dict[tuple[str, str], bytes]
) -> None:
    folder = tmp_path_factory.mktemp("random")
    written = set()
    for (stem, suffix), data in files.items():
        path = folder / f"{stem}{suffix}"
        if path.name.lower() in {p.lower() for p in written}:
            continue
        path.write_bytes(data)
        written.add(path.name)
    store = MemoryStore()
    reads = PendingReads([folder], max_bytes=250)
    assert len(reads) == len(written)
    report = import_documents(store, reads)
    assert len(report.lines) == len(written)
    for line in report.lines:
        if line.status is ImportStatus.FAILED:
            assert line.detail  # every failure says why
            assert line.document_id is None
        else:
            assert line.document_id in store.documents
    assert set(report.imported_ids) == set(store.documents)
    for doc in store.documents.values():
        assert doc.text.strip()
        assert "\x00" not in doc.text
