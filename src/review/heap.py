"""A book's objects kept out of the garbage collector's full scans while its review is open.

A book's sentences, review state and flags are a million objects that live as long as the
review. Each full collection scanned them all, holding the interpreter lock on whichever thread
set it off: 100–400 ms stalls of the keys and the screen while flags streamed in. Frozen, they
are skipped (refcounting still frees them); freezing is a constant-time splice, so it is done
as each part arrives. Plain Python (no Textual).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


def keep_out_of_collections() -> None:
    """Everything alive now is left out of later collections, until ``release``."""
    gc.freeze()


def release() -> None:
    """The review is closing: what was kept out may be collected again (a closed screen's
    cycles, which freezing would otherwise keep for the life of the process)."""
    gc.unfreeze()


@contextlib.contextmanager
def made_uncollected() -> Iterator[None]:
    """No collection runs while the block makes a book's worth of objects at once (the flags an
    offloaded pass sends back): the objects made so far survive each young collection, which
    sets off full ones (one took 200 ms, holding the interpreter lock against the keys). What
    the block made is then kept out of later collections."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
