"""PHI scanner: the first layer of Parallel's de-identification gate (pure Python, no Flask).

``scan(text)`` returns ``Finding`` spans (sorted, non-overlapping) for HIPAA Safe Harbor
identifiers plus what therapy talk adds (names, places smaller than a state, date elements
other than the year, ages over 89, phone/fax, email, URL, IP, handles, SSN and other record
numbers, schools/employers/hospitals/churches).

Layers, combined rather than trusted alone:
1. ``patterns``: validated regexes (contacts, phones, SSNs, cue-word IDs, ZIPs, dates, ages,
   streets, landmark/school/hospital/church/company suffixes); ``spoken`` parses digit strings
   said aloud ("five five five, two one eight ..."); spoken emails take a two-word local part
   before a mail provider ("first last at gmail dot com"); a weekday said before a date joins it
   ("Monday, April 22": with the day it pins the year); "3.12.21" is a date unless after
   "version"; "7 May 2001" counts with its year; a quadrant ("16th Avenue SW"), a lower-case
   unit ("apartment 4") and the town after a numbered street ("12 Elm Rd, Town") are taken; a
   number after a medication is a dose ("Suboxone 8/2"); a URL is any short domain with a path
   ("linktr.ee/x"). ``loose`` adds position-only rules
   (capitalized phrases after "at"/"works for", "<State> State", "X of the Y" org tails, police
   departments, teams, intersections, ZIPs after a state name, soft age cues, "the 30th",
   cue-less mixed letter/digit IDs, licence numbers after a credential, handles without "@",
   "u/name" and "name#1234" handles, handles after payment/game cues ("Venmo is", "gamertag,"),
   site codes before the kind of site ("the ORD7 warehouse"), a sentence-opening word named as
   kin ("Heavenly is my daughter."), a business named after an appositive with an adjective
   ("the little bakery, Rosa's"), rural "RR 3, Box 41", numbered posts/engines ("VFW Post
   12"), hospital wings ("4 West"), ", lot 14", "the Hendricks place", "on MLK", spoken routes,
   businesses known by a possessive ("outside Doyle's", "at Bellini's", "the gym, Gold's"),
   spelled ages of 90+ answering an age question ("Ninety-one in May."), digit ages of 90+
   opening the reply to "how old ...?" ("97. Still drives."), month ranges ("October until
   February")). IPv6 addresses may be compressed ("2001:db8::1a2f"; checked by ``ipaddress``).
2. ``context``: token rules with cues ("my sister X", "works at X", "moved to X", "X said"),
   capitalization and sentence position, speaker labels (roles are skipped, names flagged).
   A common given name is flagged even when it is also a word ("Mark never...", "Hope, is...")
   unless a narrow rule shows the word ("Will you", "Grace period", "Hope is hard", "Faith
   helping", "Sandy beaches", "Rusty's generous"); any capitalized non-word mid-sentence or with
   diacritics is a name candidate. Titles ("Mr. Fox", "mr banks"), "name is"/"calls me" cues
   and speaker labels ("Mercedes:") make a name even of a listed word, as does a person verb
   before a place that is a common given name ("told Madison") or a name verb after a car or
   virtue name ("Mercedes drove me", not "my Mercedes broke down"). ``nonnames`` lists what
   is not a name: kinship/religious terms in many languages, car models, openers, pronouns,
   common words of other languages ("Sí", "Claro"), identities ("Deaf"), school events.
3. ``gazetteers``: US Census 1990 first names/surnames (+ Faker locale first names), GeoNames
   cities, and a common-English-word list that marks names which are also words ("Will").
   Data files live in ``data/`` and are built by ``data/build_data.py``; loaded once, lazily.
4. ``propagate``: each identified string is found again everywhere (case-insensitive, whole
   word, possessive; case-sensitive and modal-aware for names that are also words), except a
   name that is also a state/country after "in/to/from" ("my daughter India" ... "grew up in
   India"); a spelled age over 89 said again is found again too.
5. ``safetynet`` (before overlap resolution, lowest priority): broad recall rules. Any
   capitalized phrase mid-sentence (or two capitalized words opening a sentence) is flagged
   unless the whole phrase is non-identifying (clinical terms, theorists, medications, dates,
   states/countries, nationalities/languages/religions, kinship, scripture, generic apps and
   agencies); vocatives, one-word-sentence names, appositives ("Lan — my aunt"); lower-case
   line cues ("name is x", "lake x"); spaced/hyphenated cue-word IDs, international phones,
   lone "9/14" dates, "the ninth" after anniversary/birthday, "$Cash" handles, "site/@x" URLs;
   a one-word answer to a name question ("What should I call you?" "King."; any word, as pets
   are named "Noodle") or before a kinship phrase ("Honor. My daughter."), the word after
   "name is/was (like|literally)" in any case, the opening phrase of a reply to "what's the
   bakery called?" (an organization) or to where someone lives (a gazetteer city),
   "Little Saigon"-style neighbourhoods. Not flagged
   by shape: hyphenated words with lower-case tails ("Okay-ish", "Ten-hour"), two plain words
   run together ("DraftKings"), medical suffixes ("Fibromyalgia"), compound plurals at a
   sentence start ("Handoffs"), products run into a number ("Life360"), cited theorists by
   surname ("Schwartz would"), list items ("…, Negotiate."), "Step Four", ordinary words in
   capitals for stress ("he LIVES for it"), a medication with its release form ("Concerta
   ER"), a theorist's named method, lists joined by "and" of non-identifying names; and by
   public lists: therapy skills (DBT steps) and 12-step phrases, media, children's shows and
   products, planets, national insurers (regional Medicaid plans stay flagged), everyday
   acronyms after "the" ("the AC"). A word after a stage direction ("(laughs) Tell me")
   opens a sentence; a "- Field:" bullet of common words is not a speaker label.
6. ``scanner`` drops, before overlap resolution and after propagation, name candidates inside
   a famous person's name from a public list ("what Oprah said", "Mister Rogers", cited
   theorists; not after a kinship word) and bare titles taken as names ("Mr"). After resolution it
   drops verbs made from a brand or acronym ("Venmo'd", "DMing") and "Frank" before a noun it
   describes ("Frank talk"). It filters
   last: holiday phrases, and titles or public creators of what is read,
   watched or listened to ("read Explain Pain", "that Atul Gawande book", "watched The Office")
   unless a kinship word or title stands before the span.
7. ``spoken`` (short runs) and ``speech``: numbers read out in short groups or after spelled
   letters ("q r nine nine one four two zero"), spoken dates of birth after a date-of-birth
   question, "october twelfth nineteen ninety one", "march of twenty nineteen", spoken house
   numbers before a street and ZIP codes after a state or the word zip; in lower-case lines,
   names answering a name question, self-introductions, lists after "the girls/boys/kids",
   "chase my oldest is ...", "talking to misty again", pets ("put rusty down", "our dog x"),
   names after a role or title ("the leader sunita", "mrs abramowitz"), possessives without
   the apostrophe ("jolenes house"), businesses by their kind ("clean slate counseling",
   "legal aid of the bluegrass") and chains ("trader joes"); phones and IP addresses said with
   "dot", web addresses ("etsy dot com slash shop"), handles said aloud ("frostbyte underscore
   eleven", "my snap is lexi dot b ..."), names and plates spelled letter by letter.
   After resolution, overlapping spans of one type are joined ("4417 County Road" + "County
   Road 12"), a place split by "of/at" or an intersection after "at" becomes one span, titles
   and sentence openers are trimmed from names ("Deputy", "Meanwhile"), a place keeps its
   building and unit, a surname its initial, and a business its "'s".
8. ``learned``: an averaged-perceptron token tagger (features: word shape, capitalization and
   position, gazetteer membership, the neighbouring words or their class, cue classes such as
   "works at" or "my sister", how the same word is written elsewhere in the excerpt; a word's
   identity only for common words) trained by ``data/train_model.py`` on Parallel's labelled
   sets, each also as a lower-case, unpunctuated copy. It proposes names, places and
   organizations only where no other layer found anything, never function words, titles,
   calendar words, states or clinical terms, and common words only with a clear margin.
9. ``prose`` (after resolution): what clinicians' notes hold that only looks like a name.
   Lone acronyms ("the MRN", "her CP", not "ROWAN" or "PSY 28814"), national agencies alone
   ("the VA approved", not "the VA in Akron"), quoted titles ("Man's Search for Meaning"), names
   holding "the/for/than" ("Body Keeps the Score"), a mid-sentence "The" before a title of
   three words or more, cited authors ("Heimberg's protocol", "per Hinton", "(Weissman &
   Markowitz)", "Young's Schema Therapy"), compound adjectives ("Spanish-speaking"), document
   phrases of ordinary words ("Progress Note", "Positive Data Log"), headings and form fields
   ("Intake Note — Perinatal", "Modality:"), counted nouns ("Phase 3") and "the Fourth of
   July". A kinship word, title, "named" or a speaker label before the span keeps it.
   In lower-case lines, a frequent word after a cue ("calls me every sunday", "the judge gave
   him") is not a name (``data/frequent_words.txt``: wordfreq Zipf >= 4.3, minus common given
   names).
10. ``phrases`` (after ``prose``): a second averaged perceptron that judges whole findings of
   the broad rules (names, places and organizations of priority 1–2) by the ordinary words they
   are made of, gazetteer classes, the words around them, their place in the sentence and line,
   whether the excerpt is dialogue or a note, and how clinical it reads; never by a rare word
   itself. It drops a finding only when it is confident (``MARGIN`` 30, chosen by leaving each
   set out in ``data/train_phrases.py --evaluate``: no recall lost on those sets, 1–5 points of
   precision gained in notes), and never one with a person cue before it.
Overlaps are resolved longest-first. No pretrained NER model: spaCy's small English model (a
PyPI re-upload) added 1–2 points of recall but flagged most clean excerpts.
Choices: holidays, weekdays, relative dates and years alone are not flagged; a month with a
year flags only the month; "9/11" alone is the event, "the 3rd of next month" is relative;
FBI/IRS/DMV and "the VA" alone are not flagged (a place beside them is); a cue-less brand is
flagged as a store except as the company ("Walmart sells it cheaper", "the nearest Target");
titles (Dr., Mrs.) stay outside NAME spans. Library code never logs or prints input text.
"""

from app.deid.finding import Finding
from app.deid.scanner import scan

__all__ = ["Finding", "scan"]
