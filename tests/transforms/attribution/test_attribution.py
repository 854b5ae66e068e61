"""Attribution: who stands behind each figure (claimant), who relays it (via), and the hedge.

Each case is a short made-up article, the figure's words in it, and what an analyst would record.
"""

import pytest

from transforms.attribution.attribution import annotate, echoes
from transforms.model import Attribution, Figure

OUTLET = "example.com"


def figure(text, quote, unit="person", nth=0, value=None):
    """A figure as the number finder gives it: the n-th occurrence of `quote` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    return Figure(start, start + len(quote), quote, value, unit=unit)


def annotated(index, text, quote, outlet=OUTLET, nth=0, unit="person"):
    """The annotation of one figure in `text`."""
    (row,) = annotate(text, [figure(text, quote, unit, nth)], outlet, index)
    return row


CLAIMANTS = [
    # "X said" / "said X"
    ("The UK Ministry of Defence said 5,000 recruits joined in March.", "5,000",
     "UK Ministry of Defence", None),
    ("About 5,000 recruits joined in March, said the Kremlin.", "5,000", "Kremlin", None),
    # "according to X", aliases resolved to one name
    ("About 5,000 recruits joined in March, according to British intelligence.", "5,000",
     "UK Ministry of Defence", None),
    ("According to London's analysts, 8,000 convicts were recruited.", "8,000",
     "UK Ministry of Defence", None),
    # "X's latest intelligence update"
    ("The U.K. Defense Ministry's latest intelligence update put recruitment at 20,000 men.",
     "20,000", "UK Ministry of Defence", None),
    # passive
    ("A total of 30,000 recruits was reported by the Institute for the Study of War.", "30,000",
     "Institute for the Study of War", None),
    # the same speaker after a back-reference
    ("British intelligence published its update on Monday. The ministry said 40,000 men had "
     "signed contracts.", "40,000", "UK Ministry of Defence", None),
    ("Russia's Defence Ministry held a briefing on Friday. The ministry said 10,000 volunteers "
     "had enlisted.", "10,000", "Russian Ministry of Defence", None),
    ("Dmitry Medvedev visited Sakhalin on Sunday. “The army keeps growing,” he said. “About "
     "50,000 joined in May,” he added.", "50,000", "Dmitry Medvedev", None),
    # a quotation over several sentences belongs to its speaker
    ("“Recruitment is going well. We signed 60,000 contracts in one month,” Shoigu said.",
     "60,000", "Sergei Shoigu", None),
    # a sentence without attribution inside a passage that reports one source
    ("The UK Ministry of Defence said on Sunday that recruitment was slowing. It also noted "
     "that 7,000 men had deserted.", "7,000", "UK Ministry of Defence", None),
    ("Mediazona counted the dead in regional reports.\nThe largest drop was in Samara, where "
     "10,200 people were held in 2022.\nThere were 1,574 fewer in Chelyabinsk, Mediazona noted.",
     "10,200", "Mediazona", None),
    # unattributed: the outlet states it
    ("Thousands of men left the country in 2022. Officials declined to comment.", "Thousands",
     OUTLET, None),
    # via: who relays the claimant's figure
    ("Medvedev said 280,000 people had signed contracts, according to the TASS news agency.",
     "280,000", "Dmitry Medvedev", "TASS"),
    ("The UK Ministry of Defence, citing Radio Free Europe/Radio Liberty, said that 3,000 "
     "prisoners had been recruited.", "3,000", "Radio Free Europe/Radio Liberty",
     "UK Ministry of Defence"),
    ("The state news agency RIA quoted Shoigu as saying that 50,000 people signed up.", "50,000",
     "Sergei Shoigu", "RIA Novosti"),
    ("Olga Romanova told the BBC that 20,000 prisoners had been recruited.", "20,000",
     "Olga Romanova", "BBC"),
    ("Source: RIA Novosti\nShoigu said 5,000 conscripts were sent home.", "5,000",
     "Sergei Shoigu", "RIA Novosti"),
    # a body one speaks to passes nothing on: "told the city council" is no via
    ("The police chief, Maria Lopez, told the city council that 300 officers had quit.", "300",
     "Maria Lopez", None),
    # a person stays the claimant when citing an institution's data
    ("“According to data from the Defence Ministry, 280,000 people have joined,” Medvedev said.",
     "280,000", "Dmitry Medvedev", None),
    # a wire credit in a dateline is no via
    ("MOSCOW (AP) — Vladimir Putin has ordered the military to grow by 170,000 troops.",
     "170,000", "Vladimir Putin", None),
    # people not in the registry, and their surnames later on
    ("Economist Anna Petrova said 9,000 recruits had joined in April.", "9,000", "Anna Petrova",
     None),
    ("Economist Anna Petrova studied the budget. According to Petrova, 4,000 joined in June.",
     "4,000", "Anna Petrova", None),
    # a headline credit after a dash
    ("Russia plans to recruit 420,000 contract soldiers – British intelligence\nMore text.",
     "420,000", "UK Ministry of Defence", None),
    # bodies the registry does not list keep the name the article gives them; a country's
    # possessive is tried as an adjective against the registry
    ("About 90,000 Russians crossed in a week, Kazakhstan's Interior Ministry said on Monday.",
     "90,000", "Kazakhstan's Interior Ministry", None),
    ("Some 8,000 Russians arrived by land over the weekend, said the Finnish border guard.",
     "8,000", "Finnish border guard", None),
    ("Western officials estimated that Moscow recruits 20,000 people a month.", "20,000",
     "Western officials", None),
    ("Britain's Ministry of Defence said 7,000 prisoners had been recruited.", "7,000",
     "UK Ministry of Defence", None),
    ("The Kursk regional administration said 900 residents had joined volunteer units.", "900",
     "Kursk regional administration", None),
    ("Ukraine's air force said Russia launched 60 drones overnight.", "60",
     "Ukraine's air force", None),
    ("Officials in Bashkortostan say 2,000 men signed contracts last quarter.", "2,000",
     "Bashkortostan officials", None),
    # groups of people, and one-word names, that speak
    ("Human rights groups say they have received hundreds of complaints.", "hundreds",
     "Human rights groups", None),
    ("The volunteer group InformNapalm said 150 foreigners had signed contracts.", "150",
     "InformNapalm", None),
    # a country or capital that "says" is its government: the one the article names, else the
    # place as written
    ("Seoul says 3,000 soldiers are already in Russia.", "3,000", "Seoul", None),
    ("Seoul says 3,000 soldiers are in Russia. South Korea's spy agency said they came by sea.",
     "3,000", "South Korea's National Intelligence Service", None),
    # "a spokeswoman" speaks for the body just named, not for one that spoke earlier
    ("The regional government ordered every district to sign up volunteers, the mayor, Ivan "
     "Belov, said. The district military commissariat would not comment on the order. A "
     "spokeswoman said only that 900 men had signed contracts.", "900",
     "district military commissariat", None),
    # a relay quoting a person by pronoun
    ("Dmitry Medvedev visited the region. \"This year 150,000 people signed contracts,\" TASS "
     "quoted him as telling officials.", "150,000", "Dmitry Medvedev", "TASS"),
    # whoever decrees or raises a figure stands behind it
    ("A decree Putin signed in May set the army's strength at 1,300,000 troops.", "1,300,000",
     "Vladimir Putin", None),
]


@pytest.mark.parametrize("text, quote, claimant, via", CLAIMANTS)
def test_claimant_and_via(index, text, quote, claimant, via):
    row = annotated(index, text, quote)
    assert (row["claimant"], row["via"]) == (claimant, via)


def test_an_order_covers_only_its_own_clause(index):
    text = ("Putin ordered the mobilisation of 300,000 reservists, which led hundreds of thousands "
            "of men to flee.")
    assert annotated(index, text, "300,000")["claimant"] == "Vladimir Putin"
    assert annotated(index, text, "hundreds of thousands")["claimant"] == OUTLET


def test_a_speaker_in_a_later_clause_does_not_claim_an_earlier_figure(index):
    text = "At least five such cases are known, while activist Anna Petrova said there are more."
    assert annotated(index, text, "At least five")["claimant"] == OUTLET


def test_according_to_names_no_source_past_its_own_phrase(index):
    # the unknown word after "according to" is no source the article names; the company named
    # in the reported clause after the comma is not "according to"'s source either
    text = "According to Reshetnikov, the company paid 830 recruits a bonus."
    assert annotated(index, text, "830")["claimant"] != "company"


def test_the_outlet_naming_itself_is_the_outlet(index):
    text = "Meduza estimates that 2,000 men were killed in the assault."
    assert annotated(index, text, "2,000", outlet="meduza.io")["claimant"] == "meduza.io"


def test_an_editors_insertion_belongs_to_the_outlet(index):
    text = "“Moscow [a city of 13 million] has few dead,” Olga Romanova said."
    assert annotated(index, text, "13 million")["claimant"] == OUTLET


def test_a_headline_takes_the_source_of_the_same_figure_in_the_body(index):
    text = ("Over 10,000 migrants sent to dig trenches\n"
            "Alexander Bastrykin told a forum that 10,000 migrants had been sent to the front.")
    figs = [figure(text, "10,000", value=10000.0), figure(text, "10,000", nth=1, value=10000.0)]
    rows = annotate(text, figs, OUTLET, index)
    assert [r["claimant"] for r in rows] == ["Alexander Bastrykin", "Alexander Bastrykin"]


def test_a_described_sources_figure_is_named_only_by_a_later_own_cue():
    """"..., officials say" and later "According to the Harlow Embassy, ... 50": the embassy;
    a later figure of the same amount that a passage carries to a named body (or one another
    description states) says nothing of who the officials were. A headline takes either."""
    own = Attribution("Harlow Embassy", None, "According to the Harlow Embassy", "own-cited", 0.9)
    carried = Attribution("Harlow Embassy", None, "the embassy said", "passage-before", 0.6)
    described = Attribution("rights activists", None, "activists say", "own-speaker", 0.9)
    assert echoes(own, "example-news.com", described=True)
    assert not echoes(carried, "example-news.com", described=True)
    assert not echoes(described, "example-news.com", described=True)
    assert echoes(carried, "example-news.com", described=False)
    assert not echoes(Attribution("example-news.com", None, None, "outlet", 1.0),
                      "example-news.com", described=False)


def test_annotate_keeps_order_and_adds_the_sentence(index):
    text = "The Kremlin said 5,000 men joined. Reuters counted 7,000 deaths."
    figs = [figure(text, "5,000"), figure(text, "7,000")]
    rows = annotate(text, figs, OUTLET, index)
    assert [r["sentence"] for r in rows] == ["The Kremlin said 5,000 men joined.",
                                             "Reuters counted 7,000 deaths."]
    assert [r["claimant"] for r in rows] == ["Kremlin", "Reuters"]
    assert annotate(text, [], OUTLET, index) == []


HEDGES = [
    ("At least 6 million migrants, whom the Kremlin likely sees as recruits, live in Russia.",
     "At least 6 million", "likely"),
    ("Russia reportedly offered 200,000 roubles a month and a bonus of 400,000 roubles.",
     "400,000 roubles", "reportedly"),
    ("Prisoners are allegedly promised 100,000 roubles.", "100,000 roubles", "allegedly"),
    ("An estimated 1 million men left the country.", "An estimated 1 million", "estimated"),
    ("The UK Ministry of Defence estimates that 70,000 were killed.", "70,000", "estimates"),
    ("As many as 9,000 people may have signed up.", "As many as 9,000", "may"),
    ("North Korea is believed to have sent 1,500 soldiers.", "1,500", "believed"),
    ("Over 70,000 soldiers were most likely killed or wounded.", "Over 70,000", "most likely"),
    ("Those injured may receive up to 500,000 roubles.", "500,000 roubles", None),
    ("In May, 3,000 people signed contracts.", "3,000", None),
    ("We counted 70,000 deaths, but the real number is likely higher.", "70,000", None),
    ("Each region is expected to draft 3,000 men.", "3,000", None),
]


@pytest.mark.parametrize("text, quote, expected", HEDGES)
def test_hedge(index, text, quote, expected):
    unit = "RUB" if "roubles" in quote else "person"
    assert annotated(index, text, quote, unit=unit)["hedge"] == expected


def test_a_hedge_before_the_next_figure_is_that_figures(index):
    text = "“We plan to draft 1%, maybe 1.1% of the reserve,” Shoigu said."
    figs = [figure(text, "1%", "percent"), figure(text, "maybe 1.1%", "percent")]
    rows = annotate(text, figs, OUTLET, index)
    assert [r["hedge"] for r in rows] == [None, "maybe"]


def test_a_lone_masthead_the_outlets_host_holds_is_the_outlet_itself(index):
    """"told the Post" in the Harlow Post's own article is the outlet, relaying no one; in
    another outlet's article the Post relays."""
    text = "The envoy told the Post that the toll could rise beyond 40."
    own = annotated(index, text, "40", outlet="harlowpost.com")
    other = annotated(index, text, "40", outlet="example.com")
    assert (own["claimant"], own["via"]) == ("envoy", None)
    assert (other["claimant"], other["via"]) == ("envoy", "The Post")
