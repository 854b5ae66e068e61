"""The expectation suites, one per published table and named after it, declared in Python.

Column names come from `transforms.declarations.schema` and vocabularies from
`transforms.declarations.vocab`; every expectation carries a description in plain words, which
is what an analyst reads when it fails. Today's date changes per run, so it is a `$PARAMETER`
filled in by `expectations.views.parameters` and the suites are built once per process. Cross-
table rules compare columns with the derived columns of `expectations.views`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import great_expectations as gx
import great_expectations.expectations as gxe
from great_expectations.expectations.row_conditions import Column

from expectations import views
from transforms.declarations import vocab
from transforms.declarations.schema import KEYS, columns, required

Expectation = gxe.Expectation


def build_suite(table: str) -> gx.ExpectationSuite:
    """The suite for one table: the rules every table shares, then its own."""
    return gx.ExpectationSuite(name=table, expectations=[*shared_rules(table), *RULES[table]()])


def shared_rules(table: str) -> Iterator[Expectation]:
    """Every table has its schema's columns, fills its required ones and has a unique key."""
    yield gxe.ExpectTableColumnsToMatchSet(
        column_set=columns(table),
        exact_match=False,
        description=f"The {table} table has every column its schema declares.",
    )
    for column in required(table):
        yield gxe.ExpectColumnValuesToNotBeNull(
            column=column, description=f"{column} is filled in on every row."
        )
    yield _unique(KEYS[table], f"{KEYS[table]} identifies a single row of {table}.")


def documents_rules() -> Iterator[Expectation]:
    """A document's declared length is its text's length, it is not published later than
    today (a date parsed wrongly, or a time zone slip), and a duplicate points at a canonical
    document."""
    yield gxe.ExpectColumnPairValuesToBeEqual(
        column_A="n_chars",
        column_B=views.TEXT_LENGTH,
        ignore_row_if="either_value_is_missing",
        description="n_chars equals the number of characters in text.",
    )
    yield gxe.ExpectColumnValuesToBeBetween(
        column="published",
        max_value={"$PARAMETER": views.TODAY},
        description="published is not later than today.",
    )
    yield gxe.ExpectColumnValuesToMatchRegex(
        column="raw_sha256",
        regex=r"^[0-9a-f]{64}$",
        description="raw_sha256 is a SHA-256 digest: 64 lowercase hexadecimal characters.",
    )
    yield from _duplicates()


def _duplicates() -> Iterator[Expectation]:
    """`duplicate_of`, when set, names another document of the table that is itself canonical,
    so an analyst reaches a story's canonical copy in one step (no chains, no cycles)."""
    yield gxe.ExpectColumnPairValuesToBeEqual(
        column_A="duplicate_of",
        column_B=views.found("duplicate_of"),
        ignore_row_if="both_values_are_missing",
        description="duplicate_of is the doc_id of a row in documents.",
    )
    yield gxe.ExpectSelectColumnValuesToBeUniqueWithinRecord(
        column_list=["doc_id", "duplicate_of"],
        ignore_row_if="any_value_is_missing",
        description="duplicate_of never names the document itself.",
    )
    yield gxe.ExpectColumnValuesToBeNull(
        column=views.DUPLICATE_OF_DUPLICATE_OF,
        description="duplicate_of names a canonical document, never one that is itself a duplicate.",
    )


def sources_rules() -> Iterator[Expectation]:
    """A source has a known kind and a name no other source uses (names are how the text
    finds sources, so two with one name would be ambiguous)."""
    yield _in_vocab("kind", vocab.SOURCE_KINDS)
    yield _unique("name", "name belongs to a single source.")


def claims_rules() -> Iterator[Expectation]:
    """Claims use the vocabularies, carry consistent figures and point at real documents,
    real sources and the exact words of the text."""
    yield from _claim_vocabularies()
    yield from _claim_figures()
    yield from _claim_references()
    yield from _claim_offsets()
    yield from _claim_attribution()


def _claim_vocabularies() -> Iterator[Expectation]:
    """Coded columns hold only their vocabulary's values (null passes where the column is
    nullable; the required-column rule catches the rest)."""
    yield _in_vocab("unit", vocab.UNITS)
    yield _in_vocab("alt_unit", vocab.UNITS)
    yield _in_vocab("per", vocab.PERS)
    yield _in_vocab("qualifier", vocab.QUALIFIERS)
    yield _in_vocab("metric", vocab.METRICS)


def _claim_figures() -> Iterator[Expectation]:
    """Figures are counts and amounts: never negative, a value or a full range, bounds in
    order, and a conversion always with its unit."""
    for column in ("value", "value_low", "value_high", "alt_value"):
        yield gxe.ExpectColumnValuesToBeBetween(
            column=column, min_value=0, description=f"{column} is not negative."
        )
    yield gxe.ExpectColumnValuesToNotBeNull(
        column="value",
        row_condition=Column("value_low").is_null() | Column("value_high").is_null(),
        description="A claim has a value, or else both value_low and value_high.",
    )
    yield _at_most("value_low", "value_high", "value_low is not above value_high.")
    yield _at_most("value_low", "value", "value is not below value_low.")
    yield _at_most("value", "value_high", "value is not above value_high.")
    yield from _set_together("alt_value", "alt_unit")


def _claim_attribution() -> Iterator[Expectation]:
    """Every claimant comes with the evidence that decided it: a rule from the vocabulary, a
    score between 0 and 1, and the attributing words unless the outlet states the figure."""
    yield _in_vocab("attribution_rule", list(vocab.ATTRIBUTION_RULES))
    yield gxe.ExpectColumnValuesToBeBetween(
        column="attribution_score", min_value=0, max_value=1,
        description="attribution_score is between 0 and 1.")
    yield gxe.ExpectColumnValuesToNotBeNull(
        column="attribution_cue", row_condition=Column("attribution_rule") != "outlet",
        description="attribution_cue gives the attributing words unless the outlet states "
                    "the figure on its own account.")


def _claim_references() -> Iterator[Expectation]:
    """Claims point at documents, sources and clusters published beside them."""
    yield from _references(views.REFERENCES)
    yield from _set_together("via", "via_id")


def _references(references: dict[str, str]) -> Iterator[Expectation]:
    """Each reference equals its looked-up value (`expectations.views.found`), which is null
    when the referenced row does not exist. Null references pass; other rules judge those."""
    for column, table in references.items():
        key = KEYS[table]
        yield gxe.ExpectColumnPairValuesToBeEqual(
            column_A=column,
            column_B=views.found(column),
            ignore_row_if="both_values_are_missing",
            description=f"{column} is the {key} of a row in {table}.",
        )


def claim_clusters_rules() -> Iterator[Expectation]:
    """Every cluster is stated by at least one claim, its counts are the claims that name it,
    its consensus lies inside the range of its values, and it uses the vocabularies."""
    yield from _references(views.CLUSTER_REFERENCES)
    yield gxe.ExpectColumnValuesToBeBetween(
        column="n_claims", min_value=1, description="Every cluster has at least one claim.")
    yield gxe.ExpectColumnPairValuesToBeEqual(
        column_A="n_claims", column_B=views.CLAIMS_IN_CLUSTER,
        description="n_claims is the number of claims whose cluster_id names the cluster.")
    yield _at_most("n_documents", "n_claims", "n_documents is not above n_claims.")
    yield _at_most("n_outlets", "n_documents", "n_outlets is not above n_documents.")
    yield _at_most("n_variants", "n_claims", "n_variants is not above n_claims.")
    yield _at_most("value_low", "value", "The consensus value is not below value_low.")
    yield _at_most("value", "value_high", "The consensus value is not above value_high.")
    yield _at_most("value_low", "value_high", "value_low is not above value_high.")
    yield _at_most("period_start", "period_end", "period_start is not after period_end.")
    yield _at_most("first_seen", "last_seen", "first_seen is not after last_seen.")
    yield _in_vocab("metric", vocab.METRICS)
    yield _in_vocab("unit", vocab.UNITS)
    yield _in_vocab("qualifier", vocab.QUALIFIERS)


def claim_flags_rules() -> Iterator[Expectation]:
    """Flags come from the declared vocabulary, say why, and point at a published cluster and,
    for a variant, at the claim it is about."""
    yield _in_vocab("flag", list(vocab.FLAGS))
    yield from _references(views.FLAG_REFERENCES)
    yield gxe.ExpectColumnValuesToNotBeNull(
        column="claim_id", row_condition=Column("flag") != "contradiction",
        description="A variant flag names the claim it is about.")
    yield gxe.ExpectColumnValuesToBeNull(
        column="claim_id", row_condition=Column("flag") == "contradiction",
        description="A contradiction is between clusters and names no single claim.")


def _claim_offsets() -> Iterator[Expectation]:
    """The offsets delimit the quote inside the document's text."""
    yield gxe.ExpectColumnValuesToBeBetween(
        column="char_start", min_value=0, description="char_start is not negative."
    )
    yield gxe.ExpectColumnPairValuesAToBeGreaterThanB(
        column_A="char_end",
        column_B="char_start",
        or_equal=False,
        ignore_row_if="either_value_is_missing",
        description="char_start is before char_end.",
    )
    yield _at_most("char_end", views.DOC_N_CHARS, "char_end is within the document's n_chars.")
    yield gxe.ExpectColumnPairValuesToBeEqual(
        column_A="quote",
        column_B=views.DOC_TEXT_AT_OFFSETS,
        ignore_row_if="either_value_is_missing",
        description="quote is exactly the document's text from char_start to char_end.",
    )


def _set_together(column: str, partner: str) -> Iterator[Expectation]:
    """Two columns that are both filled in or both null, checked each way so a failure names
    the column that is missing."""
    for present, missing in ((column, partner), (partner, column)):
        yield gxe.ExpectColumnValuesToNotBeNull(
            column=missing,
            row_condition=Column(present).is_not_null(),
            description=f"{missing} is filled in whenever {present} is.",
        )


def _in_vocab(column: str, values: Sequence[str]) -> Expectation:
    """A coded column holds only the values of its vocabulary."""
    return gxe.ExpectColumnValuesToBeInSet(
        column=column,
        value_set=list(values),
        description=f"{column} is one of: {', '.join(values)}.",
    )


def _at_most(low: str, high: str, description: str) -> Expectation:
    """`low <= high` on every row where both are set (missing ones are other rules' concern)."""
    return gxe.ExpectColumnPairValuesAToBeGreaterThanB(
        column_A=high,
        column_B=low,
        or_equal=True,
        ignore_row_if="either_value_is_missing",
        description=description,
    )


def _unique(column: str, description: str) -> Expectation:
    """No two rows share a value of this column."""
    return gxe.ExpectColumnValuesToBeUnique(column=column, description=description)


RULES: dict[str, Callable[[], Iterator[Expectation]]] = {
    "documents": documents_rules,
    "claims": claims_rules,
    "sources": sources_rules,
    "claim_clusters": claim_clusters_rules,
    "claim_flags": claim_flags_rules,
}
