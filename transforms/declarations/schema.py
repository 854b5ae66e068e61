"""The published tables, one pyarrow schema each, declared once.

Writers cast to these schemas, readers conform to them, the expectation suites take their column
lists from here, and the README's column tables are generated from the descriptions
(`python -m transforms.declarations.schema`), so the docs cannot drift from the data.
"""

from __future__ import annotations

import pyarrow as pa

from transforms.declarations.vocab import ATTRIBUTION_RULES, FLAGS


def _field(name: str, kind: pa.DataType, doc: str, nullable: bool = True) -> pa.Field:
    return pa.field(name, kind, nullable=nullable, metadata={"description": doc})


DOCUMENTS = pa.schema(
    [
        _field("doc_id", pa.string(), "Stable id: a hash of the input's URL, or of its file and "
               "record id; the same input gets the same id in every run.", False),
        _field("external_id", pa.string(), "The `id` the input record carried (JSONL), if any."),
        _field("url", pa.string(), "Where the article was published, if known."),
        _field("outlet", pa.string(), "The outlet as the input names it (a JSONL field, a "
               "\"Source:\" line, the page's site name, the folder's `outlet.txt`, `--outlet`), "
               "else the URL's host, else a text page's masthead."),
        _field("title", pa.string(), "Headline from the page's metadata, the headline above a "
               "text page's dateline or its Markdown heading, else the first line."),
        _field("author", pa.string(), "Byline from the page's metadata or a text page's byline, "
               "if it gives one."),
        _field("published", pa.date32(), "Publication date, if the input, the page's metadata or "
               "a text page's dateline gives one."),
        _field("language", pa.string(), "Language code of the page, or `en`/`und` from the text."),
        _field("text", pa.large_string(), "The cleaned body: page furniture removed, paragraphs "
               "one per line. Claim offsets point into this text.", False),
        _field("raw_sha256", pa.string(), "SHA-256 of the input as read; a change means the "
               "document is re-tabulated and replaces its earlier rows.", False),
        _field("n_chars", pa.int64(), "Length of `text` in characters.", False),
        _field("ingested_at", pa.timestamp("us", tz="UTC"), "When this version of the document "
               "was first published (UTC).", False),
        _field("run_id", pa.string(), "The Prefect flow run that published this version.", False),
        _field("duplicate_of", pa.string(), "Set when the text is a near-duplicate of "
               "another document's (the same article under another URL, an agency story reprinted "
               "by another outlet): the `doc_id` of the story's canonical copy, the earliest "
               "published (undated last, then smallest `doc_id`). Null on canonical and unique "
               "documents."),
        _field("source_path", pa.string(), "The file the document was read from (absolute path; a "
               "JSONL file for each of its records), for file inputs; null for web pages."),
    ],
    metadata={"description": "One row per article: the cleaned body text and where it came from."},
)

CLAIMS = pa.schema(
    [
        _field("claim_id", pa.string(), "Stable id of the figure: document and character span.",
               False),
        _field("doc_id", pa.string(), "The document it was found in (`documents.doc_id`).", False),
        _field("sentence", pa.string(), "The sentence holding the figure.", False),
        _field("char_start", pa.int64(), "Start offset of `quote` in `documents.text`.", False),
        _field("char_end", pa.int64(), "End offset (exclusive) of `quote` in `documents.text`.",
               False),
        _field("quote", pa.string(), "The number expression as written, with its qualifier and "
               "unit words: `at least 6 million`, `495,000 roubles ($5,130)`.", False),
        _field("value", pa.float64(), "The number; null for ranges and vague amounts."),
        _field("value_low", pa.float64(), "Lower bound of a range or vague amount "
               "(`tens of thousands`: 10000)."),
        _field("value_high", pa.float64(), "Upper bound of a range or vague amount "
               "(`tens of thousands`: 100000)."),
        _field("alt_value", pa.float64(), "A conversion the text gives beside the figure "
               "(`($5,130)`: 5130)."),
        _field("alt_unit", pa.string(), "The unit of `alt_value`; set exactly when it is."),
        _field("unit", pa.string(), "What the number counts: `person`, a currency code, "
               "`percent`, `day`/`month`/`year` (terms), `unit` (other countable things).", False),
        _field("per", pa.string(), "For rates: `month`, `year` or `day` "
               "(`190,000 roubles per month`)."),
        _field("qualifier", pa.string(), "`exact`, `approx`, `at_least`, `at_most`, `range` or "
               "`vague`.", False),
        _field("metric", pa.string(), "What kind of figure: `recruited`, `mobilised`, `target`, "
               "`pool`, `pay`, `casualties`, `fled`, `deployed` or `other`.", False),
        _field("subject", pa.string(), "A short phrase for what is counted."),
        _field("claimant", pa.string(), "Who originally asserts the figure (canonical name); the "
               "outlet when the article states it on its own account.", False),
        _field("claimant_id", pa.string(), "The claimant in `sources.source_id`.", False),
        _field("via", pa.string(), "Who relays the claimant's figure, when the text says so "
               "(`according to Tass`)."),
        _field("via_id", pa.string(), "The relay in `sources.source_id`."),
        _field("attribution_cue", pa.string(), "The attributing words as written (`said`, "
               "`according to Tass`, `citing the ministry`); null exactly when the outlet states "
               "the figure on its own account."),
        _field("attribution_rule", pa.string(), "Which evidence decided the claimant: "
               + "; ".join(f"`{k}`: {v}" for k, v in ATTRIBUTION_RULES.items()) + ".", False),
        _field("attribution_score", pa.float64(), "How sure the decision is, 0 to 1: the "
               "chosen source's score against the best other source's.", False),
        _field("hedge", pa.string(), "The hedging word, when the figure is hedged "
               "(`likely`, `reportedly`)."),
        _field("period_start", pa.date32(), "First day of the period the figure covers, when "
               "the text says (`in 2024`: 2024-01-01; `since January 1`: January 1 of the year "
               "of publication)."),
        _field("period_end", pa.date32(), "Last day of that period (`in 2024`: 2024-12-31; "
               "`since January 1`: the publication date)."),
        _field("as_of", pa.date32(), "The day the figure stands at, when the text gives a "
               "point in time rather than a period (`by the end of August 2023`: 2023-08-31)."),
        _field("cluster_id", pa.string(), "The claim's cluster in `claim_clusters`: the claims "
               "that state the same figure.", False),
        _field("extractor_version", pa.string(), "Version of the extraction code and source "
               "registry that produced the row.", False),
    ],
    metadata={"description": "One row per figure found in a document, with who stands behind it."},
)

SOURCES = pa.schema(
    [
        _field("source_id", pa.string(), "Stable id: a slug of the canonical name.", False),
        _field("name", pa.string(), "Canonical name.", False),
        _field("kind", pa.string(), "`government`, `military`, `official`, `media`, "
               "`think tank`, `NGO`, `outlet` or `unknown`.", False),
        _field("country", pa.string(), "ISO country code, where it applies."),
        _field("aliases", pa.list_(pa.string()), "Other names the source goes by in text."),
    ],
    metadata={"description": "Who claims or relays figures: the registry plus sources met in text."},
)

CLAIM_CLUSTERS = pa.schema(
    [
        _field("cluster_id", pa.string(), "Stable id of the cluster: a hash of its metric, "
               "claimant, unit, period and consensus value.", False),
        _field("metric", pa.string(), "The claims' metric (`claims.metric`).", False),
        _field("subject", pa.string(), "The subject most of its claims give."),
        _field("claimant", pa.string(), "Who asserts the figure (`claims.claimant`).", False),
        _field("claimant_id", pa.string(), "The claimant in `sources.source_id`.", False),
        _field("unit", pa.string(), "The unit of the consensus value.", False),
        _field("per", pa.string(), "For rates: `month`, `year` or `day`."),
        _field("period_start", pa.date32(), "First day of the period the figure covers, when "
               "its claims say."),
        _field("period_end", pa.date32(), "Last day of that period."),
        _field("as_of", pa.date32(), "The day the figure stands at, when its claims give one."),
        _field("value", pa.float64(), "The consensus value: what most of its documents say "
               "(null when they give only a range)."),
        _field("value_low", pa.float64(), "The lowest value its claims give in `unit`, typos "
               "left out."),
        _field("value_high", pa.float64(), "The highest value its claims give in `unit`, typos "
               "left out."),
        _field("qualifier", pa.string(), "The consensus qualifier (`claims.qualifier`).", False),
        _field("n_claims", pa.int64(), "How many claims state it.", False),
        _field("n_documents", pa.int64(), "In how many documents, syndicated copies included.",
               False),
        _field("n_outlets", pa.int64(), "In how many outlets (a document whose outlet is unknown "
               "counts as one of its own).", False),
        _field("n_variants", pa.int64(), "How many of its claims carry a variant flag "
               "(`claim_flags`).", False),
        _field("first_seen", pa.date32(), "Earliest publication date of its documents."),
        _field("last_seen", pa.date32(), "Latest publication date of its documents."),
        _field("contradiction_id", pa.string(), "Shared by clusters whose claimants give "
               "disagreeing values for the same metric and period; null when none disagree."),
    ],
    metadata={"description": "One row per figure as stated by one claimant: the claims that say "
              "the same thing, across outlets and syndicated copies."},
)

CLAIM_FLAGS = pa.schema(
    [
        _field("flag_id", pa.string(), "Stable id: a hash of the flag, cluster and claim.", False),
        _field("flag", pa.string(), "What was noticed, one of: "
               + ", ".join(f"`{flag}` ({meaning})" for flag, meaning in FLAGS.items()) + ".",
               False),
        _field("cluster_id", pa.string(), "The cluster flagged (`claim_clusters.cluster_id`).",
               False),
        _field("claim_id", pa.string(), "The claim flagged; null for a contradiction, which is "
               "between clusters."),
        _field("reason", pa.string(), "Why, in words an analyst reads.", False),
    ],
    metadata={"description": "Variants within a cluster and contradictions between clusters, "
              "each with its reason."},
)

TABLES: dict[str, pa.Schema] = {"documents": DOCUMENTS, "claims": CLAIMS, "sources": SOURCES,
                                 "claim_clusters": CLAIM_CLUSTERS, "claim_flags": CLAIM_FLAGS}
KEYS: dict[str, str] = {"documents": "doc_id", "claims": "claim_id", "sources": "source_id",
                        "claim_clusters": "cluster_id", "claim_flags": "flag_id"}


def columns(table: str) -> list[str]:
    """The column names of a published table, in order."""
    return TABLES[table].names


def required(table: str) -> list[str]:
    """Columns that may never be null."""
    return [f.name for f in TABLES[table] if not f.nullable]


def markdown(table: str) -> str:
    """The table's columns as a Markdown table, for the README."""
    schema = TABLES[table]
    rows = [f"| `{f.name}` | {f.type} | {'' if f.nullable else 'yes'} | "
            f"{f.metadata[b'description'].decode()} |" for f in schema]
    head = ["| column | type | required | meaning |", "|---|---|---|---|"]
    return "\n".join([schema.metadata[b"description"].decode(), "", *head, *rows])


if __name__ == "__main__":
    print("\n\n".join(f"### {name}\n\n{markdown(name)}" for name in TABLES))
