"""Pattern layer: validated regular expressions for contact details, numbers, dates and places."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from functools import lru_cache

from app.deid import wordlists as wl
from app.deid.finding import Candidate

TRAIL_PUNCT = ".,;:!?)]}'\"’”"

EMAIL_RE = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
SPOKEN_EMAIL_RE = re.compile(
    r"\b[a-z0-9]+(?:\s+(?:dot|underscore|dash|hyphen)\s+[a-z0-9]+|[._-][a-z0-9]+)*\s+at\s+"
    r"(?P<host>[a-z0-9]+(?:\s+[a-z0-9]+){0,2}?)(?:\s+dot\s+[a-z0-9]+)*\s+dot\s+"
    r"(?:com|net|org|edu|gov|us|io|me|co|ca|uk|info|biz|mail)\b",
    re.IGNORECASE,
)
# Mail providers: before "<provider> dot <tld>" a local part said as two words ("first last at
# gmail dot com") is taken whole.
MAIL_HOSTS = wl._set(
    "gmail, yahoo, hotmail, outlook, aol, icloud, proton, protonmail, msn, live, comcast, att,"
    "verizon, ymail, me, mail, gmx, zoho, fastmail, sbcglobal, bellsouth, charter, cox, earthlink"
)
SPOKEN_LOCAL_STOP = wl._set(
    "is, was, it's, its, email, e-mail, address, mail, me, to, at, send, sent, my, his, her,"
    "their, our, your, the, a, an, um, uh, like, and, or, it, that, use, using, write, contact,"
    "reach, via, on, just"
)
TLDS = (
    "com|org|net|edu|gov|io|co|us|me|ly|tv|app|info|biz|ca|uk|dev|ai|gg|xyz|site|online|store|"
    "blog|link|page|social|live"
)
URL_RE = re.compile(
    r"(?:\bhttps?://|\bwww\.)[^\s<>\"]+"
    rf"|(?<![@\w.-])(?:[A-Za-z0-9-]+\.)+(?:{TLDS})\b(?:/[^\s<>\"]*)?"
    # Any two-to-six letter top-level domain when a path follows ("linktr.ee/name").
    r"|(?<![@\w.-])(?:[A-Za-z0-9-]+\.)+[a-z]{2,6}/[A-Za-z0-9_~-][^\s<>\"]*",
    re.IGNORECASE,
)
IPV4_RE = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.]*\d)")
# Full form, or compressed with one "::" ("2001:db8::7"); validated by ``ipaddress`` below.
IPV6_RE = re.compile(
    r"(?<![\w:])(?:(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}"
    r"|(?:[0-9a-fA-F]{1,4}:){1,7}:(?:[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4}){0,6})?"
    r"|::[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4}){1,6})(?![\w:])"
)
# Gamer tags and usernames by their shape: "xXShadowReaperXx", and letters with digits for
# letters ("n1ghtsh4de", "l0st_b0y"); not product names with a number at the end ("Life360").
GAMERTAG_RE = re.compile(
    r"(?<![\w@.])(?:xX\w{3,}Xx|[A-Za-z]{1,12}[0-9][A-Za-z]{2,12}(?:[0-9_][A-Za-z]{1,12})+)(?![\w@])"
)
# Usernames by their shape: "spicyboba44", "bloxxyMaddie2011", "n0tjustkev" (a word with two
# or more digits after it, or a digit inside the letters).
SHAPE_HANDLE_RE = re.compile(
    r"(?<![\w@.#/-])(?:[a-z][A-Za-z_.]{3,}[A-Za-z_]\d{2,4}|[a-z]{1,4}[0-9][a-z]{4,}[a-z0-9_]*)"
    r"(?![\w@/-])"
)
# Words that take a number without being a username ("covid19", "iphone15", "class2024").
NUMBERED_WORDS = wl._set(
    "covid, iphone, ipad, windows, galaxy, pixel, class, grade, room, unit, suite, route,"
    "highway, interstate, flight, gate, channel, level, version, season, episode, chapter, year,"
    "model, team, squad, week, session, phase, step, module, item, page, section, table, figure"
)
HANDLE_RE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?")

PHONE_RE = re.compile(
    r"(?<![\w/.-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)[\s.-]?|\d{3}[\s.-])\d{3}[\s.-]\d{4}"
    r"(?:\s?(?:x|ext\.?|extension)\s?\d{1,5})?(?![\w/-])"
    r"|(?<![\w/.-])\+?1?\d{10}(?![\w/-])"
    r"|(?<![\w/.-])\d{3}-\d{4}(?![\w/-])",
    re.IGNORECASE,
)
SSN_RE = re.compile(r"(?<![\w/-])\d{3}([- ])\d{2}\1\d{4}(?![\w/-])")

ID_CUE = (
    r"(?:MRN|medical\s+record(?:\s+(?:number|no\.?|num|#))?|record\s+(?:number|no\.?|#)|"
    r"chart\s+(?:number|#)|member\s+(?:ID|number|no\.?|#)|subscriber\s+(?:ID|number)|"
    r"policy(?:\s+(?:number|no\.?|#))?|group\s+(?:number|#)|account(?:\s+(?:number|no\.?|#))?|"
    r"acct\.?|claim(?:\s+(?:number|no\.?|#))?|case\s+(?:number|no\.?|#)|docket(?:\s+number)?|"
    r"driver'?s\s+licen[cs]e(?:\s+number)?|licen[cs]e(?:\s+(?:plate|number|no\.?|#))?|"
    r"plate(?:\s+number)?|tag\s+number|serial(?:\s+(?:number|no\.?|#))?|S/N|VIN|"
    r"device\s+(?:ID|number)|badge(?:\s+number)?|student\s+(?:ID|number)|"
    r"employee\s+(?:ID|number)|passport(?:\s+number)?|inmate\s+(?:number|#)|"
    r"booking\s+number|confirmation\s+(?:number|code)|prescription\s+(?:number|#)|"
    r"rx\s+(?:number|#)|insurance\s+(?:ID|number)|ID\s+(?:number|#)|ID|"
    r"social(?:\s+security)?(?:\s+number)?|SSN|DOB|date\s+of\s+birth|birth\s?date|"
    r"(?:credit\s+|debit\s+|bank\s+|EBT\s+)?card(?:\s+(?:number|no\.?|#))?|"
    r"last\s+(?:four|4|five|5)(?:\s+digits)?(?:\s+(?:of|on)\s+(?:my|his|her|their|the)?\s*\w+)?|"
    r"end(?:s|ing)\s+(?:in|with)|PIN|pass\s?code|(?:gate|door|access|alarm|lock)\s+code|"
    r"combo|combination)"
)
ID_FILLER = (
    r"(?:[\s:#,]|\b(?:is|was|are|were|number|no\.?|of|ending|ends|that|in|with|it's|its)\b)*"
)
ID_VALUE = (
    r"(?=[A-Za-z0-9-]*\d|(?-i:[A-Z]{1,4})[ -]\d)[A-Za-z0-9][A-Za-z0-9-]{1,}"
    r"(?:[ -](?=[A-Za-z0-9]*\d)[A-Za-z0-9]{2,})?"
)
ID_RE = re.compile(rf"\b{ID_CUE}{ID_FILLER}(?P<val>{ID_VALUE})", re.IGNORECASE)
# ICD-10 diagnosis codes ("F43.10", "Z63.0") are not identifiers.
ICD_RE = re.compile(r"[A-TV-Z]\d{2}(?:\.\d{1,4}[A-Z]?)?(?![\w.])")
ID_LABELS = (
    ("SSN", ("social", "ssn")),
    ("MRN", ("mrn", "medical record", "record", "chart")),
    ("LICENSE", ("licen", "passport")),
    ("VEHICLE", ("plate", "vin", "tag number")),
    ("DEVICE", ("serial", "s/n", "device")),
    ("ACCOUNT", ("account", "acct", "policy", "member", "subscriber", "group", "claim")),
)

ZIP_RE = re.compile(r"(?<![\w$.,/-])\d{5}(?:-\d{4})?(?![\w/%-]|\.\d|,\d)")
STATE_ABBR = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|"
    "NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC"
)
ZIP_CUE_RE = re.compile(
    rf"(?:zip(?:\s*code)?|postal\s+code|zipcode|\b(?:{STATE_ABBR})|[A-Z][a-z]+,)\W{{0,3}}$",
)

MONTH_NAMES = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
ORD_WORDS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    "thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    "thirtieth|thirty[- ]first|twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|"
    "eighth|ninth)"
)
# A day of the month as an ordinal, in words or digits ("the twelfth", "the 14th").
DAY_ORDINAL = rf"(?:{ORD_WORDS}|(?:[12]?\d|3[01])(?:st|nd|rd|th))"
CARD_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|thirty[- ]one|twenty[- ](?:one|two|three|"
    "four|five|six|seven|eight|nine)"
)
DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
DAY = rf"(?:{DAY_NUM}|{ORD_WORDS})"
YEAR = r"(?:'\d{2}|\d{4}|(?:nineteen|twenty)[- ](?:\w+)(?:[- ]\w+)?)"
YEAR_NUM = r"(?:'\d{2}|(?:19|20)\d{2})"
DATE_MD_RE = re.compile(
    rf"\b(?P<m>{MONTH_NAMES})\s+(?:the\s+)?(?P<d>{DAY_NUM}|{ORD_WORDS}|{CARD_WORDS})\b"
    r"(?:\s*[–—-]\s*(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b)?"  # "November 18–21"
    rf"(?:,?\s+(?:of\s+)?(?P<y>{YEAR_NUM})\b)?",
    re.IGNORECASE,
)
DATE_DM_RE = re.compile(
    rf"\b(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH_NAMES})(?![\w])(?:,?\s+(?P<y>{YEAR_NUM})\b)?",
    re.IGNORECASE,
)
DATE_MY_RE = re.compile(rf"\b(?P<m>{MONTH_NAMES})(?:,|\s+of)?\s+(?P<y>{YEAR_NUM})\b", re.IGNORECASE)
DATE_NUM_RE = re.compile(
    r"(?<![\w/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?:(?P=sep)(?P<y>\d{4}|\d{2}))?(?![\w/-]|\.\d)"
)
DATE_ISO_RE = re.compile(
    r"(?<![\w/-])(?:19|20)\d{2}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])(?![\w/-])"
)
DATE_THE_RE = re.compile(rf"\bthe\s+(?P<d>{DAY_NUM}|{ORD_WORDS})\b", re.IGNORECASE)
DATE_FOLLOW_OK = wl._set(
    "of, and, or, at, when, i, we, he, she, they, that, because, so, but, is, was, until,"
    "through, to, for, which, right, this, last, next, or so, then, in, after, before, um, uh"
)
SPANISH_DATE_RE = re.compile(
    r"\b(?:[12]?\d|3[01])\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    r"septiembre|setiembre|octubre|noviembre|diciembre)(?:\s+(?:de|del)\s+\d{4})?\b",
    re.I,
)
# Talk about dates just before "the eighteenth" ("the appointment is december fourth ... and
# the follow up is the eighteenth same time").
DATE_TALK_RE = re.compile(
    rf"\b(?:{MONTH_NAMES}|appointment|appt|court|hearing|follow[- ]up|due|scheduled|deadline|"
    r"date|arraignment|pretrial|trial|surgery|induction|discharge)\b",
    re.I,
)
# Before "the <spelled ordinal>" as a date: "on the fourth", "um the twelfth no the eleventh",
# "monday the third" (a weekday is checked separately).
SPOKEN_ORD_PREV = wl._set(
    "on, by, until, till, til, since, before, after, from, to, through, thru, um, uh, like, no,"
    "around, about, was, is, it's, its, probably, maybe, exactly, because, and, but, so, then,"
    "of, for"
)
SCORE_PREV = wl._set(
    "a, an, rated, rate, rating, score, scored, at, about, like, around, maybe, was, is, it's,"
    "its, s, i'm, im, me, feel, feeling, felt, be, been, out, of, than, from, solid, only, just"
)
FRACTION_NEXT = wl._set(
    "of, a, an, pill, pills, tab, tabs, tablet, tablets, cup, cups, dose, doses, mg, hour, hours,"
    "mile, miles, way, ways, time, times, the, inch, inches, pound, pounds, glass, bottle,"
    "beer, beers, drink, drinks, pack, packs"
)

AGE_NUM = (
    r"(?:9\d|1[01]\d|ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
    r"(?:one|a)\s+hundred(?:\s+and)?(?:\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
)
AGE_AFTER_RE = re.compile(
    rf"\b(?P<n>{AGE_NUM})(?:\s*-\s*|\s+)(?:years?|yrs?)(?:\s*-\s*|\s+)old\b|\b(?P<n2>{AGE_NUM})"
    r"(?:\s*-\s*|\s+)(?:year|yr)(?:\s*-\s*|\s+)old\b|\b(?P<n3>9\d|1[01]\d)\s*(?:yo|y/o|y\.o\.)(?!\w)",
    re.IGNORECASE,
)
AGE_BEFORE_RE = re.compile(
    r"\b(?:she's|he's|i'm|im|she\s+is|he\s+is|i\s+am|is|was|turned|turning|turns|turn|age|aged|"
    r"ages|at|be|reached|made\s+it\s+to|now|almost|nearly|over|just|about|like|she'll\s+be|"
    r"he'll\s+be|will\s+be|would\s+be|would've\s+been|be\s+turning)\s+"
    rf"(?P<n>{AGE_NUM})\b(?!\s*(?:%|percent|mg|milligrams|minutes|mins|pounds|lbs|dollars|"
    r"bucks|times|days|hours|seconds|degrees|miles|points|people|of|out|on|in\s+the|cents|"
    r"grand|k\b|thousand|hundred|feet|steps|calls|texts|messages|beers|drinks|pills|meetings))",
    re.IGNORECASE,
)

STREET_SUFFIX = (
    r"(?:Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|"
    r"Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Trail|Trl|Square|Sq|Alley|Row|Pike|"
    r"Turnpike|Loop|Crescent|Close|Expressway|Freeway|Path|Run|Pass|Crossing|Point|Ridge)"
)
CAPW = r"[A-Z][\w'’-]*\.?"
UNIT = (
    r"(?:,?\s+(?:[Aa]pt|[Aa]partment|[Uu]nit|[Ss]uite|Ste|#|[Rr]oom|Rm|[Ll]ot|Bldg|[Bb]uilding)"
    r"\.?\s*#?[A-Za-z0-9-]+)?"
)
STREET_NUM_RE = re.compile(
    rf"\b\d{{1,6}}[A-Za-z]?\s+(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?\s+)?"
    rf"(?:(?:{CAPW}|\d+(?:st|nd|rd|th))\s+){{1,4}}{STREET_SUFFIX}\b\.?{UNIT}"
)
STREET_NUM_LOWER_RE = re.compile(
    r"\b\d{1,6}\s+(?:[a-z]+\s+|\d+(?:st|nd|rd|th)\s+){1,3}(?:street|st|avenue|ave|road|rd|"
    r"boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|terrace|circle|parkway|highway|trail|"
    r"pike|loop|row|run)\b(?:\s+(?:n|s|e|w|ne|nw|se|sw)\b)?"
    r"(?:,?\s+(?:apt|apartment|unit|suite|ste|number|no|#|lot|room)\.?\s*#?[a-z]?\d+[a-z]?\b)?",
)
# A compass quadrant after a street suffix ("16th Avenue SW", "4th St. NE").
STREET_QUADRANT_RE = re.compile(r"\.?\s+(?:NE|NW|SE|SW|N\.?E\.|N\.?W\.|S\.?E\.|S\.?W\.)(?![\w])")
# "<number> <street>, <Town>": the town after a numbered street address.
STREET_TOWN_RE = re.compile(r",\s+(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")
STREET_NAMED_RE = re.compile(
    rf"\b(?:(?:N|S|E|W|North|South|East|West)\.?\s+)?(?:(?:{CAPW}|\d+(?:st|nd|rd|th))\s+){{1,3}}"
    r"(?:Street|St\.?(?!\s+[A-Z])|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Drive|"
    r"Parkway|Pkwy\.?|Highway|Terrace|Circle|Trail|Pike|Turnpike|Expressway|Freeway)\b"
)
STREET_NAMED_WEAK_RE = re.compile(
    rf"\b(?:on|off|at|near|to|from|down|up|along|onto|past|by|live\s+on|lives\s+on)\s+"
    rf"(?P<s>(?:{CAPW}\s+){{1,2}}(?:Court|Way|Place|Row|Loop|Close|Crescent|Square|Alley|Path))\b"
)
STREET_LOWER_RE = re.compile(
    r"\b(?:on|off|at|near|to|from|down|up|along|onto|past|by)\s+(?P<s>(?:[a-z]+\s+){1,2}"
    r"(?:street|avenue|road|boulevard|blvd|lane|drive|parkway|highway))\b"
)
ROUTE_RE = re.compile(
    r"\b(?:Route|Rte\.?|Highway|Hwy\.?|Interstate|(?:County|Township|Farm|Forest|Ranch|State)\s+"
    r"(?:Road|Rd\.?|Route|Highway|Hwy\.?)|I-|US-|SR-)\s?\d{1,4}[A-Z]?\b",
    re.IGNORECASE,
)
STREET_STOP_FIRST = wl._set(
    "the, a, an, this, that, my, our, his, her, their, your, on, off, at, near, to, from, down,"
    "up, along, onto, past, by, one, two, main, same, busy, dead, end, side, wrong, right,"
    "family, supreme, juvenile, drug, traffic, county, city, district, federal, state, small,"
    "claims, no, any, every, some, each, in, and, or, i, we, you, it, is, was, live, lives"
)

PLACE_SUFFIX = (
    r"(?:Mall|Park|Lake|Heights|Hills|Village|Center|Centre|Plaza|Beach|Bridge|Pier|Station|"
    r"Library|Tower|Towers|Creek|River|Falls|Springs|Valley|Woods|Estates|Apartments|Apts|"
    r"Manor|Bay|Island|Zoo|Stadium|Arena|Airport|Cemetery|Market|Commons|Gardens|Grove|"
    r"Junction|Shopping\s+Center|Senior\s+Living|Motel|Hotel|Inn|Casino|Campground|Marina|"
    r"Harbor|Harbour|Reservoir|Canyon|Forest|Prison|Jail|Correctional\s+Facility|Courthouse|"
    r"Shelter|Trailer\s+Park|Mobile\s+Home\s+Park|Condos|Lofts|Flats|Residences|Townhomes|"
    r"Neighborhood|District|Quarter|Township|Borough|Parish|County|Acres|Meadows|Landing)"
)
PLACE_SUFFIX_RE = re.compile(rf"\b(?:{CAPW}\s+){{1,3}}{PLACE_SUFFIX}\b")
PLACE_PREFIX_RE = re.compile(
    r"\b(?:Lake|Mount|Mt\.?|Fort|Ft\.?|Port|Camp|Point|Cape)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
)
PLACE_STOP_FIRST = wl._set(
    "the, a, an, this, that, my, our, his, her, their, your, big, new, old, local, public,"
    "state, national, city, county, dog, skate, water, theme, amusement, ball, trampoline, car,"
    "rv, trailer, mobile, home, high, middle, senior, community, rec, recreation, shopping,"
    "strip, police, fire, gas, train, bus, subway, power, radio, tv, news, space, work, i, we,"
    "you, he, she, they, it, when, then, so, but, and, or, if, in, at, on, to, from, by, with,"
    "central, federal, juvenile, detention, county's, north, south, east, west, upper, lower,"
    "inner, holding, treatment, rehab, halfway, women's, men's, family, homeless, youth,"
    "crisis, domestic, violence, memorial, day, labor, ice, hot, cold, sun, safe, emotion,"
    "wise, reasonable, window, pride, black, white, red, blue, green, yellow, every, any,"
    "some, each, one, two, three, first, second, last, next, mom's, dad's, grandma's,"
    "around, across, behind, beyond, near, past, over, under, toward, towards, through, into,"
    "onto, along, outside, inside, about, after, before, since, till, until, like, via, up,"
    "down, off, out, by, honestly, maybe, yeah, just, even, still, also"
)

SCHOOL_SUFFIX = (
    r"(?:High\s+School|High|Middle\s+School|Middle|Elementary\s+School|Elementary|Junior\s+High|"
    r"Academy|Prep|Preparatory|College|Community\s+College|University|Institute|School|"
    r"Montessori|Day\s+School|Charter\s+School|Charter|Seminary|Conservatory|Polytechnic|Tech)"
)
SCHOOL_RE = re.compile(rf"\b(?:{CAPW}\s+){{1,3}}{SCHOOL_SUFFIX}\b")
SCHOOL_LOWER_RE = re.compile(
    r"\b(?P<w>[a-z]+)\s+(?:high\s+school|high|middle\s+school|middle|elementary|academy|prep)\b"
)
UNIVERSITY_OF_RE = re.compile(r"\bUniversity\s+of\s+[A-Z][\w'-]+(?:[\s-]+[A-Z][\w'-]+){0,2}")
SCHOOL_PREFIX_RE = re.compile(
    r"\b(?:UC|UW|UT|CU|SUNY|CUNY|Cal\s+State|Cal\s+Poly|Penn\s+State|Texas\s+A&M)\s+[A-Z][\w'-]+"
)
SCHOOL_ACRONYMS = wl._set(
    "ucla, usc, nyu, mit, unc, ucsf, ucsd, unlv, lsu, osu, asu, ucf, byu, tcu, smu, uconn, cuny,"
    "suny, umass, uva, vcu, gwu, rit, rpi, fiu, fsu, usf, uga, utep, utsa, uiuc, umich, upenn,"
    "psu, cmu, csun, sdsu, sjsu, ucsb, ucsc, uci, ucr, ucd"
)
SCHOOL_STOP_FIRST = wl._set(
    "the, a, an, my, our, his, her, their, your, this, that, junior, senior, middle, high,"
    "elementary, community, state, public, private, catholic, christian, charter, medical,"
    "law, grad, graduate, nursing, art, beauty, trade, summer, sunday, bible, night, online,"
    "business, cooking, culinary, driving, flight, film, dental, vet, med, boarding, military,"
    "prep, new, old, local, i, we, you, he, she, they, it, in, at, to, from, by, and, or, but,"
    "so, when, then, if, alternative, continuation, special, regular, traditional, secular,"
    "homeschool, religious, jewish, islamic, hebrew, language, music, dance, acting, film,"
    "high, first, second, freshman, sophomore, upper, lower, back, go, went, hate, love, like"
)
HOSPITAL_SUFFIX = (
    r"(?:Hospital|Medical\s+Center|Medical|General|Memorial|Clinic|Health\s+System|"
    r"Behavioral\s+Health|Behavioral|Health|Regional|Methodist|Presbyterian|Sinai|Healthcare|"
    r"Rehabilitation\s+Center|Rehab|Recovery\s+Center|Treatment\s+Center|Psychiatric|"
    r"Urgent\s+Care|Infirmary|Children's)"
)
HOSPITAL_RE = re.compile(rf"\b(?:{CAPW}[\s-]+){{1,3}}{HOSPITAL_SUFFIX}\b")
HOSPITAL_NAMES_RE = re.compile(
    r"\b(?:Cedars[- ]Sinai|Mass\s+General|Johns\s+Hopkins|Mayo\s+Clinic|Cleveland\s+Clinic|"
    r"Sloan\s+Kettering|Sheppard\s+Pratt|McLean|Menninger|Bellevue|Kaiser(?:\s+Permanente)?"
    r"(?:\s+[A-Z][a-z]+)?|Children's\s+[A-Z][a-z]+|Mount\s+Sinai|Mt\.?\s+Sinai)\b"
)
HOSPITAL_STOP_FIRST = wl._set(
    "the, a, an, my, our, his, her, their, your, this, that, general, mental, public, behavioral,"
    "state, county, city, psychiatric, medical, urgent, primary, community, regional, local,"
    "children's, women's, veterans, va, i, we, you, he, she, they, it, in, at, to, from, by,"
    "and, or, but, so, when, then, if, good, bad, better, poor, physical, sexual, reproductive,"
    "overall, total, holistic, whole, emotional, free, big, inpatient, outpatient, private, go,"
    "went, call, called"
)
CHURCH_SUFFIX = (
    r"(?:Church|Chapel|Cathedral|Temple|Synagogue|Mosque|Masjid|Fellowship|Tabernacle|"
    r"Ministries|Ministry|Congregation|Baptist|Methodist|Lutheran|Presbyterian|Episcopal|"
    r"Assembly|Kingdom\s+Hall|Parish|Abbey|Gurdwara|Mandir|A\.?M\.?E\.?(?:\s+Zion)?|CME|COGIC|"
    r"UMC|UCC)"
)
CHURCH_RE = re.compile(rf"\b(?:{CAPW}\s+){{1,3}}{CHURCH_SUFFIX}\b")
CHURCH_PREFIX_RE = re.compile(
    r"\b(?:Temple|Congregation|Masjid|Beth|Holy|Our\s+Lady\s+of)\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?"
)
CHURCH_STOP_FIRST = wl._set(
    "the, a, an, my, our, his, her, their, your, this, that, southern, american, independent,"
    "missionary, free, catholic, black, baptist, methodist, big, small, local, mega, old,"
    "i, we, you, he, she, they, it, in, at, to, from, by, and, or, but, so, when, then, if, go,"
    "went, holy, christian, evangelical, orthodox, mormon, lds, whole, entire, sunday, family"
)
SAINT_RE = re.compile(r"\b(?:St\.?|Saint)\s+[A-Z][a-z]+(?:['’]s)?(?:\s+(?:the\s+)?[A-Z][a-z]+)?")
COMPANY_SUFFIX = (
    r"(?:Inc\.?|LLC|L\.L\.C\.|LLP|L\.L\.P\.|PLLC|Corp\.?|Corporation|Co\.|Company|Group|Partners|Associates|Bank|"
    r"Insurance|Foods|Motors|Logistics|Solutions|Technologies|Tech|Systems|Consulting|"
    r"Construction|Auto\s+Body|Auto|Realty|Dental|Plumbing|Electric|Roofing|Landscaping|"
    r"Industries|Enterprises|Labs|Pharmacy|Bakery|Cafe|Café|Diner|Grill|Pizza|Pizzeria|Salon|"
    r"Studios|Studio|Fitness|Gym|Law\s+Firm|Trucking|Manufacturing|Services|Staffing|Daycare|"
    r"Childcare|Catering|Brewing|Brewery|Farms|Market|Tavern|Pub|Bar|Restaurant|Steakhouse|"
    r"Cleaners|Motors|Imports|Hardware|Nursery|Vet|Veterinary|Animal\s+Hospital|Credit\s+Union|"
    r"Pharmaceuticals|Media|Marketing|Properties|Management|Home\s+Care|Car\s+Wash|Bakeshop|"
    r"Bake\s+Shop|Shop|Shoppe|Boutique|Kitchen|Deli|Bistro|Eatery|Taqueria|Cantina|Barbershop|"
    r"Spa|Nails|Garage|Towing|Lounge|Club|Lanes|Cinema|Bookstore|Florist|Mart|Outlet|"
    r"Warehouse|Supply|Roasters|Creamery|Donuts|Tacos|BBQ|Barbecue)"
)
COMPANY_RE = re.compile(rf"\b(?:{CAPW}\s+|&\s+){{1,3}}{COMPANY_SUFFIX}(?!\w)")
COMPANY_STOP_FIRST = (
    SCHOOL_STOP_FIRST
    | HOSPITAL_STOP_FIRST
    | wl._set(
        "sports, gay, food, health, car, coffee, local, chain, fast, chinese, mexican, italian,"
        "thai, indian, japanese, sushi, ice, frozen, pet, nail, hair, tattoo, dive, sports, wine,"
        "tech, big, small, insurance, rehab, law, tv, radio, news, social, support, peer, therapy,"
        "yoga, crossfit, gym, bank, auto, body, used, farmers, flea, stock, black, job, labor,"
        "housing, real, estate, mortgage, credit, student, debt, food, drug, dental, vision,"
        "book, fight, country, night, strip, comedy, golf, glee, chess, drama, fan, breakfast,"
        "supper, lunch, dinner, poker, garden, knitting, running, hiking, boys, girls, coffee"
    )
)


# "It's Westbrook Prep": a contraction opening the match is not part of the name.
_CONTRACTIONS = wl._set(
    "it's, it’s, that's, that’s, there's, there’s, he's, she's, i'm, we're, they're, what's,"
    "where's, here's, let's, who's"
)
for _name in (
    "PLACE_STOP_FIRST",
    "SCHOOL_STOP_FIRST",
    "HOSPITAL_STOP_FIRST",
    "CHURCH_STOP_FIRST",
    "COMPANY_STOP_FIRST",
    "STREET_STOP_FIRST",
):
    globals()[_name] = globals()[_name] | wl.TITLES | wl.RELATION_WORDS | _CONTRACTIONS


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and text[e - 1] in TRAIL_PUNCT:
        e -= 1
    return s, e


LOCAL_JOINERS = wl._set("dot, underscore, dash, hyphen, period")


def _spelled_local_start(text: str, s: int) -> int:
    """Where a spoken local part begins when it is spelled or joined ("b a r b dot a c o s t a
    at ...", "big underscore papi underscore thirty two at ..."): back over single letters,
    number words and the words that join them."""
    for _ in range(24):
        prev = re.search(r"([A-Za-z0-9]+)\s+$", text[max(0, s - 20) : s])
        if not prev:
            break
        w = prev.group(1).lower()
        first = re.match(r"[A-Za-z0-9]+", text[s:])
        head = first.group(0).lower() if first else ""
        single = len(w) == 1 and len(head) == 1
        if single and w == "i":  # "x i o m a r a": a letter only inside a spelled run
            pp = re.search(
                r"(?:^|\s)([A-Za-z0-9]+)\s+$", text[max(0, s - 24) : s - len(prev.group(0))]
            )
            single = pp is not None and len(pp.group(1)) == 1
        if w in LOCAL_JOINERS or head in LOCAL_JOINERS or single:
            if w in SPOKEN_LOCAL_STOP and w not in LOCAL_JOINERS and not single:
                break
            s -= len(prev.group(0))
            continue
        break
    return s


def contacts(text: str) -> Iterator[Candidate]:
    """Emails, URLs, IP addresses and social handles."""
    for m in EMAIL_RE.finditer(text):
        s, e = _trim(text, m.start(), m.end())
        yield Candidate(s, e, "EMAIL", "EMAIL", 5)
    for m in SPOKEN_EMAIL_RE.finditer(text):
        s = m.start()
        host = re.sub(r"\s+", "", m.group("host").lower())  # "a o l" -> "aol"
        if (host in MAIL_HOSTS or " " in m.group("host")) and " dot " not in text[
            s : m.start("host")
        ]:
            # "k barnhart seven seven at gmail dot com": up to three more words of the local part
            for _ in range(3):
                prev = re.search(r"([A-Za-z0-9]+)\s+$", text[max(0, s - 30) : s])
                if not prev or prev.group(1).lower() in SPOKEN_LOCAL_STOP:
                    break
                s -= len(prev.group(0))
        yield Candidate(_spelled_local_start(text, s), m.end(), "EMAIL", "EMAIL", 4)
    for m in URL_RE.finditer(text):
        s, e = _trim(text, m.start(), m.end())
        frag = text[s:e]
        if "@" in frag and not frag.lower().startswith(("http", "www")):
            continue
        # Skip "e.g."-like fragments and bare numbers such as "3.5.com"-free text.
        if re.fullmatch(r"[\d.]+", frag):
            continue
        yield Candidate(s, e, "URL", "URL", 4)
    for m in IPV4_RE.finditer(text):
        parts = m.group(0).split(".")
        if all(int(p) <= 255 for p in parts) and not all(len(p) == 1 for p in parts):
            yield Candidate(m.start(), m.end(), "IP", "IP", 4)
    for m in IPV6_RE.finditer(text):
        try:
            ipaddress.IPv6Address(m.group(0))
        except ValueError:
            continue
        if m.group(0).count(":") >= 3:  # "a1::" alone is too short to be an address
            yield Candidate(m.start(), m.end(), "IP", "IP", 4)
    for m in HANDLE_RE.finditer(text):
        if len(m.group(0)) >= 3:
            yield Candidate(m.start(), m.end(), "HANDLE", "HANDLE", 4)
    for m in GAMERTAG_RE.finditer(text):
        yield Candidate(m.start(), m.end(), "HANDLE", "HANDLE", 3)
    for m in SHAPE_HANDLE_RE.finditer(text):
        stem = re.match(r"[A-Za-z_.]+", m.group(0))
        if stem and stem.group(0).lower().rstrip("_.") not in NUMBERED_WORDS:
            yield Candidate(m.start(), m.end(), "HANDLE", "HANDLE", 3)


def _ssn_valid(digits: str) -> bool:
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


# A credential or record number written with its letters: "RN.489221", "LPCC-S.1804477".
LETTERED_NUMBER_RE = re.compile(r"(?<![\w.])[A-Z]{2,6}(?:-[A-Z]{1,3})?[.-]\d{5,9}\b")


def numbers(text: str) -> Iterator[Candidate]:
    """Phone numbers, SSNs and cue-introduced record/account/licence numbers."""
    for m in LETTERED_NUMBER_RE.finditer(text):
        yield Candidate(m.start(), m.end(), "ID", "ID", 4)
    for m in SSN_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        label = "SSN" if _ssn_valid(digits) else "ID"
        yield Candidate(m.start(), m.end(), "ID", label, 5)
    for m in PHONE_RE.finditer(text):
        yield Candidate(m.start(), m.end(), "PHONE", "PHONE", 4)
    for m in ID_RE.finditer(text):
        val = m.group("val")
        s, e = _trim(text, m.start("val"), m.end("val"))
        if e - s < 3:
            continue
        cue = m.group(0)[: m.start("val") - m.start()].lower()
        if re.fullmatch(r"\d{1,2}", val) or (re.fullmatch(r"(?:19|20)\d{2}", val)):
            continue
        icd = ICD_RE.match(text, s)
        if icd is not None and icd.end() >= e:
            continue  # "the claim is F43.10": a diagnosis code
        if ("dob" in cue or "birth" in cue) and DATE_NUM_RE.fullmatch(text[s:e]):
            yield Candidate(s, e, "DATE", "DATE", 5)
            continue
        label = "ID"
        for lab, keys in ID_LABELS:
            if any(k in cue for k in keys):
                label = lab
                break
        yield Candidate(s, e, "ID", label, 5)


ZIP_WORD_RE = re.compile(r"\b(?:zip|zipcode|postal\s+code)\b", re.I)


def zips(text: str) -> Iterator[Candidate]:
    """Five-digit ZIP codes next to a state, a 'City,' or the word zip."""
    for m in ZIP_RE.finditer(text):
        before = text[max(0, m.start() - 25) : m.start()]
        if ZIP_CUE_RE.search(before):
            yield Candidate(m.start(), m.end(), "LOCATION", "ZIP", 4)
        elif ZIP_WORD_RE.search(text, max(0, m.start() - 100), min(len(text), m.end() + 40)):
            # "What ZIP code are you in?" / "37416.": the question or a remark near the number
            yield Candidate(m.start(), m.end(), "LOCATION", "ZIP", 3)


def _valid_md(mon: int, day: int) -> bool:
    return 1 <= mon <= 12 and 1 <= day <= 31


def _prev_word(text: str, pos: int) -> str:
    m = re.search(r"([A-Za-z']+)\W*$", text[max(0, pos - 30) : pos])
    return m.group(1).lower() if m else ""


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"\W*?([A-Za-z']+)", text[pos : pos + 30])
    return m.group(1).lower() if m else ""


# Every date rule needs a digit, a month name or "the <ordinal>": text without one is skipped.
DATE_CUE_RE = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|"
    r"\bthe\s+(?:(?:twenty|thirty)[\s-])?[\w-]*(?:st|nd|rd|th)\b",
    re.I,
)


VERSION_PREV = wl._set("version, ver, v, update, build, release, firmware, ios, android, patch")
WEEKDAY_BEFORE_RE = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:the\s+)?$", re.IGNORECASE
)


def _with_weekday(text: str, s: int) -> int:
    """Start of a date widened over a weekday said before it ("Monday, April 22")."""
    m = WEEKDAY_BEFORE_RE.search(text, max(0, s - 16), s)
    return m.start() if m else s


def dates(text: str, lower_ok: bool) -> Iterator[Candidate]:
    """Dates with a day or a month (years alone are kept)."""
    if DATE_CUE_RE.search(text) is None:
        return
    for c in _dates(text, lower_ok):
        if c.label == "DATE" and c.priority >= 4:
            c = Candidate(_with_weekday(text, c.start), c.end, c.type, c.label, c.priority)
        yield c


def _dates(text: str, lower_ok: bool) -> Iterator[Candidate]:
    for m in DATE_MD_RE.finditer(text):
        mon = m.group("m")
        if not _month_ok(text, m.start(), m.end("m"), mon, lower_ok, has_day=True):
            continue
        end = m.end()
        d = m.group("d").lower()
        # "May 2 of us", "march one" are too weak without a digit day: require ordinal or digit.
        if (
            d.isalpha()
            and mon.lower().rstrip(".") in wl.AMBIG_MONTHS
            and not d.endswith(("st", "nd", "rd", "th"))
        ):
            continue
        if d.isdigit() and _next_word(text, end) in ("percent", "mg", "minutes", "hours", "pounds"):
            continue
        yield Candidate(m.start(), end, "DATE", "DATE", 4)
    for m in DATE_DM_RE.finditer(text):
        mon = m.group("m")
        if not _month_ok(text, m.start("m"), m.end("m"), mon, lower_ok, has_day=True):
            continue
        d = m.group("d").lower()
        if d.isdigit() and int(d) > 31:
            continue
        between = text[m.end("d") : m.start("m")]
        # "14 March" is a date but "2 May I" is not: a bare number before an ambiguous month
        # needs "of".
        if (
            "of" not in between
            and mon.lower().rstrip(".") in wl.AMBIG_MONTHS
            and d.isdigit()
            and not m.group("y")  # "7 May 2001" with its year is a date
        ):
            continue
        if d.isalpha() and "of" not in between:
            continue
        if re.fullmatch(r"(?i)fourth\s+of\s+july", m.group(0)):
            continue  # a holiday, not a date of the person
        yield Candidate(m.start(), m.end(), "DATE", "DATE", 4)
    for m in DATE_MY_RE.finditer(text):
        mon = m.group("m")
        if not _month_ok(text, m.start(), m.end("m"), mon, lower_ok, has_day=True):
            continue
        s, e = _trim(text, m.start("m"), m.end("m"))
        if text[e : e + 1] == ".":
            e += 1
        yield Candidate(s, e, "DATE", "DATE", 3)
    for m in DATE_NUM_RE.finditer(text):
        a, b, y = int(m.group("a")), int(m.group("b")), m.group("y")
        sep = m.group("sep")
        if not (_valid_md(a, b) or _valid_md(b, a)):
            continue
        if not y:
            if sep == "." or m.group(0) == "9/11":
                continue  # "9/11" alone is the event
            prev = _prev_word(text, m.start())
            nxt = _next_word(text, m.end())
            if sep == "/" and b in (4, 5, 7, 10, 100) and (prev in SCORE_PREV or nxt in ("on",)):
                continue
            if nxt in FRACTION_NEXT or prev in ("half", "about", "like", "a", "an", "maybe"):
                continue
            if prev in wl.MEDICATIONS:
                continue  # "Suboxone 8/2": a dose strength, not a date
            if sep == "-" and (nxt in ("times", "days", "hours", "weeks", "drinks") or b <= a):
                continue
        elif sep == "." and len(y) == 2 and _prev_word(text, m.start()) in VERSION_PREV:
            continue  # "version 3.12.21" is a version; "says 3.12.21" a date (d.m.yy or m.d.yy)
        yield Candidate(m.start(), m.end(), "DATE", "DATE", 4)
    for m in SPANISH_DATE_RE.finditer(text):
        yield Candidate(m.start(), m.end(), "DATE", "DATE", 4)  # "el 3 de mayo de 1986"
    for m in DATE_ISO_RE.finditer(text):
        yield Candidate(m.start(), m.end(), "DATE", "DATE", 5)
    for m in DATE_THE_RE.finditer(text):
        d = m.group("d")
        nxt = _next_word(text, m.end())
        after = text[m.end() : m.end() + 2]
        prev = _prev_word(text, m.start())
        if re.match(r"\s+of\s+(?:next|this|last|every|each)\s+month", text[m.end() :]):
            continue  # "the 3rd of next month": relative, no fixed date
        if re.sub(r"[\s-]", "", d).isalpha():
            # Spoken ordinals ("the first time") are dates only as "on the twenty-first".
            weekday = prev in wl.WEEKDAYS  # "saturday the ninth a patient bit carmen"
            # "The twenty-eighth." said alone as an answer
            opening = re.search(
                r"(?:^|[:.!?]\s*)$", text[max(0, m.start() - 3) : m.start()]
            ) and re.match(r"[.!?,]", text[m.end() : m.end() + 1])
            if prev not in SPOKEN_ORD_PREV and not weekday and not opening:
                continue
            if (
                nxt
                and not weekday
                and nxt not in DATE_FOLLOW_OK
                and nxt not in ("no", "it", "yeah", "actually", "wait", "right")
                and not re.match(r"[ \t]*(?:[.,;!?\n]|$)", text[m.end() : m.end() + 3])
                and not DATE_TALK_RE.search(text, max(0, m.start() - 120), m.start())
            ):
                continue
        else:
            if not re.search(r"(?:st|nd|rd|th)$", d, re.IGNORECASE):
                continue
            end_ok = not nxt or re.match(r"\s*[.,;!?)\n]", after) or nxt in DATE_FOLLOW_OK
            if not end_ok and prev not in ("on", "by", "until", "since"):
                continue
            if nxt and nxt not in DATE_FOLLOW_OK and not re.match(r"\s*[.,;!?)\n]", after):
                continue
        yield Candidate(m.start("d"), m.end("d"), "DATE", "DATE", 3)
    # A month alone after a date preposition ("back in March", "since October").
    for m in re.finditer(rf"\b{MONTH_NAMES}(?!\w)", text, re.IGNORECASE):
        mon = m.group(0)
        if not _month_ok(text, m.start(), m.end(), mon, lower_ok, has_day=False):
            continue
        end = m.end()
        if mon.endswith(".") and mon.lower().rstrip(".") not in (
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
        ):
            end -= 1  # a sentence's full stop, not an abbreviation
        yield Candidate(m.start(), end, "DATE", "DATE", 2)


UNAMBIGUOUS_MONTHS = wl._set(
    "january, february, july, september, october, november, december, sept, sep, oct, nov, dec,"
    "jan, feb, jul"
)


STRONG_MONTH_PREV = wl._set("every, each, since, until, till, through, early, mid, late")


def _month_ok(text: str, s: int, e: int, mon: str, lower_ok: bool, has_day: bool) -> bool:
    key = mon.lower().rstrip(".")
    # In normally cased text, lower-case month words are ordinary words ("march", "may"), but
    # not after a word that only a time takes ("every march", "since june").
    strong = (
        not has_day
        and _prev_word(text, s) in STRONG_MONTH_PREV
        and key in ("may", "march", "april", "june", "august")
    )
    if (
        not mon[0].isupper()
        and not lower_ok
        and not strong
        and (key in wl.AMBIG_MONTHS or len(key) <= 4)
    ):
        return False
    # Abbreviations ("Mar", "Dec") count only capitalized or with a period.
    short = len(key) <= 4 and key not in ("may", "june", "july")
    if short and not mon.endswith(".") and not mon[0].isupper():
        return False
    nxt = _next_word(text, e)
    # "in May. They ...": the pronoun opens the next sentence
    stop = mon.endswith(".") or re.match(r"\s*[.!?,;:]", text[e : e + 3]) is not None
    if key in ("may", "march") and nxt in wl.PRONOUN_FOLLOW and not stop and not has_day:
        return strong and key == "march"  # "every march i get low", but "until may i"
    if key == "july" and re.search(r"(?i)fourth\s+of\s*$", text[max(0, s - 12) : s]):
        return False  # the holiday
    if has_day:
        return True
    prev = _prev_word(text, s)
    if key in wl.AMBIG_MONTHS:
        return prev in wl.MONTH_PREPS
    if key in UNAMBIGUOUS_MONTHS and (lower_ok or mon[0].isupper()):
        return True  # "from like november to february": an unambiguous month is a date element
    return prev in wl.MONTH_PREPS or mon[0].isupper()


def ages(text: str) -> Iterator[Candidate]:
    """Ages over 89 with an age cue."""
    for m in AGE_AFTER_RE.finditer(text):
        g = "n" if m.group("n") else ("n2" if m.group("n2") else "n3")
        yield Candidate(m.start(g), m.end(g), "AGE", "AGE", 4)
    for m in AGE_BEFORE_RE.finditer(text):
        cue = m.group(0)[: m.start("n") - m.start()].strip().lower()
        # "at 95" and "over 90" need an age word nearby to be ages rather than speeds or counts.
        if cue in ("at", "over", "about", "like", "just", "now", "almost", "nearly", "is", "was"):
            window = text[max(0, m.start() - 60) : m.end() + 40].lower()
            if not re.search(
                r"\b(?:old|age|aged|birthday|grandma|grandpa|grandmother|grandfather|mother|father|"
                r"mom|dad|she|he|aunt|uncle|great|nana|turned|born|lived|years)\b",
                window,
            ):
                continue
        yield Candidate(m.start("n"), m.end("n"), "AGE", "AGE", 3)


STREET_TOWN_STOP = (
    wl.WEEKDAYS
    | frozenset(wl.MONTHS)
    | wl._set(
        "which, but, and, so, then, the, i, he, she, we, they, it, that, because, apartment, apt,"
        "unit, suite, right, yeah, okay, ok, um, uh, like, where, when, near, across, behind"
    )
)


PO_BOX_RE = re.compile(r"\b(?:P\.?\s?O\.?|Post\s+Office)\s+Box\s+\d{1,6}\b", re.I)


def streets(text: str, lower_ok: bool) -> Iterator[Candidate]:
    """Street addresses and named streets, and post office boxes."""
    for m in PO_BOX_RE.finditer(text):
        yield Candidate(m.start(), m.end(), "LOCATION", "STREET", 4)
    for m in STREET_NUM_RE.finditer(text):
        s, e = _trim(text, m.start(), m.end())
        if m.group(0).rstrip().endswith(".") and not re.search(
            r"\b(?:St|Ave|Rd|Blvd|Dr|Ln|Ct)\.$", m.group(0).rstrip()
        ):
            pass
        if text[e : e + 1] == "." and re.search(
            r"\b(?:St|Ave|Rd|Blvd|Dr|Ln|Ct|Pl|Pkwy)$", text[s:e]
        ):
            e += 1
        q = STREET_QUADRANT_RE.match(text, e)
        if q:
            e = q.end()
        t = STREET_TOWN_RE.match(text, e)
        if t and t.group(0).split()[-1].lower() not in STREET_TOWN_STOP:
            ts = t.start() + len(t.group(0)) - len(t.group(0).lstrip(", \t\n"))
            yield Candidate(ts, t.end(), "LOCATION", "CITY", 3)
        yield Candidate(s, e, "LOCATION", "STREET", 4)
    for m in STREET_NAMED_RE.finditer(text):
        words = m.group(0).split()
        if words[0].lower().rstrip(".") in STREET_STOP_FIRST:
            # Drop a leading stop word ("on Maple Ave" matched from "Maple").
            continue
        s, e = m.start(), m.end()
        q = STREET_QUADRANT_RE.match(text, e)
        if q:
            e = q.end()
        if (
            text[e - 1 : e] != "."
            and text[e : e + 1] == "."
            and re.search(r"\b(?:St|Ave|Rd|Blvd)$", text[s:e])
        ):
            e += 1
        yield Candidate(s, e, "LOCATION", "STREET", 3)
    for m in STREET_NAMED_WEAK_RE.finditer(text):
        words = m.group("s").split()
        if words[0].lower() in STREET_STOP_FIRST:
            continue
        yield Candidate(m.start("s"), m.end("s"), "LOCATION", "STREET", 3)
    for m in ROUTE_RE.finditer(text):
        yield Candidate(m.start(), m.end(), "LOCATION", "STREET", 3)
    if lower_ok:
        for m in STREET_NUM_LOWER_RE.finditer(text):
            yield Candidate(m.start(), m.end(), "LOCATION", "STREET", 3)
        for m in STREET_LOWER_RE.finditer(text):
            words = m.group("s").split()
            if words[0] in STREET_STOP_FIRST or (len(words) == 3 and words[1] in STREET_STOP_FIRST):
                continue
            yield Candidate(m.start("s"), m.end("s"), "LOCATION", "STREET", 2)


def _strip_stop_prefix(text: str, s: int, e: int, stop: frozenset[str]) -> int:
    """Move the start past leading stop words; return the new start (or e if nothing is left)."""
    while s < e:
        m = re.match(r"([\w'’.&-]+)\s*", text[s:e])
        if not m:
            return e
        w = m.group(1)
        sentence_end = w.endswith(".") and w.lower().rstrip(".") not in ("st", "mt", "ft", "dr")
        if w.lower().rstrip(".") in stop or not w[0].isupper() or sentence_end:
            s += m.end()
        else:
            return s
    return e


def known_orgs_lower(text: str) -> Iterator[Candidate]:
    """Well-known hospitals and universities in lines written without capitals."""
    for m in re.finditer(HOSPITAL_NAMES_RE.pattern, text, re.IGNORECASE):
        yield Candidate(m.start(), m.end(), "ORGANIZATION", "HOSPITAL", 3)
    for m in re.finditer(r"\buniversity\s+of\s+[a-z]+(?:\s+[a-z]+)?", text):
        yield Candidate(m.start(), m.end(), "ORGANIZATION", "SCHOOL", 3)
    for m in re.finditer(r"\b(?:st|saint)\.?\s+[a-z]+['’]s\b", text):
        yield Candidate(m.start(), m.end(), "ORGANIZATION", "ORG", 3)
    for m in re.finditer(r"\b[a-z]+\b", text):
        if m.group(0) in SCHOOL_ACRONYMS:
            yield Candidate(m.start(), m.end(), "ORGANIZATION", "SCHOOL", 3)
    # Chains said without capitals or apostrophes ("the trader joes on forbes avenue").
    for m in _lower_brands_re().finditer(text):
        yield Candidate(m.start(), m.end(), "ORGANIZATION", "EMPLOYER", 2)


@lru_cache(maxsize=1)
def _lower_brands_re() -> re.Pattern[str]:
    from app.deid.gazetteers import load

    common = load().common
    names = set()
    for b in wl.EMPLOYER_BRANDS | wl.CHAIN_PLACES:
        plain = re.sub(r"['’]", "", b.lower())
        if " " in plain or "-" in plain or (plain not in common and len(plain) > 3):
            names.add(plain)
    alts = sorted(
        (re.escape(n).replace(r"\ ", r"\s+").replace(r"\-", r"[\s-]?") for n in names),
        key=len,
        reverse=True,
    )
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b")


def places_and_orgs(text: str) -> Iterator[Candidate]:
    """Landmarks, neighbourhoods, counties, schools, hospitals, churches and companies."""
    specs = (
        (PLACE_SUFFIX_RE, "LOCATION", "PLACE", PLACE_STOP_FIRST),
        (SCHOOL_RE, "ORGANIZATION", "SCHOOL", SCHOOL_STOP_FIRST),
        (HOSPITAL_RE, "ORGANIZATION", "HOSPITAL", HOSPITAL_STOP_FIRST),
        (CHURCH_RE, "ORGANIZATION", "CHURCH", CHURCH_STOP_FIRST),
        (COMPANY_RE, "ORGANIZATION", "EMPLOYER", COMPANY_STOP_FIRST),
    )
    for rx, typ, label, stop in specs:
        for m in rx.finditer(text):
            s = _strip_stop_prefix(text, m.start(), m.end(), stop)
            if (
                label == "CHURCH"
                and text[m.start() : s].strip() == "Holy"
                and re.match(rf"\s*{CHURCH_SUFFIX}\b", text[s : m.end()]) is None
                and text[s : m.end()].split()[0].lower() not in CHURCH_STOP_FIRST
            ):
                s = m.start()  # "Holy Ghost Catholic Church": "Holy" opens the parish name
            words = text[s : m.end()].split()
            if len(words) < 2:
                continue
            lab = label
            if label == "PLACE" and words[-1] in ("County", "Parish", "Township", "Borough"):
                lab = "COUNTY"
            yield Candidate(s, m.end(), typ, lab, 3)
    for m in PLACE_PREFIX_RE.finditer(text):
        words = m.group(0).split()
        if words[1].lower() in PLACE_STOP_FIRST or words[1].lower() in wl.WEEKDAYS:
            continue
        yield Candidate(m.start(), m.end(), "LOCATION", "PLACE", 2)
    for m in re.finditer(r"\b[A-Z][A-Za-z]{1,5}\b", text):
        if m.group(0).lower() in SCHOOL_ACRONYMS and not m.group(0).istitle():
            yield Candidate(m.start(), m.end(), "ORGANIZATION", "SCHOOL", 3)
    for m in UNIVERSITY_OF_RE.finditer(text):
        yield Candidate(m.start(), m.end(), "ORGANIZATION", "SCHOOL", 4)
    for m in SCHOOL_PREFIX_RE.finditer(text):
        yield Candidate(m.start(), m.end(), "ORGANIZATION", "SCHOOL", 4)
    for m in HOSPITAL_NAMES_RE.finditer(text):
        yield Candidate(m.start(), m.end(), "ORGANIZATION", "HOSPITAL", 4)
    for m in CHURCH_PREFIX_RE.finditer(text):
        words = m.group(0).split()
        if words[0] == "Holy" and words[1] in ("Spirit", "Ghost", "Bible", "Communion", "Week"):
            continue
        if words[-1].lower() in CHURCH_STOP_FIRST:
            continue
        yield Candidate(m.start(), m.end(), "ORGANIZATION", "CHURCH", 3)
    for m in SAINT_RE.finditer(text):
        frag = m.group(0)
        nxt = _next_word(text, m.end())
        if nxt in ("street", "st", "ave", "avenue", "road", "blvd"):
            continue
        label = "ORG"
        if re.search(r"(?:Hospital|Medical)", text[m.end() : m.end() + 20]):
            label = "HOSPITAL"
        yield Candidate(m.start(), m.end(), "ORGANIZATION", label, 2 if "'" not in frag else 3)
