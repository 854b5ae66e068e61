"""The compiled patterns that find number expressions and read the words around them.

Compiled once at import: `transforms.figures.numbers` runs them over every article, so each is either a
single scan of the text (`CORE`) or anchored at a known offset (`.match(text, pos)`) or at the
end of a short window before a number (`.search(text, start - n, start)` with `$`).
"""

from __future__ import annotations

import re

from transforms.declarations.words import (
    KNOWING_NOUNS,
    KNOWING_WORDS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    SPACED_DECIMAL,
    WEEKDAYS,
    phrases_pattern,
    words_pattern,
)
from transforms.figures.number_words import (
    DIGIT_FRACTIONS,
    POINT_AFTER_FRACTION,
    SHARE,
    TAKES_ARTICLE,
    TRIGGER_WORDS,
    VAGUE,
    WORD_NUMBER,
    trie_pattern,
)
from transforms.figures.units import (
    CURRENCY_PREFIX,
    CURRENCY_WORD,
    GLUED_MINOR,
    HEADCOUNT_NOUNS,
    INDEX_WORDS,
    MARKET_INDEXES,
    MINOR_WORD,
    PERCENT,
    PREFIX_LAST_CHARS,
    word_set,
)

# Digits with English, Indian or European separators, or plain digits with a decimal part:
# "2,390", "1,271.2", "12,00,000", "400, 000", "260 000", "5 248,5", "2.390" (not "1.320
# million"), "1.234,5", "4,5 million", "1.9". Each alternative is linear: groups are fixed-width.
_SCALE_AHEAD = r"\s?(?:million|billion|trillion|thousand|mln|bln|bn|trln|lakhs?|crores?)\b"
NUMBER = (
    r"\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])"  # Indian grouping: "12,00,000", "1,50,00,000"
    r"|\d{1,3}(?:,\d{3}(?!\d))+(?:\.\d+)?"
    r"|\d{1,3},\s\d{3}(?![\d,.])"  # "400, 000", but not the day in "January 1, 280,000"
    r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3}(?!\d))+(?:,\d{1,2}(?![\d,]))?(?![.,]\d)"
    r"|\d{1,3}(?:\.\d{3}(?!\d))+(?:,\d{1,2}(?![\d,]))?(?![.,]\d|" + _SCALE_AHEAD + ")"
    r"|\d+,\d{1,2}(?=" + _SCALE_AHEAD + ")"
    r"|" + SPACED_DECIMAL +  # scraped "16. 335 billion"
    r"|\d+(?:\.\d+)?"
)
# "million", "4 hundred million", "2 lakh", "1.5 crore", "1.5 lakh crore", "64.8million",
# "417K", "3.5bn", "a $1.2-billion deal".
MULTIPLIER = (
    r"(?:-(?:million|billion|trillion)\b"
    r"|\s?(?:(?:hundred\s+)?(?:million|billion|trillion|thousand)|mln|mn|bln|bn|trln|trn|tn"
    r"|(?:lakhs?|lacs?)(?:\s+crores?)?|crores?)\b|(?:bn|[kKmMbB])\b)"
)
_TAIL = r"\s+\d{1,3}\s?(?:thousand|million)\b"  # "2 million 389 thousand"
_FRACTION = (r"(?<!\d[.,]\d)(?<![.,]\d\d)(?:[" + "".join(f for f in DIGIT_FRACTIONS if len(f) == 1) + "]"
             r"|\s(?:" + "|".join(f for f in DIGIT_FRACTIONS if len(f) > 1) + r")(?![\d/]))")
CORE = re.compile(
    rf"(?P<vague>\b(?:{VAGUE})\b)"
    rf"|(?P<share>\b(?:{SHARE}))"
    rf"|(?:(?<![\w.,:/+\-−])|(?<=\s[a-z]))(?P<sign>[-+−](?=\d|{CURRENCY_PREFIX}\d))?(?P<cur>{CURRENCY_PREFIX})?"
    rf"(?P<num>{NUMBER})(?P<frac>{_FRACTION})?"
    rf"(?P<mult>{MULTIPLIER})?(?P<tail>{_TAIL})?"
    rf"|(?P<words>\b{WORD_NUMBER})",
    re.IGNORECASE,
)
# Where a CORE match can start. Scanning with CORE itself is slow (every alternative is tried
# at every character), so these cheap scans find the starts and CORE is matched there only.
# Number words are looked for in the lowercased text: a case-insensitive scan is twice as slow.
# A run of digits with its separators is one start ("12,00,000", not also "00,000").
DIGIT_START = re.compile(r"\d+(?:[.,]\d+)*")
# A currency prefix ending where the digits start: "US$", "A$ ", "Rs ", "USD ".
PREFIX_BEFORE = re.compile(rf"(?<![\w$])(?:{CURRENCY_PREFIX})$")
WORD_START = re.compile(rf"(?<![a-z]){trie_pattern(TRIGGER_WORDS)}(?![a-z])")
WORD_START_ANY_CASE = re.compile(WORD_START.pattern, re.IGNORECASE)

# Words that soften a bound without changing its side: "just over", "a little under", "well
# north of", "slightly more than".
_SOFTENER = r"(?:(?:well|just|slightly|comfortably|somewhat|a\s+(?:little|bit|touch))\s+)?"
_AT_LEAST = (
    rf"at\s+least|{_SOFTENER}(?:more\s+than|over|above|north\s+of)|upwards?\s+of|in\s+excess\s+of"
    r"|no\s+(?:fewer|less)\s+than|not\s+less\s+than|(?:a\s+)?minimum\s+of|exceed(?:ing|ed|s)"
    r"|exceed|surpass(?:ing|ed|es)?|topp(?:ing|ed)|tops|beyond"
    r"|starting\s+(?:at|from)|(?:not|never)\s+(?:\w+\s+)?(?:below|under)"
    r"|as\s+(?:few|little|low)\s+as"  # the low end of estimates: "as few as 10 may have died"
)
_AT_MOST = (
    r"up\s+to|as\s+many\s+as|as\s+much\s+as|as\s+high\s+as|no\s+more\s+than|not\s+more\s+than|fewer\s+than"
    rf"|{_SOFTENER}(?:less\s+than|fewer\s+than|under|below|south\s+of|shy\s+of)"
    r"|just\s+short\s+of|at\s+most|(?:an?\s+)?maximum\s+(?:[a-z]+\s+)?of"
)
_APPROX = (
    r"about|around|some|nearly|near|roughly|approximately|approx\.|(?:an\s+)?estimated(?:\s+at)?|put\s+at|almost"
    r"|close\s+to|nearing|approach(?:ing|ed|es)|circa|~|≈|(?:an\s+)?estimate\s+of|in\s+the\s+region\s+of"
)
_NOT_A_FIGURE = (
    r"article|art\.|no\.|nos\.|number|part|paragraph|clause|chapter|section|item|pages?|pp\.?|episode"
    r"|season|phase|stage|level|version|model|type|flight|route|decree|resolution|war|table"
    r"|chart|map|fig\.|unit|brigade|battalion|regiment|division|(?:is|was|on|by|since)\s+day|#"
    r"|game|match|category|cat\.|class|grade|windows|iphone|ipad|galaxy|pixel|highway|gate|room"
    r"|apartment|flat|building|block|platform|channel|exit|zone|sector|lane|bus|tram|line|tier"
    r"|interstate|s&p|fortune|ftse|russell|stoxx|nikkei"  # "Interstate 95", "the S&P 500"
    r"|boeing|airbus|embraer|falcon|apollo|artemis|proposition|prop\.|precinct|ward|terminal"
    r"|magnitude(?:\s+of)?|(?<!or\s)minus"  # "Boeing 737", "Apollo 11", "Proposition 22", "magnitude 6.4",
    # "minus 5" (below zero: the claims table holds no negative values; "plus or minus 2%" is)
    r"|(?:one|1)\s+(?:in|out\s+of)|per|(?:for|in|out\s+of)\s+every|aged?\s+(?:of\s+|over\s+|under\s+|between\s+|from\s+)?"
    r"|ages\s+(?:of\s+)?(?:between\s+)?"
    r"|(?:key|interest|policy|refinancing|base|discount|lending|mortgage|exchange|deposit)\s+rates?"
    r"(?:\s+(?:[a-z]+\s+){0,3}?(?:of|at|to|by))?|="  # "mortgage rates climbed to 7.1%"
)
# The words right before a number: its qualifier, a range opener, or what makes it no figure.
LEFT = re.compile(
    rf"(?<![\w'’])(?:(?P<exclude>{_NOT_A_FIGURE})|(?P<top>top)|(?P<at_least>{_AT_LEAST})"
    rf"|(?P<at_most>{_AT_MOST})|(?P<approx>{_APPROX})|(?P<between>between)"
    rf"|(?P<from>(?:ranging\s+|anywhere\s+)?from))\s*$",
)  # matched on lowercased text: a case-insensitive search is twice as slow
# The last word of every LEFT phrase: a number after any other word has no qualifier.
LEFT_LAST_WORDS = word_set("""
least than over of upwards upward above exceeding exceeded exceeds surpassing surpassed surpasses
topping topped tops exceed surpass beyond approached approaches at from below under to as about around
some nearly near roughly approximately approx. estimated almost nearing approaching circa c. ~ ≈ between
article art. no. nos. number paragraph clause chapter section item page pages pp pp. episode season
phase stage
level version model type flight route decree resolution war # in age aged ages rate rates by =
most part table chart map fig. unit brigade battalion regiment division day game match category
cat. class grade windows iphone ipad galaxy pixel highway gate room apartment flat building block
platform channel exit zone sector lane bus tram line tier top per every interstate s&p fortune ftse
russell stoxx nikkei boeing airbus embraer falcon apollo artemis proposition prop. precinct ward
terminal magnitude minus
""")
# The people a statement comes from, counted: "two sources close to the talks said", "three
# officials told" (a count of speakers is no figure an analyst extracts).
COUNTED_SPEAKERS = re.compile(
    r"\s+(?:[a-z.]+\s+)?(?:"
    + "|".join(n for n in KNOWING_NOUNS if n.endswith(("s", "people"))) + r")\s+(?:"
    + phrases_pattern(KNOWING_WORDS) + r"|said|say|says|told|tell|spoke)\b", re.IGNORECASE)
# A verb of change before "from X to Y" makes two figures of it, not a range.
CHANGE = re.compile(
    r"\b(?:increas|ris|rose|grow|grew|fall|fell|drop|declin|decreas|jump|climb|rais|reduc|cut"
    r"|boost|expand|went|gone|shrank|shrunk|extend|shorten|lengthen|prolong)\w*\b",
    re.IGNORECASE,
)

_CHANGE_WORDS = (
    r"increas|ris|rose|grow|grew|fall|fell|drop|declin|decreas|jump|climb|rais|reduc|cut|boost"
    r"|expand|went|gone|shrank|shrunk|slid|slump|plung|surg|soar|doubl|halv|tripl|lower|hik|dip"
    r"|swell|swollen|mount|balloon|tumbl|slash|lift|upped|narrow|widen|chang|adjust|revis"
    r"|extend|shorten|lengthen|prolong|slow|eased|eases|easing|edg|accelerat|quicken|rebound"
    r"|sank|sink|advanc|retreat|weaken|strengthen|recover|slipp|sagg|drift|ticked|inched"
)
# A verb of change right before a number: "rose by 5% to", "fell from $2,415 to", "up 9.4% to"
# ("rose 5 to 10 percent" stays a range).
CHANGE_BEFORE = re.compile(
    rf"(?:\b(?:{_CHANGE_WORDS})\w*\s+(?:\w+ly\s+|(?:its|their|his|her|the|our|this)\s+"
    rf"(?:[a-z][\w-]*\s+){{0,2}}?)?(?:by|from)|(?P<updown>\b(?:up|down)(?:\s+(?:by|from))?))"
    r"\s+(?:(?:about|around|some|nearly|almost|roughly|just|more\s+than|over|an?)\s+)?$",
    re.IGNORECASE,
)
# A verb of change right before the number, with no "by" or "from": "rose $1.50 to $85.20".
CHANGE_RIGHT_BEFORE = re.compile(CHANGE.pattern + r"\s+(?:(?:about|around|nearly|almost|just)\s+)?$",
                                 re.IGNORECASE)
# "up"/"down" right before a "from": "..., up from 300,000"
UP_DOWN_BEFORE = re.compile(r"\b(?:up|down)\s+$", re.IGNORECASE)
# Verbs whose "up"/"down" is no change of a number: "signed up 300 to 400 men".
PHRASAL_UP = re.compile(
    r"(?:sign|call|set|line|pick|show|turn|take|took|make|made|draw|drew|round|put|give|gave"
    r"|bring|brought|break|broke|shut|hand|back|end|mop|hunt|track|beat|round|write|wrote)\w*"
)

_MONTH = (
    r"(?:(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)|May|MAY)"
)
DATE_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b")
DATE_BEFORE = re.compile(rf"\b{_MONTH}\.?\s+$")
# An age: "At 26, I ...", or a small number in a clause about age ("the age limit ... from 27 to
# 30"). Searched in the window before the number.
AGE_CLAUSE = re.compile(r"(?:(?:^|[.!?]\s+|\n)At\s+|\bages?\b(?!\s+of\s+\d)[^.;!?\n\d]{0,60})$")
# A telephone number: "+7 495 123 45 67", "+44 20 7946 0958".
PHONE = re.compile(r"\+\d{1,3}(?:[\s.-]?\(?\d{2,4}\)?){2,}")
# A North American telephone number: "555-0142" after a word of calling, "800-555-0199" and
# "(212) 555-0199" anywhere.
LOCAL_PHONE = re.compile(r"(?:\(\d{3}\)\s?|\d{3}[-.])\d{3}[-.]\d{4}(?!\d)")
CALL_PHONE = re.compile(r"\d{3}-\d{4}(?!\d)")
CALL_WORD_BEFORE = re.compile(
    r"\b(?:call|calling|dial|phone|telephone|hotline|fax|text)\s+(?:us\s+)?(?:at\s+|on\s+)?$",
    re.IGNORECASE)
# A number written with a leading zero is a code, a phone or an hour, never an amount: "0800 123
# 456", "007" (and what follows it in groups of digits is the same number)
LEADING_ZERO = re.compile(r"0\d+(?:[ .-]\d{2,4})*")
# A date in digits: "13.02.2023", "3/9/24", "2023-09-03".
NUMERIC_DATE = re.compile(r"(?:\d{1,2}([./-])\d{1,2}\1(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?![\d.,])")
# A product or brand name in mixed case right before a number: "iPhone 11", "PlayStation 5".
NAME_BEFORE = re.compile(r"(?<![\w-])[A-Za-z]*[a-z][A-Z][A-Za-z]*\s$")
# A capitalised word inside a sentence right before a whole number: "Title 42", "Porsche 911",
# "Local 600", "Maroon 5", "the Group of 20" (a name, when nothing counted follows; not a month
# or a weekday)
CAPITALISED_BEFORE = re.compile(
    rf"(?<=[\w,;)]\s)(?!(?:{'|'.join((*MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS))})\b)"
    r"[A-Z][A-Za-z&]*\s+(?:of\s+)?$")
# A count right before the capitalised word a number follows: "sent 18 Leopard 2 tanks" (not a
# plural: "of 300 Russians 40").
COUNT_THEN_NAME = re.compile(r"(?<![\w,.])\d[\d,]*\s+[A-Z][A-Za-z]*[a-rt-z]\s+$")
# A lowercase word of four letters or more: the sentence is prose, not a headline in title case
# ("Putin Says 300 Have Joined", where capitals name nothing)
PROSE_WORD = re.compile(r"\b[a-z]{4,}\b")
# An emergency number after a word of calling: "call 911", "dial 999"
EMERGENCY = re.compile(r"(?:911|999|112|111|000)(?![\d,.])")
# A street address: "12 Downing Street", "3 Tverskaya St."
ADDRESS_AFTER = re.compile(
    r"\s+(?:[A-Z][\w'’-]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Boulevard|Blvd|Square"
    r"|Place|Drive|Way|Prospekt|Prospect|Embankment|Highway|Ulitsa)\b"
)
# A score: "3-2", "2:1", with a word of a contest around it: "a 3-2 win", "won 2-1".
SCORE = re.compile(  # "won 5-2." ends a sentence, "lost 4-6, 6-3" ends a set
    r"\d{1,2}\s?[-–—:]\s?\d{1,2}(?![\d%]|[.,]\d)")
# Numbers chained by hyphens or a slash into a name, not an amount: "the 9-9-9 plan", "a 4-3-3
# formation", "24/7", "a 24-7 service"
NUMBER_CHAIN = re.compile(r"\d{1,2}(?:-\d{1,2}){2,}(?![\d,%]|\.\d)|24[-/]7(?![\d,%]|\.\d)")
# A score of points or a vote's tally, the winner's first: "won 112-104", "passed 52-48" (never
# a range, whose low comes first: "lost 500-700 men"); "by a vote of 219 to 212" too, when no
# percent follows
POINTS_SCORE = re.compile(
    r"(\d{1,3})(?:[-–—]|\s+to\s+(?=\d{1,3}(?![\d%]|[.,]\d|\s*(?:%|per\s?cent|percent))))(\d{1,3})"
    r"(?![\d%]|[.,]\d)")
TALLY_WORD_BEFORE = re.compile(
    r"\b(?:passed|ruled|voted|approved|rejected|confirmed|upheld|struck\s+down|overturned"
    r"|vote\s+(?:of|was|is|were)|margin\s+of)\s+(?:[\w'’$.-]+,?\s+){0,5}$",
    re.IGNORECASE)  # "passed the $1.2 trillion bill, 69-30", "the vote was 5-4"
SCORE_WORD_AFTER = re.compile(
    r"\s+(?:(?:home|away|road|shock|narrow|comfortable|famous|series|early|late|first-half"
    r"|half-time|halftime)\s+)?(?:win|victory|defeat|loss|split|chance|odds|ratio"
    r"|draw|lead|scoreline|triumph|thrashing|comeback|upset|decision|ruling|verdict|majority)\b",
    re.IGNORECASE,
)
SCORE_WORD_BEFORE = re.compile(
    r"\b(?:won|win|wins|winning|lost|lose|loses|losing|beat|beats|beaten|beating|defeated|defeating"
    r"|drew|drawn|trail\w*|lead\w*|scor(?:ed|es|ing)"
    r"|score\s+of|scoreline\s+of|final\s+score)\s+(?:[\w'’-]+,?\s+){0,3}$",  # "won 6-4, 6-3"
    re.IGNORECASE,
)
# Clock times, dates, ordinals, letters glued to the digits: "9:23", "5 PM", "15/03", "19th";
# not "24pc" (percent) or "10p" (pence).
NOT_AFTER = re.compile(
    r"[:/.]\d|\s?(?:[ap]\.m\.|[ap]m\b|gmt\b|utc\b)|(?:st|nd|rd|th)\b"
    rf"|(?!pc\b|pp\b|ppts?\b|(?-i:{'|'.join(map(re.escape, GLUED_MINOR))})(?![\w'’]|\.\w))[A-Za-z\d]|\s?[½¼¾]"
    r"|\s*="
    r"|,\s\d{1,2}\s+(?:times|fold)\b",  # "by 2, 4 times": a multiplier with a spaced decimal comma
    re.IGNORECASE,
)
# A code with its bracketed letters: "401(k)", "501(c)(3)", "8(a)".
CODE_BRACKETS = re.compile(r"(?:\([a-z\d]\))+", re.IGNORECASE)
# A price of money: "104 roubles to the dollar", "$1 = 90 roubles".
EXCHANGE_RATE = re.compile(
    r"\s*=|\s+(?:per|to\s+(?:the|one|a)|against\s+the|for\s+(?:one|a|each))\s+"
    rf"(?:{CURRENCY_WORD}|{CURRENCY_PREFIX}?1\b)",
    re.IGNORECASE,
)
PERCENT_AFTER = re.compile(PERCENT, re.IGNORECASE)
MINOR_AFTER = re.compile(rf"(?P<word>{MINOR_WORD})", re.IGNORECASE)
CURRENCY_AFTER = re.compile(rf"\s?(?P<word>{CURRENCY_WORD})", re.IGNORECASE)
RANGE_TAIL = re.compile(  # "25,000 to 30,000", "from 500,000 to more than a million"
    rf"(?P<sep>[-–—]|\s?–\s?|\s+(?:to|and)\s+)(?:(?:more\s+than|over|almost|nearly)\s+)?"
    rf"(?P<cur>{CURRENCY_PREFIX})?(?P<num>{NUMBER}|an?(?=\s(?:million|billion|thousand)\b))"
    rf"(?P<mult>{MULTIPLIER})?(?P<pct>{PERCENT})?(?![\d\-])",
    re.IGNORECASE,
)
_ABOUT = r"(?:approximately|approx\.|about|around|roughly|some|nearly|almost|over|~|≈|c\.)"
# A conversion set off by commas or stated as a worth: "204,000 roubles, roughly $2,100, a
# month", "..., or approximately 18 million USD", "2 million rubles is worth roughly $25,000".
CONVERSION_COMMA = re.compile(
    r"(?:,\s*(?:or\s+)?|(?P<worth>\s+(?:is|are|was|were)\s+(?:worth|equal\s+to|equivalent\s+to"
    r"|the\s+equivalent\s+of)\s+))"
    rf"(?:{_ABOUT}\s*)?(?:(?P<cur>{CURRENCY_PREFIX})(?P<num>{NUMBER})(?P<mult>{MULTIPLIER})?"
    rf"|(?P<wnum>{NUMBER})(?P<wmult>{MULTIPLIER})?\s?(?P<word>{CURRENCY_WORD}))"
    r"(?=\s*(?:,|\.|;|\)|$|\s+at\s+(?:current|the|today)))",
    re.IGNORECASE,
)
CONVERSION = re.compile(
    rf"\s*\(\s*(?:(?:or|i\.e\.|that\s+is)\s+)?(?:{_ABOUT}\s*)?(?P<cur>{CURRENCY_PREFIX})?(?P<num>{NUMBER})"
    rf"(?P<mult>{MULTIPLIER})?(?:\s?(?P<word>{CURRENCY_WORD}))?"
    rf"(?P<range>\s*(?:-|–|—|to)\s*(?:{CURRENCY_PREFIX})?(?:{NUMBER})(?:{MULTIPLIER})?)?\s*\)",
    re.IGNORECASE,
)
DURATION_AFTER = re.compile(r"(?:\s+|-)(?P<unit>days?|months?|years?)\b", re.IGNORECASE)
# After a duration, these make it an age, a point in time or a prison term, not a term of service.
NOT_A_TERM_AFTER = re.compile(
    r"[-\s]+old\b|\s+(?:ago|earlier|later|before|of\s+age)\b"
    r"|\s+(?:in\s+(?:prison|jail|a\s+penal)|of\s+(?:imprisonment|prison|jail)|behind\s+bars)\b",
    re.IGNORECASE,
)
DURATION_NOT_BEFORE = re.compile(
    r"\b(?:first|last|previous|past|next|following|coming|recent|preceding|within|in|during"
    r"|since|another|additional|extra)\s+(?:(?:just|only|about|around|under|less\s+than)\s+)?$",
    re.IGNORECASE,
)
SERVICE_TERMS = re.compile(
    r"\b(?:contract\w*|serv(?:e|ed|es|ing|ice)\b|sign(?:s|ed|ing)?\s+(?:on|up)|enlist\w*"
    r"|amnesty|discharge\w*|fight(?:s|ing)?\b|tour\s+of\s+duty|term\s+of)",
    re.IGNORECASE,
)
# Points of a poll's lead or of a change, hyphenated: "a 10-point lead", "a 3-point drop".
POINTS_HYPHEN = re.compile(
    r"-points?(?=\s+(?:lead|gap|margin|advantage|deficit|swing|drop|fall|rise|gain|jump|decline"
    r"|increase|slide|lift)\b)", re.IGNORECASE)
# The first end of a range whose unit is written once, on the second: "two- to five-year
# contracts", "10- to 15-percent", "three- or four-month".
SUSPENDED_HYPHEN = re.compile(r"-\s+(?:to|or)\s+", re.IGNORECASE)
# A bound written after the number: "250,000-plus members", "100+ stores" (at least), "40-odd
# staff" (about); "or more", "or less" also after the unit ("20% or more", "$500 or less").
_OR_BOUND = (r"\s+or\s+(?:(?P<more>more|above|higher|over)|(?P<at_most>less|fewer|below|under|lower))"
             r"(?![\w+])")
BOUND_AFTER = re.compile(r"(?:-(?P<at_least>plus)|(?P<plus>\+)|-(?P<approx>odd))(?![\w+])|" + _OR_BOUND,
                         re.IGNORECASE)
BOUND_AFTER_UNIT = re.compile(_OR_BOUND, re.IGNORECASE)
# People named by their age after a count: "two 18-year-olds", "three 20-somethings".
AGED_PEOPLE_AFTER = re.compile(r"\s+\d{1,3}-(?:years?-olds|somethings)\b")
HYPHEN_WORD = re.compile(r"-(?!strong\b|plus\b|odd\b)[A-Za-z]")  # "a 12-member panel": one body
# "Vladimir Putin, 71, said": an age in apposition after a name.
AGE_AFTER_NAME = re.compile(r"(?:[A-Z][\w'’.-]+|\b[Tt]he\s+[a-z]+),\s*$")
# "the recruits are over 40.": an age, when nothing is counted after the number
AGE_OVER = re.compile(
    r"\b(?:(?:are|were|is|was|be)\s+(?:over|under|older\s+than|younger\s+than)|who\s+(?:is|was))\s+$")
# People named by their age: "people over 65", "men between 18 and 60", "students under 18",
# "those older than 50"; a birthday: "he turned 40". Ages, when nothing is counted after them.
AGE_HOLDERS = (
    "people", "persons", "men", "women", "children", "boys", "girls", "adults", "students",
    "pupils", "teenagers", "workers", "citizens", "residents", "voters", "drivers", "patients",
    "those", "anyone", "everyone", "individuals", "applicants", "males", "females", "smokers",
)
AGE_OF_PEOPLE = re.compile(
    rf"(?:\b{words_pattern(AGE_HOLDERS)}\s+(?:who\s+are\s+)?(?:over|under|above|below|older\s+than"
    r"|younger\s+than|between)|\bturn(?:s|ed|ing)?)\s+$", re.IGNORECASE)
# "three wounded for every soldier killed": a ratio, not a count
RATIO_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}for\s+(?:every|each)\b", re.IGNORECASE)
# "120 deaths for every 10,000 men": a rate per a population of hundreds or more, whose count
# is a figure (the population it is counted per is none)
PER_POPULATION = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}for\s+every\s+(?:\d{1,3}(?:[ ,\u00a0]\d{3})+|[1-9]\d{2,}"
    r"|(?:a|one)\s+(?:hundred|thousand|million)|hundred|thousand|million)\b", re.IGNORECASE)
# "these two reserves", "the other three": a number word that points back at things named before.
POINTS_BACK = re.compile(r"\b(?:these|those|the\s+other|both)\s+$", re.IGNORECASE)
# "two of them", "two of the three victims", "three of its 12 stores": a part of a group
# What befell people counted by a number word alone: "five were hurt", "two died", "three
# remain missing" (digits count people there already: "40 were hurt")
FATE_AFTER = re.compile(
    r"\s+(?:(?:were|are|was|have\s+been|had\s+been|remain|remained)\s+(?:still\s+)?(?:killed"
    r"|injured|hurt|wounded|missing|dead|arrested|detained|rescued|hospitali[sz]ed|evacuated"
    r"|displaced|unaccounted)|died|survived|escaped|drowned)\b", re.IGNORECASE)
# A group's size said in words: "in groups of two or three", "in teams of five" (the number
# counts the members, though no noun follows it)
GROUPS_OF_BEFORE = re.compile(
    r"\b(?:groups|batches|teams|squads|bands|crews|units|pairs|cells)\s+of\s+(?:[a-z]+\s+or\s+)?$",
    re.IGNORECASE)
# Points a number word's change is counted in: "support rose four points"
POINTS_AFTER = re.compile(r"\s+points?\b", re.IGNORECASE)
# "the two were arrested": a number word after "the" points back at people named before
THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
OF_GROUP = re.compile(
    r"\s+of\s+(?:them|whom|those|these|us\b|(?:the|its|their|our|his|her)\s+(?=[\da-z]))",
    re.IGNORECASE)
# A part of a counted whole: "60 of its 200 vehicles", "two of his sons", "3 of every 10
# volunteers" (the whole's number, if any, is skipped: the noun after it is what both count).
PARTITIVE = re.compile(
    r"\s+of(?:\s+(?:the|its|their|our|his|her|these|those|every|all|each))?(?:\s+\d[\d,.]*\d|\s+\d)?"
    r"(?=\s)",
    re.IGNORECASE)
SHARE_OF_TIME = re.compile(
    r"\s+(?:of\s+)?(?:the\s+|this\s+|that\s+|its\s+)?(?:year|month|week|day|decade|century|season"
    r"|quarter|term|\d{4})\b",
    re.IGNORECASE,
)
POINT_AFTER_FRACTION = re.compile(POINT_AFTER_FRACTION, re.IGNORECASE)
# "a half percentage point": the article that opens a share of a point ("half" alone opens it)
ARTICLE_BEFORE = re.compile(r"(?<!\band\s)(?<![\w-])(?:an?|one)\s+$", re.IGNORECASE)
SHARE_NOT_BEFORE = re.compile(  # "the first half", "two-and-a-half times", "profit in the half"
    r"\b(?:first|second|last|latter|former|the|an?|and[\s-]+a|one[\s-]+and[\s-]+a)[\s-]+$",
    re.IGNORECASE,
)
# A market index or its points named earlier in the sentence: what a bare number there counts.
INDEX_BEFORE = re.compile(
    rf"(?:\b(?-i:{phrases_pattern(MARKET_INDEXES)})|\b(?i:{words_pattern(INDEX_WORDS)}))"
    r"(?:[^.;!?\n]|\.(?=\d))*$")  # (a decimal point ends no sentence: "250.5 points")
# A headcount named earlier in the sentence, before a bare "6.6m" (see HEADCOUNT_NOUNS).
HEADCOUNT_BEFORE = re.compile(rf"\b{phrases_pattern(HEADCOUNT_NOUNS)}[^.;!?\n]*$", re.IGNORECASE)
URL = re.compile(r"https?://\S+|www\.\S+")
_SIGN_BEFORE = frozenset("-+−")


def candidate_starts(text: str) -> list[int]:
    """Offsets where a number expression may start, in order (a cheap pre-scan, see patterns)."""
    starts = []
    for hit in DIGIT_START.finditer(text):
        start = hit.start()
        if start and text[start - 1] in PREFIX_LAST_CHARS:
            prefix = PREFIX_BEFORE.search(text, max(0, start - 7), start)
            if prefix:
                start = prefix.start()  # "US$5,130", "Rs 50 lakh", "USD 300"
                starts.append(start)
        if start and text[start - 1] in _SIGN_BEFORE:
            starts.append(start - 1)  # "-3.5%", "+12%"
        starts.append(hit.start())
    lower = text.lower()
    if len(lower) != len(text):  # lowercasing changed offsets (rare letters): slower scan
        starts.extend(hit.start() for hit in WORD_START_ANY_CASE.finditer(text))
        return sorted(starts)
    for hit in WORD_START.finditer(lower):
        start = hit.start()
        if hit.group() in TAKES_ARTICLE and (article := _article_before(lower, start)):
            start -= article  # "a thousand", "a third", "a few"
        starts.append(start)
    starts.sort()
    return starts


def _article_before(lower: str, start: int) -> int:
    """The length of "a " or "an " right before `start` (as a word), else 0."""
    for article in ("a ", "an "):
        begin = start - len(article)
        if lower.startswith(article, begin) and (begin == 0 or not lower[begin - 1].isalpha()):
            return len(article)
    return 0
# The clause before a bare amount talks money: "adds 1.5 million roubles to the federal 400,000",
# "a city bonus of $1.9 million and 400,000". The amount takes the currency of the amount there
# (only a currency word after digits counts: "a lump sum", "Putin won" name no currency).
MONEY_NAMED = re.compile(
    rf"\d(?:{MULTIPLIER})?\s?(?P<word>{CURRENCY_WORD})|(?<![\w$])(?P<cur>{CURRENCY_PREFIX})\d",
    re.IGNORECASE,
)
# A word of pay right before a bare amount (at most 40 letters back, no digit between).
MONEY_WORD_BEFORE = re.compile(
    r"\b(?:pays?|paid|adds?|added|bonus(?:es)?|payments?|salar\w+|sum|wages?|budget|federal"
    r"|regional)\b[^.;:!?\n\d]{0,40}$",
    re.IGNORECASE,
)

# A decimal comma no reader can take for a thousands mark: after grouped thousands ("21 922,12",
# "1.234,5") or before one or two digits and a percent or scale word ("8,9 billion", "4,5%").
DECIMAL_COMMA = re.compile(
    r"\b\d{1,3}(?:[ .]\d{3})+,\d{1,2}\b"
    r"|\b\d{1,3},\d{1,2}\s?(?:%|per\s?cent|percent|million|billion|trillion|mln|bln|trln)\b",
    re.IGNORECASE,
)
# "5,248 billion": a comma before three digits and a scale, read by the article's convention.
AMBIGUOUS_SCALED_COMMA = re.compile(r"\d{1,3},\d{3}")

# A term of one written with the article after "for": "serve for a year", "fight for at least a
# year" (a count of one, but a term of service, ANNOTATION.md).
# (led by its first letter in either case, the word boundary read after it: a search skips to
# that letter; the same matches as r"\bfor\s+..." case-blind)
ARTICLE_TERM = re.compile(
    r"[Ff](?<!\w.)(?i:or\s+(?:(?:at\s+least|up\s+to|no\s+more\s+than|no\s+less\s+than|more\s+than|over)\s+)?"
    r"(?P<article>an?)(?=\s+(?:year|month)\b))"
)
