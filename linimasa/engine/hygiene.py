"""Worker processes end with their driver, however it ends, and leave Ctrl-C to it; forked ones share the
driver's loaded models without copying them."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import gc
import os
import signal
import threading
import time


def die_with_parent() -> None:
    """Make this worker process end when the driver does, however the driver ends (kill -9 included), and
    leave Ctrl-C to the driver, which stops the run and the workers itself.

    Linux's parent-death signal does it in the kernel; elsewhere a watchdog thread polls the parent."""
    parent = os.getppid()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL) != 0:
            raise OSError(ctypes.get_errno(), "prctl")
    except (OSError, AttributeError):
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="parent-watchdog").start()
    if os.getppid() != parent:  # the driver died before the signal was set
        os._exit(1)


PR_SET_PDEATHSIG = 1
PARENT_POLL_SECONDS = 1.0


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(PARENT_POLL_SECONDS)
        if os.getppid() != parent:
            os._exit(1)


@contextlib.contextmanager
def frozen_for_fork():
    """Processes forked inside this block leave the objects that exist now (the loaded models: the knowledge
    base, the NER model and its tables) out of their garbage collections.

    A forked worker shares the driver's memory pages until it writes to them, and a full collection writes
    to every object it traverses (its collection counters live in the object's header): each worker then
    copied most of the models' pages and spent CPU walking objects that live as long as it does. The
    driver keeps collecting them as before: the freeze is undone here once the workers exist."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextlib.contextmanager
def collections_paused():
    """No garbage collection while the block runs.

    Loading the models (the knowledge base's GeoNames cities, the NER tables, the lexicons) creates millions
    of objects that all live on; the collector, triggered by each few hundred new ones, walked the growing
    heap again and again for nothing: a quarter of the driver's start, during which the workers wait. Loading
    leaves about 3,000 objects in cycles, fewer than a collection costs to find (0.14 s): the collector, back
    on after the block, frees them at its next full collection."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
