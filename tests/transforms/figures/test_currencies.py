"""The currency table (transforms/declarations/currencies.csv) and everything that reads it:
the figure reader's symbols and words, the claims vocabulary, the expectations, the ledger."""

from __future__ import annotations

import pytest

from expectations import suites
from muster.readers import read_rates
from transforms.declarations import vocab
from transforms.figures.numbers import figures
from transforms.figures.units import CURRENCY_SYMBOLS, CURRENCY_WORDS, word_set
from transforms.ledger import clusters

REQUIRED = set(word_set("""
RUB USD EUR GBP UAH BYN KZT UZS KGS TJS AMD GEL AZN CNY INR NPR LKR BDT PKR AFN KPW KRW JPY AUD CAD
CHF TRY SYP CUP NGN KES GHS ZAR MYR
"""))


def test_the_table_holds_every_currency_the_news_names():
    assert set(vocab.CURRENCIES) >= REQUIRED
    assert len(set(vocab.CURRENCIES)) == len(vocab.CURRENCIES)


def test_units_are_people_the_currencies_of_the_table_shares_terms_and_things():
    assert vocab.UNITS[:2] == ("person", "RUB")
    assert set(vocab.CURRENCIES) <= set(vocab.UNITS)
    assert {"percent", "day", "month", "year", "unit"} <= set(vocab.UNITS)


def test_every_symbol_and_word_of_the_table_is_read():
    codes = set(vocab.CURRENCIES)
    assert set(CURRENCY_SYMBOLS.values()) <= codes and set(CURRENCY_WORDS.values()) <= codes
    for currency in vocab.CURRENCY_TABLE:
        for word in (*currency.words, currency.code):
            [found] = figures(f"The fee was 4,000 {word} in all.")
            assert found.unit == currency.code, word
        for symbol in (*currency.symbols, currency.code):
            [found] = figures(f"The fee was {symbol}4,000 in all.")
            assert (found.unit, found.value) == (currency.code, 4000), symbol


def test_every_word_for_hundredths_of_a_currency_is_read_as_that_currency():
    for currency in vocab.CURRENCY_TABLE:
        for word in currency.minor:
            gap = "" if len(word) == 1 else " "  # a one-letter form is glued: "10p"
            [found] = figures(f"The fee rose to 45{gap}{word} a share.")
            assert (found.unit, found.value) == (currency.code, pytest.approx(0.45)), word


def test_a_form_naming_two_currencies_is_refused(tmp_path):
    table = tmp_path / "currencies.csv"
    table.write_text("code,name,symbols,words\nAAA,a,,dinar\nBBB,b,,Dinar|dinars\n",
                     encoding="utf-8")
    with pytest.raises(ValueError, match="(?i)dinar"):
        vocab.read_currencies(table)


def test_a_malformed_code_is_refused(tmp_path):
    table = tmp_path / "currencies.csv"
    table.write_text("# a comment\ncode,name,symbols,words\nrub,a,,thing\n", encoding="utf-8")
    with pytest.raises(ValueError, match="ISO"):
        vocab.read_currencies(table)


CASES = [
    ("roubles", "a bonus of 400,000 roubles", "RUB"),
    ("rubles", "a bonus of 400,000 rubles", "RUB"),
    ("Russian roubles", "a bonus of 400,000 Russian roubles", "RUB"),
    ("rouble sign", "a bonus of 400 000 ₽", "RUB"),
    ("hryvnias", "a bonus of 30,000 hryvnias", "UAH"),
    ("hryvnia sign", "a bonus of ₴30,000", "UAH"),
    ("Belarusian roubles", "a fine of 2,000 Belarusian roubles", "BYN"),
    ("Br", "a fine of Br 2,000", "BYN"),
    ("a word naming what a one-letter symbol leaves open", "a plan of R2.5 billion rand", "ZAR"),
    ("a word naming which dollars", "a fee of $45 Australian dollars", "AUD"),
    ("tenge", "a wage of 300,000 tenge", "KZT"),
    ("sum", "a wage of 4 million sum", "UZS"),
    ("soum", "a wage of 4 million soums", "UZS"),
    ("som", "a wage of 30,000 som", "KGS"),
    ("soms", "a wage of 30,000 soms", "KGS"),
    ("somoni", "a wage of 3,000 somoni", "TJS"),
    ("dram", "a fee of 200,000 drams", "AMD"),
    ("lari", "a fee of 2,000 lari", "GEL"),
    ("manat", "a fee of 1,500 manat", "AZN"),
    ("yuan", "a fee of 10,000 yuan", "CNY"),
    ("renminbi", "a fee of 10,000 renminbi", "CNY"),
    ("yen sign is yuan here", "a fee of ¥10,000", "CNY"),
    ("yen", "a fee of 500,000 yen", "JPY"),
    ("yen sign in a story about Japan", "Tokyo shops charge ¥900 for a bento in Japan.", "JPY"),
    ("yen sign where Japan and China are named once each",
     "Japan and China traded; the fee was ¥9,000.", "CNY"),
    ("R in a story about South Africa", "Pretoria set aside R4.2 billion for schools.", "ZAR"),
    ("R is the rouble's in a story about Russia", "Moscow paid R4.2 billion to the regions.", "RUB"),
    ("rupees default to India", "a fee of 50,000 rupees", "INR"),
    ("Nepalese rupees", "a fee of 50,000 Nepalese rupees", "NPR"),
    ("Sri Lankan rupees", "a fee of 50,000 Sri Lankan rupees", "LKR"),
    ("Pakistani rupees", "a fee of 50,000 Pakistani rupees", "PKR"),
    ("taka", "a fee of 50,000 taka", "BDT"),
    ("afghanis", "a fee of 50,000 afghanis", "AFN"),
    ("won", "a fee of 5 million won", "KRW"),
    ("dirham symbol glued to a scaled amount", "a grant of Dh50 million", "AED"),
    ("Qatari riyal symbol", "a stadium costing QR2.5 billion", "QAR"),
    ("rials default to Iran", "a fine of 90 million rials", "IRR"),
    ("North Korean won", "a fee of 5 million North Korean won", "KPW"),
    ("Swiss francs", "a fee of 5,000 Swiss francs", "CHF"),
    ("lira", "a fee of 50,000 lira", "TRY"),
    ("TL before the amount is the lira", "a fee of TL 2,500", "TRY"),
    ("Syrian pounds", "a fee of 50,000 Syrian pounds", "SYP"),
    ("pounds", "a fee of 5,000 pounds", "GBP"),
    ("Cuban pesos", "a fee of 5,000 Cuban pesos", "CUP"),
    ("naira", "a fee of 50,000 naira", "NGN"),
    ("Kenyan shillings", "a fee of 50,000 Kenyan shillings", "KES"),
    ("Sh, as Kenyan papers write it", "a fee of Sh2.4 billion", "KES"),
    ("cedis", "a fee of 5,000 cedis", "GHS"),
    ("rand", "a fee of 50,000 rand", "ZAR"),
    ("ringgit", "a fee of 5,000 ringgit", "MYR"),
    ("A$", "a fee of A$5,000", "AUD"),
    ("Australian dollars", "a fee of 5,000 Australian dollars", "AUD"),
    ("C$", "a fee of C$5,000", "CAD"),
    ("Canadian dollars", "a fee of 5,000 Canadian dollars", "CAD"),
    ("pound sign", "a fee of £5,000", "GBP"),
    ("euro sign", "a fee of €5,000", "EUR"),
    ("dollars", "a fee of 5,000 US dollars", "USD"),
    ("code after", "a fee of 300 KZT", "KZT"),
    ("code before", "a fee of INR 3,000", "INR"),
]


@pytest.mark.parametrize(("sentence", "unit"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_currency_of_an_amount(sentence, unit):
    [found] = figures(sentence)
    assert found.unit == unit


def test_a_conversion_into_another_currency_of_the_table():
    [found] = figures("a salary of 150,000 Nepalese rupees ($1,100) a month")
    assert (found.unit, found.alt_value, found.alt_unit, found.per) == ("NPR", 1100, "USD", "month")


def test_a_currency_word_without_an_amount_gives_no_currency():
    # "won" and "sum" are also English words: only right after an amount do they name money
    [found] = figures("Putin won the vote, and paid a lump sum; the regional bonus is 400,000.")
    assert found.unit == "person"


def test_the_claims_suite_accepts_every_currency_of_the_table():
    units = [e for e in suites._claim_vocabularies() if e.column == "unit"]
    assert units and set(vocab.CURRENCIES) <= set(units[0].value_set)


def test_the_ledger_counts_every_currency_of_the_table_as_money():
    assert set(vocab.CURRENCIES) == set(clusters.CURRENCIES)


def test_rates_for_any_currency_are_read_and_a_missing_one_is_simply_absent(tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text("currency,year,usd_per_unit\nUSD,2024,1.0\nNPR,2024,0.0075\n")
    rates = read_rates(path)
    assert rates[("NPR", 2024)] == 0.0075 and ("KGS", 2024) not in rates
