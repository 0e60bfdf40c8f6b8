"""Work sent to worker processes, where one article that cannot travel fails only itself.

The pool pickles each batch of articles to send it and each result to return it. Should that fail for one
article (a value Python cannot pickle, one nested past its recursion limit), ``Executor.map`` raises for the
whole batch and would end the run. Here the batch is then sent again one article at a time, and the one that
fails is given back as its caller's rejection; a pool that broke (a worker killed) still ends the run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from typing import TypeVar

from ..model import Article

Item = TypeVar("Item")
Result = TypeVar("Result")


def map_isolating(pool: Executor, work: Callable[[Item], Result], items: Sequence[Item], chunksize: int,
                  failed: Callable[[Item, BaseException], Result]) -> Callable[[], list[Result]]:
    """Start ``work`` over ``items`` on ``pool``; the returned callable waits for the results, in order.
    An item whose trip to or from a worker fails is ``failed(item, error)`` in its place."""
    results = pool.map(work, items, chunksize=chunksize)

    def collect() -> list[Result]:
        try:
            return list(results)
        except BrokenProcessPool:
            raise
        except Exception:  # noqa: BLE001 - whatever pickling raised; each item is retried alone
            return [_one(pool, work, item, failed) for item in items]

    return collect


def _one(pool: Executor, work: Callable[[Item], Result], item: Item,
         failed: Callable[[Item, BaseException], Result]) -> Result:
    try:
        return pool.submit(work, item).result()
    except BrokenProcessPool:
        raise
    except Exception as error:  # noqa: BLE001
        return failed(item, error)


def rejected_copy(article: Article, error: BaseException) -> Article:
    """The article rejected because it could not be sent to a worker process or back."""
    detail = str(error).strip() or type(error).__name__
    reason = f"could not be handed to a worker process ({type(error).__name__}: {detail})"
    return replace(article, status="rejected", reason=reason, events=[])
