"""Gazetteers (first names, surnames, cities, common words, regions) loaded once, lazily."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app.deid import wordlists as wl

DATA = Path(__file__).resolve().parent / "data"

# Common nicknames and diminutives missing from the census lists (own list).
EXTRA_FIRST = (
    "bubba, bri, nene, jojo, benji, mikey, becca, izzy, frankie, manny, gabe, tish, stevie,"
    "trey, deshawn, dashawn, jaylen, jalen, jaden, jayden, kayden, brayden, aiden, ayden,"
    "nevaeh, kaylee, kayleigh, khloe, chloe, zoey, zoe, maddie, addie, lexi, lexie, kenzie,"
    "mackenzie, bella, gigi, lulu, coco, cece, dede, didi, tati, rocco, gio, nico, vinny,"
    "sal, tony, tommy, bobby, billy, johnny, jimmy, danny, kenny, ricky, mickey, stevie, teddy,"
    "freddy, eddie, benny, lenny, donny, ronnie, reggie, ty, tj, aj, cj, dj, jj, bj, rj, pj,"
    "liz, lizzie, beth, betsy, bess, meg, meggie, maggie, peggy, patty, trish, tricia, kat,"
    "kathy, katie, kate, cathy, cat, sam, sammy, alex, lexie, nat, nattie, abby, gabby, tori,"
    "vicky, nikki, niki, jess, jessie, jen, jenny, jenn, steph, stephie, mandy, andie, annie,"
    "ellie, ella, evie, livvy, liv, millie, mollie, molly, polly, dotty, dottie, birdie, sissy,"
    "bubby, junior, pop, pops, scooter, skip, chip, chuck, hank, buck, butch, duke, gus,"
    "mo, moe, abe, ike, zeke, zach, zack, jake, josh, nate, matt, mattie, nick, rob, robbie,"
    "rich, rick, dick, bob, bill, will, willie, walt, wally, hal, harry, hank, chaz, chad, brad,"
    "greg, jeff, geoff, kev, mike, mikey, pete, phil, ray, stan, steve, ted, tom, tim, vic,"
    "xiomara, oluwaseun, seun, tunde, ade, chidi, chioma, ngozi, emeka, kwame, kofi, ama,"
    "akua, yaw, nana, imani, zainab, fatima, ayesha, aisha, amira, layla, leila, yusuf, omar,"
    "tariq, khalid, hamza, bilal, ibrahim, priya, aditya, arjun, rohan, ravi, anil, sunil,"
    "deepa, divya, pooja, neha, anjali, sanjay, vikram, raj, thuy, bao, minh, linh, huong,"
    "trang, duc, quang, mei, ling, wei, jun, hiroshi, kenji, yuki, haruto, sakura, akira,"
    "jiho, minji, seojun, hyun, chayton, dakota, leilani, kai, keoni, noelani, esperanza,"
    "lupe, luz, marisol, xochitl, itzel, yesenia, yadira, araceli, guadalupe, chuy, pancho,"
    "nacho, memo, beto, paco, lalo, toño, tono, chela, lola, pili, siobhan, niamh, aoife,"
    "saoirse, ciara, cormac, oisin, eoin, seamus, dmitri, anya, sasha, masha, misha, katya,"
    "natasha, sveta, svetlana, olga, igor, yuri, vlad, bogdan, kasia, gosia, wojtek"
)
# Given names of the last twenty years that the 1990 census lists lack; the second list are
# also ordinary words ("Sky", "River"), so they rank as rarer names.
MODERN_FIRST = (
    "skye, wren, juniper, everly, paisley, maverick, marlowe, oakley, sutton, elio, nevaeh,"
    "brantley, kinsley, oaklynn, emberly, ryker, kairo, zaylee, khalani, jaxson, jaxton"
)
MODERN_WORD_FIRST = (
    "sky, river, rain, storm, ocean, bear, ash, reign, journey, story, indigo, haven, lyric,"
    "serenity, blaze, ember, sparrow, finch, legend, true, onyx, sage"
)
# Everyday words of clinics, insurance, the military and phones that the word list lacks.
EXTRA_COMMON = wl._set(
    "copay, copays, coinsurance, deductible, deductibles, prior-auth, telehealth, telemed,"
    "humvee, humvees, mre, mres, deployment, redeployment, pcs, tdy, bootcamp, zoom, facetime,"
    "ipad, iphone, airpods, uber, lyft, doordash, venmo, zelle, paypal, cashapp, instagram,"
    "tiktok, snapchat, youtube, netflix, hulu, spotify, fitbit, peloton, juul, vape, vapes,"
    "edibles, gummies, narcan, naloxone, fentanyl, suboxone, sublocade, vivitrol, antabuse,"
    "psychoed, psychoeducation, dysregulation, dysregulated, hypervigilance, hypervigilant,"
    "dissociating, dissociated, selfie, selfies, emoji, emojis, meme, memes, podcast"
)
# Provinces and states of other countries that clients name as where a family comes from
# ("from Punjab", "her people are in Michoacán"): as large as a US state.
FOREIGN_STATES = (
    "ontario, quebec, québec, british columbia, alberta, manitoba, saskatchewan, nova scotia,"
    "new brunswick, newfoundland, prince edward island, nunavut, yukon, jalisco,"
    "michoacán, michoacan, guerrero, sinaloa, sonora, chihuahua, coahuila, nuevo león,"
    "nuevo leon, tamaulipas, zacatecas, durango, guanajuato, oaxaca, chiapas, veracruz,"
    "yucatán, yucatan, quintana roo, tabasco, hidalgo, morelos, nayarit, colima, baja california,"
    "baja california sur, baja, san luis potosí, san luis potosi, aguascalientes, querétaro,"
    "queretaro, tlaxcala, campeche, estado de méxico, punjab, gujarat, kerala, tamil nadu,"
    "karnataka, maharashtra, andhra pradesh, telangana, uttar pradesh, bihar, west bengal,"
    "rajasthan, madhya pradesh, odisha, orissa, assam, haryana, himachal pradesh, jharkhand,"
    "chhattisgarh, uttarakhand, goa, kashmir, jammu and kashmir, sindh, balochistan,"
    "khyber pakhtunkhwa, guangdong, fujian, sichuan, yunnan, zhejiang, jiangsu, hunan, hubei,"
    "henan, shandong, hebei, shanxi, shaanxi, guangxi, xinjiang, tibet, inner mongolia,"
    "heilongjiang, jilin, liaoning, anhui, jiangxi, guizhou, hainan, gansu, qinghai, ningxia,"
    "mindanao, luzon, visayas,"
    "sicily, sardinia, calabria, campania, tuscany, lombardy, bavaria, andalusia, catalonia,"
    "galicia, basque country, silesia, masovia, lesser poland, transylvania, anatolia,"
    "kurdistan, darfur, tigray, amhara, oromia, oromiya, somaliland, puntland, kano, kaduna,"
    "enugu, anambra, ogun, oyo, ondo, ekiti, osun, kwara, benue, borno, chuuk, yap, pohnpei,"
    "kosrae, queensland, new south wales,"
    "tasmania, western australia, south australia, northern territory"
)
NAME_ONLY_EXTRA = (
    # Surnames often said alone that the census ranks low or lists as words.
    "ostrowski, okafor, oyelaran, yazzie, begay, lindqvist, kowalczyk, papadopoulos"
)


@dataclass(frozen=True)
class Gazetteers:
    """All lookup tables, lower-case keys."""

    first: dict[str, int]
    surname_rank: dict[str, int]
    cities: dict[str, tuple[int, str]]
    city_first_tokens: dict[str, list[tuple[str, ...]]]
    common: frozenset[str]
    regions: frozenset[str]
    region_tokens: dict[str, list[tuple[str, ...]]]
    # The most used dictionary words that are not common given names ("since", "stuff").
    frequent: frozenset[str] = frozenset()


def _lines(name: str) -> list[str]:
    return [
        ln
        for ln in (DATA / name).read_text(encoding="utf-8").splitlines()
        if ln and not ln.startswith("#")
    ]


def _index(phrases: list[str]) -> dict[str, list[tuple[str, ...]]]:
    """Map first token -> token tuples, longest first, for multi-word matching."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for ph in phrases:
        toks = tuple(ph.replace(".", " ").split())
        if toks:
            out.setdefault(toks[0], []).append(toks)
    for v in out.values():
        v.sort(key=len, reverse=True)
    return out


@lru_cache(maxsize=1)
def load() -> Gazetteers:
    """Load the gazetteers from app/deid/data (cached for the process)."""
    first: dict[str, int] = {}
    for ln in _lines("first_names.txt"):
        name, tier = ln.split("\t")
        first[name] = int(tier)
    for n in EXTRA_FIRST.split(","):
        n = n.strip()
        if n:
            first[n] = 1
    for tier, names in ((2, MODERN_FIRST), (3, MODERN_WORD_FIRST)):
        for n in names.split(","):
            if n.strip():
                first.setdefault(n.strip(), tier)
    surname_rank: dict[str, int] = {}
    for i, ln in enumerate(_lines("surnames.txt"), start=1):
        surname_rank.setdefault(ln.strip(), i)
    for n in NAME_ONLY_EXTRA.split(","):
        surname_rank.setdefault(n.strip(), 1000)
    cities: dict[str, tuple[int, str]] = {}
    for ln in _lines("cities.tsv"):
        name, pop, cc = ln.split("\t")
        key = " ".join(name.replace(".", " ").split())
        cities[key] = (int(pop), cc)
        # "Saint Louis" is usually written "St. Louis" and vice versa.
        if key.startswith("saint "):
            cities.setdefault("st " + key[6:], (int(pop), cc))
        elif key.startswith("st "):
            cities.setdefault("saint " + key[3:], (int(pop), cc))
    common = frozenset(_lines("common_words.txt")) | EXTRA_COMMON
    regions = set(_lines("regions.txt"))
    # First-level divisions abroad (as large as a state; a city of the same name stays a city).
    regions |= {r.strip() for r in FOREIGN_STATES.split(",") if r.strip()} - set(cities)
    regions |= {"new york", "washington", "dc", "d c", "usa", "us", "america", "england",
                "scotland", "wales", "britain", "great britain", "uk", "europe", "asia", "africa",
                "latin america", "south america", "north america", "central america",
                "middle east", "the states", "puerto rico", "guam", "caribbean", "midwest",
                "new england", "pacific northwest", "east coast", "west coast", "south",
                "north", "the south", "appalachia", "bay area", "tri-state",
                "korea", "congo", "the philippines", "vietnam", "russia", "iran", "syria",
                "laos"}  # fmt: skip
    return Gazetteers(
        first=first,
        surname_rank=surname_rank,
        cities=cities,
        city_first_tokens=_index(list(cities)),
        common=common,
        regions=frozenset(regions),
        region_tokens=_index(sorted(regions)),
        frequent=frozenset(_lines("frequent_words.txt")),
    )


@lru_cache(maxsize=1)
def theorist_phrases() -> dict[str, list[tuple[str, ...]]]:
    """Multi-word theorist names, indexed by first token."""
    return _index([p.strip() for p in wl.THEORIST_PHRASES.split(",") if p.strip()])
