"""Iterate a whole table in key order, one short read transaction per batch."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import select, tuple_

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from contextlib import AbstractContextManager

    from sqlalchemy.orm import InstrumentedAttribute, Session

T = TypeVar("T")
R = TypeVar("R")
BATCH = 1000


def keyset(
    read: Callable[[], AbstractContextManager[Session]],
    model: type[R],
    keys: Sequence[InstrumentedAttribute[Any]],
    to_core: Callable[[R], T],
) -> Iterator[T]:
    """All rows of ``model`` ordered by ``keys`` (a unique key), converted by ``to_core``.

    Keyset pagination: nothing is held open while the caller works on a batch (an
    export may write a file slowly), and memory stays bounded on big databases.
    """
    last: tuple[Any, ...] | None = None
    while True:
        statement = select(model).order_by(*keys).limit(BATCH)
        if last is not None:
            statement = statement.where(tuple_(*keys) > tuple_(*last))
        with read() as session:
            rows = list(session.scalars(statement))
            items = [to_core(row) for row in rows]
            if rows:
                last = tuple(getattr(rows[-1], key.key) for key in keys)
        yield from items
        if len(items) < BATCH:
            return
