"""False-alarm categories on clean text and the recall rules added with them (own examples)."""

import pytest

from app.deid import scan


def _texts(text: str) -> list[str]:
    return [f.text for f in scan(text)]


@pytest.mark.parametrize(
    "text",
    [
        # Hyphenated compounds with lower-case tails are ordinary words.
        "Client: Better-ish. I slept four hours.",
        "C: Twelve-hour shifts again. Forty-year-old me is tired.",
        "T: Fair. Anxiety-related, mostly.",
        # Medical terms and compound plurals at a sentence start.
        "C: Endometriosis. Years of it. Checkups every month.",
        # Capitalized therapy concepts and 12-step phrases.
        "C: I worked Step Nine this week and tried Behavioral Activation.",
        "C: We did Prolonged Exposure and some Cognitive Restructuring.",
        # Book, show and music titles; authors named before "book".
        "C: I started reading Man's Search For Meaning and watched The Great British Bake Off.",
        "C: I picked up that Lori Gottlieb book, it was good. Listen to Vampire Weekend sometime.",
        # Media, products, insurers, events and identities.
        "C: My uncle watches Fox News and sends money by Western Union. Aetna denied it.",
        "C: I rented a U-Haul and drank an Ensure. Homecoming and I just don't mix.",
        "C: Deaf culture matters to me. My cousin moved back from the States.",
        # Virtue word before a gerund, adjective-names before nouns or adjectives.
        "T: Faith carrying you through is a real thing.",
        # ("Rocky's treacherous" is left out: Rocky is a common nickname and "'s" may be a
        # possessive, so flagging it for the author's decision is the safer call.)
        "C: Sunny afternoons help. The rocky part is treacherous, though.",
        # Foreign interjections, pronoun answers, relative dates, the 9/11 event.
        "C: Claro. Sí. It was fine.",
        "C: You. Only you.",
        "C: I see him on the 5th of next month. My uncle was in New York on 9/11.",
        # Theorists cited by surname.
        "Supervisee: Linehan would say validate first. And Herman's stages fit.",
        # A brand as the company, not a branch.
        'C: He said "Target sells it cheaper" and that was that.',
        # A product name run into its number, a list of skills.
        "C: He tracks me on Find My. The app Pulse360 too. We practiced Describe, Express, Assert.",
        # A car after a possessive is the car; a cue-less brand as the company.
        "C: My Mercedes broke down again. The nearest Costco is far.",
        # Phrasal verbs in lower-case lines are not towns.
        "client: if the call gets cut off ill call back",
    ],
)
def test_clean_text_not_flagged(text: str) -> None:
    assert _texts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nadia: I don't want to talk.\nT: Okay.\nMercedes: Me neither.", "Mercedes"),
        ("C: The vice principal, Mr. Fox, yelled at me.", "Fox"),
        ("client: the new caseworker is miss rivers i think", "rivers"),
        ("C: Our dog's name is Porsche.", "Porsche"),
        ('C: My grandfather calls me "Pumpkin," still.', "Pumpkin"),
        ("T: What should I call you?\nC: Prince. Everyone does.", "Prince"),
        ("T: What brings you in?\nC: Destiny. My niece. She is nine.", "Destiny"),
        ("C: Thu — my aunt — raised me.", "Thu"),
        ("C: We ate at Lombardi's after the game.", "Lombardi's"),
        ("C: I waited outside Doherty's on Pine Street.", "Doherty's"),
        ("C: There's a trainer at the gym, Crunch, who helps me.", "Crunch"),
        ("C: We live at Maple Court, lot 22. It's small.", "lot 22"),
        ("C: RR 2, Box 118, outside Dalhart.", "RR 2, Box 118"),
        ("C: She's on 6 East now.", "6 East"),
        ("C: My uncle is in the Knights of Columbus, and the VFW Post 5120.", "VFW Post 5120"),
        ("C: I grew up in Little Armenia. We moved later.", "Little Armenia"),
        ("client: im at the um the chick fil a by the highway", "chick fil a"),
        ("client: the clinic is on mlk near the school", "mlk"),
        ("client: he rents on south kedzie now", "south kedzie"),
        ("client: take route nine past the farm", "route nine"),
        ("C: We lost the Brannigan place to the bank.", "Brannigan place"),
        ("T: How old is she now?\nC: Ninety-four in June. Still sharp.", "Ninety-four"),
        ("C: Text me: 6 1 2 — 5 5 5 — 0 1 9 9.", "6 1 2 — 5 5 5 — 0 1 9 9"),
        ("C: My Reddit is u/lantern_moth_7 if you want.", "u/lantern_moth_7"),
        ("C: His Discord is ghostpilot#2291.", "ghostpilot#2291"),
        ("T: What's the member number?\nC: 730019244.", "730019244"),
        ("C: My nephew Dallas, he's six.", "Dallas"),
        ("C: Sierra drove me to group.", "Sierra"),
        ("T: Have you told Madison yet?", "Madison"),
        ("C: I read Tomas the note he left.", "Tomas"),
        ("C: We met by the Dunkin'. Then we left.", "Dunkin'"),
        ("C: We eat at El Farolito every Friday.", "El Farolito"),
        ("C: Sundays she goes to the Masjid of Dearborn Heights.", "Masjid of Dearborn Heights"),
        ("client: my dad lives at sunrise gardens now", "sunrise gardens"),
    ],
)
def test_recall_rules(text: str, expected: str) -> None:
    found = _texts(text)
    assert any(expected in f for f in found), found
