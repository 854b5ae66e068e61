"""`make train`: fit the attribution weights on the annotated articles, and write them as data.

Each figure that the gold file also lists gives one example per candidate source
(`transforms.attribution.candidates`): positive when the candidate is the gold claimant.
A logistic regression (scikit-learn) over pairs of candidates of one figure (the gold
claimant's evidence minus another's) gives the claimant weights, a ranking; a second one, over
each other candidate's evidence given the gold claimant, gives the via weights. Fitting uses
dev, dev2 without its held-out part, and the project's own example sentences
(`tests/fixtures/claim_examples.yaml`: each rule's general case), and `make eval` reports the
same fit cross-validated by article. The weights are written to
`transforms/attribution/weights.json`, which extraction reads without scikit-learn.
"""

from __future__ import annotations

import json
import sys

import pandas as pd

from muster.evaluation import EXAMPLE_PREFIX
from transforms.attribution.attribution import attributions
from transforms.attribution.candidates import VIA_ONLY_RULES
from transforms.attribution.decision import WEIGHTS, via_candidates, via_features
from transforms.attribution.reading import read
from transforms.figures.numbers import figures

REGULARISATION = 1.0  # scikit-learn's C; declared, not tuned on the evaluation sets
# How much one of the project's example sentences counts against one annotated figure: each
# states a rule's general case on purpose, where an article's figure is one case among many.
EXAMPLE_WEIGHT = 3.0
ECHO = "same-figure-in-body"


def neutral_weights() -> dict:
    """Weights that decide nothing: used to collect candidates before the first fit."""
    return {"claimant": {}, "via": {}}


def matched_candidates(docs: pd.DataFrame, gold: list[dict], weights: dict):
    """(candidates, gold figure) for every figure found that the gold file lists too."""
    from muster.evaluation import registry_index, scorer

    index = registry_index()
    found, preds = [], []
    for doc in docs.itertuples():
        figs = figures(doc.text)
        if not figs:
            continue
        outlet = doc.outlet or "unattributed"
        reading = read(doc.text, index, outlet)
        for fig, att in zip(figs, attributions(reading, doc.text, figs, index, outlet, weights),
                            strict=True):
            preds.append({"doc_id": doc.external_id, "quote": fig.quote, "value": fig.value,
                          "value_low": fig.value_low, "value_high": fig.value_high,
                          "_k": len(found)})
            found.append(list(att.candidates))
    _, pairs, _, _ = scorer().score(gold, preds)
    return [(found[p["_k"]], g) for p, g in pairs]


def weight_of(g: dict) -> float:
    return EXAMPLE_WEIGHT if str(g["doc_id"]).startswith(EXAMPLE_PREFIX) else 1.0


def claimant_pairs(matched, same_name) -> tuple[list[dict], list[int], list[float]]:
    """Pairwise examples: the gold claimant's evidence minus another candidate's (label 1), and
    the reverse (label 0). Learning which of two candidates wins, not how likely each is alone,
    is what the decision needs: it picks the best candidate of each figure."""
    rows, labels, weights = [], [], []
    for cands, g in matched:
        cands = [c for c in cands if c.rule not in VIA_ONLY_RULES]
        good = [c for c in cands if same_name(c.name, g["claimant"])]
        bad = [c for c in cands if not same_name(c.name, g["claimant"])]
        if not good or not bad:
            continue
        best = max(good, key=lambda c: len(c.features))  # one positive: the richest evidence
        for other in bad:
            diff = difference(best.features, other.features)
            rows += [diff, {k: -v for k, v in diff.items()}]
            labels += [1, 0]
            weights += [weight_of(g)] * 2
    return rows, labels, weights


def difference(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
    return {k: a.get(k, 0.0) - b.get(k, 0.0) for k in set(a) | set(b)
            if a.get(k, 0.0) != b.get(k, 0.0)}


def via_examples(matched, same_name) -> tuple[list[dict], list[int], list[float]]:
    rows, labels, weights = [], [], []
    for cands, g in matched:
        claimant = next((c for c in cands if same_name(c.name, g["claimant"])
                         and c.rule not in VIA_ONLY_RULES), None)
        if claimant is None:
            continue
        if "via" not in g:  # an example row that says nothing about the via
            continue
        for c in via_candidates(cands, claimant):
            rows.append(via_features(c, claimant))
            labels.append(int(g["via"] is not None and same_name(c.name, g["via"])))
            weights.append(weight_of(g))
    return rows, labels, weights


def logistic(rows: list[dict], labels: list[int], sample_weight: list[float] | None = None,
             intercept: bool = True) -> dict[str, float]:
    """Named weights of a logistic regression over feature dicts."""
    from sklearn.linear_model import LogisticRegression

    names = sorted({k for r in rows for k in r})
    if not rows or len(set(labels)) < 2:
        return {"(bias)": -5.0 if not any(labels) else 5.0}
    matrix = [[r.get(n, 0.0) for n in names] for r in rows]
    model = LogisticRegression(C=REGULARISATION, max_iter=5000,
                               fit_intercept=intercept).fit(matrix, labels,
                                                            sample_weight=sample_weight)
    weights = {n: round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True)
               if abs(w) > 1e-4}
    return {"(bias)": round(float(model.intercept_[0]), 4) if intercept else 0.0, **weights}


def fit(docs: pd.DataFrame, gold: list[dict]) -> dict:
    """Claimant and via weights fitted on `docs` and their gold figures.

    Twice: candidates that depend on decisions (a headline's echo of the body) only exist
    once there are weights to decide with.
    """
    from muster.evaluation import scorer

    same_name = scorer().same_name
    weights = neutral_weights()
    for rounds in range(2):
        matched = matched_candidates(docs, gold, weights)
        if rounds == 0:
            matched = [([c for c in cands if c.rule != ECHO], g) for cands, g in matched]
        weights = {"claimant": logistic(*claimant_pairs(matched, same_name), intercept=False),
                   "via": logistic(*via_examples(matched, same_name))}
    return weights


def main() -> int:
    from muster.evaluation import development_sets, project_examples

    sets = [*development_sets(), project_examples()]
    docs = pd.concat([d for d, _ in sets], ignore_index=True)
    gold = [g for _, gs in sets for g in gs]
    weights = fit(docs, gold)
    weights["fitted_on"] = {"documents": len(docs), "gold_figures": len(gold),
                            "regularisation": REGULARISATION}
    WEIGHTS.write_text(json.dumps(weights, indent=1, sort_keys=True) + "\n")
    print(f"wrote {WEIGHTS}: {len(weights['claimant'])} claimant and {len(weights['via'])} via "
          f"weights from {len(docs)} articles, {len(gold)} gold figures")
    return 0


if __name__ == "__main__":
    sys.exit(main())
