"""The metric decision on the project's own sentences, one general case each (ANNOTATION.md).

Each case is written for this table: the figure's quote, its unit and per, and the metric the
annotation convention gives it. They cover the cue kinds of `metric_cues` (frames, events, the
people counted, money words), their scope (clause, distance) and the unit's part.
"""

import pytest

from transforms.declarations.vocab import METRICS
from transforms.figures.metrics import metric, stem
from transforms.model import Figure


def metric_of(text, quote, unit="person", per=None):
    start = text.index(quote)
    return metric(text, 0, len(text), Figure(start, start + len(quote), quote, None, unit=unit,
                                             per=per))


CASES = [
    # recruited: joining, signing, volunteering, in any inflection
    ("Officials say 1,200 men enlisted in the region this spring.", "1,200", "person", None,
     "recruited"),
    ("Over 90,000 people have signed up since the new bonus was announced.", "Over 90,000",
     "person", None, "recruited"),
    ("The governor said 3,400 residents volunteered for the front last year.", "3,400", "person",
     None, "recruited"),
    ("Recruiters brought in 640 new contract soldiers in May.", "640", "person", None,
     "recruited"),
    ("About 15,000 foreigners have joined the army under contract this year.", "About 15,000",
     "person", None, "recruited"),
    # a toll is of the dead and wounded
    ("Western officials put the toll at about 1,100 a day.", "about 1,100 a day", "person", "day",
     "casualties"),
    # accepting an offer (to fight) is signing up
    ("Nearly 15% of the detainees accept the offer to fight.", "Nearly 15%", "percent", None,
     "recruited"),
    # registering to fight is signing up (registering for military service is the pool's)
    ("About 2,300 men have registered to fight for the Russian side.", "About 2,300", "person",
     None, "recruited"),
    # taking men in is a call-up under conscription, recruiting where service is by contract
    ("The autumn conscription campaign will enlist 128,000 young men.", "128,000", "person",
     None, "mobilised"),
    ("The ministry will enlist 9,000 reservists for compulsory military service.", "9,000",
     "person", None, "mobilised"),
    ("A decree will enlist 140,000 men for a mandatory 12-month military service.", "140,000",
     "person", None, "mobilised"),
    ("This spring's intake tops the autumn enlistment by 9,000.", "9,000", "person", None,
     "mobilised"),
    ("The ministry will enlist 9,000 volunteers on one-year contracts.", "9,000", "person",
     None, "recruited"),
    # people who are no part of the forces, counted: the events near them befall others
    ("Two researchers say payments to the wounded and the dead will cost $20 billion.", "Two",
     "person", None, "other"),
    ("More than 150 families asked the consulate to find relatives serving at the front.",
     "More than 150", "person", None, "other"),
    ("Families of 300 soldiers killed in May were paid.", "300", "person", None, "casualties"),
    ("The state pays 40,000 families of dead soldiers each month.", "40,000", "person", None,
     "casualties"),
    ("According to two researchers’ estimates, 40,000 soldiers were killed.", "two", "person",
     None, "other"),
    ("The 5,000 conscripts’ families were paid.", "5,000", "person", None, "mobilised"),
    # the people counted, in American spelling as in British
    ("Officials said the country's mobilization reserve stood at 2 million people.", "2 million",
     "person", None, "pool"),
    # a plan fulfilled is what was achieved
    ("The regional recruitment plan was fulfilled by 120% in the first quarter.", "120%",
     "percent", None, "recruited"),
    # a steady flow of people, per month or day, is intake even when called mobilising
    ("The army is mobilising about 1,000 men a day, the agency said.", "about 1,000", "person",
     "day", "recruited"),
    # mobilised: calls, drafts, summonses; a conscription decree is a call-up, not a plan
    ("The president signed a decree on the autumn conscription of 110,000 men.", "110,000",
     "person", None, "mobilised"),
    ("Some 4,000 residents received summonses in the first week.", "Some 4,000", "person", None,
     "mobilised"),
    ("The spring draft will call up 125,000 men, up from 120,000 a year earlier.", "120,000",
     "person", None, "mobilised"),
    ("Authorities drafted 18,000 people in the republic during the first wave.", "18,000",
     "person", None, "mobilised"),
    # target: a plan, goal, quota or authorised size governs the verb after it
    ("The ministry intends to recruit 250,000 soldiers by December.", "250,000", "person", None,
     "target"),
    ("Each district was given a quota of 500 volunteers.", "500", "person", None, "target"),
    ("The army began a campaign in the hope of signing up 300,000 more soldiers.", "300,000",
     "person", None, "target"),
    ("A new decree sets the authorised strength of the army at 1.6 million.", "1.6 million",
     "person", None, "target"),
    ("The reform would expand the armed forces to 1.4 million troops.", "1.4 million", "person",
     None, "target"),
    ("The draft law allows the ministry to call up to 200,000 reservists.", "200,000", "person",
     None, "target"),
    # pool: people seen as potential recruits
    ("Up to 2 million reservists could be called up in a second wave.", "Up to 2 million",
     "person", None, "pool"),
    ("The country has about 25 million men of military age.", "about 25 million", "person",
     None, "pool"),
    ("Nearly 4 million labour migrants work in Russia, analysts say.", "Nearly 4 million",
     "person", None, "pool"),
    # casualties: a death outweighs who died
    ("At least 900 contract soldiers from the region have died at the front.", "At least 900",
     "person", None, "casualties"),
    ("The group has verified the deaths of 52,000 servicemen.", "52,000", "person", None,
     "casualties"),
    ("Some 3,000 volunteers were wounded in the assault, the report said.", "Some 3,000", "person",
     None, "casualties"),
    ("Mobilised men make up 18% of the confirmed fatalities.", "18%", "percent", None,
     "casualties"),
    # fled: leaving, emigrating, evading
    ("An estimated 500,000 Russians emigrated in the months after the call-up.",
     "500,000", "person", None, "fled"),
    ("The emigration of 300,000 specialists hit the economy.", "300,000", "person", None, "fled"),
    ("Some 60,000 men left the country through the northern border crossing.", "Some 60,000",
     "person", None, "fled"),
    ("About 7,000 conscripts evaded service last year.", "About 7,000", "person", None, "fled"),
    # deployed: troops sent or present
    ("Around 11,000 soldiers were deployed to the border region in March.", "Around 11,000",
     "person", None, "deployed"),
    ("The ministry has stationed 3,500 troops at the new base.", "3,500", "person", None,
     "deployed"),
    ("Roughly 8,000 fighters are taking part in the offensive.", "Roughly 8,000", "person", None,
     "deployed"),
    # pay: money is pay when about pay, whatever the verb
    ("Volunteers receive a one-time payment of 1.2 million roubles.", "1.2 million roubles",
     "RUB", None, "pay"),
    ("The region pays recruits 300,000 roubles on top of the federal sum.", "300,000 roubles",
     "RUB", None, "pay"),
    ("Families of the fallen are entitled to 5 million roubles in compensation.",
     "5 million roubles", "RUB", None, "pay"),
    # money about budgets, spending or the economy is other
    ("The federal budget for defence reached 13 trillion roubles.", "13 trillion roubles", "RUB",
     None, "other"),
    ("The average salary in the region is 60,000 roubles.", "60,000 roubles", "RUB", None,
     "other"),
    # money spent on recruiting is pay, though the budget pays it; the budget itself is other
    ("The recruitment drive will cost the federal budget 700 billion roubles this year.",
     "700 billion roubles", "RUB", None, "pay"),
    # the budget as who pays is no budget figure: the money's other words decide
    ("Bonuses cost 400 billion roubles; 90 billion roubles of them are financed by the federal "
     "budget.", "90 billion roubles", "RUB", None, "pay"),
    ("The federal budget for next year is 40 trillion roubles.", "40 trillion roubles", "RUB",
     None, "other"),
    ("The regions spent 2 trillion roubles on recruitment in the first half.",
     "2 trillion roubles", "RUB", None, "pay"),
    ("Officials spent 90 billion roubles ($1 billion) last year on recruitment.",
     "90 billion roubles ($1 billion)", "RUB", None, "pay"),
    ("The army spent 80 billion roubles on training new officers.", "80 billion roubles", "RUB",
     None, "other"),
    # a share of spending that goes to pay is pay
    ("Bonuses for recruits took about 3% of regional spending.", "about 3%", "percent", None,
     "pay"),
    # other: people who are none of the above; counted things; terms
    ("Courts convicted 7,300 servicemen of going absent without leave.", "7,300", "person", None,
     "other"),
    ("The town had a population of 40,000 before the war.", "40,000", "person", None, "other"),
    ("Recruiters opened offices in 12 cities.", "12 cities", "unit", None, "other"),
    ("The new contracts run for one year.", "one year", "year", None, "other"),
    # the words of another clause count less than the figure's own
    ("Some 2,000 men signed contracts, while 300 were killed in training.", "Some 2,000",
     "person", None, "recruited"),
    ("Some 2,000 men signed contracts, while 300 were killed in training.", "300", "person", None,
     "casualties"),
    # people present in a place are deployed; a phrase begun earlier wins ("contract soldiers in")
    ("There are now 11,000 foreign soldiers in the border region.", "11,000", "person", None,
     "deployed"),
    ("The country has about 12,000 troops inside the neighbouring state.", "about 12,000",
     "person", None, "deployed"),
    ("At least 200 foreign nationals are fighting for the army, the ministry said.",
     "At least 200", "person", None, "deployed"),
    ("Recruiters signed 640 new contract soldiers in May.", "640", "person", None, "recruited"),
    # more people and money that are other; shares of pay, recruitment and prices
    ("Police detained 1,300 people at protests against the call-up.", "1,300", "person", None,
     "other"),
    ("About 40% of respondents said they support the war.", "About 40%", "percent", None,
     "other"),
    ("The country spent 10 trillion roubles on defence last year.", "10 trillion roubles", "RUB",
     None, "other"),
    ("The region set aside 4 billion roubles for bonuses to volunteers.", "4 billion roubles",
     "RUB", None, "pay"),
    ("The bonus rose by 50% this year.", "50%", "percent", None, "pay"),
    ("Recruitment fell by 30% in the summer.", "30%", "percent", None, "recruited"),
    ("Inflation pushed prices up by 9%.", "9%", "percent", None, "other"),
    ("Some 700,000 citizens have left since the war began.", "Some 700,000", "person", None,
     "fled"),
    ("The border service recorded 70,000 arrivals in two weeks.", "70,000", "person", None,
     "fled"),
    ("Officials estimate losses at 750,000 killed and wounded.", "750,000", "person", None,
     "casualties"),
    ("The ministry wants 30,000 more volunteers by the end of the year.", "30,000", "person",
     None, "target"),
    ("More than 48,000 prisoners were recruited from penal colonies.", "More than 48,000",
     "person", None, "recruited"),
    ("Ukraine returned 95 prisoners of war in the exchange.", "95", "person", None, "other"),
    # a size set by order is a target: "the number of troops"
    ("The decree raises the number of troops by 150,000.", "150,000", "person", None, "target"),
    # vocabulary beyond the first articles: asylum, bodies, refusals, registration, fighters
    ("Some 9,000 men sought asylum abroad to avoid the call-up.", "Some 9,000", "person", None,
     "fled"),
    ("Volunteers have found the bodies of 1,100 soldiers in the forest.", "1,100", "person",
     None, "casualties"),
    ("Courts heard 4,000 cases of refusal to serve.", "4,000", "person", None, "other"),
    ("About 20,000 new citizens were put on the military register.", "About 20,000", "person",
     None, "pool"),
    ("The company has some 2,500 fighters in the region.", "some 2,500", "person", None,
     "deployed"),
    ("About 900 fighters joined the unit in spring.", "About 900", "person", None, "recruited"),
    # a death outweighs who died; "of whom" opens a clause of its own
    ("At least 12 foreign nationals have been killed since joining the army in May.", "At least 12",
     "person", None, "casualties"),
    ("The group recruited some 50,000 inmates, of whom 20,000 died.", "some 50,000", "person",
     None, "recruited"),
    ("The group recruited some 50,000 inmates, of whom 20,000 died.", "20,000", "person", None,
     "casualties"),
    ("Signings have fallen to 25,000 a month.", "25,000", "person", "month", "recruited"),
    # "expand" is a plan only when it takes a size: "expand the army to"
    ("At an expanded board meeting, the minister said 300,000 people had signed contracts.",
     "300,000", "person", None, "recruited"),
    # being in the war zone hints at presence when nothing else is said
    ("Officials counted about 3,000 foreign nationals in Ukraine last year.", "about 3,000",
     "person", None, "deployed"),
    # two sentences run together without a space are two clauses
    ("The town's population fell to 8,000.Recruiters signed up dozens of men.", "8,000", "person",
     None, "other"),
]


@pytest.mark.parametrize("text, quote, unit, per, expected", CASES)
def test_metric_of_general_cases(text, quote, unit, per, expected):
    assert expected in METRICS
    assert metric_of(text, quote, unit, per) == expected


@pytest.mark.parametrize("words, same", [
    (("mobilised", "mobilized", "mobilising", "mobilisation", "mobilise"), True),
    (("recruited", "recruiting", "recruitment", "recruits"), True),
    (("planned", "plans", "planning"), True),
    (("casualties", "casualty"), True),
    (("emigrate", "emigrated", "emigration"), True),
    (("convicts", "killed"), False),
])
def test_inflections_share_a_stem(words, same):
    assert (len({stem(w) for w in words}) == 1) == same


def test_a_part_of_the_figure_before_takes_its_metric():
    from transforms.figures.metrics import metrics_in_context

    text = "The decree sets the army's authorised strength at 2 million, including 1.2 million troops."
    figures = [Figure(text.index(q), text.index(q) + len(q), q, None, unit="person")
               for q in ("2 million", "1.2 million")]
    assert metrics_in_context(text, [(0, len(text))] * 2, figures) == ["target", "target"]
