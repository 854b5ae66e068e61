"""The extractor version: which code and which source registry produced a claim.

It is derived, not hand-bumped: a hash of the transforms' source and the registry's bytes. When
either changes, the next run re-tabulates every document instead of keeping stale claims.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import transforms
from muster import __version__


def extractor_version(registry: str | Path) -> str:
    digest = hashlib.sha256()
    for module in sorted(Path(transforms.__path__[0]).glob("*.py")):
        digest.update(module.name.encode())
        digest.update(module.read_bytes())
    digest.update(Path(registry).read_bytes())
    return f"{__version__}+{digest.hexdigest()[:10]}"
