"""The Jinja2 environment of the HTML pages Muster writes (report, validation reports)."""

from __future__ import annotations

import functools
import json

import jinja2


def count(n: int, noun: str, plural: str | None = None) -> str:
    """A count with its noun in correct English: 1 claim, 2 claims, 1 syndicated copy."""
    from muster.words import counted

    return counted(n, noun, plural)


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("muster", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["count"] = count
    env.filters["json"] = lambda value: json.dumps(value, ensure_ascii=False)  # then escaped
    env.filters["thousands"] = lambda n: f"{n:,}"
    return env
