"""PHI scanner: the first layer of Parallel's de-identification gate (pure Python, no Flask).

``scan(text)`` returns ``Finding`` spans (sorted, non-overlapping) for HIPAA Safe Harbor
identifiers plus what therapy talk adds (names, places smaller than a state, date elements
other than the year, ages over 89, phone/fax, email, URL, IP, handles, SSN and other record
numbers, schools/employers/hospitals/churches).

Layers, combined rather than trusted alone:
1. ``patterns``: validated regexes (contacts, phones, SSNs, cue-word IDs, ZIPs, dates, ages,
   streets, landmark/school/hospital/church/company suffixes); ``spoken`` parses digit strings
   said aloud ("five five five, two one eight ..."); ``loose`` adds position-only rules
   (capitalized phrases after "at"/"works for", "<State> State", "X of the Y" org tails, police
   departments, teams, intersections, ZIPs after a state name, soft age cues, "the 30th",
   cue-less mixed letter/digit IDs, licence numbers after a credential, handles without "@").
2. ``context``: token rules with cues ("my sister X", "works at X", "moved to X", "X said"),
   capitalization and sentence position, speaker labels (roles are skipped, names flagged).
   A common given name is flagged even when it is also a word ("Mark never...", "Hope, is...")
   unless a narrow rule shows the word ("Will you", "Grace period", "Hope is hard"); any
   capitalized non-word mid-sentence or with diacritics is a name candidate. ``nonnames``
   lists what is not a name: kinship/religious terms in many languages, car models, openers.
3. ``gazetteers``: US Census 1990 first names/surnames (+ Faker locale first names), GeoNames
   cities, and a common-English-word list that marks names which are also words ("Will").
   Data files live in ``data/`` and are built by ``data/build_data.py``; loaded once, lazily.
4. ``propagate``: each identified string is found again everywhere (case-insensitive, whole
   word, possessive; case-sensitive and modal-aware for names that are also words).
5. ``safetynet`` (before overlap resolution, lowest priority): broad recall rules. Any
   capitalized phrase mid-sentence (or two capitalized words opening a sentence) is flagged
   unless the whole phrase is non-identifying (clinical terms, theorists, medications, dates,
   states/countries, nationalities/languages/religions, kinship, scripture, generic apps and
   agencies); vocatives, one-word-sentence names, appositives ("Lan — my aunt"); lower-case
   line cues ("name is x", "lake x"); spaced/hyphenated cue-word IDs, international phones,
   lone "9/14" dates, "the ninth" after anniversary/birthday, "$Cash" handles, "site/@x" URLs.
Overlaps are resolved longest-first. No NER model (none runs offline from PyPI at this size).
Choices: holidays, weekdays, relative dates and years alone are not flagged; a month with a
year flags only the month; "9/11" alone is the event; FBI/IRS/DMV are not flagged but "the VA"
is (a facility); titles (Dr., Mrs.) stay outside NAME spans. Library code never
logs or prints input text.
"""

from app.deid.finding import Finding
from app.deid.scanner import scan

__all__ = ["Finding", "scan"]
