"""Build the de-identification development set bench/data/deid_dev.jsonl.

Excerpts are written with inline markup ``[[TYPE:text]]`` (TYPE is one of the scanner's types).
Two sources: hand-written whole excerpts (HANDWRITTEN below) and excerpts composed by a seeded
generator from hand-written line templates and hand-written value pools (names, places, dates ...).
The marked-up source of every excerpt is written to deid_dev.marked.jsonl; this script then strips
the markup and computes the gold offsets, checking that each span's text round-trips.

Gold conventions: titles (Dr., Mrs.) and possessive 's are outside NAME spans; "the" is outside
place/organization spans; a day-month date includes an attached year ("March 14, 2023") but a
month-year pair marks only the month ("[[DATE:March]] 2023"); "on the 14th" marks "14th"; ages
mark only the number; holidays, weekdays, relative dates and plain years are not identifiers.

Run: .venv/bin/python bench/data/build_deid_dev.py
Other sets: .venv/bin/python bench/data/build_deid_dev.py --marked IN.marked.jsonl --out OUT.jsonl
(reads rows {"id", "split", "marked"[, "kind"]}, strips the markup and writes {"id", "split",
"text", "spans"} with the same checks; excerpts whose id contains "clean" or whose kind is "clean"
must have no spans).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\[\[([A-Z]+):(.+?)\]\]")
TYPES = {
    "NAME", "LOCATION", "DATE", "AGE", "PHONE", "EMAIL", "ID", "URL", "IP", "ORGANIZATION",
    "HANDLE",
}  # fmt: skip


def strip_markup(marked: str) -> tuple[str, list[dict]]:
    """Remove [[TYPE:text]] markup; return plain text and gold spans."""
    out: list[str] = []
    spans: list[dict] = []
    pos = 0
    length = 0
    for m in MARK.finditer(marked):
        before = marked[pos : m.start()]
        out.append(before)
        length += len(before)
        typ, inner = m.group(1), m.group(2)
        if typ not in TYPES:
            raise ValueError(f"unknown type {typ}")
        spans.append({"start": length, "end": length + len(inner), "type": typ})
        out.append(inner)
        length += len(inner)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        raise ValueError(f"unbalanced markup in: {marked[:80]}")
    return text, spans


# ---------------------------------------------------------------------------------------------
# Value pools. Each entry is already marked up so that context words stay outside the span.
# ---------------------------------------------------------------------------------------------
FIRST = [
    "Maggie", "Jake", "Dave", "Priya", "Xiomara", "Keisha", "DeShawn", "Aaliyah", "Brayden",
    "Siobhan", "Oluwaseun", "Mei", "Hiroshi", "Giovanni", "Fatima", "Ahmed", "Kenji", "Luz",
    "Rosalind", "Ty", "Colt", "Jaxon", "Nevaeh", "Harper", "Liam", "Sofia", "Mateo", "Kayden",
    "Trinity", "Marisol", "Dmitri", "Anya", "Tariq", "Imani", "Zainab", "Esperanza", "Lupe",
    "Chayton", "Leilani", "Manny", "Gabe", "Tish", "Stevie", "Jojo", "Benji", "Nate", "Mikey",
    "Becca", "Izzy", "Frankie", "Rory", "Marcus", "Tanya", "Carlos", "Denise", "Kevin", "Yolanda",
    "Trevor", "Bethany", "Ramon", "Shonda", "Caleb", "Ingrid", "Thuy", "Bao", "Aditya", "Nadia",
]  # fmt: skip
AMBIG_FIRST = [
    "Hope", "Will", "Bill", "Grace", "Faith", "Rose", "Mark", "Joy", "Dawn", "Summer", "Destiny",
    "Pat", "Jack", "Art", "Sunny", "Chase", "Hunter", "Mason", "Ray", "Max", "Crystal", "Amber",
    "Ruby", "Ivy", "Holly", "Daisy", "Penny", "River", "Reed", "Wade", "Hazel", "Autumn", "Sky",
]  # fmt: skip
SURNAMES = [
    "Ostrowski", "Nguyen", "Okafor", "Rodriguez", "Brennan", "Castellanos", "Whitfield",
    "Abernathy", "Kowalczyk", "Haddad", "Tanaka", "Delacroix", "Oyelaran", "McAllister",
    "O'Donnell", "Lindqvist", "Papadopoulos", "Begay", "Yazzie", "Kaplan", "Goldberg", "Patel",
    "Mendoza", "Villanueva", "Pruitt", "Whitaker", "Dunmore", "Chen", "Park", "Moreno",
    "Hollister", "Sorensen", "Acosta", "Baptiste", "Greenberg", "Fitzgerald", "Ramirez", "Lutz",
]  # fmt: skip
CLINICIANS = [
    "Feldman", "Okonkwo", "Reyes", "Lindgren", "Marsh", "Desai", "Halloran", "Weiss", "Abbott",
    "Castillo", "Nakamura", "Brandt",
]  # fmt: skip
CITIES = [
    "Dayton", "Toledo", "Fresno", "Tulsa", "Scranton", "Duluth", "Boise", "Spokane", "Flagstaff",
    "Sandusky", "Kalamazoo", "Bakersfield", "Gainesville", "Chattanooga", "Eau Claire",
    "San Bernardino", "Ann Arbor", "Yonkers", "Paterson", "Waukegan", "Youngstown", "Lubbock",
    "Cleveland", "Houston", "Phoenix", "Jacksonville", "Portland", "Springfield", "Guadalajara",
    "Manila", "Lagos", "Toronto", "Tijuana", "Albuquerque", "Tacoma", "Reno", "Savannah",
    "Pittsburgh", "Omaha", "Green Bay", "El Paso", "St. Louis", "Baton Rouge", "Modesto",
]  # fmt: skip
STREETS = [
    "[[LOCATION:1420 Elm Street]]", "[[LOCATION:88 Bramble Lane]]",
    "[[LOCATION:3021 N. Oakland Ave]]", "[[LOCATION:Maple Ave]]", "[[LOCATION:Fifth Street]]",
    "[[LOCATION:17 Whitcomb Court, Apt 3B]]", "[[LOCATION:Greenway Drive]]",
    "[[LOCATION:615 Sycamore Road]]", "[[LOCATION:Delmar Boulevard]]",
    "[[LOCATION:2209 Kessler Blvd]]", "[[LOCATION:Old Mill Road]]", "[[LOCATION:Cherry Lane]]",
    "[[LOCATION:4 Harbor View Terrace]]", "[[LOCATION:Route 9]]",
]  # fmt: skip
PLACES = [
    "the [[LOCATION:Riverside Mall]]", "[[LOCATION:Lake Harriet]]", "[[LOCATION:Fells Point]]",
    "[[LOCATION:Wicker Park]]", "the [[LOCATION:Southgate Apartments]]",
    "[[LOCATION:Elmwood Heights]]", "[[LOCATION:Cedar Creek Park]]",
    "[[LOCATION:Union Station]]", "[[LOCATION:Millbrook Village]]",
    "[[LOCATION:Pike Place Market]]", "the [[LOCATION:Crossroads Shopping Center]]",
    "[[LOCATION:Lake Merritt]]", "[[LOCATION:Mount Tabor]]", "the [[LOCATION:Hillcrest Plaza]]",
]  # fmt: skip
COUNTIES = ["Washtenaw County", "Orange County", "Cuyahoga County", "Bexar County", "Kent County"]
ZIPS = ["45402", "98103", "60614-2231", "30318", "85004", "11215"]
SCHOOLS = [
    "[[ORGANIZATION:Lincoln High]]", "[[ORGANIZATION:Oak Ridge Elementary]]",
    "[[ORGANIZATION:UC Davis]]", "[[ORGANIZATION:St. Mary's]]",
    "[[ORGANIZATION:Jefferson Middle School]]", "[[ORGANIZATION:Westview Academy]]",
    "[[ORGANIZATION:Riverside Community College]]", "[[ORGANIZATION:Truman High School]]",
    "[[ORGANIZATION:Northside Prep]]", "[[ORGANIZATION:Brookfield University]]",
    "[[ORGANIZATION:UCLA]]", "[[ORGANIZATION:Holy Cross]]", "[[ORGANIZATION:Kennedy Middle]]",
    "[[ORGANIZATION:Sunset Hills Elementary]]", "the [[ORGANIZATION:University of Dayton]]",
]  # fmt: skip
EMPLOYERS = [
    "[[ORGANIZATION:Kroger]]", "[[ORGANIZATION:Target]]", "[[ORGANIZATION:Amazon]]",
    "[[ORGANIZATION:Walmart]]", "[[ORGANIZATION:Starbucks]]", "[[ORGANIZATION:Home Depot]]",
    "[[ORGANIZATION:Costco]]", "[[ORGANIZATION:Safeway]]", "[[ORGANIZATION:FedEx]]",
    "[[ORGANIZATION:Chipotle]]", "[[ORGANIZATION:Lowe's]]", "[[ORGANIZATION:Wells Fargo]]",
    "[[ORGANIZATION:Hendricks Plumbing]]", "[[ORGANIZATION:Brightline Logistics]]",
    "[[ORGANIZATION:Marquez Auto Body]]", "[[ORGANIZATION:Pinecrest Dental]]",
    "[[ORGANIZATION:Dunkin']]", "[[ORGANIZATION:Meijer]]",
]  # fmt: skip
HOSPITALS = [
    "[[ORGANIZATION:Mercy General]]", "[[ORGANIZATION:St. Jude's]]",
    "[[ORGANIZATION:Mass General]]", "[[ORGANIZATION:Providence Medical Center]]",
    "[[ORGANIZATION:Cedars-Sinai]]", "[[ORGANIZATION:Riverside Methodist]]",
    "[[ORGANIZATION:Children's Mercy]]", "[[ORGANIZATION:Kaiser Oakland]]",
]  # fmt: skip
CHURCHES = [
    "[[ORGANIZATION:First Baptist]]", "[[ORGANIZATION:St. Anne's]]",
    "[[ORGANIZATION:Grace Community Church]]", "[[ORGANIZATION:New Hope Fellowship]]",
    "[[ORGANIZATION:Temple Beth El]]", "[[ORGANIZATION:Holy Trinity]]",
]  # fmt: skip
DAY_DATES = [
    "[[DATE:3/14]]", "[[DATE:3/14/2023]]", "[[DATE:March 14th]]", "the [[DATE:14th of March 2023]]",
    "the [[DATE:14th]]", "[[DATE:June 2]]", "[[DATE:Jan. 5]]", "[[DATE:October 3rd]]",
    "the [[DATE:twenty-first]]", "[[DATE:12-05-2022]]", "[[DATE:2021-08-19]]", "[[DATE:August 9]]",
    "[[DATE:Sept 30th]]", "[[DATE:November 12, 2021]]", "[[DATE:4/2/19]]", "the [[DATE:3rd]]",
    "[[DATE:May 17]]", "[[DATE:April 4th]]", "[[DATE:Feb 28]]", "[[DATE:July 19th]]",
]  # fmt: skip
MONTH_YEARS = [
    "[[DATE:March]] 2023", "[[DATE:December]] of 2020", "[[DATE:August]] 2019", "[[DATE:May]] 2022",
    "[[DATE:Sept.]] 2018", "[[DATE:February]] 2024",
]  # fmt: skip
MONTH_ALONE = ["[[DATE:March]]", "[[DATE:October]]", "[[DATE:January]]", "[[DATE:May]]"]
PHONES = [
    "[[PHONE:555-218-4490]]", "[[PHONE:(555) 218 4490]]", "[[PHONE:555.218.4490]]",
    "[[PHONE:+1 555 218 4490]]", "[[PHONE:five five five, two one eight, four four nine zero]]",
    "[[PHONE:555 2 1 8 4490]]", "[[PHONE:five five five two one eight forty four ninety]]",
    "[[PHONE:614-555-0193]]", "[[PHONE:(937) 555-0142]]", "[[PHONE:1-800-555-0199]]",
    "[[PHONE:555-0187]]", "[[PHONE:nine three seven five five five oh one four two]]",
    "[[PHONE:312 555 7781]]", "[[PHONE:2065550123]]",
]  # fmt: skip
SPOKEN_PHONES = [
    "[[PHONE:five five five, two one eight, four four nine zero]]",
    "[[PHONE:five five five two one eight forty four ninety]]",
    "[[PHONE:nine three seven five five five oh one four two]]",
    "[[PHONE:six one four five five five zero one nine three]]",
    "[[PHONE:555 2 1 8 4490]]",
]  # fmt: skip
EMAILS = [
    "[[EMAIL:maggie.r@gmail.com]]", "[[EMAIL:jdoe22@yahoo.com]]",
    "[[EMAIL:d.ostrowski@krogerco.com]]", "[[EMAIL:priya_shah88@outlook.com]]",
    "[[EMAIL:coachmike@westview.edu]]",
]  # fmt: skip
URLS = [
    "[[URL:www.ostrowskiphoto.com]]", "[[URL:instagram.com/jdoe]]",
    "[[URL:https://facebook.com/maggie.r]]", "[[URL:linkedin.com/in/priya-shah]]",
    "[[URL:http://www.gofundme.com/f/help-the-okafors]]", "[[URL:venmo.com/u/Tish-Begay]]",
]  # fmt: skip
IPS = ["[[IP:192.168.4.21]]", "[[IP:73.114.20.9]]", "[[IP:10.0.0.138]]"]
HANDLES = [
    "[[HANDLE:@jdoe_22]]",
    "[[HANDLE:@maggie.rae]]",
    "[[HANDLE:@xo_bri]]",
    "[[HANDLE:@tyty99]]",
]
SSNS = [
    "[[ID:123-45-6789]]", "[[ID:078-05-1120]]",
    "[[ID:five two three, four one, seven seven eight nine]]", "[[ID:219 09 9999]]",
]  # fmt: skip
ID_PHRASES = [
    "my MRN is [[ID:00483921]]", "the member ID is [[ID:XJH4471209]]",
    "policy number [[ID:7782-33-901]]", "license plate [[ID:7KXJ229]]",
    "account number ending in [[ID:4471]]", "case number [[ID:22-CV-1043]]",
    "serial number [[ID:SN4482KK]]", "medical record number [[ID:MR-2209-5531]]",
    "driver's license [[ID:D412-7789-0021]]", "student ID [[ID:20418876]]",
]  # fmt: skip
OLD_AGES = [
    "[[AGE:93]]", "[[AGE:ninety-four]]", "[[AGE:91]]", "[[AGE:ninety one]]", "[[AGE:102]]",
    "[[AGE:97]]",
]  # fmt: skip
YOUNG_AGES = ["85", "seventy-two", "16", "nine", "44", "eighty-nine", "89", "thirty"]
RELATIONS = [
    "sister", "brother", "mom", "dad", "son", "daughter", "husband", "wife", "partner",
    "boyfriend", "girlfriend", "friend", "best friend", "cousin", "aunt", "uncle", "roommate",
    "boss", "coworker", "neighbor", "sponsor", "ex", "stepdad", "niece", "grandson", "fiance",
]  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Line templates. Slots: {F} {F2} {A} (ambiguous first name) {L} {DOC} {REL} {CITY} {CITY2}
# {STREET} {PLACE} {COUNTY} {ZIP} {SCHOOL} {EMP} {HOSP} {CHURCH} {DAY} {MY} {MONTH} {PHONE}
# {SPHONE} {EMAIL} {URL} {IP} {HANDLE} {SSN} {IDP} {OLD} {YOUNG}
# ---------------------------------------------------------------------------------------------
ID_LINES = [
    "Honestly awful. {F} called me on {DAY} and said Mom is moving to {CITY}.",
    "My boss at {EMP}, {F2} {L}, keeps texting me at {PHONE}.",
    "I told {F} I couldn't do it anymore.",
    "{F}'s been sleeping on my couch since {DAY}.",
    "My {REL} {F} thinks I'm overreacting.",
    "So {F} said, you never listen, and walked out.",
    "We grew up in {CITY}, right off {STREET}.",
    "She lives at {STREET} now, in {CITY}, {ZIP}.",
    "He goes to {SCHOOL} and plays JV basketball.",
    "I work at {EMP} on the overnight shift.",
    "They took her to {HOSP} in an ambulance.",
    "My grandmother is {OLD} and still lives alone.",
    "You can text me at {PHONE} if the portal is down.",
    "My number is {SPHONE}.",
    "Send it to {EMAIL} and I'll print it.",
    "She posted the whole thing on {URL}.",
    "He's been messaging her from {HANDLE} at two in the morning.",
    "Her birthday is {DAY}, so that's coming up fast.",
    "It started back in {MY}, after the layoff.",
    "We met at {PLACE} the first time.",
    "My {REL}, {F}, found the pills.",
    "I keep thinking about what {A} said at the funeral.",
    "My daughter {A} is turning six.",
    "I went with {A} and {F} to the lake.",
    "{A} told me to come home early.",
    "Dr. {DOC} upped my dose again.",
    "I saw Dr. {DOC} at {HOSP} on {DAY}.",
    "The insurance lady needed {IDP} before she'd talk to me.",
    "My social is {SSN}, she just read it out loud in the waiting room.",
    "We go to {CHURCH} but I stopped going in {MONTH}.",
    "They moved to {COUNTY} when I was little.",
    "i told {LF} i was done",
    "My ex-husband {F2} {L} still has the house on {STREET}.",
    "Mrs. {L} from next door called the police.",
    "I'm staying with {F} in {CITY2} until {DAY}.",
    "The IP on the email was {IP}, so I knew it was him.",
    "{F} and I drove down to {CITY} for the weekend.",
    "My stepdad {F2} works at {EMP}, and he's never home.",
    "Coach {L} benched me for the whole game.",
    "Mr. {L} said I could retake the test.",
    "I'm so mad at {F}. {F} always does this.",
    "{F} texted at {PHONE} like five times.",
    "She's {OLD} years old and sharper than me.",
    "My great-aunt turned {OLD} last month.",
    "He's at {SCHOOL} now, and he hates it.",
    "She transferred to {SCHOOL} in {MY}.",
    "I got hired at {EMP} in {CITY}.",
    "We were living on {STREET} when it happened.",
    "The accident was on {DAY}, right by {PLACE}.",
    "My sponsor {F2} picked me up from {HOSP}.",
    "I looked at {F}'s phone and saw the messages.",
    "The court date is {DAY} at the {CITY} courthouse.",
    "Her account on there is {HANDLE}.",
    "My {REL} {A} keeps saying it gets easier.",
    "I've been crashing at my friend {F}'s place near {PLACE}.",
    "There's a meeting at {CHURCH} on {STREET} every Tuesday.",
    "{L} is the one who found him.",
    "Me and {F} used to ride bikes all over {CITY}.",
    "named her {F}, after my grandmother",
    "His name's {F}, {F} {L}.",
]  # fmt: skip
CLINICIAN_LINES = [
    "Let's pause there. When {F} said that, what came up for you?",
    "I'm hearing how much you miss {F}.",
    "Last time you mentioned {F}'s birthday on {DAY}.",
    "Did you call the number I gave you, {PHONE}?",
    "Dr. {DOC} and I talked, with your permission, about the medication change.",
    "I consulted with Dr. {DOC} about the referral to {HOSP}.",
    "You said {F} might come to the next session.",
]  # fmt: skip
CLEAN_CLIENT = [
    "I don't know, it's just been a hard week.",
    "Last Tuesday I didn't get out of bed at all.",
    "My mom keeps calling and I keep not answering.",
    "Dad was drinking again over Thanksgiving.",
    "I was a 7 out of 10 most of the weekend.",
    "They bumped my Lexapro to 20 mg.",
    "We moved here from Ohio when I was nine.",
    "My grandmother is 85 and she still drives, which is terrifying.",
    "I've been sober for three weeks now.",
    "God, I just feel so stupid about it.",
    "Grandma used to say it would all come out in the wash.",
    "I was on Instagram for like four hours.",
    "We watched Netflix and I cried the whole time.",
    "Honestly? I hope it works this time.",
    "Will you still see me if I switch insurance?",
    "May I ask why you wrote that down?",
    "Mark my words, he'll be back in a month.",
    "Hope is a weird thing to feel right now.",
    "I think I'm finally getting the grace period on rent.",
    "The bill came and I just put it in a drawer.",
    "Christmas Eve is always the worst for me.",
    "I went to an AA meeting yesterday and a Higher Power thing came up.",
    "My sister and I haven't talked since 2019.",
    "My kids are 14 and 16, so they notice everything.",
    "Texas was just too hot, so we left.",
    "She's back in Mexico with my aunt.",
    "My PO wants me checking in twice a week.",
    "This is my 3rd session and I still don't know what to say.",
    "I did the wise mind thing you showed me.",
    "I did the breathing for about 20 minutes.",
    "Sunday night the dread starts.",
    "Next week is spring break, so the kids will be home.",
    "My boyfriend says I'm too sensitive.",
    "Faith has never really been my thing.",
    "I want to get back to running by the summer.",
    "My uncle passed in 2020 and we never talked about it.",
    "My husband does the dishes now, which is something.",
    "I'm thinking of going back to school in the fall.",
    "We were on Zoom for his work call all afternoon.",
    "He's 89 and asks about his wife every day.",
    "I took two Xanax and slept till noon.",
    "It's been about six months since the overdose.",
    "My daughter is seventy-two miles away and might as well be on the moon.",
    "I gave it a 3 out of 5.",
    "The Bible study group is the only place I feel normal.",
    "Mom said I was always the difficult one.",
    "I'm from California originally.",
    "Will I always feel like this?",
    "Rose bushes were the only thing my dad took care of.",
    "I'd rate the craving about a 6 today.",
    "It happened in 2015, before the divorce.",
    "We had a court thing this morning and it went fine.",
]  # fmt: skip
CLEAN_CLINICIAN = [
    "How did the week go after we talked about your sister?",
    "That sounds like a lot.",
    "Your PHQ-9 came back at 14, which is a little lower than last month.",
    "The GAD-7 was 11 today.",
    "I'm thinking about this through a Winnicott lens, the holding environment.",
    "Bowlby would call that protest behavior.",
    "Can we try a DBT skill here, maybe opposite action?",
    "In CBT terms that's a cognitive distortion, all-or-nothing thinking.",
    "We could consider EMDR once you feel more stabilized.",
    "What does the part of you that's scared want me to know? That's very IFS of me, I know.",
    "Yalom talks about the here-and-now in groups.",
    "Let's do the ACT values card sort next week.",
    "How was the weekend?",
    "We have about 10 minutes left.",
    "What would you say to your younger self?",
    "I notice you looked away when you said that.",
    "Freud would have a field day, but let's stay with the feeling.",
    "Klein's idea of splitting might fit here.",
    "Linehan's biosocial theory helps me think about your family.",
    "Rogers talked about unconditional positive regard.",
    "That fits the F41.1 diagnosis we discussed, generalized anxiety.",
    "The DSM-5 criteria aren't the whole story.",
    "I'll note the ICD-10 code, Z63.0, for the couples work.",
    "Will you be able to make it next Thursday?",
    "May I share an observation?",
    "Kohut would say you needed mirroring.",
    "Jung might call that your shadow.",
    "Beck's cognitive triad is a useful map here.",
    "What's the scaling question answer today, 1 to 10?",
    "Let's check in again in two weeks.",
    "Your mom's voice seems to show up a lot.",
    "Tell me more about that.",
]  # fmt: skip
SUPERVISION_CLEAN = [
    "I'm noticing a lot of countertransference with this client.",
    "Bion's idea of containment keeps coming to mind.",
    "Their PHQ-9 dropped from 19 to 12 over eight sessions.",
    "I used the Columbia protocol, and the risk was low.",
    "Should I be doing more Socratic questioning?",
    "The Gottman four horsemen were all there in one session.",
    "Maybe a Sue Johnson EFT frame would work better for the couple.",
    "I think the rupture last Monday was actually a repair opportunity.",
    "Safran and Muran write about that kind of rupture.",
    "I'm a second-year trainee, so I'm still getting used to this.",
]  # fmt: skip
ROLE_LABELS = [
    ("T", "C"), ("Therapist", "Client"), ("Counselor", "Client"), ("Supervisor", "Supervisee"),
    ("T", "P"), ("Clinician", "Patient"), ("Facilitator", "Member 2"), ("Therapist", "Teen"),
    ("Therapist", "Partner A"), ("Co-therapist", "Member 4"),
]  # fmt: skip
GROUP_MEMBERS = ["Member 1", "Member 2", "Member 3", "Member 5", "P1", "P2", "Participant 3"]

HANDWRITTEN = [
    # Couples
    "T: What happened after the fight?\n"
    "Partner A: [[NAME:Luis]] slept at his brother's. I called him like ten times.\n"
    "Partner B: Because you were screaming, [[NAME:Dana]].\n"
    "T: Let's slow down. [[NAME:Dana]], what did you need in that moment?",
    # Adolescent
    "Therapist: How's school?\n"
    "Teen: It's fine I guess. [[NAME:Kaylee]] and [[NAME:Bri]] stopped sitting with me at "
    "lunch.\nTeen: Everyone at [[ORGANIZATION:Roosevelt Middle School]] knows about the video.\n"
    "Therapist: That sounds really lonely.",
    # Grief
    "C: Tomorrow would have been his birthday. [[DATE:April 22nd]].\n"
    "T: How are you planning to spend it?\n"
    "C: Probably at [[LOCATION:Oakwood Cemetery]]. My dad is buried next to him.",
    # Substance use
    "Client: I relapsed Friday.\nTherapist: Thank you for telling me.\n"
    "Client: My sponsor [[NAME:Terrence]] says just go to a meeting tonight, the one at "
    "[[ORGANIZATION:St. Luke's]] on [[LOCATION:Ridge Avenue]].",
    # Trauma
    "C: It happened at my uncle's place in [[LOCATION:Beaumont]]. I was eight.\n"
    "T: You're safe here. Take your time.\n"
    "C: I've never told anyone that except Ms. [[NAME:Abernathy]]... no, just my teacher.",
    # Named speakers
    "[[NAME:Maria]]: I don't think I can do group this week.\n"
    "Dr. [[NAME:Feldman]]: What's getting in the way?\n"
    "[[NAME:Maria]]: Work. They switched me to nights.",
    # ASR lowercase
    "um so i told [[NAME:jake]] that i was done and he just laughed and then "
    "[[NAME:jake]]s mom called me from [[LOCATION:toledo]]",
    "yeah my number changed its [[PHONE:six one four five five five oh one nine three]] now "
    "if the front desk needs it",
    "she goes to [[ORGANIZATION:lincoln high]] now and she hates it there",
    "we moved to [[LOCATION:spokane]] in [[DATE:june]] after my dad lost the job at "
    "[[ORGANIZATION:boeing]]",
    # Supervision
    "Supervisee: My client, I'll call her the client, mentioned her employer by name, "
    "[[ORGANIZATION:Nordstrom]].\nSupervisor: Let's make sure that's scrubbed before we share.\n"
    "Supervisee: Right. Also Yalom's stuff on group cohesion was really helpful.",
    # Elderly client
    "C: My mother is [[AGE:96]], and she still calls me every morning at seven.\n"
    "T: What's that like for you?\nC: Exhausting. She lives at [[LOCATION:Sunrise Senior Living]] "
    "in [[LOCATION:Bethesda]].",
    # Phone and email in one line
    "C: You can reach my wife at [[PHONE:(410) 555-0176]] or [[EMAIL:lena.w@icloud.com]] if "
    "something happens.",
    # Dates
    "C: The first time was [[DATE:2/9/2021]], the second was the [[DATE:3rd of May]], and "
    "after that I stopped counting.",
    "T: You said the hearing is on Thursday, [[DATE:October 5th]]?\nC: Yeah, at 9.",
    # IDs
    "C: They want the claim number, [[ID:CLM-55820931]], and my date of birth, "
    "[[DATE:7/22/1988]].",
    "C: The cops ran my plate, [[ID:BXR 4471]], and it came back fine.",
    # URLs
    "C: He started a blog about me, [[URL:www.truthaboutsarah.net]], and I can't get it down.",
    # Handles
    "C: Her finsta is [[HANDLE:@not_kay.lee]] and that's where she posts the cutting stuff.",
    # Nicknames
    "C: [[NAME:Bubba]] is what everyone calls my brother. [[NAME:Bubba]] is the one who "
    "found me.",
    "C: My cousin [[NAME:Nene]] drove me home.",
    # Spanish names
    "C: Mi abuela, Doña [[NAME:Carmen]], raised me. She lives in [[LOCATION:Hialeah]] now.",
    # Group session
    "Facilitator: Let's go around.\nMember 1: I'm good. My week was okay.\n"
    "Member 2: [[NAME:Gloria]] from work invited me to her thing and I went.\n"
    "Member 3: That's huge. I still haven't gone back to [[ORGANIZATION:Walgreens]] since I "
    "quit.",
    "Facilitator: Remember confidentiality, what's said here stays here.\n"
    "Member 4: Even about [[NAME:Trey]]?\nFacilitator: Especially about [[NAME:Trey]].",
    # Therapist names
    "C: My old therapist, [[NAME:Janet]], used to make me do thought records.\n"
    "T: Did they help?\nC: Sort of. CBT is not really my thing.",
    # Address with zip
    "C: Just mail it to [[LOCATION:412 W. Chestnut St.]], [[LOCATION:Louisville]], KY "
    "[[LOCATION:40202]].",
    # Landmarks
    "C: I sat in the parking lot at [[LOCATION:Lakeside Park]] for two hours before I could "
    "drive home.",
    # Employer context
    "C: I got fired from [[ORGANIZATION:Applebee's]] last week.\nT: How are you doing with that?",
    # Hospital
    "C: The psych unit at [[ORGANIZATION:Bellevue]] was actually okay.",
    # Spoken SSN
    "C: I had to say my social out loud, [[ID:four one two, six six, zero nine eight one]], in "
    "front of everybody.",
    # IP
    "C: My ex logged into my account from [[IP:98.210.33.17]], I saw it in the security page.",
    # lowercase relation names
    "c: my brother [[NAME:marco]] is the only one who gets it\n"
    "t: what does [[NAME:marco]] understand that others don't",
    # Old age spoken
    "C: Grandpa is [[AGE:ninety-two]], and he still thinks I'm in high school.",
    # Name also a word
    "C: [[NAME:Will]] and I broke up. [[NAME:Will]] said I was too much.\nT: Too much how?",
    "C: My daughter [[NAME:Hope]] starts kindergarten soon.\nT: How are you feeling about that?",
    "C: [[NAME:April]] is the only one at work I trust.",
    "C: My dog died and [[NAME:Grace]] just said get another one.",
    # Full names with middle initial
    "C: The guy's name was [[NAME:Robert J. Kessler]], he was the landlord.",
    # Hyphenated name
    "C: [[NAME:Mary-Kate]] from the shelter helped me fill out the forms.",
    # Irish name, possessive
    "C: I stayed at [[NAME:Siobhan]]'s for a week, then [[NAME:O'Malley]] kicked me out.",
]  # fmt: skip

HANDWRITTEN_CLEAN = [
    "T: How did the week go?\nC: Honestly, not great. Monday was okay but by Wednesday I was "
    "back in bed.\nT: What happened on Wednesday?\nC: Nothing, that's the thing.",
    "Supervisor: What's your read on the transference?\nSupervisee: I think I'm standing in for "
    "her mother. Kohut would say she's looking for mirroring.\nSupervisor: Say more.",
    "T: Your PHQ-9 is 17 and the GAD-7 is 15, both up from last month.\n"
    "C: Yeah. It's been a rough three weeks.",
    "C: May I ask you something personal?\nT: You may, and I may not answer.\nC: Fair.",
    "C: Will you be here next week?\nT: I will. We're on for Tuesday at the usual time.",
    "C: I'm from Ohio, my husband is from Germany, and we met in Spain.\n"
    "T: That's quite a story.",
    "C: My grandmother is 88 and my grandfather is 89.\nT: That's a long time together.",
    "C: I took 50 mg of sertraline this morning and 0.5 of Klonopin last night.",
    "T: On a scale of 0 to 10, where's the urge right now?\nC: Maybe a 4.\nT: And earlier?\n"
    "C: Like an 8.",
    "C: Mom and Dad fought every Christmas. Grandma was the only one who kept it together.",
    "C: God knows I tried. I prayed, I went to church, I did everything.",
    "T: Let's try some DBT. TIPP skills first, then we can talk about the chain analysis.\n"
    "C: The ice thing? Okay.",
    "Facilitator: Welcome back, everyone. Member 3, do you want to start?\n"
    "Member 3: Sure. I'm two years sober as of this weekend.",
    "C: In 2019 I lost my job, in 2020 I lost my mom, in 2021 I lost my mind.",
    "C: I have been seeing therapists since I was 12. Mostly CBT, some EMDR.",
    "T: Bowlby, Ainsworth, Main, all of them would recognize that pattern.\n"
    "C: Which pattern?\nT: Reaching and then pushing away.",
    "C: Honestly I hope things get better. Faith is hard right now.",
    "C: Mark this down, I'm going to quit vaping by next month.\nT: I'm writing it down.",
    "i dont know i just feel tired all the time and my mom says its because i dont eat",
    "yeah last week was better i went to the gym like three times",
    "C: I think the F43.10 diagnosis finally made sense once I read about it.",
    "C: My son is 16 and my daughter is 19, and they both think I'm embarrassing.",
    "T: I'd like us to spend 15 minutes on the safety plan.\nC: Okay.",
    "C: The summer was long. We drove to Florida and back.",
    "C: Will I ever stop feeling guilty?\nT: That's a big question. What would it mean if you "
    "did?",
]  # fmt: skip


def mk(typ: str, val: str) -> str:
    """Wrap a plain value in markup."""
    return f"[[{typ}:{val}]]"


def fill(template: str, cast: dict[str, str]) -> str:
    """Replace {SLOT} placeholders with values of the excerpt's cast."""
    return re.sub(r"\{([A-Z0-9]+)\}", lambda m: cast[m.group(1)], template)


def make_cast(rng: random.Random) -> dict[str, str]:
    """Pick one consistent set of identifiers for one excerpt."""
    f, f2 = rng.sample(FIRST, 2)
    return {
        "F": mk("NAME", f),
        "F2": mk("NAME", f2),
        "LF": mk("NAME", rng.choice(FIRST).lower()),
        "A": mk("NAME", rng.choice(AMBIG_FIRST)),
        "L": mk("NAME", rng.choice(SURNAMES)),
        "DOC": mk("NAME", rng.choice(CLINICIANS)),
        "REL": rng.choice(RELATIONS),
        "CITY": mk("LOCATION", rng.choice(CITIES)),
        "CITY2": mk("LOCATION", rng.choice(CITIES)),
        "STREET": rng.choice(STREETS),
        "PLACE": rng.choice(PLACES),
        "COUNTY": mk("LOCATION", rng.choice(COUNTIES)),
        "ZIP": mk("LOCATION", rng.choice(ZIPS)),
        "SCHOOL": rng.choice(SCHOOLS),
        "EMP": rng.choice(EMPLOYERS),
        "HOSP": rng.choice(HOSPITALS),
        "CHURCH": rng.choice(CHURCHES),
        "DAY": rng.choice(DAY_DATES),
        "MY": rng.choice(MONTH_YEARS),
        "MONTH": rng.choice(MONTH_ALONE),
        "PHONE": rng.choice(PHONES),
        "SPHONE": rng.choice(SPOKEN_PHONES),
        "EMAIL": rng.choice(EMAILS),
        "URL": rng.choice(URLS),
        "IP": rng.choice(IPS),
        "HANDLE": rng.choice(HANDLES),
        "SSN": rng.choice(SSNS),
        "IDP": rng.choice(ID_PHRASES),
        "OLD": rng.choice(OLD_AGES),
        "YOUNG": rng.choice(YOUNG_AGES),
    }


ASR_KEEP = {"EMAIL", "URL", "IP", "PHONE", "ID", "HANDLE", "DATE"}


def asr_style(marked: str) -> str:
    """Lower-case and drop punctuation like a speech recognizer, keeping markup intact."""
    parts: list[str] = []
    pos = 0
    for m in MARK.finditer(marked):
        parts.append(_asr_plain(marked[pos : m.start()]))
        typ, inner = m.group(1), m.group(2)
        if typ not in ASR_KEEP:
            inner = _asr_plain(inner).strip(" ")
        parts.append(f"[[{typ}:{inner.lower()}]]")
        pos = m.end()
    parts.append(_asr_plain(marked[pos:]))
    return "".join(parts)


def _asr_plain(s: str) -> str:
    s = re.sub(r"[,?!;\"]", "", s)
    s = re.sub(r"\.(?=\s|$)", "", s)
    return s.lower()


def generated(rng: random.Random, n_id: int, n_clean: int) -> list[tuple[str, str]]:
    """Compose excerpts from templates; returns (kind, marked text) pairs."""
    out: list[tuple[str, str]] = []
    for i in range(n_id + n_clean):
        clean = i >= n_id
        cast = make_cast(rng)
        group = rng.random() < 0.2
        supervision = not group and rng.random() < 0.12
        asr = (not clean and rng.random() < 0.15) or (clean and rng.random() < 0.1)
        t_label, c_label = rng.choice(ROLE_LABELS)
        if supervision:
            t_label, c_label = "Supervisor", "Supervisee"
        named_speaker = not clean and not group and rng.random() < 0.1
        if named_speaker:
            c_label = cast["F"]
        lines: list[str] = []
        n_lines = rng.randint(3, 8)
        id_slots = 0 if clean else rng.randint(1, 3)
        id_positions = set(rng.sample(range(n_lines), min(id_slots, n_lines)))
        stamp = rng.random() < 0.15
        minute = rng.randint(0, 40)
        for j in range(n_lines):
            clinician_turn = j % 2 == 0
            speaker = t_label if clinician_turn else c_label
            if group and not clinician_turn:
                speaker = rng.choice(GROUP_MEMBERS)
            if j in id_positions:
                if clinician_turn and rng.random() < 0.4:
                    body = fill(rng.choice(CLINICIAN_LINES), cast)
                else:
                    if clinician_turn:
                        speaker = c_label if not group else rng.choice(GROUP_MEMBERS)
                    body = fill(rng.choice(ID_LINES), cast)
            elif supervision:
                body = rng.choice(SUPERVISION_CLEAN + CLEAN_CLINICIAN)
            elif clinician_turn:
                body = rng.choice(CLEAN_CLINICIAN)
            else:
                body = rng.choice(CLEAN_CLIENT)
            prefix = ""
            if stamp:
                prefix = f"[00:{minute:02d}:{rng.randint(0, 59):02d}] "
                minute += rng.randint(0, 3)
            line = f"{prefix}{speaker}: {body}"
            if asr:
                line = body if rng.random() < 0.6 else f"{speaker}: {body}"
            lines.append(line)
        text = "\n".join(lines)
        if asr:
            text = asr_style(text)
        out.append(("clean" if clean else "id", text))
    return out


def build_from_marked(marked_path: Path, out_path: Path) -> None:
    """Strip an existing marked-up file (one JSON row per excerpt) into text + gold spans."""
    rows = []
    for ln in marked_path.read_text(encoding="utf-8").splitlines():
        if not ln.strip():
            continue
        r = json.loads(ln)
        ident, marked = r["id"], r["marked"]
        text, spans = strip_markup(marked)
        for s in spans:
            inner = text[s["start"] : s["end"]]
            if inner != inner.strip() or not inner:
                raise ValueError(f"bad span {inner!r} in {ident}")
        kind = r.get("kind") or ("clean" if "clean" in ident else "id")
        if kind == "clean" and spans:
            raise ValueError(f"clean excerpt {ident} has spans")
        if kind != "clean" and not spans:
            raise ValueError(f"identifying excerpt {ident} has no spans")
        rows.append({"id": ident, "split": r.get("split", "dev"), "text": text, "spans": spans})
    with open(out_path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    n_clean = sum(1 for r in rows if not r["spans"])
    n_spans = sum(len(r["spans"]) for r in rows)
    print(f"{len(rows)} excerpts, {n_clean} clean, {n_spans} gold spans -> {out_path}")


def main() -> None:
    """Write deid_dev.marked.jsonl and deid_dev.jsonl (or convert --marked to --out)."""
    ap = argparse.ArgumentParser(description="Build a de-identification gold set.")
    ap.add_argument("--marked", type=Path, help="existing marked-up JSONL to convert")
    ap.add_argument("--out", type=Path, help="output JSONL (required with --marked)")
    args = ap.parse_args()
    if args.marked or args.out:
        if not (args.marked and args.out):
            ap.error("--marked and --out go together")
        build_from_marked(args.marked, args.out)
        return
    rng = random.Random(20240611)
    items: list[tuple[str, str, str]] = []
    for k, t in enumerate(HANDWRITTEN):
        items.append((f"hand-{k:03d}", "id", t))
    for k, t in enumerate(HANDWRITTEN_CLEAN):
        items.append((f"hand-clean-{k:03d}", "clean", t))
    for k, (kind, t) in enumerate(generated(rng, n_id=150, n_clean=45)):
        items.append((f"gen-{kind}-{k:03d}", kind, t))
    split_rng = random.Random(7)
    marked_rows = []
    rows = []
    for ident, kind, marked in items:
        split = "holdout" if split_rng.random() < 0.3 else "dev"
        text, spans = strip_markup(marked)
        for s in spans:
            inner = text[s["start"] : s["end"]]
            if inner != inner.strip() or not inner:
                raise ValueError(f"bad span {inner!r} in {ident}")
        if kind == "clean" and spans:
            raise ValueError(f"clean excerpt {ident} has spans")
        marked_rows.append({"id": ident, "split": split, "marked": marked})
        rows.append({"id": ident, "split": split, "text": text, "spans": spans})
    with open(HERE / "deid_dev.marked.jsonl", "w", encoding="utf-8") as fh:
        for r in marked_rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(HERE / "deid_dev.jsonl", "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    n_clean = sum(1 for r in rows if not r["spans"])
    n_hold = sum(1 for r in rows if r["split"] == "holdout")
    print(f"{len(rows)} excerpts, {n_clean} clean, {n_hold} holdout")


if __name__ == "__main__":
    main()
