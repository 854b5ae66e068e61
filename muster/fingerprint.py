"""The extractor version: which code, word lists and registry produced a claim.

It is derived, not hand-bumped: a hash of everything that changes the extraction's output (the
transforms' source and the data files beside them, the source registry, trafilatura's version),
and nothing that does not (the report's text, the CLI). When any of it changes, the next run
re-tabulates every document instead of keeping stale claims.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

import transforms
from muster import __version__

EXTRACTION_FILES = ("*.py", "*.yaml", "*.json", "*.csv")  # code, lexicons, weights, tables


def extraction_files() -> list[Path]:
    root = Path(transforms.__path__[0])
    found = {p for pattern in EXTRACTION_FILES for p in root.rglob(pattern)}
    return sorted((p for p in found if "__pycache__" not in p.parts), key=lambda p: p.relative_to(root))


def extractor_version(registry: str | Path) -> str:
    root = Path(transforms.__path__[0])
    digest = hashlib.sha256()
    for path in extraction_files():
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    digest.update(Path(registry).read_bytes())
    digest.update(f"trafilatura=={version('trafilatura')}".encode())
    return f"{__version__}+{digest.hexdigest()[:10]}"
