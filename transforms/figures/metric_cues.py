"""The words that say what a figure measures, declared once per metric (data, no logic).

Each metric lists its cue phrases by kind; a kind carries a named weight in
`transforms.figures.metrics` (WEIGHTS). Phrases are written in any one inflection: they are
matched on word stems (`metrics.stem`), so "mobilise" also finds "mobilized", "mobilising" and
"mobilisation"; irregular forms ("left", "fled", "sent") are listed as such. A longer phrase
hides the shorter ones inside it ("average wage" is not "wage", "potential recruits" is not
"recruits").

A "*" in a phrase stands for up to three words ("order * to": "ordered the army to").

Kinds:
- frame:  words that make the figure a plan or a possibility whatever the verb after them
          ("plans to recruit", "could be called up");
- order:  a frame said of whoever must find or send the people, read only before the figure
          ("the region was ordered to supply 3,000 volunteers", "pledged to send 2,500 troops";
          "2,000 reservists were ordered to report" are the people ordered, not a plan);
- event:  what happened to the people counted, as a verb or its noun ("signed contracts",
          "mobilisation");
- death:  an event of death or injury, weighing more than other events: a death outweighs
          who died ("volunteers who joined in May have been killed");
- who:    nouns for the people counted ("conscripts", "volunteers", "migrants"); strongest
          as the figure's own noun ("82,000 conscripts");
- enlist: verbs of taking people into the forces, read by the sentence's regime: recruiting
          where service is by contract, a call-up under conscription ("the spring conscription
          campaign will enlist 160,000 men");
- regime: words that put the sentence under conscription ("mandatory military service");
- topic:  weaker words for what the passage is about ("decree", "increase");
- own:    nouns for people who are no part of the forces ("researchers", "families"), read
          only as the figure's own noun ("two researchers estimate ...", "200 families
          complained"): the events near them befall others;
- money:  for currency amounts only: what the money is ("bonus", "salary" are pay; "budget",
          "spending on training", "average wage" are other).
"""

from __future__ import annotations

CUES: dict[str, dict[str, str]] = {
    "target": {
        "frame": "order * to, direct * to, instruct * to, plan to, aim to, aim for, intend to, "
                 "want to, "

                 "seek to, look to, require to, will need to, would need to, "
                 "is to recruit, are to recruit, target, quota, goal, task of, plan of, "
                 "authorised strength, authorized strength, authorised size, authorized size, "
                 "grow to, grow by, increase to, increase by, expand to, expand by, expansion, "
                 "envisage, design to, planned, planned number, in order to recruit, "
                 "expected to recruit, expected to draft, expected to mobilise, "
                 "expected to be recruited, expected to be drafted, expected to be mobilised, "
                 "hope to, hope of, hopes of, expected to grow, expand * to, expand * by, allow, "
                 "number of troops, troop numbers, "
                 "number of servicemen, number of military personnel, overall number",
        "order": "was ordered to, were ordered to, been ordered to, is ordered to, are ordered to, "
                 "tasked with, task with, promise to, pledge to, vow to, "
                 "was told to, were told to, been told to, is told to, are told to, must",
        "event": "required by, increase the number, set, set the number, sets the number, "
                 "want, task, planned increase, need",
        "topic": "decree, increase, boost, army size, size of the army, military size, personnel",
    },
    "pool": {
        "frame": "could be mobilise, could be call up, could be draft, could be recruit, "
                 "could be tempted, can be mobilise, can be call up, may be mobilise, "
                 "may be call up, eligible for, liable for, subject to mobilise, "
                 "subject to conscription, fit for service, "
                 # the people counted wish or ask to serve, no one has taken them yet
                 "interest in joining, interested in joining, interest in serving, "
                 "interested in serving, apply to join, apply to serve, application to join, "
                 "want to join, wish to join, willing to join, ready to join, willing to fight, "
                 "ready to fight, want to fight, seek to join, "
                 # held ready, not yet sent
                 "on standby, put on standby, placed on standby",
        "who": "potential recruits, reserve, reserves, reservists, pool, migrants, "
               "labour migrants, of conscription age, of military age, of fighting age, "
               "conscription age, draft age, military age, fighting age, call-up age, "
               "mobilisation reserve, eligible men, liable, new citizens, naturalised citizens, "
               "naturalized citizens",
        "event": "register for military service, registered for military service, "
                 "military register, military registration, on the register",
    },
    "recruited": {
        # a plan fulfilled by 105%: what was achieved
        "frame": "fulfil, fulfill, fulfilled, fulfilment, fulfillment",
        "event": "sign up, sign a contract, sign contracts, "
                 "sign military contracts, sign a military contract, sign the contract, join, "
                 "volunteer for, volunteered, enter service, enter military service, hire, "
                 "enter the army, enter the armed forces, "
                 "sign on, contracts signed, "
                 "selected, signing, signings, went to war, go to war, gone to war, register to fight, "
                 "register to serve, register as volunteers, register as a volunteer, "
                 "accept the offer, accept an offer, take up the offer, "
                 "lure, lured into, tricked into, duped into, take up arms, took up arms, "
                 # a call for volunteers asks, it calls no one up
                 "call for volunteers, called for volunteers, appeal for volunteers, "
                 # serving in an army is having joined it (serving at the front is where)
                 "serve * army, serve * forces, serve * ranks, serve * military, serve * armed",
        "enlist": "recruit, enlist, intake, recruitment, enlistment",
        # whoever recruits: "recruiters brought in 12,000 men"
        "topic": "recruiter, recruiters",
        "who": "recruits, contract soldiers, contract servicemen, contract personnel, "
               "contract fighters, contractors, volunteers, mercenaries, new soldiers, "
               "new recruits, contract, contracts",
    },
    "mobilised": {
        "event": "mobilise, call up, called for, draft, summon, summons, summonses, "
                 "conscription, call-up, callup, serve conscription papers, "
                 "serve draft notices, send draft notices, send conscription papers, "
                 "handed summonses, draft notices, conscription drive, conscripted",
        "who": "conscripts, draftees, mobilised men, mobilised soldiers",
        "regime": "conscription campaign, draft campaign, spring conscription, "
                  "autumn conscription, fall conscription, spring draft, autumn draft, fall draft, "
                  "mandatory military service, compulsory military service, mandatory service, "
                  "compulsory service, conscript service, conscription service, "
                  "mandatory * service, compulsory * service, spring enlistment, "
                  "autumn enlistment, fall enlistment",
    },
    "casualties": {
        "death": "kill, die, died, dies, dying, perish, lost, lose, loss, losses, wound, injure, "
                 "casualty, death, dead, fatality, death toll, toll, killed or wounded, missing, "
                 "graves, the fallen, fallen soldiers, fallen servicemen, fallen fighters, "
                 "were buried, buried, eliminated, obituaries, bodies, funerals, "
                 "killed in action, irrecoverable losses, lost their lives, kia, maimed, slain, "
                 "fell in battle, fell in combat, killed in combat, killed in battle, "
                 "amputation, amputee, injuries, disabled, deceased, "
                 # a death said by what it took: "claimed the lives of 90,000"
                 "claim * lives, cost * lives, put out of action, out of action, hurt",
    },
    "fled": {
        "event": "fled, flee, left, leave, emigrate, escape, evade, exodus, departure, crossed into, "
                 "crossed * border, "
                 "crossed the border, entering from, entered from, entered the country, "
                 "arrivals, left the country, relocate, went abroad, moved abroad, "
                 "dodged, avoid mobilisation, avoid the draft, avoid conscription, asylum, "
                 "sought asylum, exile, went into hiding, deserted, desertion, "
                 # the call-up escaped, not served: these hide the call-up word inside them
                 "evade the draft, evade mobilise, evade conscription, dodge the draft, "
                 "dodge mobilise, dodge conscription, draft evasion, draft dodging, "
                 "hide from, in hiding",
        "who": "emigrants, refugees, evaders, draft dodgers, draft evaders, deserters, relocants, "
               "emigres",
    },
    "deployed": {
        "event": "sent, send, deploy, dispatch, are fighting, were fighting, "
                 "fight for, fight alongside, fight in, fight on, fighting for, fighting in, "
                 "fought for, fought alongside, fought in, "
                 "now fighting, still fighting, currently fighting, "
                 "arrived in, arrived at the front, left for the front, "
                 "stationed, take part, took part, taking part, participate, serving, "
                 "transferred, redeployed, forces at, contingent, already in, still in, on the front, "
                 "at the front, "
                 "in the combat zone, on the frontlines, on the frontline, massed, amassed, "
                 "on the ground in, in the trenches, "
                 "concentrated",
        "topic": "are in, were in, remain in, are now in, are still in, is in, in ukraine, "
                 "in the war zone, in the special military operation zone",
        "who": "troops, fighters, troops in, troops inside, soldiers in, soldiers inside, forces in, "
               "personnel in",
    },
    "other": {
        "event": "back, support, oppose, approve, discharge, return, returned home, released, "
                 "sent home, send home, sent back home, demobilise, demobilisation, "
                 "arrest, detain, disappear, incarcerate, imprison, convict, deport, displace, "
                 "charged, sentenced, prosecuted, evacuated, abandoned, freed, exchanged, "
                 "swapped, made up of, make up, live in, lives in, living in, pardoned, refuse, "
                 "employ, "
                 "refusal, protest, protesters, awol, absent without leave, "
                 # taken by the enemy alive: prisoners, not losses
                 "captured, taken prisoner, taken captive, surrender, surrendered",
        "who": "population, prison population, residents, inhabitants, workforce, workers, "
               "region of, city of, town of, country of, nation of, republic of, "
               "shortage, displacement, prisoners of war, pows, vacancies, students, employees, civilians",
        "own": "researchers, experts, analysts, scholars, economists, diplomats, families, relatives, "
               "lawyers, leaders",
    },
    "pay": {
        "money": "pay, paid, payment, payout, salary, wage, bonus, sign-up bonus, sign-on bonus, "
                 "allowance, compensation, lump sum, benefit, reward, earn, receive, offer, "
                 "remuneration, insurance, stipend, one-off, one-time, compensation package, "
                 "pay package, benefits package, benefit package, salary package",
        "event": "pay, payment, payments, salary, salaries, wages, bonus, bonuses, compensation",
    },
}

# Money that is not a soldier's pay: budgets, spending, the economy (kind "money" of other).
MONEY_OTHER = (
    "budget, state budget, federal budget, spending, spent on training, expenditure, "
    "expenditures, gdp, revenue, revenues, deficit, economy, average wage, average salary, "
    # what civilians earn, the yardstick pay is compared with
    "average income, median income, household income, median wage, median salary, "
    "minimum wage, minimum salary, subsistence minimum, poverty line, "
    "average monthly wage, average monthly salary, average monthly income, average annual wage, "
    "average annual salary, average annual income, cost of, fund, funds, loan, loans, debt, debts, "
    "seized, cash seized, "
    "price, prices, worth of, investment, investments, sanctions, exports, imports, fine, bribe, "
    "bribes, defence spending, defense spending, military spending, military budget, spent, "
    "turnover, profit, assets, reserves of, aid package, military aid, humanitarian aid, "
    "aid to, security assistance, military assistance, package, bill, tax, taxes, tariff, "
    "tariffs, sales, deal, cost, costs, damage, damages, "
    # what is bought, sold, stolen or collected: a price, a theft, a fund-raiser
    "buy, bought, purchase, procure, procurement, sell, sold, steal, stole, stolen, embezzle, "
    "embezzlement, theft, fraud, kickback, kickbacks, donate, donation, collected, fundraiser, "
    "fundraising, crowdfunding, "
    # what the forces buy, not what they pay their men
    "defence contract, defense contract, state contract, state contracts, state order, "
    "state orders, defence order, defense order, arms deal, arms contract, equipment, weapons, "
    "ammunition"
)

# The budget as who pays, not what the money is: these hide the budget words inside them, so
# that the money's other words decide ("the drive will cost the federal budget 700 billion
# roubles", "0.5 billion roubles are financed by the federal budget", "2 million from the
# regional budget").
MONEY_PAYER = ("cost * budget, costs * budget, financed * budget, funded * budget, paid * budget, "
               "from * budget, from * budgets")

# Word forms that are never cues, though their stem is one ("convicts" are people, not a
# conviction; "free" is not "freed"); a phrase of them hides the cues inside it ("on leave").
NOT_CUES = ("convict, convicts, free, freedom, set up, sets up, setting up, desert, deserts, "
            # leave as time off ("granted leave"), not as leaving the country
            "on leave, granted leave, home leave, annual leave, sick leave, maternity leave, "
            "leave of absence, shore leave, "
            # the verb alone signs anything ("signed a letter", "signed the bill"); the
            # noun "signing" and "signed up", "signed contracts" stay cues
            "sign, signs, signed")

# Words that put an article about the armed forces, where an amount of money with no words of
# its own is a soldier's pay (PAY_PRIOR): elsewhere ("the campaign raised $50 million") it is not.
FORCES_WORDS = (
    "army, armies, troops, soldier, soldiers, military, armed forces, serviceman, servicemen, "
    "servicewoman, recruit, recruits, recruited, recruiting, recruitment, recruiter, recruiters, "
    "mobilisation, mobilization, mobilised, mobilized, conscript, conscripts, conscripted, "
    "conscription, enlist, enlisted, enlistment, draftees, draft office, mercenary, mercenaries, "
    "fighters, battalion, battalions, brigade, brigades, regiment, regiments, frontline, "
    "front line, the front, defence ministry, defense ministry, ministry of defence, "
    "ministry of defense, veterans, contract soldiers, volunteers, wagner"
)
