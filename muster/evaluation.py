"""`make eval`: how well the extraction does on real annotated articles, measured so that the
figure says how it will do on articles it was not written for.

Four numbers, each from `../shared/corpus/score.py` (the scorer others use on held-out sets):

- dev: the 41 articles the first rules were written on (they overstate);
- dev2: the newer articles, less the project's held-out part (`data/eval/dev2_holdout.txt`);
- cross-validated: k folds by article over dev and dev2 together; each fold is extracted with
  attribution weights fitted on the other folds (and the project's own example sentences)
  only, and the pooled predictions are scored;
- held-out: the held-out part of dev2, extracted with the shipped weights, which were never
  fitted on it. It is the honest estimate for unseen articles.

Extraction runs in process (readers -> cleaning -> claims), the same code the flow runs, without
an orchestrator, so a full evaluation takes seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
from functools import lru_cache

import pandas as pd

from muster import paths, readers
from muster.fingerprint import extractor_version
from transforms.attribution.sources import source_index
from transforms.claims import claims
from transforms.cleaning.cleaning import cleaned_documents

CORPUS = paths.ROOT.parent / "shared" / "corpus"
HOLDOUT = paths.DATA / "eval" / "dev2_holdout.txt"
EXAMPLES = paths.ROOT / "tests" / "fixtures" / "claim_examples.yaml"
FOLDS = 5
# The folds drawn this many ways (a salt in the hash), and each score averaged: one draw moves
# by a point or more when a feature changes what is fitted, four move about half as much.
REPEATS = 4
EXAMPLE_PREFIX = "example:"  # the doc_id of a project example sentence as an article
SCORED = ("f1", "precision", "recall", "metric_acc", "claimant_acc", "via_acc", "unit_acc",
          "qualifier_acc", "hedge_acc", "strict_f1")


@lru_cache(maxsize=1)
def scorer():
    """The shared scorer, imported from its file (it is not a package)."""
    spec = importlib.util.spec_from_file_location("muster_score", CORPUS / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def held_out_ids() -> frozenset[str]:
    lines = HOLDOUT.read_text().splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


def fold_of(external_id: str, k: int = FOLDS, salt: str = "") -> int:
    """An article's fold: by a hash of its id, so folds never depend on file order."""
    return int(hashlib.sha256((salt + external_id).encode()).hexdigest(), 16) % k


def load_gold(name: str) -> list[dict]:
    with open(CORPUS / f"{name}_gold.jsonl") as f:
        return [json.loads(line) for line in f if line.strip()]


@lru_cache(maxsize=4)
def documents(name: str) -> pd.DataFrame:
    """The cleaned documents of a corpus file, with the id each was annotated under."""
    path = CORPUS / f"{name}.jsonl"
    raw, skipped = readers.read_inputs([path])
    if raw.empty:  # a score over no articles would read as a score
        reason = skipped[0].reason if skipped else "no articles in it"
        raise SystemExit(f"make eval: cannot read {path}: {reason}")
    docs, _ = cleaned_documents(raw)
    return docs


def registry_index():
    return source_index(readers.read_registry(paths.REGISTRY))


def predictions(docs: pd.DataFrame, weights=None) -> list[dict]:
    """Claims of `docs` as scorer records (doc_id = the corpus id)."""
    frame = claims(docs, registry_index(), extractor_version(paths.REGISTRY), weights=weights)
    ids = dict(zip(docs["doc_id"], docs["external_id"], strict=True))
    frame = frame.assign(doc_id=frame["doc_id"].map(ids))
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def corpus(name: str, keep=lambda external_id: True) -> tuple[pd.DataFrame, list[dict]]:
    """A corpus' documents and gold, restricted to the articles `keep` accepts."""
    docs = documents(name)
    docs = docs[[keep(x) for x in docs["external_id"]]].reset_index(drop=True)
    ids = set(docs["external_id"])
    return docs, [g for g in load_gold(name) if g["doc_id"] in ids]


def project_examples() -> tuple[pd.DataFrame, list[dict]]:
    """The project's own example sentences (`tests/fixtures/claim_examples.yaml`) as articles
    and gold figures: the general cases every rule states, which fitting learns from too."""
    import yaml

    from transforms.cleaning.cleaning import plain_text
    from transforms.cleaning.furniture import strip_furniture

    table = yaml.safe_load(EXAMPLES.read_text())
    docs, gold = [], []
    for example in table["examples"]:
        key = f"{EXAMPLE_PREFIX}{example['id']}"
        docs.append({"doc_id": key, "external_id": key, "outlet": table["outlet"],
                     "published": None,
                     "text": plain_text(strip_furniture(plain_text(example["text"])))})
        for row in example["rows"]:
            low, high = row.get("bounds", (None, None))
            figure = {"doc_id": key, "quote": "", "value": row.get("value"), "value_low": low,
                      "value_high": high, "claimant": row["claimant"]}
            if "via" in row:  # a row states only what its case is about
                figure["via"] = row["via"]
            gold.append(figure)
    return pd.DataFrame(docs), gold


def development_sets() -> list[tuple[pd.DataFrame, list[dict]]]:
    """dev, and dev2 without its held-out part: all that fitting and tuning may use."""
    hold = held_out_ids()
    return [corpus("dev"), corpus("dev2", lambda x: x not in hold)]


def cross_validated(k: int = FOLDS, repeats: int = REPEATS) -> dict[str, dict]:
    """k-fold by article, drawn `repeats` ways: each fold's claims come from weights fitted on
    the other folds. Scores of each draw's pooled predictions, over all and over each corpus
    apart, averaged over the draws."""
    sets = development_sets()
    docs = pd.concat([d for d, _ in sets], ignore_index=True)
    gold = [g for _, gs in sets for g in gs]
    draws = [pooled_predictions(docs, gold, k, salt) for salt in map(str, range(repeats))]
    out = {"all": mean_scores([scorer().score(gold, pred)[0] for pred in draws])}
    for name, (part, part_gold) in zip(("dev", "dev2"), sets, strict=True):
        ids = set(part["external_id"])
        out[name] = mean_scores([scorer().score(part_gold, [p for p in pred if p["doc_id"] in ids])[0]
                                 for pred in draws])
    return out


def pooled_predictions(docs: pd.DataFrame, gold: list[dict], k: int, salt: str) -> list[dict]:
    """Every article's claims, each from weights fitted without its fold."""
    from muster.training import fit

    salt = "" if salt == "0" else salt  # the first draw is the folds `fold_of` gives alone
    pred = []
    examples, example_gold = project_examples()
    for fold in range(k):
        train = docs[[fold_of(x, k, salt) != fold for x in docs["external_id"]]]
        test = docs[[fold_of(x, k, salt) == fold for x in docs["external_id"]]]
        weights = fit(pd.concat([train, examples], ignore_index=True),
                      [g for g in gold if fold_of(g["doc_id"], k, salt) != fold] + example_gold)
        pred += predictions(test, weights)
    return pred


def mean_scores(scores: list[dict]) -> dict:
    """The scorer's numbers averaged over draws (counts too, which stay the same)."""
    return {key: (round(sum(s[key] for s in scores) / len(scores), 3)
                  if isinstance(scores[0][key], float) else scores[0][key]) for key in scores[0]}


def report(name: str, docs: pd.DataFrame, gold: list[dict], show: int = 0) -> dict:
    out, pairs, missed, spurious = scorer().score(gold, predictions(docs))
    if show:
        for p, g in pairs:
            if not scorer().field_ok("claimant", p, g):
                print(f"  CLAIMANT {g['doc_id']} {g['quote']!r}: {p['claimant']!r} "
                      f"(gold {g['claimant']!r})", file=sys.stderr)
    return out


def line(name: str, out: dict) -> str:
    return f"{name:<16}" + " ".join(f"{k.replace('_acc', '')}={out.get(k, float('nan')):.3f}"
                                    for k in SCORED) + f" (gold {out['gold']}, matched {out['matched']})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m muster.evaluation", description=__doc__.split(
        "\n\n")[0])
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validated figure")
    parser.add_argument("--show", type=int, default=0, help="list claimant errors (not held-out)")
    args = parser.parse_args(argv)
    if not (CORPUS / "score.py").exists():
        print(f"muster eval: no annotated corpus at {CORPUS}", file=sys.stderr)
        return 2
    dev, dev2 = development_sets()
    hold = held_out_ids()
    print(line("dev", report("dev", *dev, show=args.show)))
    print(line("dev2 (no held)", report("dev2", *dev2, show=args.show)))
    both = (pd.concat([dev[0], dev2[0]], ignore_index=True), dev[1] + dev2[1])
    print(line("dev + dev2", report("both", *both)))
    if not args.no_cv:
        for part, out in cross_validated().items():
            print(line(f"cv {FOLDS}x{REPEATS} {part}", out))
    print(line("held-out dev2", report("held", *corpus("dev2", lambda x: x in hold))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
