"""Fixtures shared by the transform tests: the project's source registry and its index."""

import pandas as pd
import pytest

from muster import paths
from transforms.attribution.sources import aliases_of, source_index


@pytest.fixture(scope="session")
def registry() -> pd.DataFrame:
    frame = pd.read_csv(paths.REGISTRY, keep_default_na=False)
    return frame.assign(aliases=frame["aliases"].map(aliases_of))


@pytest.fixture(scope="session")
def index(registry):
    return source_index(registry)
