"""The run's ledger: the published tables summarised for a reader (report and artifacts alike).

Pure frames in, frames out, so the HTML report and the Prefect artifacts show the same numbers.
"""

from __future__ import annotations

import pandas as pd

from transforms.declarations.vocab import FLAGS, VARIANT_FLAGS
from transforms.ledger.flags import QUALIFIER_WORDS, number_text

UNKNOWN_OUTLET = "(no outlet)"
FIGURE_KEY = ["metric", "unit", "per", "claimant", "date", "date_from", "qualifier", "value",
              "value_low", "value_high", "period_start", "period_end"]


def _present(value) -> bool:
    return value is not None and not pd.isna(value)


def unit_text(unit: str, per) -> str:
    """`RUB per month`, `percent`, or nothing for persons (the metric says who is counted)."""
    words = "" if unit == "person" else unit
    return f"{words} per {per}".strip() if _present(per) else words


def figure_text(value, low, high, qualifier: str, unit: str, per=None) -> str:
    """A figure in words: `at least 190,000 RUB per month`, `120,000–180,000`, `about 90,000`."""
    if _present(value):
        prefix = QUALIFIER_WORDS.get(qualifier, "")
        amount = prefix + number_text(value)
    elif _present(low) and _present(high):
        amount = number_text(low) if low == high else f"{number_text(low)}–{number_text(high)}"
    elif _present(low):
        amount = f"at least {number_text(low)}"
    elif _present(high):
        amount = f"at most {number_text(high)}"
    else:
        amount = "no number"
    return f"{amount} {unit_text(unit, per)}".strip()


def period_text(start, end, as_of) -> str:
    """The time a figure refers to: `2024-01-01 to 2024-12-31`, `as of 2023-08-31`, or empty."""
    if _present(start) or _present(end):
        return f"{start if _present(start) else '…'} to {end if _present(end) else '…'}"
    return f"as of {as_of}" if _present(as_of) else ""


def _first_present(*columns: pd.Series) -> pd.Series:
    result = columns[0].astype(object)
    for column in columns[1:]:
        result = result.where(result.map(_present), column.astype(object))
    return result.where(result.map(_present), None)


def figures_over_time(claims: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """One row per figure a claimant gave on a date, with how many claims gave it.

    The date is the figure's own (`as_of`, else the end of its period), else its document's
    publication date; `date_from` says which. Syndicated copies of one figure collapse into one row.
    """
    published = documents.set_index("doc_id")["published"]
    rows = claims.assign(published=claims["doc_id"].map(published))
    rows = rows.assign(
        date=_first_present(rows["as_of"], rows["period_end"], rows["published"]),
        date_from=pd.Series(
            [("as_of" if _present(a) else "period_end" if _present(e) else
              "published" if _present(p) else None)
             for a, e, p in zip(rows["as_of"], rows["period_end"], rows["published"], strict=True)],
            index=rows.index, dtype=object))
    grouped = rows[FIGURE_KEY].astype(object).where(rows[FIGURE_KEY].notna(), None)
    counted = grouped.groupby(FIGURE_KEY, dropna=False, sort=False).size().rename("n_claims")
    frame = counted.reset_index()
    for column in ("value", "value_low", "value_high"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    order = frame["date"].map(lambda d: (d is None, d or pd.Timestamp.min.date()))
    return (frame.assign(_order=order)
            .sort_values(["metric", "unit", "_order", "claimant", "value", "value_low"],
                         na_position="last", kind="stable")
            .drop(columns="_order").reset_index(drop=True))


def _cluster_figure(row) -> str:
    return figure_text(row["value"], row["value_low"], row["value_high"], row["qualifier"],
                       row["unit"], row["per"])


def contradictions(clusters: pd.DataFrame, flags: pd.DataFrame) -> pd.DataFrame:
    """One row per contradiction: the metric and period, each claimant with its value, and why."""
    columns = ["contradiction_id", "metric", "unit", "period", "n_claimants", "claimants", "reason"]
    grouped = clusters[clusters["contradiction_id"].notna()]
    if grouped.empty:
        return pd.DataFrame(columns=columns)
    reasons = flags[flags["flag"] == "contradiction"].drop_duplicates("cluster_id") \
        .set_index("cluster_id")["reason"]
    rows = []
    for group_id, group in grouped.sort_values(["claimant", "cluster_id"]).groupby(
            "contradiction_id", sort=True):
        first = group.iloc[0]
        stated = [f"{row['claimant']}: {_cluster_figure(row)}" for _, row in group.iterrows()]
        # each cluster's reason names every party from its side; the first claimant's says it all
        why = [reasons[c] for c in group["cluster_id"] if c in reasons.index][:1]
        rows.append({"contradiction_id": group_id, "metric": first["metric"], "unit": first["unit"],
                     "period": period_text(first["period_start"], first["period_end"], first["as_of"]),
                     "n_claimants": int(group["claimant"].nunique()), "claimants": "; ".join(stated),
                     "reason": why[0] if why else FLAGS["contradiction"]})
    return pd.DataFrame(rows, columns=columns).sort_values(
        ["metric", "period", "contradiction_id"], kind="stable").reset_index(drop=True)


def _texts(column: pd.Series, default: str) -> list:
    return [v if _present(v) else default for v in column.tolist()]


def _variants(flags: pd.DataFrame, claims: pd.DataFrame, documents: pd.DataFrame) -> dict[str, list[dict]]:
    """Per cluster, its variant flags as dicts: flag, meaning, reason, quote, outlet, url. Made
    column by column: a cluster of thousands of close values has as many variants."""
    found = flags[flags["flag"].isin(VARIANT_FLAGS) & flags["claim_id"].notna()]
    claims = claims.loc[claims["claim_id"].isin(set(found["claim_id"])), ["claim_id", "quote", "doc_id"]]
    where = claims.set_index("claim_id")[["quote", "doc_id"]].join(
        documents.set_index("doc_id")[["outlet", "url"]], on="doc_id")
    found = found.join(where, on="claim_id").sort_values(["cluster_id", "flag", "claim_id"])
    said = zip(found["cluster_id"].tolist(), found["flag"].tolist(), found["reason"].tolist(),
               _texts(found["quote"], ""), _texts(found["outlet"], UNKNOWN_OUTLET), _texts(found["url"], ""),
               strict=True)
    out: dict[str, list[dict]] = {}
    for cluster, flag, reason, quote, outlet, url in said:
        out.setdefault(cluster, []).append({"flag": flag, "meaning": FLAGS.get(flag, ""), "reason": reason,
                                            "quote": quote, "outlet": outlet, "url": url})
    return out


def _outlets_per_cluster(claims: pd.DataFrame, documents: pd.DataFrame) -> pd.Series:
    outlets = claims["doc_id"].map(documents.set_index("doc_id")["outlet"]).fillna(UNKNOWN_OUTLET)
    return outlets.groupby(claims["cluster_id"]).agg(lambda names: ", ".join(sorted(set(names))))


def clusters_with_variants(clusters: pd.DataFrame, flags: pd.DataFrame, claims: pd.DataFrame,
                           documents: pd.DataFrame, limit: int | None = None) -> pd.DataFrame:
    """Every cluster (the first `limit`), most widely repeated first, with its outlets and its
    variants and why."""
    columns = ["cluster_id", "metric", "claimant", "figure", "subject", "period", "n_claims", "n_documents",
               "n_outlets", "n_variants", "first_seen", "last_seen", "outlets", "contradiction_id",
               "variants"]
    if clusters.empty:
        return pd.DataFrame(columns=columns)
    clusters = clusters.sort_values(["n_outlets", "n_documents", "n_claims", "cluster_id"],
                                    ascending=[False, False, False, True], kind="stable")
    if limit is not None:
        clusters = clusters.head(limit)
        flags = flags[flags["cluster_id"].isin(set(clusters["cluster_id"]))]
        claims = claims[claims["cluster_id"].isin(set(clusters["cluster_id"]))]
    variants = _variants(flags, claims, documents)
    frame = clusters.assign(
        figure=clusters.apply(_cluster_figure, axis=1),
        period=[period_text(s, e, a) for s, e, a in
                zip(clusters["period_start"], clusters["period_end"], clusters["as_of"], strict=True)],
        outlets=clusters["cluster_id"].map(_outlets_per_cluster(claims, documents)).fillna(""),
        variants=[variants.get(c, []) for c in clusters["cluster_id"]])
    return frame.sort_values(["n_outlets", "n_documents", "n_claims", "cluster_id"],
                             ascending=[False, False, False, True], kind="stable")[columns] \
        .reset_index(drop=True)


def outlet_counts(documents: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: documents, claims, syndicated copies, clusters touched, first and last published."""
    columns = ["outlet", "documents", "claims", "copies", "clusters", "first_published",
               "last_published"]
    docs = documents.assign(outlet=documents["outlet"].fillna(UNKNOWN_OUTLET))
    if docs.empty:
        return pd.DataFrame(columns=columns)
    made = claims.join(docs.set_index("doc_id")["outlet"], on="doc_id")
    dated = docs[docs["published"].map(_present)].groupby("outlet")["published"]
    frame = pd.DataFrame({
        "documents": docs.groupby("outlet").size(),
        "claims": made.groupby("outlet").size(),
        "copies": docs["duplicate_of"].notna().groupby(docs["outlet"]).sum(),
        "clusters": made.groupby("outlet")["cluster_id"].nunique(),
        "first_published": dated.min(),
        "last_published": dated.max(),
    })
    for column in ("documents", "claims", "copies", "clusters"):
        frame[column] = frame[column].fillna(0).astype("int64")
    frame = frame.astype({"first_published": object, "last_published": object})
    frame = frame.where(frame.notna(), None).rename_axis("outlet").reset_index()
    return frame.sort_values(["documents", "claims", "outlet"], ascending=[False, False, True],
                             kind="stable")[columns].reset_index(drop=True)


def totals(documents: pd.DataFrame, claims: pd.DataFrame, clusters: pd.DataFrame,
           flags: pd.DataFrame) -> dict[str, int]:
    """The counts a reader wants first."""
    return {"documents": len(documents), "copies": int(documents["duplicate_of"].notna().sum()),
            "claims": len(claims), "clusters": len(clusters),
            "variants": int(flags["flag"].isin(VARIANT_FLAGS).sum()),
            "contradictions": int(clusters["contradiction_id"].dropna().nunique()),
            "flags": len(flags)}
