"""Safety net: broad recall rules that run after the precise layers, before overlap resolution.

A miss leaks a client's identity while a false alarm costs the author one click, so these rules
trade precision for recall with general English facts rather than lists of known names:
- any capitalized phrase mid-sentence is a proper noun unless the whole phrase is a
  non-identifying one (clinical terms, theorists, medications, weekdays, months, holidays,
  states/countries, nationalities/languages/religions, kinship words, scripture, apps/brands
  used generically, generic agencies and acronyms); typed by head word or preposition;
- sentence-start given names used as vocatives ("Rosa, ..."), one-word sentences that are a
  given name or not an English word, names before an appositive ("Lan — my aunt");
- lower-case (speech recognition) lines: the word after "name is"/"named"/kinship cues, words
  that are not English, "lake X"/"X pond";
- cue-word IDs with inner spaces/hyphens, credential licences, international phones,
  lone "9/14" dates, "the ninth" after anniversary/birthday, "$Cash" handles, "site.com/@x".
Choice: agencies that do not locate a person (FBI, IRS, DMV, ICE, CDC, leagues) are not
flagged; "the VA" is, because a VA is a facility where someone works or is treated.
"""

from __future__ import annotations

import re

from app.deid import context, patterns
from app.deid import wordlists as wl
from app.deid.finding import Candidate
from app.deid.gazetteers import Gazetteers
from app.deid.tokens import Line, Token

_s = wl._set

NATIONALITIES = _s(
    "sikh, sikhs, samoan, tongan, fijian, hawaiian, maori, tamil, telugu, punjabi, gujarati,"
    "marathi, malayalam, kannada, sindhi, pashto, dari, farsi, kurdish, kurd, amharic, tigrinya,"
    "oromo, yoruba, igbo, hausa, akan, twi, ewe, wolof, zulu, xhosa, shona, lingala, kinyarwanda,"
    "somali, sudanese, eritrean, kenyan, ugandan, congolese, senegalese, liberian, egyptian,"
    "moroccan, algerian, tunisian, lebanese, palestinian, jordanian, saudi, yemeni, emirati,"
    "israeli, armenian, georgian, azerbaijani, uzbek, kazakh, mongolian, tibetan, nepali,"
    "nepalese, bhutanese, bangladeshi, sri lankan, burmese, khmer, lao, malaysian,"
    "indonesian, singaporean, taiwanese, hongkonger, micronesian, marshallese, chamorro,"
    "chuukese, palauan, aboriginal, inuit, metis, first nations, alaska native, hopi,"
    "zuni, ojibwe, anishinaabe, cree, mohawk, oneida, iroquois,"
    "haudenosaunee, choctaw, chickasaw, muscogee, seminole, comanche, kiowa, osage,"
    "pawnee, blackfeet, arapaho, shoshone, ute, paiute, tlingit, yupik,"
    "mexican-american, african-american, asian-american, chinese-american, arab-american,"
    "korean-american, jamaican-american, dutch, swedish, norwegian, danish, finnish, icelandic,"
    "czech, slovak, hungarian, romanian, bulgarian, serbian, croatian, bosnian, albanian,"
    "slovenian, lithuanian, latvian, estonian, belarusian, austrian, swiss, belgian, spaniard,"
    "catalan, basque, sicilian, portuguese, cape verdean, chilean, argentinian, argentine,"
    "bolivian, ecuadorian, paraguayan, uruguayan, nicaraguan, costa rican, panamanian,"
    "belizean, trinidadian, barbadian, bajan, guyanese, surinamese, bahamian, creole, kreyol,"
    "patois, garifuna, mixtec, zapotec, mayan, quechua, aymara, nahuatl, taino,"
    "chicano, chicana, afro-latino, afro-latina, boricua, desi, pinoy, pinay, hapa, mestizo,"
    "jewish, orthodox, hasidic, ashkenazi, sephardic, mizrahi, sunni, shia, shiite, sufi,"
    "ismaili, ahmadi, druze, bahai, baha'i, zoroastrian, parsi, jain, rastafarian, rasta,"
    "wiccan, pagan, quaker, amish, mennonite, adventist, seventh-day adventist, anglican,"
    "unitarian, universalist, congregationalist, calvinist, reformed, coptic, maronite,"
    "jehovah's witness, jehovah's witnesses, latter-day saints, muslim, hindu, buddhist,"
    "christian, catholic, baptist, methodist, lutheran, pentecostal, evangelical,"
    "presbyterian, episcopalian, mormon, black, white, brown, asian, native, indigenous,"
    "latine, pacific islander, middle eastern, southern, northern, western, eastern,"
    "midwestern, appalachian, southerner, northerner, yankee, texan, californian, new yorker,"
    "american, americans, african, european, english, british, irish, canadian, mexican"
)
SCRIPTURE = _s(
    "genesis, exodus, leviticus, numbers, deuteronomy, joshua, judges, ruth, samuel, kings,"
    "chronicles, ezra, nehemiah, esther, job, psalm, psalms, proverbs, ecclesiastes, song of"
    " songs, isaiah, jeremiah, lamentations, ezekiel, daniel, hosea, joel, amos, obadiah, jonah,"
    "micah, nahum, habakkuk, zephaniah, haggai, zechariah, malachi, matthew, mark, luke, john,"
    "acts, romans, corinthians, galatians, ephesians, philippians, colossians, thessalonians,"
    "timothy, titus, philemon, hebrews, james, peter, jude, revelation, revelations, surah, sura"
)
SCRIPTURE_REF_RE = re.compile(
    r"\b(?:[123]\s)?(?P<b>[A-Z][a-z]+)\s+\d{1,3}(?::\d{1,3}(?:-\d{1,3})?)?\b(?!\s*(?:am|pm|years))"
)
# Apps, platforms, products and generic agencies/acronyms that do not locate a person.
GENERIC_PROPER = _s(
    # Exams, diagnoses said in full, military branches, 12-step fellowships, TV channels.
    "nclex, mcat, lsat, gre, gmat, bar exam, the bar, asvab, praxis, usmle, comlex, bipolar i,"
    "bipolar ii, bipolar 1, bipolar 2, type 1, type 2, down syndrome, asperger's, aspergers,"
    "marine, marines, the marines, marine corps, army, the army, navy, the navy, air force,"
    "the air force, coast guard, national guard, the guard, space force, ga, gam-anon, coda,"
    "weather channel, the weather channel, discovery channel, history channel, food network,"
    "hallmark channel, lifetime, hbo, espn, cnn, msnbc, fox, nbc, abc, cbs, pbs, npr,"
    "the gottmans, gottmans, latin, greek, hebrew, sanskrit, aramaic,"
    # National organizations, models and letter words in clinicians' notes.
    "compassionate friends, the compassionate friends, miss foundation, the miss foundation,"
    "alzheimer's association, alzheimers association, lewy body dementia association,"
    "postpartum support international, gamblers anonymous, gam-anon, narcotics anonymous,"
    "alcoholics anonymous, al-anon, nar-anon, smart recovery, celebrate recovery, nami,"
    "apa, aca, nasw, aamft, the trevor project, trevor project, the trevor lifeline,"
    "little league, pop warner, safesport, usa gymnastics, ncaa, nfl, nba, nhl, mlb, osha,"
    "medi-cal, medi cal, masshealth, tenncare, smart start, head start, early head start,"
    "continuing bonds, dual process model, the dual process model, stages of change,"
    "window of tolerance, polyvagal theory, attachment theory, family systems, internal family"
    " systems, re, hon, honorable, cc, attn, encl, mychart, my chart, lactmed, mothertobaby,"
    "daylio, calm, headspace, betterhelp, talkspace, doxy.me, doxy, zoom,"
    # Laws, programs, models and national events named in clinical talk.
    "baker act, marchman act, tarasoff, the tarasoff, duty to warn, gi bill, the gi bill,"
    "duluth model, the duluth model, super bowl, the super bowl, world series, march madness,"
    "black friday, cyber monday, edible arrangements, hallmark, section 8, section eight,"
    "obamacare, affordable care act, the affordable care act, medicare part d, part d, tricare,"
    "champva, social security, supplemental security income, head start, job corps,"
    "americorps, peace corps, boy scouts, girl scouts, ivy league, the ivy league, big ten,"
    "dv, ipv, sud, oud, aud, mat, moud, iop, php, rtc, snf, alf, ltc, hospice, the hospice,"
    "cash app, gofundme, go fund me, linkedin, whatsapp, facetime, messenger, onlyfans, twitch,"
    "airbnb, ring, nest, apple, microsoft, meta, openai, chatgpt, wi-fi, gps, ai, tv, dvd, pdf,"
    "er, icu, picu, nicu, ed, or, pacu, aa, na, al-anon, alanon, ca, oa, sa, slaa, coda, acoa,"
    "adhd, add, ptsd, cptsd, c-ptsd, ocd, gad, mdd, bpd, asd, iep, 504, ged, sat, act, gpa,"
    "ssi, ssdi, snap, ebt, wic, tanf, medicaid, medicare, cobra, fmla, ada, hipaa, dsm, dsm-5,"
    "icd, cpt, cbt, dbt, act, emdr, ifs, erp, ipt, mbct, cpt, pe, tf-cbt, phq-9, gad-7, moca,"
    "mmse, pcl-5, audit, dast, cssrs, c-ssrs, ace, aces, lcsw, lpc, lmft, lmhc, psyd, phd,"
    "md, np, pa, rn, lpn, cna, emt, bsn, msw, ma, ba, bs, mba, jd, ceo, cfo, hr, it, pto,"
    "fbi, irs, dmv, ice, cdc, nih, fda, dea, atf, usps, ups, fedex, dhl, tsa, fema, hud,"
    "dod, dhs, doj, dol, doe, bmv, mva, sec, ftc, fcc, nsa, osha, eeoc, hhs, cms, ptsd,"
    "uscis, ssa, epa, nasa, nfl, nba, mlb, nhl, mls, wnba, ncaa, ufc, wwe, pga, nascar, aarp,"
    "ncaa, nami, samhsa, cps, dcfs, acs, dss, aps, ssn, id, dna, hiv, aids, std, sti, ob,"
    "gyn, ob-gyn, ent, mri, ct, ekg, ecg, eeg, iv, ob/gyn, cpr, aed, ppe, n95, rsv, flu,"
    "covid, ok, okay, tv, usa, u.s, us, uk, eu, un, nato, lgbt, lgbtq, lgbtqia, bipoc, poc,"
    "ivf, iud, ssri, ssris, snri, maoi, adderall, xanax, zoloft, prozac, lexapro, suboxone,"
    "narcan, methadone, vivitrol, naltrexone, wellbutrin, ambien, seroquel, abilify, lithium,"
    "oxy, oxycontin, percocet, vicodin, fentanyl, heroin, meth, coke, weed, dr, mr, mrs, ms,"
    "mx, mom, dad, mother, father, sister, brother, aunt, uncle, grandma, grandpa, grandmother,"
    "grandfather, ma, pa, god, lord, jesus, christ, allah, bible, quran, koran, torah, gospel,"
    "scripture, heaven, hell, spirit, holy, holy spirit, mary, virgin, saint, prophet,"
    "muhammad, moses, abraham, buddha, krishna, shiva, vishnu, ganesh, guru, nanak, satan,"
    "therapist, client, supervisor, supervisee, member, counselor, doctor, nurse, intake,"
    "caller, parent, partner, facilitator, interpreter, t, c, p, q, a, internet, english,"
    "e-mail, email, text, dm, dms, pm, am, a.m, p.m, uber, lyft, amazon, walmart, target,"
    "costco, starbucks, mcdonald's, zoom, teams, google, youtube, tiktok, instagram,"
    "facebook, snapchat, netflix, venmo, iphone, android, xbox, playstation, kindle, ipad,"
    "mac, windows, spotify, hulu, disney, marvel, dilly, bar, oreo, oreos, cheerios, legos,"
    "goodwill, craigslist, zillow, indeed, yelp, reddit, discord, twitter, x, tumblr, bumble,"
    "hinge, tinder, grindr, alexa, siri, fitbit, roku, wii, nintendo, pokemon, minecraft,"
    "roblox, fortnite, monopoly, uno, jenga, scrabble, wordle, sudoku, lego, barbie, zoloft,"
    "states, the states, stateside,"
    # Planets and other places no one lives.
    "mars, jupiter, saturn, neptune, uranus, pluto, the milky way, antarctica"
)
# Public-knowledge lists: media, consumer products/services and insurers that locate no one.
PRODUCTS_MEDIA = _s(
    "fox news, fox, cnn, msnbc, nbc, abc, cbs, pbs, npr, bbc, espn, hbo, hbo max, cnbc,"
    "c-span, the office, parks and rec, grey's anatomy, law and order, sesame street, jeopardy,"
    "wheel of fortune, the bachelor, love is blind, survivor, the voice, american idol,"
    "western union, moneygram, remitly, xoom, zelle, cash app, venmo, paypal, chime,"
    "google doc, google docs, google drive, google sheets, google maps, google calendar,"
    "google classroom, google meet, apple maps, find my, life360, ring doorbell, notes app,"
    "u-haul, uhaul, penske, ryder, pods, two men and a truck, ensure, boost, gatorade,"
    "pedialyte, red bull, celsius, quizlet, canvas, blackboard, khan academy, chegg, duolingo,"
    "kahoot, powerschool, schoology, draftkings, fanduel, betmgm, pokerstars, chumba,"
    "robinhood, coinbase, bitcoin, crypto, onlyfans, pornhub, zillow, redfin, trulia,"
    "apartments.com, turbotax, h&r block, credit karma, experian, equifax, transunion,"
    "ozempic, wegovy, mounjaro, zepbound, narcan, plan b, juul, zyn, vuse, white claw,"
    "four loko, fireball, jack daniel's, tito's, bud light,"
    "modelo, mike's hard, ritz, doritos, cheetos, takis, little debbie, hot pockets,"
    "pop-tarts, lunchables, hello kitty, squishmallows, stanley cup, crocs, airpods,"
    # Children's shows, games and characters; phone services; brand verbs; this platform.
    "bluey, paw patrol, peppa pig, cocomelon, sesame street, daniel tiger, spider-man,"
    "spiderman, batman, superman, wonder woman, iron man, captain america, hulk, the avengers,"
    "harry potter, star wars, pokémon, super mario, zelda, among us, animal"
    " crossing, call of duty, grand theft auto, gta, inside out, encanto, frozen,"
    "toy story, the lion king, google voice, textnow, textfree, signal, telegram, googling,"
    "googled, facetimed, facetiming, venmoed, ubered, parallel, linktree, link in bio"
)
INSURERS = _s(
    # National carriers only; regional Medicaid plans ("Molina", "CareSource") hint at a state.
    "anthem, aetna, cigna, humana, unitedhealthcare, united healthcare, uhc, blue cross,"
    "blue shield, blue cross blue shield, bcbs, geico, state farm, allstate, progressive,"
    "liberty mutual, nationwide, usaa, metlife, aflac, prudential, mutual of omaha,"
    "obamacare, healthcare.gov, the marketplace"
)
# Everyday acronyms that follow "the" without naming a facility ("the AC", "the IP").
PLAIN_ACRONYMS = _s(
    "ac, a/c, hvac, pt, ot, ip, atm, pin, rv, atv, hoa, pta, pto, gps, ssn, itin, ein, dm, pdf,"
    "ui, ux, ai, ar, vr, hr, it, qa, ops, pr, iq, eq, bmi, bp, ekg, cbc, ua, uti, std, tv, pc,"
    "wifi, usb, sim, apr, 401k, w-2, w2, 1099, id, dob, gpa, sat, act, gre, lsat, mcat,"
    "ged, ap, ib, esl, sped, iep, ot, pe, ems, 911, 988, dui, dwi, cps, po, pd"
)
AGENCY_PLACES = _s("va, dhs, ymca, ywca, dmv office, social security office")
INTERJECTIONS = _s(
    "yes, yeah, yep, yup, no, nope, nah, okay, ok, right, sure, exactly, totally, absolutely,"
    "nothing, everything, something, anything, honestly, really, seriously, maybe, perhaps,"
    "silence, pause, sorry, thanks, thank, please, well, so, and, but, or, um, uh, hmm, mm,"
    "ha, haha, hah, heh, ugh, wow, whoa, yikes, oops, phew,"
    "mhm, oh, ah, wow, huh, whatever, anyway, anyways, fine, good, great, bad, true, false,"
    "correct, wrong, never, always, sometimes, often, again, also, too, now, then, later,"
    "today, tonight, tomorrow, yesterday, here, there, everywhere, nowhere, somewhere, why,"
    "what, how, who, when, where, which, both, neither, either, none, all, some, mostly,"
    "partly, kind, sort, definitely, probably, possibly, obviously, clearly, agreed, same,"
    "hello, hi, hey, bye, goodbye, sigh, laughs, laughing, crying, cries, inaudible,"
    "crosstalk, long, short, quiet, enough, more, less, much, less, first, second, third,"
    "last, next, before, after, twice, once, please, listen, look, wait, stop, see, go, come,"
    "yes,no, nevermind, whoa, ugh, oops, jeez, gosh, damn, man, dude, bro, girl, guys, folks,"
    "anyhow, besides, meaning, like, literally, basically, actually, apparently, exactly,"
    "precisely, indeed, certainly, surely, alright, gotcha, cool, nice, awesome, wonderful,"
    "lovely, perfect, interesting, hard, easy, tough, scary, sad, happy, angry, mad, tired,"
    "exhausted, numb, relief, shame, guilt, fear, anger, grief, sadness, love, hate, work,"
    "money, home, school, family, kids, everyone, nobody, somebody, anybody, me, you, him,"
    "her, us, them, mine, yours, his, hers, ours, theirs, this, that, these, those, it, one,"
    "two, three, four, five, six, seven, eight, nine, ten, eleven, twelve, twenty, hundred"
)
# Head words that make a capitalized phrase an organization or a place.
ORG_HEADS = _s(
    "army, navy, air force, airborne, battalion, brigade, regiment, division, marines, corps,"
    "guard, squadron, platoon, company, society, congregational, congregation, church, chapel,"
    "cathedral, temple, mosque, masjid, gurdwara, sahib, synagogue, shul, parish, ministry,"
    "ministries, fellowship, tabernacle, assembly, inn, hotel, motel, hospital, clinic, center,"
    "centre, health, medical, school, academy, college, university, institute, elementary,"
    "middle, high, prep, bank, credit union, bakery, bakeshop, cafe, café, coffee, bottle,"
    "salon, sams, barbershop, diner, grill, kitchen, restaurant, pizza, tacos, taqueria, bar,"
    "pub, tavern, brewery, market, grocery, foods, pharmacy, store, shop, mart, depot, club,"
    "gym, fitness, yoga, studio, labs, inc, llc, co, corp, group, partners, associates, legal,"
    "law, services, solutions, systems, foundation, fund, alliance, coalition, league, union,"
    "council, department, dept, office, agency, authority, press, news, times, post, tribune,"
    "herald, radio, records, motors, auto, logistics, construction, realty, insurance,"
    "airlines, airways, railroad, transit, energy, electric, gas, power, water, utilities,"
    "living, care, home, homes, house, shelter, mission, pantry, outreach, ymca, ywca, scouts,"
    "ame, cme, ame zion, packers, bears, giants, jets, yankees, mets, dodgers, lakers, cowboys,"
    "eagles, steelers"
)
PLACE_HEADS = _s(
    "lake, pond, river, creek, bay, gap, rock, rocks, nation, reservation, rez, park, beach,"
    "mall, bridge, highway, hwy, freeway, fwy, interstate, road, rd, street, st, avenue, ave,"
    "boulevard, blvd, lane, ln, drive, dr, way, court, ct, place, pl, terrace, circle, parkway,"
    "pkwy, turnpike, pike, route, trail, ward, unit, floor, wing, bottom, bottoms, hollow,"
    "holler, hill, hills, valley, heights, village, town, township, county, parish, city,"
    "springs, falls, mountain, mountains, mount, mt, ridge, canyon, mesa, island, islands,"
    "harbor, port, point, cove, woods, forest, grove, meadow, meadows, fields, field, square,"
    "plaza, station, terminal, airport, pier, wharf, dock, dam, canal, ranch, farm, estates,"
    "apartments, apts, towers, projects, quarter, district, side, end, crossing, junction,"
    "corner, corners, landing, prairie, desert, swamp, bayou, marsh, glen, dale, shores,"
    "beltway, loop, camp, base, fort, ft"
)
LOC_PREPS = _s("in, at, on, near, from, to, past, behind, by, around, outside, into, toward")
CONNECTORS = _s("of, the, de, del, la, van, von, al, bin, and, da, di, du, der, y")
ORDINAL_RE = re.compile(r"\d{1,3}(?:st|nd|rd|th)$")
KIN_LOWER = frozenset(
    w
    for w in wl.RELATION_WORDS | wl.KINSHIP_TERMS
    if len(w) >= 4 or w in ("mom", "dad", "tia", "tio", "dog", "cat", "pup")
) - {"anne", "anna", "nine", "beta", "saba", "dede", "mama"}
NUMBER_WORD_RE = re.compile(
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|one|two|three|four|five|six|"
    r"seven|eight|nine|hundred)(?:-\w+)?$"
)
ABBR_TITLES = _s("mr, mrs, ms, mx, dr, prof, sr, jr, rev, capt, lt, sgt, gen, col, det, fr, sen")
# A bare military branch says little; a unit ("82nd Airborne") does.
BARE_ORGS = _s(
    "army, navy, marines, marine corps, air force, coast guard, national guard, space force,"
    "reserves, the army, the navy, the marines"
)
FAMOUS_AUTHORS = _s(
    "brené brown, brene brown, judith herman, bessel van der kolk, william miller,"
    "stephen rollnick, aaron beck, judith beck, albert ellis, carl rogers, irvin yalom,"
    "marsha linehan, john gottman, julie gottman, sue johnson, dan siegel, daniel siegel,"
    "peter levine, pat ogden, richard schwartz, steven hayes, kristin neff, tara brach,"
    "jon kabat-zinn, thich nhat hanh, gabor mate, gabor maté, viktor frankl, alice miller,"
    "michael white, david epston, salvador minuchin, murray bowen, virginia satir,"
    "milton erickson, fritz perls, donald winnicott, john bowlby, mary ainsworth, sigmund"
    " freud, carl jung, alfred adler, abraham maslow, erik erikson, karen horney, jean piaget,"
    "martin seligman, mihaly csikszentmihalyi, pema chodron, pema chödrön, eckhart tolle,"
    "louise hay, tony robbins, dr. phil, dr phil, oprah, oprah winfrey, mr. rogers,"
    "mr rogers, mister rogers, fred rogers, emily dickinson, maya angelou, mary oliver,"
    "william shakespeare, shakespeare, toni morrison, james baldwin, sylvia plath, ted lasso,"
    "taylor swift, beyoncé, beyonce, michael jordan, lebron james, serena williams, simone"
    " biles, martin luther king, martin luther king jr, abraham lincoln, albert einstein,"
    "mother teresa, mahatma gandhi, nelson mandela, dr. seuss, dr seuss, winnie the"
    " pooh, eeyore, mr. miyagi, yoda, joe rogan, jordan peterson, elon musk, kanye west,"
    # Public figures clients mention as such (musicians, actors, athletes, leaders, hosts).
    "robin williams, michael phelps, kendrick lamar, bob marley, kurt cobain, amy winehouse,"
    "whitney houston, michael jackson, elvis presley, johnny cash, dolly parton,"
    "tupac, tupac shakur, biggie smalls, notorious b.i.g., jay-z, rihanna,"
    "lady gaga, billie eilish, ariana grande, justin bieber, ed sheeran, eminem, kanye,"
    "britney spears, bruce springsteen, bob dylan, john lennon, paul mccartney,"
    "the beatles, metallica, nirvana, jimi hendrix, janis joplin, frank sinatra, aretha"
    " franklin, stevie wonder, mariah carey, celine dion, olivia rodrigo, harry styles,"
    "bad bunny, shakira, selena gomez, selena quintanilla, lil wayne, nicki minaj, cardi b,"
    "post malone, juice wrld, mac miller, xxxtentacion, lil peep, chester bennington,"
    "chris cornell, anthony bourdain, philip seymour hoffman, heath ledger, matthew perry,"
    "tom hanks, meryl streep, denzel washington, will smith, jada pinkett smith, chris rock,"
    "brad pitt, angelina jolie, leonardo dicaprio, jennifer aniston, jennifer lopez,"
    "johnny depp, amber heard, kim kardashian, kylie jenner, kris jenner, caitlyn jenner,"
    "tom cruise, keanu reeves, dwayne johnson, morgan freeman, samuel l. jackson,"
    "jim carrey, adam sandler, kevin hart, dave chappelle, ellen degeneres, jimmy fallon,"
    "jimmy kimmel, stephen colbert, jon stewart, john oliver, trevor noah, steve harvey,"
    "dr. oz, dr oz, judge judy, martha stewart, gordon ramsay, bob ross, marie kondo,"
    "mr. beast, mrbeast, pewdiepie, logan paul, jake paul, andrew tate, joe exotic,"
    "tom brady, peyton manning, patrick mahomes, travis kelce, aaron rodgers, colin"
    " kaepernick, kobe bryant, shaquille o'neal, shaq, steph curry, stephen curry,"
    "kevin durant, magic johnson, larry bird, tiger woods, muhammad ali, mike tyson,"
    "babe ruth, derek jeter, shohei ohtani, lionel messi, messi, cristiano ronaldo,"
    "ronaldo, pelé, pele, usain bolt, naomi osaka, venus williams, billie jean king,"
    "michael oher, ronda rousey, conor mcgregor, wayne gretzky, dale earnhardt,"
    "barack obama, obama, michelle obama, donald trump, trump, joe biden, biden, kamala"
    " harris, hillary clinton, bill clinton, george bush, george w. bush, ronald reagan,"
    "john f. kennedy, jfk, franklin roosevelt, fdr, bernie sanders, aoc, nancy pelosi,"
    "princess diana, prince harry, meghan markle, queen elizabeth, king charles, the pope,"
    "pope francis, dalai lama, billy graham, joel osteen, t.d. jakes, td jakes, rick"
    " warren, malcolm x, rosa parks, harriet tubman, frederick douglass, cesar chavez,"
    "gloria steinem, ruth bader ginsburg, rbg, anne frank, helen keller, frida kahlo,"
    "vincent van gogh, van gogh, picasso, mozart, beethoven, bill gates, steve jobs,"
    "mark zuckerberg, jeff bezos, warren buffett, mr. rogers' neighborhood, big bird,"
    "elmo, cookie monster, spongebob, harry potter, hermione, voldemort, darth vader,"
    "luke skywalker, frodo, gandalf, batman, superman, spider-man, spiderman, wonder woman,"
    "peter pan, cinderella, elsa, moana, simba, shrek, mickey mouse, homer simpson, bart"
    " simpson, tony soprano, walter white, jesse pinkman, don draper, michael scott,"
    "dwight schrute, leslie knope, ron swanson, ross geller, rachel green, chandler bing,"
    "jon snow, daenerys, tyrion, wednesday addams, rocky balboa, forrest gump, sherlock"
    " holmes, atticus finch, holden caulfield, jay gatsby, hannibal lecter, jeffrey young,"
    "jeffrey e. young, jack kornfield, sharon salzberg, ram dass, alan watts, esther perel,"
    "glennon doyle, mel robbins, jay shetty, lori gottlieb, nicole lepera, dr. nicole lepera,"
    "judith lewis herman, allan schore, stephen porges, peter fonagy, otto kernberg,"
    "heinz kohut, melanie klein, anna freud, harry stack sullivan, erich fromm, rollo may,"
    "albert bandura, b.f. skinner, bf skinner, ivan pavlov, john watson, lev vygotsky"
)
# A famous person's name (any case), found in the text before any layer's candidate is kept.
FAMOUS_RE = re.compile(
    r"(?<![\w.])(?:"
    + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(FAMOUS_AUTHORS, key=len)[::-1])
    + r")(?!\w)",
    re.I,
)
HOLIDAY_PHRASES = _s(
    "fourth of july, the fourth, new year's day, st. patrick's day, saint patrick's day,"
    "cinco de mayo, day of the dead, martin luther king day, mlk day, veterans day,"
    "presidents day, columbus day, labor day, memorial day, mother's day, father's day,"
    "good friday, black friday, cyber monday, super bowl sunday, independence day"
)
# Capitalized ordinary words followed by a number: "Step 4", "Chapter 3".
NUMBERED_WORDS = _s(
    "step, steps, chapter, level, phase, module, session, sessions, week, day, page, part,"
    "stage, grade, tier, class, question, item, worksheet, exercise, lesson, unit, version,"
    "section, title, tip, skill, rule, principle, option, plan, tradition, promise"
)
# Short function words in capitals are emphasis ("It IS unfair"), not acronyms.
FUNCTION_WORDS = _s(
    "a, an, the, and, or, but, if, so, at, in, on, to, of, by, for, with, from, is, are, was,"
    "were, be, been, am, do, did, does, not, no, yes, my, your, his, her, its, our, their, me,"
    "you, he, she, it, we, they, us, him, them, this, that, these, those, every, each, all,"
    "any, some, one, what, who, how, why, when, where, never, ever, always, just, only, very,"
    "too, more, most, much, now, then, there, here, has, have, had, can, will, would, could,"
    "should, must, may, might, want, need, know, think, said, like, love, hate, really, same"
)


def _nonid_word(w: str, gz: Gazetteers) -> bool:
    return (
        w in context.HARD_STOP
        or w in PRODUCTS_MEDIA
        or w in INSURERS
        or w in NATIONALITIES
        or w in GENERIC_PROPER
        or w in wl.MONTHS
        or w in SCRIPTURE
        or w in gz.regions
    )


def _phrase_nonid(words: list[str], gz: Gazetteers) -> bool:
    phrase = " ".join(words)
    if phrase in context.HARD_STOP or phrase in GENERIC_PROPER or phrase in NATIONALITIES:
        return True
    if phrase in PRODUCTS_MEDIA or phrase in INSURERS or phrase in PLAIN_ACRONYMS:
        return True
    if phrase in gz.regions or phrase in wl.THEORISTS or phrase in wl.CLINICAL_TERMS:
        return True
    if "and" in words[1:-1]:
        k = words.index("and", 1)
        if _phrase_nonid(words[:k], gz) and _phrase_nonid(words[k + 1 :], gz):
            return True  # "Bluey and Paw Patrol": a list of non-identifying names
    if len(words) > 1 and words[-1] in RELEASE_SUFFIXES:
        return _phrase_nonid(words[:-1], gz) or " ".join(words[:-1]) in wl.MEDICATIONS
    if len(words) > 1 and words[0] in wl.THEORISTS and " ".join(words[1:]) in wl.CLINICAL_TERMS:
        return True  # "Gottman Sound Relationship House": a theorist's named method
    content = [w for w in words if w not in CONNECTORS]
    return bool(content) and all(_nonid_word(w, gz) for w in content)


# "Adderall XR", "Wellbutrin SR": a medication with its release form.
RELEASE_SUFFIXES = _s("xr, er, sr, ir, cr, xl, la, odt, dr, cd, xrt")


HYPHEN_TAILS = _s(
    "ish, esque, wise, free, based, related, style, type, like, ness, year, years, old, hour,"
    "hours, day, days, week, weeks, month, months, minute, minutes, ever, ever-after, in-law,"
    "grandma, grandpa, grandmother, grandfather, aunt, uncle, grandson, granddaughter, time"
)
MEDICAL_SUFFIX_RE = re.compile(
    r"(?:algia|itis|osis|emia|aemia|opathy|ectomy|otomy|ostomy|phobia|philia|plasty|oscopy|"
    r"iasis|trophy|plegia|paresis|orrhea|uria|ology|ologist|iatrist|iatry|oma|ism|ize|ise)$"
)
CAMEL_RE = re.compile(r"([A-Z][a-z]{2,})([A-Z][a-z]{2,})")


def ordinary_shape(word: str, gz: Gazetteers) -> bool:
    """Capitalized tokens whose shape shows an ordinary word, not a name: lower-case hyphen
    tails ("Okay-ish", "Ten-hour", "Great-grandma"), two plain words run together as a
    brand ("DraftKings"), medical/Latinate suffixes ("Fibromyalgia")."""
    lw = word.lower()
    if lw in gz.first or lw in gz.surname_rank or lw in gz.cities:
        return False
    if "-" in word:
        head, *tail = word.split("-")
        hl = head.lower()
        plain_head = hl in gz.common or NUMBER_WORD_RE.match(hl) is not None or len(hl) == 1
        return (
            plain_head
            and all(p.islower() for p in tail)
            and all(p in gz.common or p in HYPHEN_TAILS for p in tail)
        )
    m = CAMEL_RE.fullmatch(word)
    if m:
        a, b = m.group(1).lower(), m.group(2).lower()
        return a in gz.common and b in gz.common and a not in gz.first and b not in gz.first
    return lw not in gz.common and len(lw) >= 6 and MEDICAL_SUFFIX_RE.search(lw) is not None


def _compound_word(lw: str, gz: Gazetteers) -> bool:
    """'handoffs', 'workouts': a plural or two common words run together (sentence start)."""
    if lw in gz.first or lw in gz.surname_rank or lw in gz.cities:
        return False
    stems = [lw]
    if lw.endswith("ies"):
        stems.append(lw[:-3] + "y")
    if lw.endswith("s"):
        stems += [lw[:-1], lw[:-2]]
    for st in stems:
        if st in gz.common:
            return True
        for k in range(3, len(st) - 2):
            if st[:k] in gz.common and st[k:] in gz.common:
                return True
    return False


def _typo_of_common(w: str, gz: Gazetteers) -> bool:
    """'evry', 'becuase': a common word with one letter dropped or two letters swapped (and
    not a given name), as speech recognition and fast typing leave them."""
    if w in gz.first or w in gz.common or len(w) < 4:
        return False
    for k in range(len(w) + 1):
        for ch in "abcdefghijklmnopqrstuvwxyz":
            if w[:k] + ch + w[k:] in gz.common:
                return True
    return any(w[:k] + w[k + 1] + w[k] + w[k + 2 :] in gz.common for k in range(len(w) - 1))


def _theorist_cited(toks: list[Token], i: int) -> bool:
    """'Herman's stages', 'Schwartz would say': a cited theorist's surname."""
    t = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) and toks[i + 1].line == t.line else None
    return (
        t.lower in wl.THEORISTS_CONTEXT
        and nxt is not None
        and nxt.lower in wl.THEORIST_CONTEXT_AFTER
    )


MEDIA_BEFORE_RE = re.compile(
    r"(?:\b(?:read|reading|reread|re-read|rereading)\s+[\"“]?(?:the\s+|a\s+)?"
    r"|\b(?:book|books|novel|memoir|movie|film|show|series|podcast|song|album|documentary|"
    r"audiobook|workbook|episode|sitcom|ted\s+talk|poem)(?:\s+(?:called|titled|named))?"
    r"\s*[,:]?\s*[\"“]?)$",
    re.I,
)
WATCH_BEFORE_RE = re.compile(
    r"\b(?:watch|watched|watching|watches|binge|binged|bingeing|binging|rewatch|rewatched|"
    r"rewatching|stream|streamed|streaming)\s+[\"“]?(?:the\s+)?$",
    re.I,
)
LISTEN_BEFORE_RE = re.compile(r"\blisten(?:ed|ing|s)?\s+to\s+$", re.I)
MEDIA_AFTER_RE = re.compile(
    r"\s+(?:book|books|novel|memoir|podcast|ted\s+talk|documentary|album|song|songs|movie|"
    r"film|quote|quotes|video|videos|workbook|audiobook|episode|special)\b",
    re.I,
)
MEDIA_VERBS = _s("read, watched, watching, binged, rewatched, streamed, listened")


def media_title(text: str, start: int, end: int, gz: Gazetteers) -> bool:
    """A capitalized span read, watched or listened to, or named before 'book': a title or a
    public creator ("read Explain Pain", "watched The Office", "that Atul Gawande book")."""
    span = text[start:end]
    if text[end : end + 2] in ("'s", "’s"):
        return False
    before = text[max(0, start - 40) : start]
    words = span.split()
    if kin_before(text, start) or re.search(r"\b(?:[Mm]rs?|[Mm]s|[Dd]r)\.?\s+$", before):
        return False  # "my sister Maria": a person whatever follows
    if MEDIA_BEFORE_RE.search(before):
        return len(words) >= 2 or words[0].lower() not in gz.first  # not "read Maria the..."
    if len(words) >= 2 and MEDIA_AFTER_RE.match(text, end):
        return True  # "that Atul Gawande book": an author's full name
    if WATCH_BEFORE_RE.search(before):
        return len(words) >= 2 or words[0].lower() not in gz.first
    if LISTEN_BEFORE_RE.search(before):
        return len(words) >= 2 and words[0].lower() not in gz.first
    return False


def _weak_phrase(text: str, toks: list[Token], members: list[int], gz: Gazetteers) -> bool:
    """Capitalized shapes that are not proper nouns: codes, emphasis, list items, authors."""
    words = [toks[k].lower for k in members]
    phrase = " ".join(words)
    if phrase in BARE_ORGS or phrase in FAMOUS_AUTHORS or phrase in HOLIDAY_PHRASES:
        return True
    first = toks[members[0]]
    if first.idx >= 2 and toks[first.idx - 1].lower == "and":
        before = toks[first.idx - 2].lower
        if before in wl.THEORISTS or before in FAMOUS_AUTHORS:
            return True  # "Rollnick and Miller"
    parts = phrase.split(" and ")
    if len(parts) > 1 and any(p in wl.THEORISTS or p in FAMOUS_AUTHORS for p in parts):
        return True
    if len(words) == 2 and words[1] in wl.THEORISTS and words[0] in gz.first:
        return True  # "Aaron Beck"
    core = list(words)
    while len(core) > 1 and core[-1] in wl.CLINICAL_TERMS:
        core.pop()
    if len(core) < len(words) and (
        " ".join(core) in FAMOUS_AUTHORS or " ".join(core) in wl.THEORISTS
    ):
        return True  # "a Sue Johnson EFT frame"
    if len(words) == 2 and words[0] in NUMBERED_WORDS and NUMBER_WORD_RE.match(words[1]):
        return True  # "Step Four"
    if len(words) >= 2 and words[0] in MEDIA_VERBS:
        return True  # "Watched The Office for hours"
    last = toks[members[-1]]
    if media_title(text, first.start, last.end, gz):
        return True
    if len(members) != 1:
        return False
    t = toks[members[0]]
    w = t.lower
    nxt = toks[t.idx + 1] if t.idx + 1 < len(toks) else None
    if len(w) == 1 or w in FUNCTION_WORDS or w in INTERJECTIONS:
        return True  # "F43.10", "It IS unfair", "Not AT anyone"
    if t.text.isupper():
        # Acronyms locate someone only as a place: "drove me to OHSU", "at the VA".
        prev = toks[t.idx - 1] if t.idx > 0 and toks[t.idx - 1].line == t.line else None
        return prev is None or prev.lower not in LOC_PREPS | {"the"}
    if nxt is not None and nxt.line == t.line and nxt.is_digit and w in NUMBERED_WORDS:
        return True  # "Step 4"
    if ordinary_shape(t.text, gz) or _theorist_cited(toks, t.idx):
        return True
    if (
        w in gz.common
        and w not in gz.first
        and w not in gz.surname_rank
        and text[max(0, t.start - 2) : t.start] == ", "
        and re.match(r"[.,;]|$", text[t.end + (2 if t.possessive else 0) :])
    ):
        return True  # a list item: "Appear confident, Negotiate."
    if w in gz.common and w not in gz.first:
        # Capitalized ordinary words in a comma list ("Describe, Express, Assert").
        before = text[max(0, t.start - 2) : t.start]
        after = text[t.end : t.end + 2]
        if before == ", " or after.startswith(","):
            prev_cap = t.idx > 0 and toks[t.idx - 1].cap
            next_cap = nxt is not None and nxt.cap
            if (before == ", " and prev_cap) or (after.startswith(",") and next_cap):
                return True
    return False


def _guess_type(words: list[str], prev: str, prev2: str) -> str:
    if any(w in ORG_HEADS for w in words):
        return "ORGANIZATION"
    if any(w in PLACE_HEADS for w in words):
        return "LOCATION"
    if prev in ("at", "for", "with") and prev2 in ("work", "works", "worked", "working", "job"):
        return "ORGANIZATION"
    if prev == "at":
        return "ORGANIZATION"  # "at Costco", "at McSorley's": businesses more often than places
    if prev in LOC_PREPS:
        return "LOCATION"
    return "NAME"


ARTICLE_LEADS = _s("la, el, los, las, le, les, il, lo")
NEIGHBORHOOD_LEADS = _s("little, new, old, upper, lower, east, west")
_REGIONS_CACHE: dict[str, frozenset[str]] = {}


def _foreign_place(w: str, gz: Gazetteers | None) -> bool:
    regions = gz.regions if gz is not None else _REGIONS_CACHE.get("r", frozenset())
    cities = gz.cities if gz is not None else _REGIONS_CACHE.get("c", frozenset())
    return w in NATIONALITIES or w in regions or w in cities


def appositive_kin_after(text: str, end: int) -> bool:
    """'Thu — my sister — says': a kinship appositive right after a word makes it a name."""
    m = APPOSITIVE_RE.match(text[end : end + 40])
    return bool(m) and m.group("k").lower() in KIN_LOWER


def _opens_phrase(text: str, toks: list[Token], i: int) -> bool:
    """A sentence-initial capitalized word followed by another one: "Little Havana is..."."""
    t = toks[i]
    if i + 1 >= len(toks) or t.lower in FUNCTION_WORDS or t.lower in INTERJECTIONS:
        return False
    nx = toks[i + 1]
    if t.lower in NEIGHBORHOOD_LEADS and nx.cap and nx.line == t.line:
        return _foreign_place(nx.lower, None) or (
            t.lower == "little" and nx.lower not in _REGIONS_CACHE.get("w", frozenset())
        )
    return (
        nx.line == t.line
        and nx.cap
        and not nx.in_label
        and text[t.end : nx.start] == " "
        and not nx.text.startswith(("I'", "I’"))
        and nx.text != "I"
        and "'" not in t.text
        and t.lower not in context.HARD_STOP
        and not t.lower.endswith("ly")
    )


def _after_title(text: str, toks: list[Token], i: int) -> bool:
    """True if token i follows "Mrs." etc., which the tokenizer takes for a sentence end."""
    if i == 0:
        return False
    p = toks[i - 1]
    return p.line == toks[i].line and p.lower in ABBR_TITLES and text[p.end : toks[i].start] == ". "


def _emphasis(t: Token, gz: Gazetteers) -> bool:
    """'he WATCHES the game': an ordinary word in capitals for stress, not an acronym."""
    w = t.lower
    return (
        len(w) >= 4
        and t.text.isupper()
        and t.text.isalpha()
        and w in gz.common
        and w not in gz.first
        and w not in gz.cities
        and w not in gz.regions
    )


def capitalized_phrases(text: str, toks: list[Token], gz: Gazetteers) -> list[Candidate]:
    """Rule 1: capitalized phrases mid-sentence (and a few sentence-start name shapes)."""
    out: list[Candidate] = []
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        starts = (
            not t.in_label
            and not t.lower_line
            and (t.cap or ORDINAL_RE.match(t.text) is not None)
            and (not t.sent_start or _after_title(text, toks, i) or _opens_phrase(text, toks, i))
            and t.text not in ("I", "I'm", "I'd", "I'll", "I've")
            and not _emphasis(t, gz)
        )
        if not starts:
            i += 1
            continue
        j = i
        members = [i]
        while j + 1 < n:
            nx = toks[j + 1]
            if nx.line != t.line or nx.in_label or (toks[j].possessive and nx.sent_start):
                break
            gap = text[toks[j].end + (2 if toks[j].possessive else 0) : nx.start]
            if nx.cap and not nx.sent_start and re.fullmatch(r"[ \t]*|-|[ \t]*[&,][ \t]*", gap):
                if "," in gap and not ORDINAL_RE.match(nx.text) and not re.match(r"\d", nx.text):
                    # "2nd Battalion, 7th Marines": only ordinals continue after a comma.
                    break
                members.append(j + 1)
                j += 1
                continue
            if ORDINAL_RE.match(nx.text) and gap.strip() == ",":
                members.append(j + 1)
                j += 1
                continue
            if (
                nx.lower in CONNECTORS
                and gap.strip() == ""
                and j + 2 < n
                and toks[j + 2].lower not in wl.NEVER_NAMES
                and j + 2 < n
                and toks[j + 2].line == t.line
                and toks[j + 2].cap
                and text[nx.end : toks[j + 2].start].strip() == ""
            ):
                members += [j + 1, j + 2]
                j += 2
                continue
            break
        words = [toks[k].lower for k in members]
        if (
            len(members) == 2
            and words[0] in NEIGHBORHOOD_LEADS
            and t.sent_start
            and (
                _foreign_place(words[1], gz) or (words[0] == "little" and words[1] not in gz.common)
            )
            and " ".join(words) not in gz.regions
        ):
            out.append(Candidate(t.start, toks[j].end, "LOCATION", "PLACE", 2))
            i = j + 1
            continue  # "Little Saigon", "Little Haiti": a neighborhood
        if len(members) == 1 and text[t.end : t.end + 1].isdigit():
            i = j + 1
            continue  # "Life360", "Windows11": a product name run into its number
        if ORDINAL_RE.match(t.text) and len(members) == 1:
            i = j + 1
            continue
        prev = toks[i - 1] if i > 0 and toks[i - 1].line == t.line else None
        prev_w = prev.lower if prev else ""
        prev2 = toks[i - 2].lower if i > 1 and toks[i - 2].line == t.line else ""
        nonid = _phrase_nonid(words, gz) or _weak_phrase(text, toks, members, gz)
        if (
            prev is not None
            and prev.sent_start
            and prev.cap
            and text[prev.end : t.start] == " "
            and (prev.lower in context.HARD_STOP or prev.lower in gz.common)
            and prev.text.isalpha()
            and len(prev.text) > 1
            and prev.lower not in FUNCTION_WORDS
            and prev.lower not in wl.NEVER_NAMES
            and prev.lower not in INTERJECTIONS
            and all(w in gz.common and w not in gz.first for w in words)
            and not any(w in ORG_HEADS or w in PLACE_HEADS for w in words)
        ):
            nonid = True  # "Little Women", "Little League": a title or a compound noun
        if t.sent_start and len(words) > 1 and words[0] in gz.common and words[0] not in gz.first:
            nonid = nonid or _phrase_nonid(words[1:], gz) or words[1] in wl.CAR_WORDS
        if (
            len(words) == 2
            and words[0] in ("little", "new", "old", "upper", "lower", "east", "west")
            and (words[1] in gz.regions or words[1] in NATIONALITIES)
            and " ".join(words) not in gz.regions
        ):
            nonid = False  # "Little Haiti", "Little Saigon": a neighborhood
        # "grandpa Buddy", "Tita Baby": a capitalized word right after a kinship word is a name.
        kin_before = prev is not None and prev_w in KIN_LOWER and text[prev.end : t.start] == " "
        if nonid and kin_before and words[-1] not in wl.KINSHIP_TERMS:
            nonid = words[-1] in NATIONALITIES or words[-1] in gz.regions
        if words[0] in AGENCY_PLACES and prev_w == "the" and len(words) == 1:
            typ = "ORGANIZATION"
            out.append(Candidate(t.start, toks[members[-1]].end, typ, "ORG", 0))
            i = j + 1
            continue
        if _after_title(text, toks, i) or (kin_before and not nonid):
            out.append(Candidate(t.start, toks[members[-1]].end, "NAME", "NAME", 2))
            i = j + 1
            continue
        # "Romans 8:28", "Psalm 23": scripture references.
        nxt = toks[j + 1] if j + 1 < n and toks[j + 1].line == t.line else None
        if len(words) == 1 and words[0] in SCRIPTURE and nxt is not None and nxt.is_digit:
            nonid = True
        # A month followed by a day number is a date (patterns handle most; cover the word).
        if words[0] in wl.MONTHS and nxt is not None and nxt.is_digit and int(nxt.text) <= 31:
            end = nxt.end
            out.append(Candidate(t.start, end, "DATE", "DATE", 0))
            i = j + 1
            continue
        if not nonid:
            # Phrase that mixes in a non-identifying lead word: "Samoan Congregational".
            typ = _guess_type(words, prev_w, prev2)
            last = toks[members[-1]]
            label = {"ORGANIZATION": "ORG", "LOCATION": "PLACE"}.get(typ, "NAME")
            start = t.start
            if (
                prev is not None
                and prev.cap
                and prev_w in ARTICLE_LEADS
                and text[prev.end : t.start] == " "
            ):
                start = prev.start  # "La Michoacana", "El Farolito": the article is part of it
            out.append(Candidate(start, last.end, typ, label, 1))
        i = j + 1
    return out


def detect(text: str, toks: list[Token], lines: list[Line], gz: Gazetteers) -> list[Candidate]:
    """All safety-net candidates (low priority: precise layers win ties)."""
    if not _REGIONS_CACHE:  # built once: sets of gazetteer keys for _opens_phrase
        _REGIONS_CACHE.update(
            r=frozenset(gz.regions), c=frozenset(gz.cities), w=frozenset(gz.common)
        )
    out = capitalized_phrases(text, toks, gz)
    out += sentence_names(text, toks, gz)
    out += lower_lines(text, toks, gz)
    out += regex_rules(text)
    out += answer_phrases(text, lines, gz)
    out += rosters_and_signatures(text)
    return out


# "Members: Dutch, Reyes, Tom Kessler, Ortiz", "Present: Ellis, Priya Raman, Josh": a note's
# list of who attended names people, whatever words the names are.
ROSTER_RE = re.compile(
    r"^[ \t]*(?:[-*•][ \t]*)?(?:group\s+)?(?:members?(?:\s+present)?|present|attendees|"
    r"attending|in\s+attendance|participants|absent|excused|residents|also\s+present|"
    r"family\s+present)[ \t]*:[ \t]*(?P<list>[^\n]+)$",
    re.I | re.M,
)
ROSTER_ITEM_RE = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Mx|Dr|Miss)\.?[ \t]+)?(?P<n>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2})"
    r"[ \t]*(?:\([^)\n]{0,30}\))?[ \t]*$"
)
# "Gratefully,\nAna Beltrán, LMHC": the name under a closing.
SIGNATURE_RE = re.compile(
    r"^[ \t]*(?:sincerely|gratefully|warmly|respectfully|best|best\s+regards|kind\s+regards|"
    r"regards|warm\s+regards|with\s+gratitude|in\s+gratitude|thank\s+you|thanks|cheers|"
    r"take\s+care|yours\s+truly|cordially|be\s+well|in\s+peace)[ \t]*,?[ \t]*\n[ \t]*"
    r"(?P<n>[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){0,3})(?=[ \t]*(?:,|\n|$))",
    re.I | re.M,
)
# "Mildred (91), Ike (93)": an age over 89 in brackets after a name.
PAREN_AGE_RE = re.compile(r"\b[A-Z][a-z'’-]+[ \t]+\((?P<n>9\d|1[01]\d)\)")


def _role_phrase(name: str) -> bool:
    words = [w.lower().strip(".") for w in name.split()]
    return any(w in wl.ROLE_WORDS for w in words) or bool(re.search(r"\d", name))


def rosters_and_signatures(text: str) -> list[Candidate]:
    """People listed as present at a group or signed under a letter; ages in brackets."""
    out: list[Candidate] = []
    for m in ROSTER_RE.finditer(text):
        pos = m.start("list")
        for part in re.split(r"(,|;|\band\b)", m.group("list")):
            item = ROSTER_ITEM_RE.fullmatch(part.strip())
            if part not in (",", ";", "and") and item and not _role_phrase(item.group("n")):
                s = pos + part.index(item.group(0)) + item.start("n")
                out.append(Candidate(s, s + len(item.group("n")), "NAME", "NAME", 4))
            pos += len(part)
    for m in SIGNATURE_RE.finditer(text):
        if not _role_phrase(m.group("n")):
            out.append(Candidate(m.start("n"), m.end("n"), "NAME", "NAME", 3))
    for m in PAREN_AGE_RE.finditer(text):
        out.append(Candidate(m.start("n"), m.end("n"), "AGE", "AGE", 3))
    return out


def generic_span(span: str) -> bool:
    """Whole lower-cased spans that name a group, language, app or scripture, not a person."""
    span = span.removesuffix("'s").removesuffix("’s")
    if span in NATIONALITIES or span in GENERIC_PROPER or span in BARE_ORGS:
        return True
    if span in PRODUCTS_MEDIA or span in INSURERS or span in wl.EVENT_WORDS:
        return True
    return span in FAMOUS_AUTHORS or (span in SCRIPTURE and span not in _GIVEN_SCRIPTURE)


# Scripture books that are also given names are only scripture before a verse number.
_GIVEN_SCRIPTURE = _s(
    "ruth, samuel, esther, job, daniel, joel, amos, jonah, micah, matthew, mark, luke, john,"
    "timothy, titus, james, peter, jude, joshua, isaiah, jeremiah, ezra, nehemiah, zechariah,"
    "ezekiel, hosea, malachi, obadiah, nahum, philemon, genesis"
)


VOCATIVE_FOLLOW = context.VOCATIVE_NEXT | _s("i, i'm, i've, i'd, i'll, we're, let's, let, it's")
APPOSITIVE_RE = re.compile(
    r"^(?:,|\s*[—–]|\s+-)\s*(?:my|his|her|our|their)\s+(?:\w+\s+)?(?P<k>\w+)", re.I
)


_PLAIN = (
    FUNCTION_WORDS
    | INTERJECTIONS
    | (context.HARD_STOP - wl.ABSTRACT_NAMES - wl.SENT_START_WORDS)
    | NATIONALITIES
    | GENERIC_PROPER
)


def _plain_word(w: str) -> bool:
    return w in _PLAIN or w.endswith("ly")


NAME_QUESTION_RE = re.compile(
    r"\b(?:(?:your|his|her|their|the)\s+(?:[\w'’]+\s+)?name|call\s+(?:you|him|her|them)|"
    r"who\s+(?:is|was|are)\b|who['’]s)\b[^\n]*\?[^\n]*$",
    re.I,
)
KIN_AFTER_RE = re.compile(r"^[.!]\s+(?:[Mm]y|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir)\s+(?P<k>[\w-]+)\b")


def _named_answer(text: str, t: Token, after: str) -> str:
    """'kin' for a one-word sentence that a kinship phrase follows ("Honor. My daughter."),
    'question' for one that answers a name question, else ''."""
    if not re.match(r"[.!?]", after):
        return ""
    line_start = text.rfind("\n", 0, t.start)
    if line_start >= 0 and text[line_start + 1 : t.start].count(" ") <= 3:
        # only the first words of an answer line
        prev_line = text[text.rfind("\n", 0, line_start) + 1 : line_start]
        if NAME_QUESTION_RE.search(prev_line):
            return "question"
    m = KIN_AFTER_RE.match(after)
    return "kin" if m and m.group("k").lower() in KIN_LOWER else ""


def sentence_names(text: str, toks: list[Token], gz: Gazetteers) -> list[Candidate]:
    """Rule 2: names at sentence start: vocatives, one-word sentences, appositives, non-words."""
    out: list[Candidate] = []
    for i, t in enumerate(toks):
        if not t.sent_start or not t.cap or t.in_label or t.lower_line or len(t.text) < 2:
            continue
        w = t.lower
        after0 = text[t.end + (2 if t.possessive else 0) : t.end + 40]
        how = _named_answer(text, t, after0)
        # Answering a name question, any word can be a name (pets: "Pickles."; nicknames).
        namey = how == "question" or w in gz.first or w not in gz.common
        namey = namey or w in wl.ABSTRACT_NAMES
        if how and namey and not w.endswith(("ly", "ed")) and not _plain_word(w):
            out.append(Candidate(t.start, t.end, "NAME", "NAME", 2))
            continue  # "King." after "what should I call you?"; "Honor. My daughter."
        m = APPOSITIVE_RE.match(after0)
        if m and m.group("k").lower() in KIN_LOWER and w not in FUNCTION_WORDS:
            out.append(Candidate(t.start, t.end, "NAME", "NAME", 2))
            continue  # "Thu — my sister — says"
        if _plain_word(w) or w in wl.MONTHS or w in gz.regions or NUMBER_WORD_RE.match(w):
            continue
        if re.search(r"['’](?:t|m|re|ve|ll|d)$", t.text) or t.text.isupper():
            continue
        if w in wl.THEORISTS_CONTEXT and _theorist_cited(toks, i):
            continue
        if ordinary_shape(t.text, gz) or (w not in gz.common and _compound_word(w, gz)):
            continue
        after = text[t.end + (2 if t.possessive else 0) : t.end + 40]
        nx = toks[i + 1] if i + 1 < len(toks) and toks[i + 1].line == t.line else None
        known = w in gz.first or w not in gz.common
        hit = False
        if after[:1] == "," and nx is not None and nx.lower in VOCATIVE_FOLLOW and known:
            hit = True  # "Rosa, can you..." / "Hope, I want..."
        elif re.match(r"[.?!]", after) and (nx is None or nx.sent_start) and known:
            # "Marisol." as an answer
            hit = len(w) >= 3
        elif (m := APPOSITIVE_RE.match(after)) and m.group("k").lower() in KIN_LOWER:
            hit = True  # "Lan — my aunt — says"
        elif w not in gz.common and w not in gz.cities and w not in wl.THEORISTS:
            hit = True  # a sentence-initial non-word: "Zofka bites."
        if hit:
            out.append(Candidate(t.start, t.end, "NAME", "NAME", 0))
    return out


LOWER_NAME_CUE_RE = re.compile(
    r"\b(?:name\s+is|name's|named(?:\s+like)?|called|(?:my|his|her|our|their)\s+"
    r"(?:(?:little|big|older|younger|baby|twin|step|half|best)\s+)?(?:brother|sister|son|"
    r"daughter|cousin|friend|boss|neighbor|neighbour|aunt|uncle|niece|nephew|boyfriend|"
    r"girlfriend|husband|wife|partner|ex|roommate|coworker|sponsor|teacher|coach|grandson|"
    r"granddaughter|stepdad|stepmom|stepson|stepdaughter))\s+(?P<n>[a-z][a-z'-]+)"
    r"(?:\s+or\s+(?P<n2>[a-z][a-z'-]+))?"
)
LOWER_PLACE_RE = re.compile(
    r"\b(?:(?P<h1>lake|mount|mt|fort|port|camp)\s+(?P<a>[a-z]{3,})|(?P<b>[a-z]{3,})\s+"
    r"(?P<h2>pond|lake|river|creek|park|beach|mall|springs|hollow|county|heights))\b"
)
LOWER_ORG_RE = re.compile(
    r"\b(?:at|from|in)\s+the\s+(?P<o>[a-z]+(?:\s+[a-z]+){0,2}\s+(?:inn|hospital|clinic|center|"
    r"shelter|church|academy|elementary|cafe|diner|grill|bakery|bank|hotel|motel|mission))\b"
)


def lower_lines(text: str, toks: list[Token], gz: Gazetteers) -> list[Candidate]:
    """Rule 3: speech-recognition lines without capitals."""
    out: list[Candidate] = []
    seen: set[int] = set()
    for t in toks:
        if not t.names_lower or t.line in seen:
            continue
        seen.add(t.line)
        ln_start = t.start
        ln_end = text.find("\n", ln_start)
        ln_end = len(text) if ln_end < 0 else ln_end
        seg = text[ln_start:ln_end]
        for m in LOWER_NAME_CUE_RE.finditer(seg):
            for g in ("n", "n2"):
                w = m.group(g)
                if (
                    w
                    and w not in FUNCTION_WORDS
                    and w not in wl.STOP_AFTER_CUE
                    and w not in ("like", "um", "uh", "who", "miss", "mister", "kind")
                    and not re.search(r"['’](?:t|m|re|ve|ll|d)$", w)
                    and (w in gz.first or w not in gz.common)
                ):
                    out.append(
                        Candidate(ln_start + m.start(g), ln_start + m.end(g), "NAME", "NAME", 1)
                    )
        for m in LOWER_PLACE_RE.finditer(seg):
            w = m.group("a") or m.group("b")
            if w in FUNCTION_WORDS or w in ("the", "this", "that", "big", "little", "old", "new"):
                continue
            if m.group("b") and w in gz.common and w not in gz.first and w not in gz.surname_rank:
                continue  # "the water park", "a dog park"
            out.append(Candidate(ln_start + m.start(), ln_start + m.end(), "LOCATION", "PLACE", 1))
        for m in LOWER_ORG_RE.finditer(seg):
            out.append(
                Candidate(ln_start + m.start("o"), ln_start + m.end("o"), "ORGANIZATION", "ORG", 1)
            )
        # Words that are not English in a lower-case line are usually names or places.
        for m in re.finditer(r"\b[a-z]{4,}\b", seg):
            w = m.group(0)
            if w in wl.LOWER_NOT_NAMES or w in wl.THEORISTS or _typo_of_common(w, gz):
                continue
            if w in gz.regions:
                continue  # "down to florida": a state or country
            if w not in gz.common and (w in gz.first or w in gz.cities):
                prev = seg[max(0, m.start() - 4) : m.start()]
                typ = "LOCATION" if re.search(r"\b(?:on|in|to|at)\s$", prev) else "NAME"
                out.append(Candidate(ln_start + m.start(), ln_start + m.end(), typ, typ, 1))
    return out


ID_CUE2 = (
    r"(?:number|no\.|#|ID|case|claim|file|report|plate|group|member|policy|docket|inmate|badge|"
    r"employee|student|account|record|MRN|license|licence|permit|certificate|reference|ref|"
    r"confirmation|tracking|order|ticket|citation|warrant|booking)"
)
ID_SHAPE = (
    r"(?P<id>(?=[A-Z0-9 -]*\d)(?:[A-Z]{1,4}[- ]?)?\d[\dA-Z]*(?:[ -][\dA-Z]*\d[\dA-Z]*){0,4}"
    r"(?:[ -][A-Z]\b)?|[A-Z]{2,4}-?\d{3,}[A-Z]?)"
)
ID_CUED_RE = re.compile(
    rf"\b{ID_CUE2}(?:'s|’s)?(?:[\s:#,]|\b(?:is|was|number|it's|its|of)\b){{0,6}}{ID_SHAPE}",
    re.I,
)
IT_IS_ID_RE = re.compile(
    r"\b(?:[Ii]t's|[Ii]t is|was)\s+(?P<id>[A-Z]{1,3}(?:[ -]?\d{2,}){2,}(?:\s[A-Z]\b)?)"
)
CRED_RE = re.compile(
    r"\b(?:LCSW|LPC|LMFT|LMHC|LCPC|LPCC|LICSW|LSW|RN|LPN|NP|PA-C|PsyD|MD|DO|CADC|LADC)"
    r"[ ,#:]+(?P<id>\d{4,}[A-Z]?)\b"
)
INTL_PHONE_RE = re.compile(r"(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,5}(?!\w)")
LONE_DATE_RE = re.compile(
    r"(?:^|(?<=[:.?!]\s)|(?<=\n))(?P<d>(?:0?[1-9]|1[0-2])/(?:[12]\d|3[01]|0?[1-9]))(?=[.?!])"
)
# "1/8 — attended", "3/14: no-show": a month and day opening a line of a log.
LOG_DATE_RE = re.compile(
    r"^[ \t]*(?:[-*•][ \t]*)?(?P<d>(?:0?[1-9]|1[0-2])/(?:[12]\d|3[01]|0?[1-9]))"
    r"(?=[ \t]*(?:[—–-]|:)[ \t])",
    re.M,
)
# "resident Mildred Osei, 91, at Willow Creek": an age over 89 set after a name.
APPOSITIVE_AGE_RE = re.compile(
    r"\b[A-Z][a-z'’-]+,[ \t]+(?P<n>9\d|1[01]\d)"
    r"(?=[ \t]*[,);]|[ \t]+(?:at|in|on|and|who|with|lives|living|is|was|has|had)\b)"
)
ORD_DATE_RE = re.compile(
    r"\b(?:anniversary|birthday|born|died|passed|funeral|wedding|on)\b[, ]+"
    r"(?:was\s+|is\s+|would(?:['’]ve|\s+have)\s+been\s+|will\s+be\s+|(?:is|was)\s+on\s+)?"
    r"the\s+(?P<d>(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
    r"nineteenth|twentieth|twenty[- ]\w+|thirtieth|thirty[- ]first|[12]?\d(?:st|nd|rd|th)|"
    r"3[01](?:st|th)))\b(?!\s+(?:time|one|floor|grade|step|session|week|day|of\s+my|"
    r"of\s+(?:next|this|last|every|each)\s+month))",
    re.I,
)
CASH_RE = re.compile(r"(?<![\w$])\$(?P<h>[A-Za-z][A-Za-z0-9_]{2,})")
AT_URL_RE = re.compile(r"\b[\w.-]+\.(?:com|net|org|tv)/@[\w.-]+")
ORD_UNIT_RE = re.compile(
    r"\b\d{1,3}(?:st|nd|rd|th)\s+(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+"
    r"(?:,?\s+\d{1,3}(?:st|nd|rd|th)\s+(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+)*"
)
ROAD_NUM_RE = re.compile(
    r"\b(?:Hwy|Highway|Route|Rte|Interstate|I|US|SR|State Route|County Road|CR|Ward|Unit|"
    r"Floor|Building|Bldg|Pod|Wing|Exit|Pier|Gate|Dorm|Block|Tower|Lot)[ -]?\d{1,4}[A-Z]?\b"
    r"|\b[A-Z]{2}-\d{1,3}\b"
)


# "his name was like hunter", "Her name is literally Head": the word after a name cue (and a
# hedge) is the name whatever its case or dictionary status.
NAME_IS_RE = re.compile(
    r"\bname\s+(?:is|was|['’]s)\s+(?:(?:like|literally|actually|just|uh|um),?\s+)?"
    r"(?P<n>[A-Za-z][a-z'’-]+)\b"
)
NAME_IS_NOT = _s(
    "something, unknown, important, different, weird, spelled, pronounced, written, on, in,"
    "gone, listed, mentioned, private, hard, easy, long, short, common, whatever, irrelevant,"
    "kind, sort, complicated, funny, unusual, also, still, mine, hers, his, theirs, familiar"
)


# "What's the restaurant called?" / "the name of the school?": the answer's opening capitalized
# phrase names that place; "Where does he live?" / "lives far away": a city opening the reply.
CALLED_Q_RE = re.compile(
    r"\b(?:(?:what(?:['’]s|\s+is|\s+was)|and)\s+(?:the|that|this|your|his|her|their)\s+"
    r"(?P<k>[a-z]+(?:\s+[a-z]+)?)\s+called|name\s+of\s+(?:the|that|this|your|his|her|their)\s+"
    r"(?P<k2>[a-z]+(?:\s+[a-z]+)?))\b[^\n]*\?",
    re.I,
)
CALLED_ORG_KINDS = _s(
    "restaurant, place, shop, store, bar, cafe, coffee shop, diner, company, firm, business,"
    "school, church, clinic, hospital, program, agency, gym, salon, center, shelter, club,"
    "group, team, band, bakery, practice, office, facility, home, nursing home, daycare,"
    "employer, job, college, university, academy, temple, mosque, synagogue, rehab, hotel"
)
CALLED_PLACE_KINDS = _s("town, city, street, road, neighborhood, neighbourhood, village, park")
WHERE_Q_RE = re.compile(
    r"\b(?:where\b[^\n]*\b(?:live|lives|living|from|move|moved|stay|staying|grow\s+up|grew\s+up)"
    r"|(?:lives?|living|moved|stays?)\s+(?:far\s+away|out\s+of\s+state|somewhere|now))\b",
    re.I,
)
ANSWER_PHRASE_RE = re.compile(
    r"(?:[Ii]t['’]s\s+|[Ii]t\s+was\s+|[Uu]h,?\s+|[Uu]m,?\s+|[Oo]h,?\s+)?"
    r"(?P<p>[A-Z][\w'’&-]*(?:[ \t]+(?:[A-Z0-9][\w'’&-]*|of|the|and|&|for|de|la|on)\b)*)"
)


def answer_phrases(text: str, lines: list[Line], gz: Gazetteers) -> list[Candidate]:
    """The opening phrase of a reply to "what's the X called?" or to where someone lives."""
    out: list[Candidate] = []
    for k in range(1, len(lines)):
        prev = text[lines[k - 1].start : lines[k - 1].end]
        if "?" not in prev and "live" not in prev and "moved" not in prev:
            continue
        ln = lines[k]
        m = ANSWER_PHRASE_RE.match(
            text,
            ln.body_start
            + len(text[ln.body_start : ln.end])
            - len(text[ln.body_start : ln.end].lstrip()),
        )
        if not m or m.end("p") > ln.end:
            continue
        phrase = m.group("p").rstrip(".").removesuffix(" on")
        s = m.start("p")
        words = phrase.lower().split()
        if not words or _plain_word(words[0]) or words[0] in ("i", "i'm", "it's", "that's"):
            continue
        q = CALLED_Q_RE.search(prev)
        if q:
            kind = (q.group("k") or q.group("k2")).lower()
            if kind in CALLED_ORG_KINDS or kind.split()[-1] in CALLED_ORG_KINDS:
                out.append(Candidate(s, s + len(phrase), "ORGANIZATION", "ORG", 1))
            elif kind in CALLED_PLACE_KINDS:
                out.append(Candidate(s, s + len(phrase), "LOCATION", "PLACE", 1))
            continue
        if WHERE_Q_RE.search(prev) and len(words) <= 3 and " ".join(words) in gz.cities:
            out.append(Candidate(s, s + len(phrase), "LOCATION", "PLACE", 1))
    return out


def regex_rules(text: str) -> list[Candidate]:
    """Rules 4-7 and ordinal units/road numbers."""
    out: list[Candidate] = []
    for m in NAME_IS_RE.finditer(text):
        w = m.group("n").lower()
        if w not in FUNCTION_WORDS and w not in wl.STOP_AFTER_CUE and w not in NAME_IS_NOT:
            out.append(Candidate(m.start("n"), m.end("n"), "NAME", "NAME", 2))
    for m in ID_CUED_RE.finditer(text):
        v = m.group("id").strip()
        digits = sum(ch.isdigit() for ch in v)
        id_like = digits >= 4 or (digits >= 2 and any(ch.isalpha() for ch in v))
        s = m.start("id")
        icd = patterns.ICD_RE.match(text, s)
        if icd is not None and icd.end() >= s + len(v):
            continue  # "the claim is F43.10": a diagnosis code
        if id_like and not re.fullmatch(r"(?:19|20)\d\d", v):
            out.append(Candidate(s, s + len(v), "ID", "ID", 1))
    for rx in (IT_IS_ID_RE, CRED_RE):
        for m in rx.finditer(text):
            out.append(Candidate(m.start("id"), m.end("id"), "ID", "ID", 1))
    for m in INTL_PHONE_RE.finditer(text):
        if sum(ch.isdigit() for ch in m.group(0)) >= 8:
            out.append(Candidate(m.start(), m.end(), "PHONE", "PHONE", 2))
    for m in LONE_DATE_RE.finditer(text):
        if m.group("d") != "9/11":  # the event, not a person's date
            out.append(Candidate(m.start("d"), m.end("d"), "DATE", "DATE", 1))
    for m in ORD_DATE_RE.finditer(text):
        out.append(Candidate(m.start("d"), m.end("d"), "DATE", "DATE", 1))
    for m in LOG_DATE_RE.finditer(text):
        out.append(Candidate(m.start("d"), m.end("d"), "DATE", "DATE", 2))
    for m in APPOSITIVE_AGE_RE.finditer(text):
        out.append(Candidate(m.start("n"), m.end("n"), "AGE", "AGE", 3))
    for m in CASH_RE.finditer(text):
        out.append(Candidate(m.start(), m.end(), "HANDLE", "HANDLE", 2))
    for m in AT_URL_RE.finditer(text):
        out.append(Candidate(m.start(), m.end(), "URL", "URL", 2))
    for m in ORD_UNIT_RE.finditer(text):
        if any(w.lower() in ORG_HEADS for w in re.findall(r"[A-Za-z]+", m.group(0))):
            out.append(Candidate(m.start(), m.end(), "ORGANIZATION", "ORG", 1))
    for m in ROAD_NUM_RE.finditer(text):
        out.append(Candidate(m.start(), m.end(), "LOCATION", "PLACE", 2))
    return out


def kin_before(text: str, start: int) -> bool:
    """True if a kinship word ("grandpa", "Tita") stands right before position start."""
    m = re.search(r"([A-Za-z'-]+) $", text[max(0, start - 20) : start])
    return bool(m) and m.group(1).lower() in KIN_LOWER
