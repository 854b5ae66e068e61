"""What a number counts: currencies, people or things, durations, and rates ("per month").

Word lists are kept to what decides a figure's unit; anything counted that is not on a list is
taken for people, the usual case in recruitment news (ANNOTATION.md: "people by default").
"""

from __future__ import annotations

import re
from dataclasses import replace

from transforms.declarations.vocab import CURRENCY_TABLE, PERS, UNITS
from transforms.declarations.words import SHARED_SIGN_COUNTRIES, phrases_pattern
from transforms.figures.number_words import trie_pattern
from transforms.model import Figure


def word_set(block: str) -> frozenset[str]:
    """The words of a whitespace-separated block (word lists read better as prose blocks)."""
    return frozenset(block.split())


def _key(form: str) -> str:
    """How a currency form is looked up: spaces collapsed and dropped before a symbol, casefolded."""
    return " ".join(form.split()).casefold().replace(" $", "$")


def _alternation(forms, *, case_sensitive: bool) -> str:
    """A regex alternation of `forms` as a trie (each letter tried once: several times faster
    than a flat list), with any run of spaces where a form has a space."""
    body = trie_pattern(sorted(set(forms))).replace("\\ ", r"\s*") if forms else "(?!)"
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


def _has_letters(form: str) -> bool:
    return any(char.isalpha() for char in form)


# Every form of every currency in the table (transforms/declarations/currencies.csv), by key.
CURRENCY_SYMBOLS = {_key(form): c.code for c in CURRENCY_TABLE for form in (*c.symbols, c.code)}
CURRENCY_WORDS = {_key(form): c.code for c in CURRENCY_TABLE for form in (*c.words, c.code)}
# Symbols without letters may also follow the amount: "5 000 ₽", "100 €" (not "$": "5 $10").
_AFTER_SYMBOLS = [f for c in CURRENCY_TABLE for f in c.symbols if not _has_letters(f) and f != "$"]
CURRENCY_WORDS.update({_key(form): c.code for c in CURRENCY_TABLE for form in c.symbols
                       if form in _AFTER_SYMBOLS})

_SIGNS = [f for c in CURRENCY_TABLE for f in c.symbols if not _has_letters(f)]
_LETTER_SYMBOLS = [f for c in CURRENCY_TABLE for f in (*c.symbols, c.code) if _has_letters(f)]
# A symbol or code written before the amount: "$2,390", "US$5,130", "A$3 million", "USD 300".
CURRENCY_PREFIX = (
    rf"(?:(?:{_alternation(_LETTER_SYMBOLS, case_sensitive=True)}|"
    rf"{_alternation(_SIGNS, case_sensitive=False)})\s?)"
)
# Characters that may end a prefix right before the digits (the cheap test before a look back).
PREFIX_LAST_CHARS = frozenset(f[-1] for f in (*_SIGNS, *_LETTER_SYMBOLS)) | {" "}
# A currency written after the amount: "495,000 roubles", "300 USD", "5,000 Nepalese rupees".
_WORDS = [f for c in CURRENCY_TABLE for f in c.words if _has_letters(f)]
CURRENCY_WORD = (
    rf"(?:{_alternation(_WORDS, case_sensitive=False)}"
    rf"|{_alternation([c.code for c in CURRENCY_TABLE], case_sensitive=True)})"
    r"(?![\w'’])(?!\s+of\b)"
    rf"|{_alternation(_AFTER_SYMBOLS, case_sensitive=False)}"
)
# Hundredths of a currency written after the amount: "45 cents", "30 pence"; a one-letter form
# only glued to the digits ("10p", not "10 p").
MINOR_WORDS = {_key(form): c.code for c in CURRENCY_TABLE for form in c.minor}
GLUED_MINOR = [f for c in CURRENCY_TABLE for f in c.minor if len(f) == 1]
MINOR_WORD = (
    rf"(?:\s?{_alternation([f for f in MINOR_WORDS if len(f) > 1], case_sensitive=False)}"
    rf"|{_alternation(GLUED_MINOR, case_sensitive=True)})(?![\w'’]|\.\w)"
)
PERCENT = (r"(?:%|\s?per\s?cent\b|\s?percent\b|\s?percentage\s+points?\b|pc\b|\s?pct\b"
           r"|pp\b|\s?ppts?\b"  # "up 0.4pp", "2 ppts": percentage points, as economists write them
           r"|-per-?cent\b|-percent\b|-percentage-points?\b)")  # "a 10-percent rise", "1.5 pct"

DURATION_UNITS = {"day": "day", "days": "day", "month": "month", "months": "month",
                  "year": "year", "years": "year"}

PEOPLE_NOUNS = word_set("""
people persons men women children boys girls soldiers troops servicemen servicemembers
servicewomen personnel recruits conscripts draftees reservists volunteers mercenaries fighters
militants combatants prisoners convicts inmates detainees migrants immigrants emigrants workers
employees staff citizens residents nationals individuals representatives entrepreneurs specialists
students officers officials contractors mobilised mobilized mobilisees dead killed wounded injured
casualties deaths fatalities losses deserters refugees foreigners members veterans pows captives
civilians males females adults teenagers youths guardsmen marines paratroopers pilots sailors
operators medics doctors families relatives cadets trainees applicants candidates participants
servicepeople volunteer-fighters russians ukrainians kids victims diplomats sons daughters parents
husbands wives brothers fathers mothers friends colleagues relatives commandos contracts
respondents interns patients inhabitants occupants claimants dependents recipients voters nurses
graduates pupils police policemen guards
agents operatives analysts experts spies crew crews generals colonels captains admirals
lieutenants sergeants commanders assistants accountants consultants servants attendants
tenants peasants hostages athletes coaches fans pilgrims orphans widows heirs deputies
senators ministers mayors judges jurors clients babies infants toddlers teens newborns
minors juveniles seniors delegates envoys saboteurs partisans insurgents rebels guerrillas
cops scouts enlistees priests monks nuns clerics surgeons physicians chiefs bosses lawmakers
""")
UNIT_NOUNS = word_set("""
tanks vehicles armoured armored apcs ifvs drones uavs missiles rockets shells aircraft jets planes
helicopters ships vessels boats guns howitzers artillery systems launchers brigades battalions
regiments divisions companies platoons squads units formations corps armies enterprises firms
factories plants businesses organisations organizations entities groups countries nations states
regions oblasts provinces republics territories cities towns villages settlements districts
municipalities offices centres centers bases camps colonies prisons cases incidents facilities
schools universities ads advertisements vacancies posts
""")
# Words after a number that make it a measure, a multiplier or a time, not a figure.
NOT_COUNTED = word_set("""
times fold km kilometers kilometres kilometre kilometer miles mile metres meters metre meter m
cm mm kg kilograms tons tonnes ton degrees hectares sq square hours hour minutes minute mins min
seconds sec weeks week decades decade centuries century am pm a.m p.m gmt utc bpm mph kph
years-old year-old inches inch feet foot ft yards yard acres acre millimetres millimeters
millimetre millimeter centimetres centimeters litres liters litre liter gallons gallon barrels
ounces grams lbs megawatts gigawatts kilowatts watts mw gw kw kwh mwh gwh twh volts knots
calories megabytes gigabytes terabytes bytes metric cubic light-years basis bps hectolitres
hectoliters bushels carats kilotons megatons decibels nautical noon midnight o'clock
magnitude quake earthquake tremor aftershock
""")
# Scales a measure is read on, after "on the": "the quake measured 6.8 on the Richter scale".
MEASURE_SCALES = word_set("richter beaufort")
# Nouns of a headcount that a bare "1.2m" after them counts in millions, not metres ("the
# population grew by 1.2m", "the number of visitors rose to 4m"); measure words after the
# number keep it a length ("1.8m tall").
HEADCOUNT_NOUNS = ("population", "populations", "workforce", "membership", "audience", "turnout",
                   "unemployment", "ridership", "viewership", "electorate", "headcount",
                   "enrolment", "enrollment", "number of")
LENGTH_WORDS = word_set("tall high deep long wide away above below underground underwater up down")
# Function words end the noun phrase that follows a number.
_STOPWORDS = word_set("""
of in to from by at on for with that who which whom had have has were was are is will would and
or but as than into after before since during per a an the this these those their its his her
""")
# (a model's name is a word too: "12 F-16 jets", "300 T-72 tanks")
_FOLLOWING = re.compile(r"(?:[ \t\u00a0]+[A-Za-z][A-Za-z'’-]*(?:(?<=-)\d+[A-Za-z]*)?){1,6}")

_PER_WORDS = (
    r"(?P<day>(?:per|a|every|each)\s+day|daily(?=\s*(?:[.,;)]|$)))"
    r"|(?P<month>(?:per|a|every|each)\s+month|monthly(?=\s*(?:[.,;)]|$)))"
    r"|(?P<year>(?:per|a|every|each)\s+year|annually|per\s+annum"
    r"|in\s+(?:their|the|his)\s+first\s+year)"
)
# A rate stated after the figure, in the same clause: "1,000 people signed contracts every day".
RIGHT_PER = re.compile(
    rf"[^\n.;:,()!?\d\[\]]{{0,90}}?(?<![\w-])(?<!than )(?<!for )(?<!in )(?<!within )(?<!over )"
    rf"(?<!after )(?:{_PER_WORDS})\b"
    r"(?!\s+(?:ago|earlier|later|before|after|prior|or|from)\b|-)",
    re.IGNORECASE,
)
# Pay named before the amount in the same clause is monthly: "starting salaries of 190,000".
LEFT_PAY = re.compile(
    r"\b(?:(?P<month>monthly|salary|salaries|wages?|a\s+month)|(?P<year>annual|yearly))\b"
    r"[^\n.;:,()!?\d\[\]]{0,40}$",
    re.IGNORECASE,
)

assert set(CURRENCY_SYMBOLS.values()) | set(CURRENCY_WORDS.values()) <= set(UNITS)
assert set(DURATION_UNITS.values()) <= set(PERS) <= set(UNITS)


def currency_of_symbol(symbol: str) -> str:
    """The currency code of a prefix such as "US$", "€", "Rs" or "USD "."""
    return CURRENCY_SYMBOLS[_key(symbol)]


def currency_of_minor(word: str) -> str:
    """The currency code of a word for its hundredths after an amount ("cents", "pence")."""
    return MINOR_WORDS[_key(word)]


def currency_of_word(word: str) -> str:
    """The currency code of the words after an amount ("roubles", "US dollars", "UAH")."""
    return CURRENCY_WORDS[_key(word)]


def following_words(text: str, end: int) -> list[str]:
    """The lowercased words (up to six) right after `end`, up to a punctuation mark or digit."""
    match = _FOLLOWING.match(text, end)
    return match.group().lower().split() if match else []


def counted_noun(words: list[str]) -> str | None:
    """What the words after a number say it counts: "person", "unit", "excluded", or None.

    The first people or thing noun before a function word or verb decides ("35 Russian regions"
    is a unit); "individuals and entities" counts things; measures and times exclude the number.
    """
    if words and (words[0] in NOT_COUNTED or words[0].endswith(("-year-old", "-years-old"))):
        return "excluded"
    if words[:2] == ["on", "the"] and len(words) > 2 and words[2] in MEASURE_SCALES:
        return "excluded"
    for i, word in enumerate(words[:4]):
        if word in _STOPWORDS or (word.endswith(("ed", "ing")) and word not in PEOPLE_NOUNS
                                  and word not in UNIT_NOUNS):
            return None  # a verb or clause follows: "40,000 joined volunteer units"
        if word in PEOPLE_NOUNS or word.endswith(("ians", "eans")):  # Indians, Koreans
            after = words[i + 1 : i + 3]
            return "unit" if after[:1] == ["and"] and after[1:] and after[1] in UNIT_NOUNS else (
                "person")
        if word in UNIT_NOUNS:
            return "unit"
    return None


# Words ending in "s" that are no plural noun: a number word before them counts nothing.
_NOT_PLURAL = word_set("""
is was has does this thus its us as yes less unless across perhaps always sometimes besides
whereas towards afterwards nevertheless various previous serious famous numerous dangerous
""")


# Names of market indexes: a bare number in their sentence is a level of index points, no
# count of people ("The Dow fell 250.5 points, or 0.8 percent, to 31,200").
MARKET_INDEXES = (
    "Dow", "Nasdaq", "S&P", "FTSE", "Nikkei", "DAX", "CAC", "Hang Seng", "Kospi", "Sensex",
    "Nifty", "Stoxx", "Topix", "ASX", "TSX", "MOEX", "RTS", "Bovespa", "IBEX", "Shanghai Composite",
)
INDEX_WORDS = ("index", "indexes", "indices", "points")

# Plural nouns that count parts of an account, not people, money or things: "in two stages".
ABSTRACT_NOUNS = word_set("""
installments instalments tranches stages phases rounds waves parts ways reasons options sides
steps words things questions occasions decrees laws sentences aspects factors points respects
directions versions scenarios possibilities
""")


def plural_noun(words: list[str]) -> str | None:
    """The plural noun that the words after a number name as what it counts, after at most two
    modifiers ("two kids", "eight more picks", "two separate notices"), or None."""
    for word in (word.rstrip("'’") for word in words[:3]):  # "two researchers’ estimates"
        if (word in _STOPWORDS or word in NOT_COUNTED or word in ABSTRACT_NOUNS
                or word.endswith(("ed", "ing"))):
            return None  # a verb or clause follows: "40,000 joined volunteer units"
        if (len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))
                and word not in _NOT_PLURAL) or _irregular_people_plural(word):
            return word
    return None


# Endings of plural nouns for people ("researchers", "journalists", "Nepalese", "trainees").
_PEOPLE_ENDINGS = ("ers", "ors", "ists", "ans", "ees", "ese")
# Plurals of people without an "s": "five grandchildren", "40 firemen", "three businesswomen"
# (not the singular nouns that end the same way: "a ramen bar", "the regimen").
_IRREGULAR_PEOPLE_PLURALS = ("children", "men")
_MEN_SINGULARS = word_set("specimen abdomen regimen acumen albumen hymen stamen semen omen amen ramen")


def _irregular_people_plural(word: str) -> bool:
    return word.endswith(_IRREGULAR_PEOPLE_PLURALS) and word not in _MEN_SINGULARS


def plural_kind(noun: str, capitalised: bool = False) -> str:
    """What a plural noun counts, by ANNOTATION.md's units: "person" or "unit" (other things).
    A capitalised noun is a people's name ("5,000 Cubans", "300 Gurkhas")."""
    noun = noun.removeprefix("ex-")  # "ex-commandos"
    if (capitalised or noun in PEOPLE_NOUNS or noun.endswith(_PEOPLE_ENDINGS)
            or _irregular_people_plural(noun)):
        return "person"
    return "unit"


def rate_after(text: str, end: int) -> tuple[str | None, int, int]:
    """The rate stated after a figure in the same clause ("a day"), and where it starts and ends."""
    window = text[end : end + 110].lower()
    if not any(word in window for word in ("day", "daily", "month", "year", "annu")):
        return None, end, end
    match = RIGHT_PER.match(text, end)
    if not match:
        return None, end, end
    return match.lastgroup, match.start(match.lastgroup), match.end()


# Pay by the hour ("£11.44 an hour"): a rate the claims table has no `per` for, never monthly.
HOURLY_AFTER = re.compile(r"\s+(?:an?|per|each|every)\s+hour\b|\s+hourly\b|/h(?:ou)?r\b", re.IGNORECASE)


def pay_rate_before(text: str, start: int, end: int | None = None) -> str | None:
    """"month" when the clause before an amount names a salary or monthly pay (not when the
    amount at `end` is paid by the hour: "a minimum wage of $15 an hour")."""
    if end is not None and HOURLY_AFTER.match(text, end):
        return None
    match = LEFT_PAY.search(text, max(0, start - 60), start)
    if not match:
        return None
    return "month" if match.group("month") else "year"


# How each shared sign is written in a figure's quote: a rupee with no country ("Rs", "Rs.",
# "₨", "rupee(s)"; not "₹" nor "Indian rupees"), a symbol alone before the digits ("¥1,200", not
# "CN¥"/"JP¥"; "R20 billion").
SHARED_SIGNS = {
    "rupee": re.compile(r"(?<![\w₹])(?:Rs\.?|₨|rupees?\b)(?!.*\bIndian\b)", re.IGNORECASE),
    "peso": re.compile(r"(?<!Mexican\s)\bpesos?\b", re.IGNORECASE),
    **{symbol: re.compile(rf"(?<![\w¥$]){re.escape(symbol)}\s?\d") for symbol in ("¥", "R")},
}
SIGN_COUNTRY_WORDS = {
    sign: {code: re.compile(rf"\b{phrases_pattern(words)}\b") for code, words in codes.items()}
    for sign, codes in SHARED_SIGN_COUNTRIES.items()}


def written_in(f: Figure, sign: str, default: str) -> bool:
    """Whether a figure's amount is in `default` and its quote writes the shared `sign`."""
    return default in (f.unit, f.alt_unit) and bool(SHARED_SIGNS[sign].search(f.quote or ""))


def local_currencies(text: str, found: list[Figure]) -> list[Figure]:
    """`found`, with an amount in a sign several currencies share (an unqualified rupee, "¥",
    "R") in the currency of the country the article names most among those that write it, when
    that is not the table's (SHARED_SIGN_COUNTRIES: "Rs20 million" in an article about Nepal is
    NPR, "¥1,200" about Japan JPY, "R20 billion" about South Africa ZAR)."""
    for sign, words in SIGN_COUNTRY_WORDS.items():
        default = next(iter(words))
        if not any(written_in(f, sign, default) for f in found):
            continue
        counts = {code: len(pattern.findall(text)) for code, pattern in words.items()}
        local = max(counts, key=counts.get)
        if local == default or counts[local] <= counts[default]:
            continue
        found = [replace(f, unit=local if f.unit == default else f.unit,
                         alt_unit=local if f.alt_unit == default else f.alt_unit)
                 if written_in(f, sign, default) else f for f in found]
    return found
