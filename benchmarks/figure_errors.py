"""Figure-level errors on the development sets (dev and dev2 less its held-out part), matched by
the shared scorer: false positives, false negatives and metric errors, one line each with the
sentence around the figure, to group by cause (see ../shared/corpus/ANNOTATION.md).

    .venv/bin/python benchmarks/figure_errors.py [--field metric] [--only fp,fn,field] [--width 90]

The held-out articles are never read.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's code, not an installed one

from muster import evaluation  # noqa: E402


def around(text: str, quote: str, width: int) -> str:
    """The text around the first place `quote` occurs (or '' when it does not)."""
    at = text.find(quote) if quote else -1
    if at < 0:
        return ""
    return re.sub(r"\s+", " ", text[max(0, at - width): at + len(quote) + width])


def describe(r: dict) -> str:
    return (f"{r['doc_id']} {r.get('quote')!r} value={r.get('value')} [{r.get('value_low')}, "
            f"{r.get('value_high')}] unit={r.get('unit')} metric={r.get('metric')}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--field", default="metric", help="a scored field to list errors of")
    parser.add_argument("--only", default="fp,fn,field", help="kinds to list: fp, fn, field")
    parser.add_argument("--width", type=int, default=90, help="characters of context either side")
    args = parser.parse_args(argv)
    kinds = set(args.only.split(","))
    score = evaluation.scorer()
    counts: Counter = Counter()
    for docs, gold in evaluation.development_sets():
        texts = dict(zip(docs["external_id"], docs["text"], strict=True))
        _, pairs, missed, spurious = score.score(gold, evaluation.predictions(docs))
        for kind, rows in (("fp", spurious), ("fn", missed)):
            if kind not in kinds:
                continue
            for r in rows:
                counts[kind] += 1
                print(f"{kind.upper()} {describe(r)}\n   | "
                      f"{around(texts[r['doc_id']], r.get('quote'), args.width)}")
        if "field" in kinds:
            for p, g in pairs:
                if not score.field_ok(args.field, p, g):
                    counts[args.field] += 1
                    print(f"{args.field.upper()} {g['doc_id']} {g.get('quote')!r}: {p.get(args.field)!r} "
                          f"(gold {g.get(args.field)!r}) subject={g.get('subject')!r}\n"
                          f"   | {around(texts[g['doc_id']], g.get('quote'), args.width)}")
    print(dict(counts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
