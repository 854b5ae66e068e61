"""The garbage collector during a run: what is alive when a run starts is frozen for its length.

A process that runs the flow holds half a million objects before the run begins (Prefect's and
Great Expectations' modules, and in a long-lived process whatever earlier runs left). A full
collection walks all of them, and a run triggers one or two at unpredictable points (0.5 CPU-s
each on the 2-core machine). Frozen (`gc.freeze`), they are skipped: collections walk only the
run's own objects. They are unfrozen when the run ends, so a process that runs the flow again and
again still collects what earlier runs leave behind.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Freeze the objects alive now until the block ends (MUSTER_GC_FREEZE=0: do not; nor when
    something froze the heap already, whose owner unfreezes it)."""
    if os.environ.get("MUSTER_GC_FREEZE", "1") == "0" or gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
