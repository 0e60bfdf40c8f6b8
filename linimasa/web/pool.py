"""Read-only stores lent to requests, one request at a time each, each request reading one snapshot."""

from __future__ import annotations

import os
import queue
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

import anyio
from fastapi import Depends, HTTPException, Request

from ..store import Store, StoreUnavailable, open_store


class ReadPool:
    """Read-only stores over one database, each lent to one request at a time and kept open between them.

    A request reads inside one snapshot (:meth:`Store.snapshot`), so its count and its page agree even
    while `linimasa run` replaces the events. At most ``size`` stores are open: under a crowd of requests
    the others wait their turn (memory, file handles and server connections stay flat), and one that waits
    longer than ``wait_seconds`` is told the server is busy. The wait is on the event loop, never in a
    worker thread: threads blocked waiting for a store would starve the requests that hold one of the
    threads they need to finish."""

    def __init__(self, db: str, size: int | None = None, wait_seconds: float = 30.0):
        self.db = db
        self.size = size or min(16, 4 * (os.cpu_count() or 2))
        self.wait_seconds = wait_seconds
        self.idle: queue.LifoQueue[Store] = queue.LifoQueue()
        self.slots = anyio.Semaphore(self.size)
        self.opened = 0

    @asynccontextmanager
    async def lend(self) -> AsyncIterator[Store]:
        with anyio.move_on_after(self.wait_seconds) as waiting:
            await self.slots.acquire()
        if waiting.cancelled_caught:
            raise HTTPException(503, "the store is busy answering other requests: retry in a moment",
                                headers={"Retry-After": "5"})
        try:
            try:
                store = self.idle.get_nowait()
            except queue.Empty:
                store = open_store(self.db, readonly=True)
                self.opened += 1
            broken = False
            try:
                with store.snapshot():
                    yield store
            except StoreUnavailable:
                broken = True  # a lost server connection stays lost: the next request opens a new one
                raise
            finally:
                if broken:
                    self._discard(store)
                else:
                    self.idle.put(store)
        finally:
            self.slots.release()

    def _discard(self, store: Store) -> None:
        self.opened -= 1
        try:
            store.close()
        except Exception:  # noqa: BLE001 - it is being dropped for failing already
            pass

    def close(self) -> None:
        while True:
            try:
                self.idle.get_nowait().close()
            except queue.Empty:
                return


async def read_store(request: Request) -> AsyncIterator[Store]:
    """The dependency of every route that reads: a store lent from the app's pool, inside one snapshot."""
    async with request.app.state.pool.lend() as store:
        yield store


Reader = Annotated[Store, Depends(read_store)]
