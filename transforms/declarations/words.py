"""Words every stage reads the same way, declared once; each stage derives its patterns.

- MONTHS, WEEKDAYS: month and day names and their abbreviations, as news writes them.
- CONTRAST_CONJUNCTIONS: the words after a comma that open a clause of its own ("..., while X
  said"): a cue, a hedge or a metric word on one side does not reach a figure on the other.
- SUBORDINATORS: the words that open an adverbial clause ("When X reported 300, ...", "...
  after X announced 300 layoffs"): a cue inside one speaks for that clause only.
"""

from __future__ import annotations

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct",
                       "Nov", "Dec")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
CONTRAST_CONJUNCTIONS = ("but", "while", "whereas", "although", "though", "yet")
SUBORDINATORS = ("when", "after", "since", "while", "whereas", "although", "though", "because",
                 "before", "until", "once", "unless", "whenever")
# Subordinators that are prepositions too ("after the war"): they open a clause only before its
# subject or a participle ("after they signed", "before being sent").
SUBORDINATOR_PREPOSITIONS = ("after", "before", "since", "until", "once")
# Prepositions of time that are no subordinators ("during the call-up", "amid the mobilisation").
TIME_PREPOSITIONS = ("during", "following", "amid", "amidst", "throughout")
CLAUSE_SUBJECTS = ("i", "you", "he", "she", "it", "we", "they", "being", "having")
# Verbs that open a predicate: a participle between a number and one of them is the number's
# noun, not its verb ("500 mobilised were sent to the front").
AUXILIARIES = ("is", "are", "was", "were", "has", "have", "had", "will", "would", "remain",
               "remained")
# Words after which "number" is the verb ("the army will number 1.5 million"), not a label
# ("number 3").
NUMBER_VERB_LEADS = ("will", "would", "could", "can", "may", "might", "to", "now", "currently",
                     "already", "still", "they", "which", "who", "that")
# Signs several currencies write with no country ("Rs20 million" and "5,000 rupees"; "¥1,200";
# "R20 billion"): the first currency of each (the table's) unless the article names another
# country that writes the sign for its own more often ("Rs" in a story from Kathmandu is NPR,
# "¥" from Tokyo yen, "R" from Johannesburg rand). The words that name each such country.
SHARED_SIGN_COUNTRIES = {
    "rupee": {"INR": ("India", "Indian", "Indians", "New Delhi"),
              "NPR": ("Nepal", "Nepali", "Nepalis", "Nepalese", "Kathmandu"),
              "LKR": ("Sri Lanka", "Sri Lankan", "Sri Lankans", "Colombo"),
              "PKR": ("Pakistan", "Pakistani", "Pakistanis", "Islamabad")},
    "¥": {"CNY": ("China", "Chinese", "Beijing", "Shanghai", "yuan", "renminbi"),
          "JPY": ("Japan", "Japanese", "Tokyo", "Osaka", "yen")},
    "peso": {"MXN": ("Mexico", "Mexican", "Mexicans"),
             "PHP": ("Philippines", "Philippine", "Filipino", "Filipinos", "Manila"),
             "ARS": ("Argentina", "Argentine", "Argentines", "Argentinian", "Buenos Aires"),
             "COP": ("Colombia", "Colombian", "Colombians", "Bogota", "Bogotá"),
             "CLP": ("Chile", "Chilean", "Chileans", "Santiago"),
             "CUP": ("Cuba", "Cuban", "Cubans", "Havana")},
    "R": {"RUB": ("Russia", "Russian", "Russians", "Moscow", "Kremlin", "rouble", "roubles",
                  "ruble", "rubles"),
          "ZAR": ("South Africa", "South African", "South Africans", "Johannesburg", "Cape Town",
                  "Pretoria", "Durban", "rand")},
}
# Verbs whose "up" belongs to the verb, so that "up to" after them gives the level reached, not an
# upper bound ("unemployment ticked up to 4.3%"; "costs could run up to $5m" stays a bound).
UP_PARTICLE_VERBS = ("ticked", "ticks", "edged", "edges", "inched", "inches", "crept", "creeps",
                     "moved", "moves", "went", "goes", "gone", "bumped", "ratcheted", "nudged",
                     "notched", "revised", "ramped", "stepped", "pushed", "climbed", "crawled")
# Verbs that make a share the part of a whole ("volunteers account for 19% of the dead"):
# without an "of ..." after the share, the whole is the one just named.
PART_VERBS = ("account for", "accounts for", "accounted for", "make up", "makes up", "made up",
              "constitute", "constitutes", "constituted", "comprise", "comprises", "comprised")
# Verbs of a comment that restates the count before it as a share ("100,000 left, which
# corresponds to 10% of the workforce").
RESTATING_VERBS = ("is", "was", "are", "were", "correspond to", "corresponds to", "corresponded to",
                   "represent", "represents", "represented", "amount to", "amounts to",
                   "amounted to", "equal", "equals", "equalled", "equaled", "make up", "makes up",
                   "made up", "account for", "accounts for", "accounted for", "means")
# Openers that make a sentence's count a part of the count before it ("Among them were ...").
PART_OPENERS = ("among them", "among those", "among these", "of them", "of those", "of these")
# A decimal point a scrape left a space after, which a scale word shows is no full stop:
# "16. 335 billion rubles" is 16.335 billion (sentences do not end there; figures read it whole).
SPACED_DECIMAL = r"(?<![\d.,])\d{1,3}\.[ \u00a0]\d{1,3}(?=\s(?:thousand|million|billion|trillion)\b)"


def words_pattern(words) -> str:
    """A regex alternation of whole words, longest first."""
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\b"


def phrases_pattern(phrases) -> str:
    """`words_pattern` of phrases, any run of spaces between their words ("called up")."""
    return words_pattern(p.replace(" ", r"\s+") for p in phrases)


# What `\b` before a word's first letter is, read just after that letter (see `letter_led`)
WORD_START_BEHIND = r"(?<!\w.)"


def letter_led(alternatives) -> str:
    """One alternation of `before` + word + `after` for each (words, before, after), every
    branch led by its word's first letter as a literal, so that a search skips straight to
    those letters (a pattern led by a word boundary or a look-behind is tried at every
    position, several times slower). `before` is read just after that letter: a look-behind
    one character wider (`WORD_START_BEHIND` for a word boundary). The words keep their order."""
    groups: dict[str, list[tuple[str, str, list[str]]]] = {}
    for words, before, after in alternatives:
        for word in words:
            runs = groups.setdefault(word[0], [])
            if not runs or runs[-1][:2] != (before, after):
                runs.append((before, after, []))
            runs[-1][2].append(word[1:])
    return "|".join(letter + "(?:" + "|".join(f"{before}(?:{'|'.join(rests)}){after}"
                                              for before, after, rests in runs) + ")"
                    for letter, runs in groups.items())


# People who know, unnamed: "people familiar with the matter", "two sources close to the talks"
# (their speech is attributed, and their count is no figure).
KNOWING_WORDS = ("familiar with", "close to", "briefed on", "with knowledge of",
                 "with direct knowledge of", "knowledgeable about", "involved in")
KNOWING_NOUNS = ("people", "person", "persons", "source", "sources", "official", "officials",
                 "diplomat", "diplomats", "insider", "insiders", "executive", "executives")

# What a plain-text article's header says about itself (`transforms.cleaning.header`).
# Words that open a dateline ("Published 14 March 2024") or a byline ("By X", "Text: X").
DATELINE_LABELS = ("published", "first published", "updated", "last updated", "posted")
BYLINE_LABELS = ("by", "text", "words", "author", "authors", "reporting", "written by", "story by")
# What may stand beside a date on a dateline without making it a sentence: times and zones.
TIME_WORDS = ("a.m.", "p.m.", "am", "pm", "gmt", "utc", "bst", "cet", "cest", "msk", "et", "est",
              "edt", "pt", "pst", "pdt", "ist", "on", "at")
# Where a plain-text article may name its outlet or address ("Source: ...").
SOURCE_LABELS = ("source", "originally published at", "originally published by")
# Words a masthead may join its capitalised words with ("The Voice of the Steppe").
MASTHEAD_JOINERS = ("of", "the", "and", "for", "on", "in", "&")

# Subscription, paywall and donation prompts (`transforms.cleaning.furniture`): a short line
# of which one part (split at "|", "•", "·") opens with one of these phrases is page furniture,
# never a figure ("Sign in | Subscribe for 2 euros a week", "Support us from $5 a month").
PROMPT_PHRASES = (
    "subscribe", "subscribe for", "subscribe from", "subscribe to read", "subscribe to continue",
    "subscribe now", "subscribers only", "for subscribers", "free trial",
    "start your trial", "sign in", "log in", "register to read", "create an account",
    "already a subscriber", "already subscribed", "unlock this article", "unlock full access",
    "continue reading", "to keep reading", "keep reading for", "premium content", "paywall",
    "donate", "make a donation", "support us", "support our", "become a supporter",
    "become a member", "chip in", "give once", "give monthly", "can you give", "can you help",
    "cancel anytime", "get unlimited access", "get full access", "join for", "join now",
    "try it for", "try for", "only for subscribers", "for just", "just €", "just $", "just £",
)
# A prompt line is at most this many words (an article sentence with "a month" is longer).
PROMPT_MAX_WORDS = 16
# Verbs of speech and report a prompt line never holds (a short article sentence does).
PROMPT_SPEECH = ("said", "says", "told", "according", "reported", "estimated", "announced")
