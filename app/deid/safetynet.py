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

from app.deid import context
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
    "nepalese, bhutanese, bangladeshi, sri lankan, burmese, karen, khmer, lao, malaysian,"
    "indonesian, singaporean, taiwanese, hongkonger, micronesian, marshallese, chamorro,"
    "chuukese, palauan, aboriginal, inuit, metis, first nations, alaska native, apache, hopi,"
    "zuni, pueblo, dakota, ojibwe, anishinaabe, cree, mohawk, seneca, oneida, iroquois,"
    "haudenosaunee, choctaw, chickasaw, muscogee, creek, seminole, comanche, kiowa, osage,"
    "pawnee, crow, blackfeet, cheyenne, arapaho, shoshone, ute, paiute, tlingit, yupik,"
    "mexican-american, african-american, asian-american, chinese-american, arab-american,"
    "korean-american, jamaican-american, dutch, swedish, norwegian, danish, finnish, icelandic,"
    "czech, slovak, hungarian, romanian, bulgarian, serbian, croatian, bosnian, albanian,"
    "slovenian, lithuanian, latvian, estonian, belarusian, austrian, swiss, belgian, spaniard,"
    "catalan, basque, sicilian, portuguese, cape verdean, chilean, argentinian, argentine,"
    "bolivian, ecuadorian, paraguayan, uruguayan, nicaraguan, costa rican, panamanian,"
    "belizean, trinidadian, barbadian, bajan, guyanese, surinamese, bahamian, creole, kreyol,"
    "patois, garifuna, mixtec, zapotec, maya, mayan, quechua, aymara, nahuatl, taino,"
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
    "cash app, gofundme, go fund me, linkedin, whatsapp, facetime, messenger, onlyfans, twitch,"
    "airbnb, ring, nest, apple, microsoft, meta, openai, chatgpt, wi-fi, gps, ai, tv, dvd, pdf,"
    "er, icu, picu, nicu, ed, or, pacu, aa, na, al-anon, alanon, ca, oa, sa, slaa, coda, acoa,"
    "adhd, add, ptsd, cptsd, c-ptsd, ocd, gad, mdd, bpd, asd, iep, 504, ged, sat, act, gpa,"
    "ssi, ssdi, snap, ebt, wic, tanf, medicaid, medicare, cobra, fmla, ada, hipaa, dsm, dsm-5,"
    "icd, cpt, cbt, dbt, act, emdr, ifs, erp, ipt, mbct, cpt, pe, tf-cbt, phq-9, gad-7, moca,"
    "mmse, pcl-5, audit, dast, cssrs, c-ssrs, ace, aces, lcsw, lpc, lmft, lmhc, psyd, phd,"
    "md, np, pa, rn, lpn, cna, emt, bsn, msw, ma, ba, bs, mba, jd, ceo, cfo, hr, it, pto,"
    "fbi, irs, dmv, ice, cdc, nih, fda, dea, atf, usps, ups, fedex, dhl, tsa, fema, hud,"
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
    "roblox, fortnite, monopoly, uno, jenga, scrabble, wordle, sudoku, lego, barbie, zoloft"
)
AGENCY_PLACES = _s("va, dhs, ymca, ywca, dmv office, social security office")
INTERJECTIONS = _s(
    "yes, yeah, yep, yup, no, nope, nah, okay, ok, right, sure, exactly, totally, absolutely,"
    "nothing, everything, something, anything, honestly, really, seriously, maybe, perhaps,"
    "silence, pause, sorry, thanks, thank, please, well, so, and, but, or, um, uh, hmm, mm,"
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
    "packers, bears, giants, jets, yankees, mets, dodgers, lakers, cowboys, eagles, steelers"
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
CONNECTORS = _s("of, the, de, del, la, van, von, al, bin, and, da, di, du, der, y, on")
ORDINAL_RE = re.compile(r"\d{1,3}(?:st|nd|rd|th)$")
KIN_LOWER = wl.RELATION_WORDS | wl.KINSHIP_TERMS


def _nonid_word(w: str, gz: Gazetteers) -> bool:
    return (
        w in context.HARD_STOP
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
    if phrase in gz.regions or phrase in wl.THEORISTS or phrase in wl.CLINICAL_TERMS:
        return True
    content = [w for w in words if w not in CONNECTORS]
    return bool(content) and all(_nonid_word(w, gz) for w in content)


def _guess_type(words: list[str], prev: str, prev2: str) -> str:
    if any(w in ORG_HEADS for w in words):
        return "ORGANIZATION"
    if any(w in PLACE_HEADS for w in words):
        return "LOCATION"
    if prev in ("at", "for", "with") and prev2 in ("work", "works", "worked", "working", "job"):
        return "ORGANIZATION"
    if prev in LOC_PREPS:
        return "LOCATION"
    return "NAME"


def _after_title(text: str, toks: list[Token], i: int) -> bool:
    """True if token i follows "Mrs." etc., which the tokenizer takes for a sentence end."""
    if i == 0:
        return False
    p = toks[i - 1]
    return p.line == toks[i].line and p.lower in wl.TITLES and text[p.end : toks[i].start] == ". "


def capitalized_phrases(
    text: str, toks: list[Token], gz: Gazetteers
) -> list[Candidate]:
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
            and (not t.sent_start or _after_title(text, toks, i))
            and t.text not in ("I", "I'm", "I'd", "I'll", "I've")
        )
        if not starts:
            i += 1
            continue
        j = i
        members = [i]
        while j + 1 < n:
            nx = toks[j + 1]
            if nx.line != t.line or nx.in_label or toks[j].possessive and nx.sent_start:
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
                and toks[j + 2].line == t.line
                and toks[j + 2].cap
                and text[nx.end : toks[j + 2].start].strip() == ""
            ):
                members += [j + 1, j + 2]
                j += 2
                continue
            break
        words = [toks[k].lower for k in members]
        if ORDINAL_RE.match(t.text) and len(members) == 1:
            i = j + 1
            continue
        prev = toks[i - 1] if i > 0 and toks[i - 1].line == t.line else None
        prev_w = prev.lower if prev else ""
        prev2 = toks[i - 2].lower if i > 1 and toks[i - 2].line == t.line else ""
        nonid = _phrase_nonid(words, gz)
        # "grandpa Buddy", "Tita Baby": a capitalized word right after a kinship word is a name.
        kin_before = prev is not None and prev_w in KIN_LOWER and not prev.sent_start
        if nonid and kin_before and words[-1] not in wl.KINSHIP_TERMS:
            nonid = words[-1] in NATIONALITIES or words[-1] in gz.regions
        if nonid and words in (["va"],) and prev_w == "the":
            nonid = False
        # "Romans 8:28", "Psalm 23": scripture references.
        nxt = toks[j + 1] if j + 1 < n and toks[j + 1].line == t.line else None
        if len(words) == 1 and words[0] in SCRIPTURE and nxt is not None and nxt.is_digit:
            nonid = True
        # A month followed by a day number is a date (patterns handle most; cover the word).
        if words[0] in wl.MONTHS and nxt is not None and nxt.is_digit and int(nxt.text) <= 31:
            end = nxt.end
            out.append(Candidate(t.start, end, "DATE", "DATE", 1))
            i = j + 1
            continue
        if not nonid:
            # Phrase that mixes in a non-identifying lead word: "Samoan Congregational".
            typ = _guess_type(words, prev_w, prev2)
            last = toks[members[-1]]
            label = {"ORGANIZATION": "ORG", "LOCATION": "PLACE"}.get(typ, "NAME")
            out.append(Candidate(t.start, last.end, typ, label, 1))
        i = j + 1
    return out


def detect(text: str, toks: list[Token], lines: list[Line], gz: Gazetteers) -> list[Candidate]:
    """All safety-net candidates (low priority: precise layers win ties)."""
    out = capitalized_phrases(text, toks, gz)
    return out
