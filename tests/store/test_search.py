"""Full-text search: typed queries find documents and never raise."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from curator.core.model import DocStatus, NewDocument
from curator.store import SqlStore
from curator.store.sqlite import fts_match_expression

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

DOCS = [
    NewDocument("1", "Aspirin after stroke", "/a", "Randomized trial of aspirin in 120 adults."),
    NewDocument("2", "Beta blockers", "/b", "Metoprolol versus placebo (double-blind) AND more."),
    NewDocument("3", "Études cliniques", "/c", "Une étude sur l'hypertension artérielle."),
    NewDocument("4", "NEAR misses", "/d", 'The word "quoted" and OR and NOT appear; x*y.'),
]

HOSTILE = [
    '"', '""', "'", "(", ")", "()", "(aspirin", 'aspirin"', "AND", "OR", "NOT", "NEAR",
    "NEAR(a b)", "a AND", "OR b", "*", "**", "a*", "*a", "^", "^start", ":", "title:", "title:x",
    "-", "+", "{", "}", "[x]", "a NEAR/2 b", "\\", "%", "_", "\x00", "😀", "中文", "ß",
    "a OR OR b", 'col:"x', "  ", "", "\t\n",
]  # fmt: skip


@pytest.fixture(scope="module")
def searchable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqlStore]:
    path: Path = tmp_path_factory.mktemp("search") / "search.sqlite"
    with SqlStore.open(path) as store:
        store.add_documents(DOCS)
        yield store


def ids(store: SqlStore, query: str | None, status: DocStatus | None = None) -> list[str]:
    return [d.id for d in store.list_documents(status, query)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("aspirin", ["1"]),
        ("ASPIRIN stroke", ["1"]),
        ("aspirin placebo", []),  # every term must match
        ("asp", ["1"]),  # prefix on the last term, while typing
        ("asp stroke", []),  # only the last term is a prefix
        ("etude", ["3"]),  # diacritics folded
        ("étude", ["3"]),
        ("blockers", ["2"]),  # title
        ("metoprolol", ["2"]),  # text
        ("double-blind", ["2"]),
        ("AND", ["2", "4"]),  # a word, not an operator
        ('"quoted"', ["4"]),
        ("x*y", ["4"]),
        ("", ["1", "2", "4", "3"]),
        (None, ["1", "2", "4", "3"]),
        ("()", ["1", "2", "4", "3"]),  # nothing searchable: no filter
    ],
)
def test_search_finds(searchable: SqlStore, query: str | None, expected: list[str]) -> None:
    assert ids(searchable, query) == expected


def test_search_combines_with_status(searchable: SqlStore) -> None:
    assert ids(searchable, "and", DocStatus.DONE) == []
    assert ids(searchable, "and", DocStatus.NEW) == ["2", "4"]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise(searchable: SqlStore, query: str) -> None:
    assert isinstance(searchable.list_documents(query=query), list)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_is_a_valid_query(searchable: SqlStore, query: str) -> None:
    searchable.list_documents(query=query)


@given(st.lists(st.text(min_size=1).filter(lambda t: t.strip()), min_size=1))
def test_match_expression_quotes_every_term(terms: list[str]) -> None:
    expression = fts_match_expression(" ".join(terms))
    if expression is not None:
        assert expression.startswith('"')
        assert expression.endswith('"*')


def test_new_documents_are_searchable(store: SqlStore, make_doc: Any) -> None:
    store.add_documents([make_doc("x", "Zebra", "unique-word-qwerty")])
    assert ids(store, "qwerty") == ["x"]
    assert ids(store, "zeb") == ["x"]


@pytest.mark.parametrize(("query", "expected"), [("aspirin", ["1"]), ("100%", []), ("x*y", ["4"])])
def test_like_fallback_of_other_dialects(
    searchable: SqlStore, monkeypatch: pytest.MonkeyPatch, query: str, expected: list[str]
) -> None:
    monkeypatch.setattr(searchable, "_dialect", "postgresql")  # ILIKE renders on SQLite too
    assert ids(searchable, query) == expected
