"""Words that tell a name from the ordinary word, and capitalized words that are not names.

Kinship and religious-practice terms come from many languages (a client's "Umma" or "Jummah"
is not an identifier); car makes/models, sentence-openers and auxiliaries are plain English.
"""

from __future__ import annotations


def _set(text: str) -> frozenset[str]:
    return frozenset(w.strip().lower() for w in text.split(",") if w.strip())


# Relationship terms in many languages (parents, grandparents, siblings, aunts/uncles, terms of
# endearment). Names that double as these ("Lola", "Mimi") are left out.
KINSHIP_TERMS = _set(
    "umma, eomma, omma, appa, abba, abeoji, eomeoni, halmeoni, halmoni, harabeoji, halabeoji,"
    "unni, eonni, oppa, noona, nuna, hyung, dongsaeng, imo, gomo, samchon, amma, ammi, ammu,"
    "ammy, abbu, abbi, abba-ji, baba, bibi, nani, nanu, dadi, dada, dadu, chacha, chachi, mausi,"
    "masi, bua, phupho, mamu, mama-ji, mamaji, mamiji, nanaji, naniji, dadaji, dadiji, didi,"
    "bhai, bhaiya, bhaiyya, bhabhi, bhabi, jiju, beta, beti, bachcha, jaan, ji, anna, akka,"
    "thatha, paati, ammamma, appamma, chithi, periyamma, tata, babcia, babunia, dziadek,"
    "dziadzia, oma, opa, omi, omama, opapa, nonna, nonno, nonnina, yiayia, yaya, yia-yia,"
    "papou, pappou, bubbe, bubby, bobe, zayde, zaide, saba, savta, ima, imma, tateh, mameh,"
    "lolo, ate, kuya, tita, tito, inay, itay, nanay, tatay, ading, manong, manang, apo,"
    "nai-nai, nainai, yeye, ye-ye, laolao, lao-lao, laoye, popo, po-po, gunggung, gung-gung,"
    "mama-san, obaachan, obaasan, ojiichan, ojiisan, okaasan, otousan, oneesan, oniisan,"
    "abuelita, abuelito, abue, mami, papi, mamá, papá, mamita, papito, madrina, padrino,"
    "comadre, compadre, mija, mijo, mijita, mijito, tía, tío, tita, prima, primo, cuñada,"
    "cuñado, suegra, suegro, vovó, vovô, avó, avô, mamãe, papai, habibi, habibti, habibty,"
    "teta, tayta, sitto, sitti, jiddo, jeddo, jadda, jaddah, khalto, khala, khalo, ammo,"
    "amto, ammu-jaan, maman, baba-jan, maman-joon, madar, pedar, baba-joon, baba,"
    "dede, nine, babushka, dedushka, deda, mamochka, papochka, tyotya, dyadya, nne, nna,"
    "mummy, nnukwu, iya, baba-agba, mama-agba, yaa, maame, paapa, auntie, aunty, uncle-ji,"
    "granny, gran, grammy, grampy, gramps, nan, nanna, pop-pop, mee-maw, meemaw, mawmaw,"
    "paw-paw, pawpaw, memaw, peepaw, big mama, madear, muh, mums, mum, da, mam, mammy,"
    "mamaw, papaw, bà, ông, bà ngoại, ông ngoại, bà nội, ông nội, má, ba, chị, anh, em, cô,"
    "chú, dì, bác, mẹ, bố, cha, me, sensei, sifu, guru, guruji, swami, ustadh, ustaz,"
    "ustadha, sheikh, shaykh, mufti, maulana, rebbe, rebbetzin, reb, bhante, lama, rinpoche,"
    "roshi, padre, pastora, hermano, hermana, abuelo, abuela, manman, hooyo, aabo,"
    "aabbe, ayeeyo, awoowe, nội, ngoại, ọmọ, omo, baba agba, mama agba, nne, nna, mwen,"
    "zio, ciocia, wujek, dziadziu, babushka, dedushka, bubbie, mummy, jaddah,"
    "jiddo, teta, sitti, sito, khalto, khalo, ammo, amto"
)
# Religious practice, prayers, holidays and rites (not names, not places).
RELIGIOUS_WORDS = _set(
    "jummah, jumma, jumu'ah, juma, salah, salat, namaz, fajr, dhuhr, zuhr, asr, maghrib, isha,"
    "iftar, suhoor, sehri, taraweeh, eid, eid al-fitr, eid al-adha, hajj, umrah, wudu, dua,"
    "dhikr, zikr, adhan, azan, khutbah, quran, hadith, sunnah, halal, haram, hijab, niqab,"
    "inshallah, mashallah, alhamdulillah, bismillah, masjid, shabbat, shabbos, sabbath, seder,"
    "kiddush, havdalah, minyan, kaddish, shiva, yahrzeit, sukkot, shavuot, purim, tisha,"
    "mitzvah, mitzvot, bar mitzvah, bat mitzvah, b'nai mitzvah, kosher, tefillin, tallit,"
    "kippah, yarmulke, mikvah, torah, talmud, puja, pooja, aarti, arti, bhajan, kirtan,"
    "satsang, prasad, navratri, holi, hanuman,"
    "karwa chauth, raksha bandhan, rakhi, gurdwara, langar, seva, sewa, sangat, ardas, waheguru,"
    "gurbani, gurpurab, vaisakhi, baisakhi, amrit, kara, dastar, vespers, compline, matins,"
    "communion, eucharist, confirmation, baptism, rosary, novena, quinceañera, quinceanera,"
    "quince, posada, posadas, dia de los muertos, ofrenda, sacrament, sacraments, catechism,"
    "lent, ash wednesday, good friday, pentecost, epiphany, vipassana, sangha, dharma, metta,"
    "nirvana, samsara, bodhisattva, tet, chuseok, seollal, obon, losar, nowruz, norooz, tết,"
    "wigilia, sylwester, andrzejki, kinaaldá, kinaalda, blessingway, nine night, nine-night,"
    "día de muertos, dia de muertos, día de los muertos, mañanitas, las mañanitas, hail mary,"
    "our father, bhagavad gita, bhagavad, gita, ramayana, mahabharata, diwali, deepavali, pongal,"
    "onam,"
    "đám giỗ, giỗ, vu lan, simbang gabi, noche buena, nochebuena, fiesta, pasko, undas, ashura,"
    "mawlid, laylat al-qadr, rosh hashanah, yom kippur, hanukkah, chanukah, passover, pesach,"
    "maslenitsa, vodou, vodun, santería, santeria, candomblé, orisha, orishas, la virgen,"
    "virgen, guadalupana"
)
# Words for a culture's concepts, distress idioms and history that clients quote ("Hiya",
# "Sabr", "Nervios", "the Holodomor"): not names, not places.
CULTURE_WORDS = _set(
    "hiya, pakikisama, utang na loob, bayanihan, amor propio, sabr, tawakkul, nasib, qadar,"
    "wahala, nervios, ataque de nervios, susto, mal de ojo, mal ojo, empacho, han, hwa-byung,"
    "hwabyung, nunchi, jeong, taijin kyofusho, amae, gaman, ikigai, mianzi, guanxi, xiào,"
    "filial piety, ubuntu, dukkha, sevā, izzat, sharam, nazar, jinn, djinn, holodomor,"
    "nakba, partition, khmer rouge, dine, diné, bilagáana, hozho, hózhǫ́, kapwa, hygge, saudade"
)
# Car makes and models: "a grey Camry" is a vehicle, not a person.
CAR_WORDS = _set(
    "camry, corolla, prius, rav4, highlander, tacoma, tundra, sienna, 4runner, civic, accord,"
    "cr-v, crv, pilot, odyssey, fit, altima, sentra, maxima, rogue, pathfinder, frontier,"
    "versa, f-150, f150, f-250, mustang, explorer, escape, focus, fusion, taurus, ranger,"
    "bronco, silverado, malibu, impala, equinox, tahoe, suburban, camaro, corvette, cruze,"
    "traverse, sierra, yukon, escalade, ram, charger, challenger, durango, caravan, wrangler,"
    "cherokee, jeep, elantra, sonata, tucson, santa fe, kona, optima, sorento, sportage, soul,"
    "forte, outback, forester, impreza, crosstrek, legacy, jetta, passat, beetle, golf, tiguan,"
    "mazda, miata, cx-5, lexus, acura, infiniti, subaru, toyota, honda, nissan, hyundai, kia,"
    "chevy, chevrolet, dodge, chrysler, buick, cadillac, gmc, volkswagen, vw, volvo, bmw,"
    "audi, mercedes, benz, porsche, prius, model 3, model y, sedan, suv, minivan, hatchback"
)
# Words that open sentences as ordinary words even though they are also given names.
SENT_START_WORDS = _set(
    "will, may, young, guy, major, son, chance, numbers, miles, brain, rich, gay, pop, royal,"
    "van, cat, ma, junior, angel, buddy, honey, mi, chip, skip, sang, hung, sung, sole, canal,"
    "alpha, noble, candy, earnest, sunny, pops, bud, lance, rod, dot, ward, foster, sol, sage,"
    "precious, comfort, patience, mercy, harmony, blessing, liberty, glory, king, queen,"
    "prince, princess, duke, earl, marine, server, herb, basil"
)
# Words after a name-that-is-a-word at sentence start that show the ordinary word ("Grace
# period", "Art therapy", "Bill collectors", "Mark my words").
WORD_USE_NEXT = _set(
    "period, therapy, therapist, class, classes, school, project, collector, collectors,"
    "collection, my, your, our, their, his, her, garden, gardens, bush, bushes, petals, water,"
    "show, museum, supplies, gallery, pay, payment, payments, money, writing, proposal,"
    "application, money, program, funding, box, boxes, words, time, times, up, down, out"
)
# Auxiliaries and modals that a relationship cue must not turn into a name ("my ex will").
AUX_WORDS = _set(
    "will, may, can, might, must, shall, would, could, should, did, does, do, is, was, has,"
    "had, gets, got, went, said, says, never, always, just, still, even, also"
)
COPULAS = _set("is, was, has, had, and, says, doesn't, didn't, won't, can't, isn't, wasn't")
# Role nouns before an appositive name ("my RA, Jordan", "her caseworker, Bree").
ROLE_NOUNS = _set(
    "ra, ta, advisor, adviser, pcp, aide, dean, recruiter, trainer, instructor, bishop, rabbi,"
    "imam, priest, minister, chaplain, midwife, doula, surgeon, dentist, pediatrician, obgyn,"
    "gp, shrink, psych, social worker, case manager, slp, bcba, rbt, gal, public defender, pd,"
    "cop, detective, mechanic, barber, stylist, hairdresser, professor, principal, sensei,"
    "sifu, elder, deacon, pastor, sponsor, mentor, tutor, nurse, counselor, therapist"
)
# Virtue and feeling words that are also given names: before "is/was + adjective" they are the
# ordinary word ("Hope is hard"), before "is/was + the/my/a" a person ("Joy is my friend").
ABSTRACT_NAMES = _set(
    "hope, faith, grace, joy, charity, mercy, patience, destiny, trinity, harmony, serenity,"
    "justice, liberty, honor, glory, love, peace, karma, comfort, bliss, felicity, verity, unity,"
    "summer, autumn, spring, winter, dawn, april, may, june, august"
)
# Pronouns, determiners and answer words that some name lists carry ("My", "No", "You") but
# that never start or continue a name span.
NEVER_NAMES = _set(
    "i, me, my, mine, you, your, yours, we, us, our, he, him, his, she, her, they, them, their,"
    "it, its, no, yes, not, the, a, an, and, or, but, so, if, this, that, these, those, on, at,"
    "of, to, for, with, from, into, onto, upon"
)
# Common words of other languages that therapy transcripts quote ("Sí.", "Mucho.", "Claro"),
# and names of languages written with their own spelling ("Kreyòl", "Español").
FOREIGN_WORDS = _set(
    "sí, si, mucho, mucha, muchos, muchas, claro, bueno, buena, bien, mal, pues, nada, gracias,"
    "perdón, perdon, oye, ay, órale, orale, ándale, andale, ojalá, ojala, así, asi,"
    "también, tambien, pero, entonces, porque, verdad, exacto, vale, mande, ya, poco, poquito,"
    "nunca, siempre, todo, todos, qué, que, cómo, como, dios mío, ay dios, oui, non, merci,"
    "ja, nein, danke, nyet, spasibo, arigato, shukran, salaam, wallahi, yallah,"
    "khalas, ne, aniyo, kamsahamnida, salamat, opo, hindi, sige, ayos, obrigado, obrigada,"
    "kreyòl, kreyol, créole, español, espanol, français, francais, português, portugues,"
    "tiếng việt, deutsch, italiano, tagalog"
)
# Disability and cultural identities written with a capital ("Deaf culture").
IDENTITY_WORDS = _set(
    "deaf, hard of hearing, hoh, blind, deafblind, autistic, neurodivergent, disabled,"
    "two-spirit, intersex, asexual, aromantic, pansexual, bisexual, transgender"
)
# School and community events that are capitalized but locate no one.
EVENT_WORDS = _set(
    "homecoming, prom, graduation, commencement, spring break, winter break, summer break,"
    "senior night, senior week, field day, spirit week, open house, back to school, orientation,"
    "finals, midterms, finals week, pride, pride month, black history month, mardi gras,"
    "burning man, coachella, comic-con, black friday, tax day, election day, daylight saving"
)
