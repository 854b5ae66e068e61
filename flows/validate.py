"""Validate: run the expectation suites on the tables about to be published."""

from __future__ import annotations

from datetime import date

import pyarrow as pa
from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE


@task(cache_policy=NO_CACHE)
def run_suites(tables: dict[str, pa.Table], today: date | None):
    from expectations.gate import validate as gate

    return gate({name: t.to_pandas() for name, t in tables.items()}, today=today)


@task(cache_policy=NO_CACHE)
def report_validation(result) -> None:
    create_markdown_artifact(
        key="muster-validation", markdown=result.to_markdown(),
        description="Great Expectations results on the tables about to be published",
    )


@flow(name="validate")
def validate(tables: dict[str, pa.Table], today: date | None = None):
    result = run_suites(tables, today)
    report_validation(result)
    return result
