"""Figures in plain text: the number expressions that count people, money, units or shares.

A cheap scan finds where candidate numbers start (digits, number words, vague amounts, shares;
text with neither gives no candidates at all). Each is then read in place with anchored
patterns, from the words just before it (qualifier, range opener, or a reason it is no figure:
"article 7", "aged 18") to the words after it (percent, currency, second half of a range, a
bracketed conversion, a rate, the noun counted). The words around a number are read in
`transforms.figures.context`, the value of its digits in `transforms.figures.digits`; an
expression that cannot be read is skipped and counted (`read_figures`), never raised.
ANNOTATION.md says what is a figure; the rules here are general, never per article.
"""

from __future__ import annotations

import math
from dataclasses import replace

from transforms.figures import context as ctx
from transforms.figures import number_patterns as pat
from transforms.figures.digits import number_value
from transforms.figures.lists import shared_units
from transforms.figures.number_words import (
    DIGIT_FRACTIONS,
    SCALES,
    share_percent,
    vague_bounds,
    word_number,
)
from transforms.figures.units import (
    ABSTRACT_NOUNS,
    DURATION_UNITS,
    LENGTH_WORDS,
    NOT_COUNTED,
    counted_noun,
    currency_of_minor,
    currency_of_symbol,
    currency_of_word,
    following_words,
    local_currencies,
    pay_rate_before,
    plural_kind,
    plural_noun,
    rate_after,
)
from transforms.model import Figure

_QUALIFIERS = ("at_least", "at_most", "approx")
_SCALE_WORDS = ("hundred", "thousand", "million", "billion", "dozen")


def figures(text: str) -> list[Figure]:
    """Every figure in `text`, in order.

    Each is a `Figure` with start/end offsets (text[start:end] == quote), quote, value (None for
    ranges and vague amounts), value_low, value_high, alt_value, alt_unit, unit, per, qualifier.
    Never raises on what the text says: an expression that cannot be read is left out (see
    `read_figures` for how many were).
    """
    return read_figures(text)[0]


def read_figures(text: str) -> tuple[list[Figure], int]:
    """Every figure in `text`, and how many number expressions were skipped as unreadable.

    Each expression is read on its own: one the reader fails on (an error, an infinite or NaN
    value, a range whose low end exceeds its high end) is skipped and counted, never raised.
    """
    urls = [m.span() for m in pat.URL.finditer(text)] if "http" in text or "www." in text else []
    found: list[Figure] = []
    skipped = 0
    floor = 0
    for start in pat.candidate_starts(text):
        if start < floor or any(a <= start < b for a, b in urls):
            continue
        match = pat.CORE.match(text, start)
        if match is None:
            continue
        try:
            figure, consumed = _figure_at(text, match)
        except (ValueError, KeyError, IndexError, TypeError, AttributeError, OverflowError,
                ZeroDivisionError):
            figure, consumed = None, match.end()
            skipped += 1
        floor = max(floor, consumed)
        if figure is None:
            continue
        if sound(figure):
            found.append(figure)
        else:
            skipped += 1
    found = shared_units(text, with_article_terms(text, found))
    return local_currencies(text, found), skipped


def with_article_terms(text: str, found: list[Figure]) -> list[Figure]:
    """`found` and the terms of service of one written with the article ("serve for a year",
    "fight for at least a year"), in text order; a term inside another figure is left out."""
    terms = []
    for match in pat.ARTICLE_TERM.finditer(text):
        start = match.start("article")
        duration = pat.DURATION_AFTER.match(text, match.end())
        term = _duration_figure(text, start, duration, 1.0, ctx.left_context(text, start))
        if term is not None and not any(f.start < term.end and term.start < f.end for f in found):
            terms.append(term)
    return sorted([*found, *terms], key=lambda f: f.start) if terms else found


def sound(figure: Figure) -> bool:
    """Whether a figure's numbers can be published: finite, and a range's low end <= its high."""
    numbers = [n for n in (figure.value, figure.value_low, figure.value_high, figure.alt_value)
               if n is not None]
    if not all(math.isfinite(n) for n in numbers):
        return False
    return not (figure.value_low is not None and figure.value_high is not None
                and figure.value_low > figure.value_high)


def _figure_at(text: str, match) -> tuple[dict | None, int]:
    """The figure a CORE match opens (or None), and where the text it used ends."""
    few = (match.group("num") and len(match.group()) <= 2) or (match.group("words") and not any(
        scale in match.group().lower() for scale in SCALES))  # "two", not "a million"
    if few and pat.COUNTED_SPEAKERS.match(text, match.end()):
        return None, match.end()  # "two sources close to the talks said": who speaks, no figure
    if (match.group("num") or match.group("words")) and (
            hyphen := pat.SUSPENDED_HYPHEN.match(text, match.end())):
        ranged = _suspended_range(text, match, hyphen.end())
        if ranged[0] is not None:
            return ranged
    if match.group("vague"):
        return _vague_figure(text, match), match.end()
    if match.group("share"):
        return _share_figure(text, match), match.end()
    if match.group("num"):
        return _digits_figure(text, match)
    return _words_figure(text, match)


def _suspended_range(text: str, match, second_start: int) -> tuple[Figure | None, int]:
    """"two- to five-year contracts", "10- to 15-percent": a range whose unit the second end
    states for both (None when the second end is no figure of its own, or not the higher)."""
    if match.group("words"):
        parsed = word_number(match.group("words"))
        if parsed is None or parsed[1] != len(match.group("words")):
            return None, match.end()
        low = parsed[0]
    elif match.group("cur") or match.group("sign") or match.group("frac"):
        return None, match.end()
    else:
        low = number_value(match.group("num"), match.group("mult"), match.group("tail"))
    second = pat.CORE.match(text, second_start)
    if second is None or not (second.group("num") or second.group("words")):
        return None, match.end()
    figure, used = _figure_at(text, second)
    if figure is None or figure.value is None or not low <= figure.value:
        return None, match.end()
    start = match.start()
    return replace(figure, start=start, quote=text[start:figure.end], value=None, value_low=low,
                   value_high=figure.value, qualifier="range"), used


def _digits_figure(text: str, match) -> tuple[dict | None, int]:
    start, end = match.span()
    raw, cur, mult, tail = match.group("num", "cur", "mult", "tail")
    if start and text[start - 1].isalpha() and not any(sep in raw for sep in ", ."):
        return None, end  # "X07650", "G7": names and codes, not a stray letter before "45,000"
    if mult and mult in "mMbB" and not cur:
        after = following_words(text, end)
        if counted_noun(after) is None and not plural_noun(after) and not (
                mult in "mM" and not (after and after[0] in LENGTH_WORDS)
                and pat.HEADCOUNT_BEFORE.search(text, max(0, start - 120), start)):
            return None, end  # "5m" is five metres; "2.5m people", "8.7m passengers" millions,
            # and so is "the population grew by 1.2m"
    if cur and cur.strip().isalpha() and len(cur.strip()) == 1 and not (
            mult or tail or len(raw) > 4 or "," in raw):
        return None, end  # "R35", "R2-D2": a one-letter symbol only before a sizeable amount
    if cur and cur.isalpha() and cur.isupper() and len(cur) == 3 and not (mult or tail) and len(raw) <= 2:
        return None, end  # "COP28", "CAD3": a code glued to a small number is a name
    plain = not (cur or mult or tail)
    if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
        return None, pat.LEADING_ZERO.match(text, match.start("num")).end()
    if plain and pat.NOT_AFTER.match(text, end):
        return None, end
    if plain and (code := pat.CODE_BRACKETS.match(text, end)):
        return None, code.end()
    if plain and start and text[start - 1] in "( " and (phone := ctx.phone_end(text, start)):
        return None, phone
    left = ctx.left_context(text, start)
    if ctx.excluded(text, left, end):
        return None, ctx.range_end(text, end)
    if plain and (label := ctx.label_end(text, start, end)):
        return None, label  # "iPhone 11", "12 Downing Street", "a 3-2 win"
    if plain and (date := pat.NUMERIC_DATE.match(text, start)):
        return None, date.end()
    if mult and mult.strip().lower() != "thousand" and pat.AMBIGUOUS_SCALED_COMMA.fullmatch(raw) and (
            ctx.writes_decimal_comma(text)):
        raw = raw.replace(",", ".")  # "5,248 billion" in an article that writes "21 922,12"
    value = number_value(raw, mult, tail)
    if match.group("frac"):  # "3½%", "2 1/2 percent"
        value += DIGIT_FRACTIONS[match.group("frac").strip()] * number_value("1", mult)
    if plain and value <= 100 and ctx.age_clause(text, start) and (
            counted_noun(following_words(text, ctx.range_end(text, end))) is None):
        return None, ctx.range_end(text, end)  # "At 26, I", "the age limit from 27 to 30"
    if match.group("sign"):
        if phone := pat.PHONE.match(text, start):
            return None, phone.end()
        unit = currency_of_symbol(cur) if cur else None
        figure, used = _amount_figure(text, start, end, value, unit, left)
        if figure is None or figure.unit in ("person", "unit", *DURATION_UNITS.values()) or (
                match.group("sign") in "-−"):
            # a sign makes a change: "+12%" reads as 12, "+$2 billion" as $2 billion; the
            # claims table holds no negative values (a fall, "-3.5%", "-$40 million", is read
            # and left out, never as the bare "40 million" after its sign), and no signed counts
            return None, used
        return figure, used
    if plain and value < 120 and text.startswith(",", end) and pat.AGE_AFTER_NAME.search(
            text, max(0, start - 30), start):
        return None, end  # "Putin, 71, said"
    if plain and value < 120 and pat.AGE_OF_PEOPLE.search(text, max(0, start - 40), start) and (
            counted_noun(following_words(text, ctx.range_end(text, end))) is None):
        return None, ctx.range_end(text, end)  # "people over 65", "men between 18 and 60"
    if plain and value < 120 and pat.AGE_OVER.search(text, max(0, start - 30), start) and (
            end == len(text) or text[end] in ".,;)"):
        return None, end  # "most recruits are over 40."
    if plain and value <= 31 and value.is_integer() and (
        pat.DATE_AFTER.match(text, end) or pat.DATE_BEFORE.search(text, max(0, start - 12), start)
    ):
        return None, end
    year_like = plain and len(raw) == 4 and 1800 <= value <= 2100
    unit = currency_of_symbol(cur) if cur else None
    return _amount_figure(text, start, end, value, unit, left, year_like=year_like,
                          scaled=bool(mult or tail))


def _words_figure(text: str, match) -> tuple[dict | None, int]:
    start = match.start()
    parsed = word_number(match.group("words"))
    if parsed is None:
        return None, match.end()
    value, length = parsed
    end = start + length
    if start > 1 and text[start - 1] == "-" and text[start - 2].isdigit():
        return None, end  # "7-Eleven": a name spelled with digits and a number word
    left = ctx.left_context(text, start)
    if ctx.excluded(text, left, end):
        return None, end
    phrase = text[start:end].lower()
    scaled = any(word in phrase for word in _SCALE_WORDS)
    return _amount_figure(text, start, end, value, None, left, words=True, scaled=scaled)


def _amount_figure(text, start, end, value, unit, left, *, year_like=False, words=False,
                   scaled=True) -> tuple[dict | None, int]:
    """Read what follows a number (percent, currency, range, conversion, rate, noun) and decide.

    Returns the figure or None, and the end of the text it used, so that the second number of
    a range or a conversion is not read again as a figure of its own.
    """
    pos, low, high, in_minor = end, None, None, False
    bound = pat.BOUND_AFTER.match(text, pos)
    if bound:
        pos = bound.end()  # "250,000-plus members": the noun after the bound decides the unit
    percent = pat.PERCENT_AFTER.match(text, pos)
    if percent:
        unit, pos = "percent", percent.end()
    elif unit is None and (minor := pat.MINOR_AFTER.match(text, pos)):
        # "45 cents a share" is $0.45 (before the currency words: "45 euro cents")
        unit, pos, value = currency_of_minor(minor.group("word")), minor.end(), value / 100
        in_minor = True
    elif (word := pat.CURRENCY_AFTER.match(text, pos)) and (
            unit is None or currency_of_word(word.group("word")) != unit):
        # the currency word names a currency its symbol leaves open: "R2.5 billion rand",
        # "$45 Australian dollars"
        unit, pos = currency_of_word(word.group("word")), word.end()
    if year_like and unit is None and counted_noun(following_words(text, pos)) is None:
        return None, ctx.year_range_end(text, pos)
    second = None if words else pat.RANGE_TAIL.match(text, pos)
    if second is None and not words and unit not in (None, "percent") and (
            (conv := pat.CONVERSION.match(text, pos)) and not conv.group("range")):
        second = pat.RANGE_TAIL.match(text, conv.end())  # "R10,000 ($130) to R100,000 ($1,300)"
    changed = bool(second or left.kind == "from") and ctx.after_change(text, left, start)
    if changed and second and unit is None and ((tail := ctx.tail_unit(text, second)) != "percent"
                                                 or left.kind == "from"):
        unit = tail  # "rose from 200,000 to 250,000 roubles": both ends are roubles, and
        # "slowed from 5 to 4.5 percent" both percent ("rose by 30,000 to 5%" is a count)
    if second and unit is None and not changed and second.group("sep") == "-" and (
            ctx.range_high(second) < value and not second.group("mult")):
        return None, second.end()  # "the 787-9 Dreamliner", "the A320-200": a model, no range
    if second and not changed and not (in_minor and second.group("cur")) and ctx.is_range(
            text, left, value, unit, second):  # "fell 12 cents to $1.05": a change and a level
        bounds = ctx.range_bounds(value, scaled, second, unit)
        if bounds[0] <= bounds[1]:  # "$64.8million to $45.1million" is two figures
            low, high, unit = bounds
            pos = second.end()
        if low is not None and minor_after(text, pos, unit):
            # "from 40 to 50 cents", "40 cents to 50 cents": both ends in hundredths
            minor = pat.MINOR_AFTER.match(text, pos)
            low = low if unit else low / 100
            high, unit, pos = high / 100, currency_of_minor(minor.group("word")), minor.end()
    if second and low is None and unit is None and (
            term := pat.DURATION_AFTER.match(text, second.end())):
        # "extended from 30 to 180 days": two terms, the former in days too
        found = _duration_figure(text, start, term, value, left)
        quote = text[start:end].rstrip()
        return found and replace(found, start=start, end=start + len(quote), quote=quote,
                                 qualifier="exact"), pos
    if low is not None and (word := pat.CURRENCY_AFTER.match(text, pos)) and (
            unit is None or currency_of_word(word.group("word")) == unit):
        unit, pos = currency_of_word(word.group("word")), word.end()
    if unit is None and (duration := pat.DURATION_AFTER.match(text, pos)):
        return _duration_figure(text, start, duration, value, left, low, high), duration.end()
    if unit is None and not words and (points := pat.POINTS_HYPHEN.match(text, pos)):
        unit, pos = "unit", points.end()  # "a 10-point lead" (not "a 12-point plan")
    if unit is None and pat.HYPHEN_WORD.match(text, pos):
        return None, pos  # "one-time", "46-year-old"
    if (unit != "percent" and pat.EXCHANGE_RATE.match(text, pos)) or (
            low is None and unit in (None, "percent") and pat.RATIO_AFTER.match(text, pos)
            and not pat.PER_POPULATION.match(text, pos)):
        # "three wounded for every one killed"; "$500 for each recruit" is pay; "104 roubles to
        # the dollar" is a price of money, "rose 0.2% against the dollar" a change
        return None, pos
    if low is not None and high is not None and high <= 31 and pat.DATE_AFTER.match(text, pos):
        return None, pos  # "between 10 and 14 February"
    alt_value = alt_unit = quote_stop = None
    if unit is None and low is None and (bare := pat.CONVERSION.match(text, pos)):
        unit = ctx.recent_currency(text, start, bare)  # "down from 2.5 million ($25,000)"
    if unit not in (None, "percent"):
        conversion = pat.CONVERSION.match(text, pos)
        if conversion and (conversion.group("cur") or conversion.group("word")):
            if not conversion.group("range") and low is None:
                # a converted range has no single alt_value, so it gets no alt_unit either
                alt_value = number_value(conversion.group("num"), conversion.group("mult"))
                alt_unit = (currency_of_symbol(conversion.group("cur"))
                            if conversion.group("cur")
                            else currency_of_word(conversion.group("word")))
            pos = conversion.end()
        elif low is None and (comma := pat.CONVERSION_COMMA.match(text, pos)):
            if comma.group("cur"):
                alt = currency_of_symbol(comma.group("cur"))
                number = number_value(comma.group("num"), comma.group("mult"))
            else:
                alt = currency_of_word(comma.group("word"))
                number = number_value(comma.group("wnum"), comma.group("wmult"))
            if alt != unit:
                alt_value, alt_unit = number, alt
                quote_stop = pos if comma.group("worth") else comma.end()
                pos = comma.end()
    if unit is None and pat.AGED_PEOPLE_AFTER.match(text, pos):
        unit = "person"  # "two 18-year-olds were arrested": people named by their age
    if unit is None:
        after = following_words(text, pos)
        noun = counted_noun(after)
        if noun == "excluded":
            return None, pos
        plural = plural_noun(after) if noun is None else None
        if words and not (scaled or noun or plural or pat.OF_GROUP.match(text, pos) or (
                pat.FATE_AFTER.match(text, pos)
                and not pat.THE_BEFORE.search(text, max(0, start - 5), start)) or (
                pat.POINTS_AFTER.match(text, pos)
                and pat.CHANGE_RIGHT_BEFORE.search(text, max(0, start - 30), start)) or (
                pat.GROUPS_OF_BEFORE.search(text, max(0, start - 40), start))):
            return None, pos  # "in two stages"; not "five were hurt", "rose four points",
            # "in groups of two or three"
        if words and not scaled and pat.POINTS_BACK.search(text, max(0, start - 12), start):
            return None, pos  # "these two reserves"
        unit = (noun or ctx.clause_currency(text, start) or ctx.former_level_currency(text, left)
                or (scaled and ctx.large_amount_currency(text, start, end, value))
                or (plural and plural_kind(plural, _capitalised(text, pos, plural)))
                or _partitive_kind(text, pos)
                or ("unit" if after[:1] and after[0] in ABSTRACT_NOUNS else None)  # "points"
                or ("unit" if not words and (ctx.index_level(text, start)
                                             or not (scaled or value.is_integer()))
                    else "person"))  # "the PMI rose to 52.3": no headcount has a fraction
    if low is None and value in (0.0, 1.0) and unit in ("person", "unit"):
        return None, pos  # counts of one ("one enterprise") and of nothing
    qualifier, quote_start = _qualifier(left, start, unit, low is not None, changed=changed or (
        left.kind == "from" and ctx.change_earlier(text, left.start)))
    if bound is None and (bound := pat.BOUND_AFTER_UNIT.match(text, pos)):
        pos = bound.end()  # "20% or more"
    if bound and qualifier == "exact":
        qualifier = ("approx" if bound.groupdict().get("approx")
                     else "at_most" if bound.group("at_most") else "at_least")
    per, quote_end = None, pos if quote_stop is None else quote_stop
    if unit != "percent":
        per, per_start, per_end = rate_after(text, pos)
        if per and len(text[pos:per_start].split()) <= 1:
            quote_end = per_end  # "190,000 roubles per month", "1,800 recruits per day"
        if per is None and unit not in ("person", "unit"):
            per = pay_rate_before(text, quote_start, pos)
    value = None if low is not None else value
    return _figure_dict(text, quote_start, quote_end, value, low, high, alt_value, alt_unit,
                        unit, per, qualifier), pos


def minor_after(text: str, pos: int, unit: str | None) -> bool:
    """Whether hundredths of `unit` (any currency when None) are written at `pos` ("cents")."""
    minor = pat.MINOR_AFTER.match(text, pos)
    return bool(minor) and unit in (None, currency_of_minor(minor.group("word")))


def _partitive_kind(text: str, pos: int) -> str | None:
    """What a part counts: what its whole counts ("60 of its 200 vehicles" are things, "two of
    his sons" people), or None when the whole names no noun ("five of them")."""
    part = pat.PARTITIVE.match(text, pos)
    if part is None:
        return None
    words = following_words(text, part.end())
    noun = counted_noun(words)
    if noun in ("person", "unit"):
        return noun
    plural = plural_noun(words)
    return plural_kind(plural, _capitalised(text, part.end(), plural)) if plural else None


def _capitalised(text: str, pos: int, noun: str) -> bool:
    """Whether `noun`, among the words right after `pos`, is written with a capital."""
    return any(word[:1].isupper() for word in text[pos : pos + 80].split()[:4]
               if word.strip(",.;:!?").lower() == noun)


def _duration_figure(text, start, duration, value, left, low=None, high=None) -> dict | None:
    """A contract or service term ("a three-month contract", "after six months of fighting"),
    or a range of terms ("from 30 to 180 days")."""
    if pat.DURATION_NOT_BEFORE.search(text, max(0, start - 15), start) or not value:
        return None
    if pat.NOT_A_TERM_AFTER.match(text, duration.end()):
        return None  # "two years ago", "a 46-year-old"
    if not pat.SERVICE_TERMS.search(_sentence(text, start, duration.end())):
        return None
    unit = DURATION_UNITS[duration.group("unit").lower()]
    ranged = low is not None
    qualifier, quote_start = _qualifier(left, start, unit, ranged)
    quote_end = duration.end()
    if not ranged and qualifier == "exact" and (bound := pat.BOUND_AFTER_UNIT.match(text, quote_end)):
        qualifier, quote_end = ("at_most" if bound.group("at_most") else "at_least"), bound.end()
    return _figure_dict(text, quote_start, quote_end, None if ranged else value, low, high,
                        None, None, unit, None, qualifier)


def _vague_figure(text: str, match) -> dict | None:
    """"tens of thousands", "several hundred": bounds by order of magnitude, unit from the noun."""
    low, high = vague_bounds(match.group())
    words = following_words(text, match.end())
    counted = words[1:] if words[:1] == ["of"] else words
    if counted and (counted[0] in NOT_COUNTED or counted[0] in DURATION_UNITS):
        return None
    unit = "person"
    if counted:
        currency = pat.CURRENCY_AFTER.match(" " + counted[0])
        unit = currency_of_word(currency.group("word")) if currency else (
            "unit" if counted_noun(counted) == "unit" else "person")
    return _figure_dict(text, match.start(), match.end(), None, low, high, None, None, unit, None,
                        "vague")


def _share_figure(text: str, match) -> dict | None:
    """A share said in words ("half of the workers", "two-thirds of its tanks") as percent."""
    start, end = match.span()
    point = pat.POINT_AFTER_FRACTION.match(text, end)
    if (pat.SHARE_NOT_BEFORE.search(text, max(0, start - 20), start)
            and not (point and pat.ARTICLE_BEFORE.search(text, max(0, start - 20), start))):
        return None  # "the first half", "one and a half" (not "a half percentage point")
    if pat.SHARE_OF_TIME.match(text, end):
        return None  # "half of the year"
    left = ctx.left_context(text, start)
    if ctx.excluded(text, left, end):
        return None
    value = share_percent(match.group())
    if value > 100:
        return None  # "12 in 10": no share
    if point:  # "a quarter of a percentage point" is 0.25 of a point: 0.25 percent
        value, end = round(value / 100, 4), point.end()
    qualifier, quote_start = _qualifier(left, start, "percent", False)
    return _figure_dict(text, quote_start, end, value, None, None, None,
                        None, "percent", None, qualifier)


def _qualifier(left: ctx.Left, start: int, unit: str, is_range: bool, *,
               changed: bool = False) -> tuple[str, int]:
    """The qualifier of a figure and where its quote starts (with the qualifier words)."""
    if is_range:
        return "range", left.start if left.kind in ("between", "from") else start
    if left.kind in _QUALIFIERS:
        return left.kind, left.start
    if left.kind == "from" and not changed and unit not in ("person", "unit", "percent"):
        return "at_least", left.start  # "salaries from 190,000 rubles", not "fell from $2,415"
    return "exact", start


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around a span: from the previous sentence end to the next one."""
    begin = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return text[begin : min(stops) if stops else len(text)]


def _figure_dict(text, start, end, value, low, high, alt_value, alt_unit, unit, per,
                 qualifier) -> Figure:
    quote = text[start:end].rstrip()
    return Figure(start, start + len(quote), quote, value, low, high, alt_value, alt_unit, unit,
                  per, qualifier)


