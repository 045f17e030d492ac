"""Hand-written word lists: cue words, role labels and proper nouns that are not identifying."""

from __future__ import annotations

from app.deid.nonnames import (  # noqa: F401  (re-exported for the layers)
    ABSTRACT_NAMES,
    AUX_WORDS,
    CAR_WORDS,
    COPULAS,
    CULTURE_WORDS,
    EVENT_WORDS,
    FOREIGN_WORDS,
    IDENTITY_WORDS,
    KINSHIP_TERMS,
    NEVER_NAMES,
    RELIGIOUS_WORDS,
    ROLE_NOUNS,
    SENT_START_WORDS,
    WORD_USE_NEXT,
)


def _set(text: str) -> frozenset[str]:
    return frozenset(w.strip().lower() for w in text.split(",") if w.strip())


# Speaker-label words that name a role, never a person.
ROLE_WORDS = _set(
    "t, c, p, s, q, a, th, cl, pt, tx, dr, therapist, client, counselor, counsellor, clinician,"
    "supervisor, supervisee, facilitator, co-therapist, cotherapist, co-facilitator, leader,"
    "group leader, member, participant, patient, teen, adolescent, child, kid, parent, mother,"
    "father, mom, dad, partner, spouse, husband, wife, couple, speaker, interviewer, interviewee,"
    "trainee, intern, student, resident, observer, family member, sibling, caregiver, guardian,"
    "psychologist, psychiatrist, social worker, worker, case manager, nurse, doctor, provider,"
    "consultant, consultee, presenter, moderator, host, group, all, everyone, both, multiple,"
    "unknown, unidentified, note, notes, session, transcript, excerpt, summary, context, plan,"
    "assessment, subjective, objective, background, update, question, answer, response,"
    "reflection, comment, comments, feedback, topic, goal, goals, homework, date, time,"
    "boy, girl, man, woman, son, daughter, brother, sister, grandmother, grandfather, stepparent,"
    "foster parent, youth, adult, individual, person, caller, staff, peer, peer support,"
    "coach, mentor, teacher, parent a, parent b, partner a, partner b, client a, client b,"
    "re, subject, cc, bcc, attn, regarding, to, from, dx, rx, hx, sx, mrn, dob, diagnosis,"
    "diagnoses, presenting problem, chief complaint, history, mse, risk, safety, disposition,"
    "responder, crisis responder, crisis worker, crisis counselor, advocate, intake, intake worker,"
    "texter, chatter, visitor, guest, contact, help seeker, helpseeker, crisis line,"
    "dispatcher, operator, navigator, interpreter, translator, screener, agent, receptionist,"
    "scheduler, rep, representative, pharmacist, tech, technician, aide, chaplain, volunteer,"
    "specialist, attending, physician, np, pa, md, rn, lpn, cna, msw, lcsw, lpc, lmft, officer,"
    "probation officer, caseworker, case worker, guardian ad litem, gal, judge, attorney, lawyer,"
    "prosecutor, defender, public defender, bailiff, clerk, nurse practitioner, dietitian,"
    "psychiatric nurse, peer specialist, recovery coach, group member, new member, new client,"
    "older client, younger client, mom, dad, stepmom, stepdad, grandma, grandpa, son, daughter"
)

TITLES = _set(
    "mr, mrs, ms, miss, mx, dr, doctor, prof, professor, coach, pastor, rev, reverend, father,"
    "officer, detective, judge, sergeant, sgt, lt, captain, capt, nurse, rabbi, imam, deacon,"
    "sister, brother, aunt, auntie, aunty, uncle, grandma, grandpa, granny, nana, papa, nonna,"
    "abuela, abuelo, tia, tio, cousin, mister, madam, dona, doña, don, senor, senora, señor,"
    "señora, principal, counselor, ms., mr., mrs., dr., sensei, sifu, sheikh, shaykh, ustadh,"
    "ustaz, guru, swami, bishop, elder, chaplain, minister, rebbe, reb, bhante, lama, roshi"
)
# Titles that introduce a name only when followed by a capitalized word (they are also ordinary
# words or relationship words).
WEAK_TITLES = _set("father, sister, brother, cousin, nurse, principal, counselor, don, coach")

RELATION_WORDS = (
    _set(
        "sister, brother, mom, mother, dad, father, son, daughter, husband, wife, partner,"
        "boyfriend,"
        "girlfriend, fiance, fiancee, fiancé, fiancée, ex, ex-husband, ex-wife, ex-boyfriend,"
        "ex-girlfriend, ex-partner, friend, bestie, bff, cousin, aunt, uncle, niece, nephew,"
        "grandson, granddaughter, grandma, grandpa, grandmother, grandfather, stepdad, stepmom,"
        "stepfather, stepmother, stepson, stepdaughter, stepbrother, stepsister, half-brother,"
        "half-sister, roommate, boss, coworker, co-worker, colleague, manager, supervisor,"
        "neighbor, neighbour, teacher, coach, sponsor, therapist, psychiatrist, doctor, counselor,"
        "pastor, priest, kid, baby, twin, sibling, landlord, lawyer, attorney, caseworker,"
        "case worker, probation officer, parole officer, po, sponsee, mentor, tutor, classmate,"
        "teammate, crush, date, fwb, wingman, godmother, godfather, goddaughter, godson, in-law,"
        "mother-in-law, father-in-law, sister-in-law, brother-in-law, bf, gf, hubby, wifey, babe,"
        "nanny, babysitter, stepkid, grandkid, grandbaby, great-grandmother, great-aunt,"
        "great-uncle, great-grandfather, cousins, friends, kids, sisters, brothers, daughters,"
        "sons,"
        "ex's, dog, cat, puppy, psychologist, nurse, boss's, foster, foster mom, foster dad,"
        "mother in law, father in law, sister in law, brother in law, son in law,"
        "daughter in law, son-in-law, daughter-in-law, step dad, step mom, step brother,"
        "step sister, step son, step daughter, kitten, pup, bunny, rabbit, hamster, parrot,"
        "horse, pony, chihuahua, beagle, pitbull, pit bull, husky, terrier, poodle, labrador,"
        "advocate, caregiver, aide, sponsor's, social worker, guidance counselor, principal"
    )
    | ROLE_NOUNS
)
POSSESSIVE_DETS = _set("my, his, her, their, our, your, the, a, this, that, whose, an")

# Verbs (and a few fixed phrases) that follow a person as subject: "Maggie said", "Will told me".
NAME_VERBS_AFTER = _set(
    "said, says, told, tells, texted, texts, called, calls, asked, asks, yelled, screamed, thinks,"
    "thought, wants, wanted, keeps, kept, came, comes, left, leaves, moved, died, passed, knows,"
    "knew, found, picked, showed, tried, tries, gets, got, started, starts, laughed, cried,"
    "hugged, hit, punched, hurt, cheated, lied, lies, broke, stopped, refused, promised, blamed,"
    "replied, answered, messaged, emailed, dmed, snapchatted, invited, drove, walked, ran, "
    "sent, sends, brought, helped, helps, visited, visits, works, worked, lives, lived, stayed,"
    "stays, married, divorced, dumped, ghosted, blocked, threatened, admitted, explained,"
    "mentioned, insisted, claims, claimed, wrote, writes, posted, shared, agreed, disagreed,"
    "decided, needs, needed, loves, loved, hates, hated, likes, liked, misses, missed, feels,"
    "felt, seems, seemed, looks, looked, sounded, sounds, turned, turns, raised, adopted, saw,"
    "sees, heard, hears, noticed, understands, understood, gets, cares, cared, would, will've,"
    "doesn't, didn't, won't, wouldn't, can't, couldn't, isn't, wasn't, hasn't, hadn't,"
    "hits, yells, screams, pushes, pushed, grabs, grabbed, slaps, slapped, kicks, chokes, choked,"
    "beats, controls, controlled, follows, followed, tracks, tracked, takes, took, drinks,"
    "drank, smokes, steals, stole, owes, owed, pays, paid, bought, buys, cooks, cooked, teaches,"
    "taught, coaches, coached, watches, babysits, babysat, moved, moves, swears, swore"
)
NAME_ADVERBS = _set("just, never, always, also, really, finally, even, still, actually, basically")
# Strong subject verbs for capitalized words that are also common words ("Will said").
AMBIG_NAME_VERBS = NAME_VERBS_AFTER - _set("would, will've, turned, turns, looks, looked, feels")

NAME_CUE_BEFORE = _set(
    "named, called, nicknamed, name's, name is, names, named him, named her, goes by, go by,"
    "went by, known as, introduced, introduce, meet, met, married, dating, texted, told, asked,"
    "with, and, invited, hugged, dumped, visited, thank, thanks, hi, hey, dear, love, miss,"
    "missed, blame, blamed, ask, tell, call, text, trust, trusted, loves, hate, hates, saw, see,"
    "by, from, than, like, unlike, about, for"
)
# After these a following unknown capitalized word counts as a name ("named Xiomara").
STRONG_NAME_CUE = _set(
    "named, nicknamed, name's, called, goes by, go by, went by, known as, name is, name was,"
    "calls me, call me, called me, calls him, calls her"
)

LOCATION_CUE_BEFORE = _set(
    "in, to, from, near, outside, around, across, toward, towards, through, into, at, visit,"
    "visiting, visited, leave, left, leaving, downtown, uptown, of, past, via, between, north,"
    "south, east, west, suburbs"
)
LOCATION_CUE_STRONG = _set(
    "moved to, move to, moving to, lives in, live in, living in, lived in, grew up in, raised in,"
    "born in, from, back to, back in, drove to, drive to, flew to, fly to, trip to, went to,"
    "go to, going to, stayed in, staying in, relocated to, near, outside of, outside, out in,"
    "over in, down in, up in, visit, visiting, moved from, moved back to, left, up to, down to"
)

EMPLOYER_CUE = _set(
    "work at, works at, worked at, working at, work for, works for, worked for, working for,"
    "job at, job with, shift at, shifts at, hired at, hired by, fired from, fired by,"
    "let go from, laid off from, quit, quit at, employed at, employed by, manager at,"
    "boss at, intern at, interning at, internship at, interview at, interviewed at,"
    "position at, promoted at, apply to, applied to, applied at, employer, employer is,"
    "works over at, works down at, job over at, gig at, gig with, volunteer at, volunteers at,"
    "drive for, drives for, driving for, drove for, deliver for, delivers for, delivering for,"
    "shop for, shops for, logged on to, logged into, contract at, traveler at, nights at,"
    "days at, shifts for, working nights at, on nights at, on days at"
)
SCHOOL_CUE = _set(
    "goes to, go to, going to, went to, attends, attend, attended, attending, enrolled at,"
    "enrolled in, transferred to, transfer to, graduated from, graduating from, student at,"
    "senior at, junior at, freshman at, sophomore at, teaches at, taught at, kicked out of,"
    "expelled from, suspended from, accepted to, accepted at, got into, admitted to"
)

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
# Month words that are also ordinary words or names: need a day, a year or a date preposition.
AMBIG_MONTHS = _set("may, march, april, june, august, jan, mar, jun, sep, dec, sept, oct, nov")
MONTH_PREPS = _set(
    "in, since, until, till, til, by, during, through, last, next, this, early, mid, late, of,"
    "before, after, around, from, starting, end, beginning, middle, back in, every, each, since"
)
WEEKDAYS = _set(
    "monday, tuesday, wednesday, thursday, friday, saturday, sunday, mon, tue, tues, wed, thu,"
    "thur, thurs, fri, sat, sun, mondays, tuesdays, wednesdays, thursdays, fridays, saturdays,"
    "sundays"
)
HOLIDAYS = _set(
    "christmas, xmas, easter, thanksgiving, halloween, hanukkah, chanukah, passover, kwanzaa,"
    "ramadan, eid, diwali, new year, new year's, valentine's, valentines, memorial day,"
    "labor day, juneteenth, independence day, mother's day, father's day, yom kippur,"
    "rosh hashanah, lent, advent, christmas eve, new year's eve, lunar new year, day, eve"
)

# Cited theorists, researchers and model founders: never identifying.
THEORISTS = _set(
    "freud, winnicott, yalom, bowlby, klein, kohut, rogers, jung, beck, linehan, bion, adler,"
    "erikson, piaget, skinner, pavlov, maslow, perls, satir, minuchin, bowen, gottman,"
    "ainsworth, fonagy, bateman, kernberg, masterson, mahler, lacan, horney, fromm, frankl,"
    "strosahl, porges, van der kolk, kolk, safran, muran, wachtel, stolorow, bromberg,"
    "ferenczi, fairbairn, guntrip, balint, bollas, rollnick, prochaska, diclemente, seligman,"
    "csikszentmihalyi, kabat-zinn, neff, germer, brach, chodron, hanh, tolle, bandura,"
    "vygotsky, bronfenbrenner, kubler-ross, kübler-ross, worden, bonanno, neimeyer, lazarus,"
    "meichenbaum, gendlin, epston, de shazer, madanes, watzlawick, bateson, boszormenyi-nagy,"
    "schore, tronick, lichtenberg, kohutian, winnicottian, freudian, jungian, kleinian,"
    "adlerian, rogerian, bowenian, ericksonian, lacanian, bionian, gestalt, socratic, socrates,"
    "beckian, padesky, greenberger, leahy, resick, ehlers, cloitre, briere, courtois,"
    "nijenhuis, kluft, rathus, koerner, swales, zanarini, gunderson, millon, mcwilliams,"
    "shedler, westen, clarkin, yeomans, luborsky, strupp, malan, davanloo, fosha, sifneos,"
    "kraepelin, bleuler, charcot, breuer, erickson, ellis, foa, barlow, siegel, levine, ogden,"
    # couples, MI, ACT/CFT, trauma, attachment, grief, existential and CBT authors
    "perel, tatkin, hendrix, schnarch, fishbane, stosny, moyers, marlatt, norcross, wampold,"
    "ecker, mikulincer, lyons-ruth, crittenden, cozolino, najavits, rothschild, salkovskis,"
    "hofmann, craske, rothbaum, zayfert, kazdin, webster-stratton, barkley, mazlish, markman,"
    "halford, sweezy, brewin, teasdale, kornfield, salzberg, dweck, lyubomirsky, fredrickson,"
    "bugental, spinelli, deurzen, szasz, hillman, doka, stroebe, gergely, kolts, tirch, luoma,"
    "twohig, abramowitz, chansky, lebowitz, paivio, wachtel, laing, sapolsky, maté,"
    "shedler, hanh, chödrön, tronick, lachmann, atwood, kabat-zinn, van der hart,"
    # grief, caregiving, post-traumatic growth, impostor, minority-stress and screening authors
    "schut, klass, nickman, tedeschi, figley, yadin, clance, ladouceur, pachankis,"
    "hatzenbuehler, herek, hinshaw, zarit, kroenke, asberg, yudofsky, jobes, rando, lindemann,"
    "boelen, prigerson, mcgoldrick, boyd-franklin, falicov, comas-díaz, comas-diaz, ratts, zur,"
    "gottmans, ehlers, bonanno's, foa's, resick's, tedeschi's,"
    # schema, hoarding, anxiety, play-therapy, burnout, spirituality and relapse authors
    "arntz, steketee, tolin, dugas, heimberg, zinbarg, hembree, safren, landreth, maslach,"
    "pargament, wolfelt, gorski, phelan, shopshire, racker, searles, kierkegaard"
)
# Theorists whose surnames are also common names: not identifying only in a citing context
# ("Johnson's model", "Miller would say", "according to Herman").
THEORISTS_CONTEXT = _set(
    "johnson, miller, wilson, hayes, shapiro, schwartz, herman, mitchell, benjamin, aron,"
    "young, white, brown, greenberg, elliott, berg, haley, nagy, stern, beebe, burns, clark,"
    "wells, fisher, putnam, heard, binder, mann, mchugh, spitzer, janet, main, may, sullivan,"
    "whitaker, brene, brené, bessel, levine, ogden, siegel, ellis, lambert, duncan, anderson,"
    "ford, gordon, greene, stanley, christensen, jacobson, patterson, becker, steele, herbert,"
    "allen, gilbert, harris, real, hunt, chapman, bader, pearson, levin, franklin, wagner,"
    "kerr, hoffman, andersen, segal, williams, martell, dimidjian, hollon, peterson, harvey,"
    "lieberman, yehuda, perry, dana, gabor, mate, kendall, frost, kramer, campbell, reilly,"
    "meyer, hays, lyons, conners"
)
THEORIST_CONTEXT_AFTER = _set(
    "would, 's, talks, talked, wrote, writes, describes, described, calls, called, argues,"
    "argued, says, said, suggests, suggested, found, showed, developed, coined, theory, model,"
    "framework, approach, work, idea, ideas, concept, concepts, stages, method, protocol,"
    "book, research, et"
)
THEORIST_CONTEXT_BEFORE = _set("according to, per, like, see, via, from, as")
THEORIST_PHRASES = (
    "anna freud, melanie klein, carl rogers, aaron beck, judith beck, marsha linehan,"
    "irvin yalom, heinz kohut, john bowlby, donald winnicott, d. w. winnicott, carl jung,"
    "steve hayes, steven hayes, francine shapiro, richard schwartz, dick schwartz, dan siegel,"
    "daniel siegel, bessel van der kolk, peter levine, judith herman, pat ogden,"
    "stephen porges, kristin neff, tara brach, mary ainsworth, mary main, peter fonagy,"
    "otto kernberg, albert ellis, virginia satir, salvador minuchin, murray bowen,"
    "john gottman, julie gottman, viktor frankl, abraham maslow, erik erikson, jean piaget,"
    "karen horney, fritz perls, alfred adler, wilfred bion, jacques lacan, daniel stern,"
    "allan schore, ed tronick, sue johnson, brene brown, brené brown, jon kabat-zinn,"
    "thich nhat hanh, pema chodron, william miller, bill miller, stephen rollnick,"
    "martin seligman, david burns, edna foa, patricia resick, les greenberg, leslie greenberg,"
    "eugene gendlin, michael white, david epston, insoo kim berg, steve de shazer,"
    "jeremy safran, christopher muran, nancy mcwilliams, jonathan shedler, harry stack sullivan,"
    "jessica benjamin, stephen mitchell, lewis aron, philip bromberg, jay haley, b. f. skinner"
)

# Therapy models, instruments, diagnoses and clinical shorthand: never identifying.
CLINICAL_TERMS = _set(
    "cbt, dbt, act, emdr, ifs, ipt, mbct, mbsr, cpt, pe, tf-cbt, psychodynamic, mentalization,"
    "mbt, tfp, sfbt, eft, efft, mi, narrative, gestalt, schema, phq, phq-9, phq-2, gad, gad-7,"
    "pcl, pcl-5, audit, dast, ybocs, y-bocs, bdi, bai, ors, srs, oq, oq-45, cssrs, c-ssrs,"
    "columbia, dsm, dsm-5, dsm-5-tr, dsm-iv, icd, icd-10, icd-11, ptsd, cptsd, ocd, adhd, add,"
    "bpd, npd, gad, mdd, asd, sud, aud, tbi, iop, php, er, ed, icu, npo, soap, dap, birp, hipaa,"
    "aa, na, al-anon, alanon, smart recovery, celebrate recovery, twelve steps, big book,"
    "higher power, wise mind, emotion mind, reasonable mind, opposite action, radical acceptance,"
    "tipp, dear man, give, fast, please, abc, stop, accepts, improve, self, manager, managers,"
    # DBT skill steps (DEAR MAN, GIVE, FAST, "what"/"how" skills) and screening acronyms.
    "describe, express, assert, reinforce, negotiate, appear confident, validate, easy manner,"
    "stick to values, truthful, observe, participate, cage, cage questions, roi, vin, ekgs,"
    "exile, exiles, firefighter, firefighters, protector, protectors, inner child, parts,"
    "four horsemen, sound relationship house, window of tolerance, polyvagal, safe and sound,"
    "serenity prayer, motivational interviewing, stages of change, zoom, telehealth, doxy,"
    "simplepractice, therapynotes, epic, cerner, medicaid, medicare, tricare, cobra, fmla, ada,"
    "ssi, ssdi, snap, wic, tanf, cps, dcfs, dss, iep, 504, ged, sat, act, gpa, ap, ib, cna,"
    "lcsw, lpc, lmft, lmhc, psyd, phd, md, np, pa, rn, lpn, lcdc, cadc, lcsw-c, apa, aca, nasw,"
    "alzheimer, alzheimer's, parkinson, parkinson's, asperger, asperger's, tourette,"
    "tourette's, crohn, crohn's, huntington's, munchausen, korsakoff, wernicke, broca,"
    "cushing, hashimoto, hashimoto's, lyme, oedipal, oedipus, electra, rorschach, mmpi,"
    "mmpi-2, wais, wisc, likert, stockholm syndrome, miracle question, strange situation,"
    "empty chair, adult attachment interview, beck depression inventory, hamilton scale,"
    "internal family systems, attachment theory, emotionally focused therapy, schema therapy,"
    "dialectical behavior therapy, acceptance and commitment therapy, planned parenthood,"
    "narcotics anonymous, alcoholics anonymous, overeaters anonymous, al-anon, alateen,"
    "smart recovery, celebrate recovery, nami, samhsa, 988, crisis text line, trevor project"
) | _set(
    # Named techniques, skills and concepts of common therapies, and 12-step phrases.
    "prolonged exposure, cognitive processing therapy, cognitive processing, behavioral"
    " activation, exposure and response prevention, exposure therapy, cognitive restructuring,"
    "thought record, thought records, chain analysis, behavior chain, distress tolerance,"
    "emotion regulation, interpersonal effectiveness, core mindfulness, mindfulness, check the"
    " facts, self-soothe, self soothe, pros and cons, half smile, half-smile, willing hands,"
    "urge surfing, paced breathing, body scan, safe place, calm place, container exercise,"
    "grounding, socratic questioning, cognitive distortions, core beliefs, core belief,"
    "automatic thoughts, inner critic, wounded child, inner teen, inner parent, adult self,"
    "wise self, true self, self energy, self-energy, self-led, self-compassion, unburdening,"
    "defusion, cognitive defusion, hexaflex, leaves on a stream, passengers on the bus,"
    "values card sort, valued action, committed action, the observer self, observing self,"
    "safe and sound protocol, window of tolerance, fight or flight, ventral vagal,"
    "dorsal vagal, somatic experiencing, brainspotting, sensorimotor, gottman method, love maps,"
    "bids for connection, turning toward, soft startup, repair attempts, flooding,"
    "stonewalling, criticism, contempt, defensiveness, hold me tight, demon dialogues,"
    "safety plan, safety planning, crisis plan, coping ahead, cope ahead, build mastery,"
    "accumulate positives, abc please, radical openness, beginner's mind, loving-kindness,"
    "loving kindness, metta, tonglen, stop skill, dear man, give fast, wise mind accepts,"
    "twelve traditions, the promises, the steps, step work, fourth step, fifth step, ninth step,"
    "eighth step, first step, third step, third step prayer, seventh step prayer, step one,"
    "step two, step three, step four, step five, step six, step seven, step eight, step nine,"
    "step ten, step eleven, step twelve, home group, one day at a time, easy does it,"
    "let go and let god, first things first, live and let live, keep coming back, halt,"
    "ninety in ninety, god as we understood him, higher self, the universe, spirit guide,"
    "big book, basic text, just for today, the fellowship, the program, the rooms"
)
# Acronyms of treatments, measures, diagnoses, settings and professions in clinical notes.
CLINICAL_TERMS |= _set(
    "wet, irt, gi, aba, esdm, ctrs, suds, crafft, asam, ipsrt, bes, ede-q, pai, ados, cans, pcit,"
    "mst, fft, cbt-e, cbt-i, fbt, dbt-a, a-cra, stair, cft, cbct, sps, ppd, pgd, ied, oud, moud,"
    "rtc, picu, nicu, ccu, slp, bcba, ipv, csa, aps, pdd, dmdd, odd, sld, des-ii, mmpi-3,"
    "mmpi-2, psi-4, bsl-23, ders, ccaps, ccaps-62, diva-5, wisc, wisc-v, wais, wais-iv, wiat,"
    "basc, basc-3, cdi, cdi-2, rcads, epds, asrs, mdq, ymrs, hdrs, hamd, hama, madrs, caps-5,"
    "lec-5, itq, ptci, dass, dass-21, k10, sdq, cbcl, trf, ysr, brief-2, srs-2, m-chat, ados-2,"
    "adi-r, moca, mmse, slums, gds, ciwa,"
    "bprs, panss, cgi, gaf, whodas, cfi, opioid use disorder"
)
MEDICATIONS = _set(
    # Generic names of common psychiatric and primary-care medications.
    "fluoxetine, sertraline, paroxetine, citalopram, escitalopram, fluvoxamine, venlafaxine,"
    "desvenlafaxine, duloxetine, bupropion, mirtazapine, trazodone, vortioxetine, vilazodone,"
    "amitriptyline, nortriptyline, imipramine, clomipramine, phenelzine, lithium, lamotrigine,"
    "valproate, divalproex, carbamazepine, oxcarbazepine, topiramate, gabapentin, pregabalin,"
    "quetiapine, olanzapine, risperidone, aripiprazole, brexpiprazole, cariprazine, lurasidone,"
    "ziprasidone, paliperidone, haloperidol, clozapine, chlorpromazine, lumateperone,"
    "alprazolam, clonazepam, lorazepam, diazepam, buspirone, hydroxyzine, propranolol,"
    "prazosin, clonidine, guanfacine, atomoxetine, methylphenidate, amphetamine,"
    "lisdexamfetamine, dextroamphetamine, modafinil, zolpidem, eszopiclone, melatonin,"
    "buprenorphine, naloxone, naltrexone, methadone, disulfiram, acamprosate, varenicline,"
    "ketamine, esketamine, spravato, metformin, levothyroxine, prednisone, ibuprofen,"
    "acetaminophen, tylenol, advil, motrin, aleve, benadryl, zyrtec, claritin, tramadol,"
    "oxycodone, hydrocodone, morphine, semaglutide, tirzepatide, insulin, albuterol,"
    "invega, invega sustenna, abilify maintena, aristada, humira, enbrel, remicade, stelara,"
    "dupixent, ozempic, wegovy, mounjaro, zepbound, sublocade, brixadi, zubsolv,"
    "lexapro, zoloft, prozac, paxil, celexa, wellbutrin, effexor, cymbalta, pristiq, trintellix,"
    "remeron, trazodone, xanax, klonopin, ativan, valium, buspar, buspirone, hydroxyzine,"
    "vistaril, ambien, lunesta, seroquel, abilify, risperdal, zyprexa, latuda, lamictal,"
    "lithium, depakote, tegretol, topamax, adderall, ritalin, concerta, vyvanse, focalin,"
    "strattera, intuniv, guanfacine, clonidine, prazosin, propranolol, gabapentin, neurontin,"
    "lyrica, suboxone, subutex, methadone, naltrexone, vivitrol, narcan, naloxone, antabuse,"
    "chantix, percocet, vicodin, oxycontin, oxy, fentanyl, tramadol, norco, dilaudid, tylenol,"
    "advil, motrin, benadryl, melatonin, nyquil, sertraline, fluoxetine, escitalopram,"
    "citalopram, paroxetine, venlafaxine, duloxetine, bupropion, mirtazapine, quetiapine,"
    "aripiprazole, risperidone, olanzapine, lamotrigine, clonazepam, alprazolam, lorazepam,"
    "diazepam, zolpidem, ketamine, spravato, molly, mdma, lsd, xans, percs, addy, kpins,"
    # dementia, heart, thyroid and other medicines older clients and caregivers name
    "aricept, donepezil, namenda, memantine, exelon, razadyne, leqembi, eliquis, apixaban,"
    "xarelto, coumadin, warfarin, plavix, lipitor, atorvastatin, crestor, rosuvastatin,"
    "synthroid, lasix, furosemide, norvasc, amlodipine, lisinopril, metoprolol, zofran,"
    "ondansetron, keppra, levetiracetam, flexeril, cyclobenzaprine, prilosec, omeprazole,"
    "nexium, sumatriptan, imitrex, jardiance, trulicity, januvia, victoza, nuplazid, rexulti,"
    "caplyta, vraylar, auvelity, zurzuvae, qelbree, wakix, belsomra, silenor, sonata, restoril,"
    "nicorette, nrt, lofexidine, lucemyra"
)
# Brands, apps, media and other proper nouns that do not locate a person.
NONID_PROPER = _set(
    "instagram, insta, facebook, fb, tiktok, snapchat, snap, twitter, x, reddit, discord,"
    "youtube, netflix, hulu, spotify, pinterest, tumblr, whatsapp, telegram, signal, imessage,"
    "facetime, zoom, skype, teams, slack, google, gmail, yahoo, bing, chatgpt, siri, alexa,"
    "iphone, ipad, android, samsung, xbox, playstation, ps5, nintendo, switch, fortnite,"
    "minecraft, roblox, tinder, hinge, bumble, grindr, match, uber, lyft, doordash, grubhub,"
    "instacart, venmo, cashapp, paypal, zelle, amazon, prime, ebay, etsy, craigslist, wikipedia,"
    "disney, pixar, marvel, star wars, harry potter, batman, lego, barbie, pokemon, coke,"
    "pepsi, starbucks, mcdonald's, mcdonalds, red bull, monster, juul, vape, white claw,"
    "tylenol, band-aid, kleenex, post-it, covid, covid-19, coronavirus, omicron, god, jesus,"
    "christ, lord, allah, buddha, holy spirit, satan, devil, bible, quran, koran, torah,"
    "scripture, gospel, heaven, hell, mass, catholic, catholics, protestant, christian,"
    "christians, christianity, muslim, muslims, islam, jewish, jew, jews, judaism, hindu,"
    "buddhist, mormon, lds, baptist, methodist, lutheran, pentecostal, evangelical,"
    "orthodox, episcopalian, presbyterian, atheist, agnostic, black, white, latino, latina,"
    "latinx, hispanic, asian, african, american, native, indigenous, caucasian, european,"
    "english, spanish, french, german, italian, chinese, japanese, korean, vietnamese,"
    "filipino, mexican, puerto rican, cuban, dominican, haitian, jamaican, nigerian, ghanaian,"
    "ethiopian, somali, indian, pakistani, bengali, arab, arabic, persian, iranian, iraqi,"
    "syrian, afghan, turkish, greek, russian, ukrainian, polish, irish, scottish, welsh,"
    "british, canadian, australian, brazilian, colombian, salvadoran, guatemalan, honduran,"
    "venezuelan, peruvian, hmong, cambodian, thai, laotian, navajo, cherokee, lakota, ojibwe,"
    "hebrew, hindi, urdu, tagalog, big, little, lil, ol, portuguese, mandarin, cantonese,"
    "swahili, yiddish, asl,"
    "lgbt, lgbtq, lgbtq+, queer, trans, nonbinary, gay, lesbian, bi, ok, okay, hmm, mhm, um,"
    "uh, uh-huh, mm-hmm, yeah, yep, nope, nah, lol, omg, wtf, idk, tbh, bro, dude, girl, sis,"
    "al, un, le, na, te, ta, les, del, von, van, de, la, el, da, di, du, im, sa, ai, mac, san,"
    "santa, hong, kong, nazi, nazis, isis, kkk, cia, fbi, irs, dmv, ice, va, tsa, nfl, nba,"
    "mlb, nhl, ncaa, espn, cnn, fox, msnbc, npr, bbc, hbo, trump, biden, obama, clinton,"
    "republican, democrat, republicans, democrats, congress, senate, supreme court,"
    "constitution, internet, web, wifi, bluetooth, pc, mac, windows, excel, word, powerpoint,"
    "photoshop, canvas, pinterest, grammy, oscars, emmy, super bowl, world series, olympics,"
    "headspace, calm, noom, peloton, fitbit, apple watch, myfitnesspal, duolingo, kindle,"
    "audible, wordle, aries, taurus, gemini, cancer, leo, virgo, libra, scorpio, sagittarius,"
    "capricorn, aquarius, pisces, internal family systems, attachment theory,"
    "the body keeps the score, vegas, mom, dad, mommy, daddy, mama, papa, grandma, grandpa,"
    "granny, nana, auntie, sis,"
    "bro, babe, baby, honey, sweetie, dude, buddy, man, girl, sir, ma'am, maam, sweetheart,"
    "therapist, client, member, christmas, easter, thanksgiving, halloween, hanukkah, passover,"
    "ramadan, diwali, kwanzaa, valentine's, valentine, memorial, labor, juneteenth, mother's,"
    "father's, lent, advent, new, year, year's, eve, i, i'm, i'd, i'll, i've, me, ma,"
    # games, shows, snacks and stars young clients talk about
    "valorant, stardew, stardew valley, zelda, tears of the kingdom, breath of the wild,"
    "overwatch, apex, apex legends, league of legends, genshin, genshin impact, call of duty,"
    "cod, gta, among us, animal crossing, mario kart, smash, pubg, rocket league, hunter x hunter,"
    "naruto, one piece, demon slayer, jujutsu kaisen, attack on titan, eras tour, dr pepper,"
    "mountain dew, monsters, takis, hot cheetos, chick-fil-a, wendy's, wendys, ben & jerry,"
    "ben & jerry's, taco bell, chipotle, crumbl, boba, drake, taylor swift, beyonce, beyoncé,"
    "billie eilish, olivia rodrigo, bad bunny, sza, kendrick, travis scott, mrbeast, twitch,"
    # words that head a note or a line of one and never name a person
    "note, follow-up, followup, sleep hygiene, common app, insight timer, gulf war, vietnam-era,"
    "korean war, world war ii, wwii, 9/11"
)

# Consumer brands that are usually employers or store locations when a person is "at" them.
# Chains a client goes to (a branch locates them) that the employer list lacks.
CHAIN_PLACES = _set(
    "cheesecake factory, western union, moneygram, sherwin williams,"
    "trader joes, trader joe's, harmon, nationwide, rocket mortgage, quicken loans, wyndham,"
    "red roof inn, super 8, days inn, la quinta, best western, comfort inn, hampton inn,"
    "circle k, kwik trip, kum & go, casey's, caseys, speedway, racetrac, love's, pilot,"
    "flying j, buc-ee's, bucees, golden corral, texas roadhouse, outback, chili's, chilis,"
    "ruby tuesday, bob evans, steak n shake, white castle, culver's, culvers, whataburger,"
    "jack in the box, carl's jr, hardee's, hardees, bojangles, zaxby's, zaxbys, krispy kreme,"
    "tim hortons, panera bread, qdoba, moe's, noodles & company, red robin, buffalo wild wings,"
    "hooters, dave & buster's, dave and busters, chuck e cheese, main event, topgolf,"
    "big lots, family dollar, dollar general, save a lot, piggly wiggly, winn-dixie, food lion,"
    "stop & shop, shop rite, fred meyer, fry's, king soopers, smith's, vons, jewel-osco,"
    "mariano's, h mart, el super, fiesta mart, cardenas, northgate market, la michoacana,"
    "anytime fitness, gold's gym, 24 hour fitness, crunch fitness, snap fitness, lifetime fitness,"
    "great clips, supercuts, jackson hewitt, h&r block, rent-a-center, aaron's, cash america,"
    "ace cash express, check into cash, advance america, greyhound, amtrak station"
)
EMPLOYER_BRANDS = _set(
    "kroger, target, walmart, wal-mart, amazon, starbucks, home depot, costco, safeway, fedex,"
    "ups, usps, chipotle, lowe's, lowes, wells fargo, meijer, walgreens, cvs, rite aid, publix,"
    "applebee's, mcdonald's, mcdonalds, wendy's, subway, boeing, dunkin', dunkin, best buy,"
    "nordstrom, macy's, kohl's, aldi, trader joe's, whole foods, panera, olive garden,"
    "chick-fil-a, chick fil a, chickfila, taco bell, burger king, dollar general, dollar tree,"
    "goodwill, verizon,"
    "at&t, t-mobile, comcast, xfinity, google, microsoft, apple, meta, tesla, ford,"
    "general motors, gm, uber, lyft, doordash, instacart, deloitte, accenture, jpmorgan,"
    "bank of america, geico, state farm, allstate, humana, kaiser, sephora, ulta, petco,"
    "petsmart, old navy, h&m, zara, hobby lobby, marshalls, tj maxx, ross, sam's club, wegmans,"
    "h-e-b, heb, hy-vee, shoprite, giant eagle, food lion, albertsons, ralphs, sprouts,"
    "7-eleven, speedway, wawa, sheetz, quiktrip, jiffy lube, autozone, pep boys, dillard's,"
    "jcpenney, sears, ikea, denny's, ihop, waffle house, cracker barrel, red lobster,"
    "buffalo wild wings, domino's, pizza hut, papa john's, popeyes, kfc, arby's, sonic,"
    "dairy queen, five guys, in-n-out, panda express, raising cane's, jimmy john's,"
    "jersey mike's, chuck e. cheese, gamestop, barnes & noble, staples, office depot,"
    "tractor supply, menards, ace hardware, sherwin-williams, cintas, aramark, sodexo,"
    "amazon warehouse, tyson, cargill, pepsico, coca-cola, nike, adidas, lululemon, gap,"
    "victoria's secret, bath & body works, dick's, dick's sporting goods, rei, cabela's,"
    "bass pro, planet fitness, la fitness, equinox, ymca, orangetheory, crossfit, spectrum,"
    "cox, charter, frontier, dish, directv, netflix, hulu, disney, pixar, walgreens, cvs,"
    "nordstrom rack, ross dress for less, burlington, big lots, five below, michaels, joann,"
    "hallmark, pottery barn, williams-sonoma, crate & barrel, wayfair, chewy, ebay, paypal,"
    "intel, ibm, oracle, salesforce, cisco, dell, hp, lockheed, raytheon, northrop, honeywell,"
    "3m, ge, general electric, caterpillar, john deere, deere, ups store, amtrak, delta,"
    "united, american airlines, southwest, jetblue, spirit, hertz, enterprise, avis, marriott,"
    "hilton, hyatt, motel 6, holiday inn"
)
# Brands that are ordinary words or platforms: employer only after an explicit employer cue.
CUE_ONLY_BRANDS = _set(
    "target, subway, apple, amazon, google, meta, gap, spectrum, cox, charter, frontier, dish,"
    "delta, united, spirit, enterprise, sonic, staples, ross, ford, dell, hp, intel, ge, gm,"
    "uber, lyft, doordash, instacart, netflix, hulu, disney, pixar, ebay, paypal, tesla, nike,"
    "crossfit, ymca, heb, ups, usps, fedex, microsoft, oracle, ibm, equinox, michaels,"
    "hallmark, chewy, walgreens, monster"
)

# Common spoken words that appear in the first-name gazetteers but are not names in lower case.
LOWER_NOT_NAMES = _set(
    "ok, al, un, le, na, te, ta, les, del, von, van, de, la, el, da, di, du, im, sa, ai, mac,"
    "san, santa, hong, kong, sep, dec, jan, bo, jo, li, han, chan, jin, kay, lou, ali, mi, tu,"
    "su, ma, pa, mo, ty, ed, art, mel, val, ron, don, dan, sam, ben, tim, jim, kim, joe, pat,"
    "sue, bob, ray, roy, guy, max, jack, will, mark, bill, frank, grant, hope, faith, grace,"
    "joy, rose, may, june, april, august, summer, autumn, dawn, sky, river, hunter, chase,"
    "mason, cash, penny, ruby, amber, crystal, ivy, holly, daisy, hazel, reed, wade, bud,"
    "buddy, sunny, rusty, ginger, pepper, honey, candy, cookie, angel, baby, king, prince,"
    "princess, duke, earl, major, sterling, christian, jesus, easter, christmas, chris, chrissy"
)
# Contractions typed without the apostrophe by speech recognition.
APOSTROPHE_LESS = _set(
    "theres, thats, whats, wheres, heres, hes, shes, its, im, ive, id, ill, youre, youve, youd,"
    "theyre, theyve, theyd, were, weve, wed, dont, doesnt, didnt, cant, couldnt, wont, wouldnt,"
    "shouldnt, isnt, arent, wasnt, werent, hasnt, havent, hadnt, lets, aint, yall, gonna, gotta,"
    "wanna, kinda, sorta, dunno, lemme, gimme, cuz, cause, tho, thru, nite, ur, u, ya, yea, whos,"
    "hows, whens, whys, itll, thatll, theyll, youll, shell, hell, shed, hed, mustve, couldve,"
    "wouldve, shouldve"
)
LOWER_NOT_NAMES = LOWER_NOT_NAMES | APOSTROPHE_LESS
# ...but these ordinary-looking lower-case tokens are names often enough to count after a cue.
STOP_AFTER_CUE = _set(
    "the, a, an, this, that, these, those, it, its, me, you, him, her, them, us, we, they, he,"
    "she, i, my, your, his, our, their, who, what, when, where, why, how, which, and, or, but,"
    "so, because, if, then, just, really, like, about, back, out, up, down, over, again, too,"
    "very, some, any, all, both, each, every, no, not, never, always, also, still, even,"
    "there, here, home, work, school, church, today, tonight, tomorrow, yesterday, now, later,"
    "him, herself, himself, myself, yourself, themselves, someone, somebody, anyone, anybody,"
    "everyone, everybody, nobody, something, anything, everything, nothing, one, two, three"
)
PRONOUN_FOLLOW = _set(
    "you, i, we, he, she, they, it, that, this, there, be, not, have, ya, y'all, u, me, us,"
    "someone, anyone, everyone, i'm, i've, i'll, we're, you're, they're, it's, your, our, my,"
    "his, her, their, its, the, a, an, some, any, all, no, one, more, also, only, just, never,"
    "soon, still, really, probably"
)
# Words after a name-that-is-also-a-word that show the word use ("Will you", "May I").
MODAL_FOLLOW = _set(
    "you, i, we, he, she, they, it, that, this, there, be, not, have, ya, y'all, u, me, us,"
    "someone, anyone, everyone, your, our, my, his, her, their, its, the, a, an, some, any,"
    "all, no, one, more, down, up, out, off, them, him"
)
STRICT_SAY_VERBS = _set("said, says, told, tells, texted, texts, asked, asks, yelled, screamed")
LOWER_PLACE_WORDS = _set(
    "creek, lake, river, hill, hills, ridge, springs, falls, valley, grove, oaks, pines, woods,"
    "heights, meadows, brook, glen, bay, harbor, point, shore, view, crest, side"
)
TEAM_CUE = _set("play for, plays for, played for, playing for, coach for, coaches for, pitch for")


# Words of clinical vocabulary: a capitalized phrase made only of these ("Narrative Exposure
# Therapy", "Major Depressive Disorder", "Intensive Outpatient Program") names a treatment, a
# diagnosis or a service level, not a person or a place.
CLINICAL_VOCAB = _set(
    "narrative, exposure, therapy, therapies, cognitive, behavioral, behavioural, processing,"
    "dialectical, interpersonal, psychodynamic, psychoanalytic, family, couples, group, play,"
    "art, music, trauma, trauma-focused, focused, prolonged, response, prevention, acceptance,"
    "commitment, compassion, compassion-focused, emotion, emotionally, schema, mentalization,"
    "based, mindfulness, mindfulness-based, stress, reduction, relapse, motivational,"
    "interviewing, enhancement, contingency, management, social, rhythm, rhythms, skills,"
    "training, intensive, outpatient, inpatient, partial, hospitalization, residential,"
    "program, treatment, level, care, major, depressive, depression, disorder, disorders,"
    "generalized, anxiety, panic, bipolar, obsessive-compulsive, obsessive, compulsive,"
    "post-traumatic, posttraumatic, acute, adjustment, persistent, borderline, personality,"
    "eating, binge, anorexia, bulimia, nervosa, substance, use, alcohol, opioid, attention,"
    "deficit, hyperactivity, autism, spectrum, psychology, psychologist, psychiatry,"
    "psychiatric, forensic, clinical, counseling, licensed, professional, clinician, social,"
    "work, worker, marriage, caregiver, caregiving, support, peer, recovery, harm, crisis,"
    "intervention, plan, planning, assessment, evaluation, severity, screening, disorder,"
    "with, and, of, in, for, the, to, informed, affirmative, grief, complicated, prolonged,"
    "structural, strategic, problem-solving, problem, solving, collaborative, psychotherapy,"
    "oppositional, defiant, conduct, intermittent, explosive, batterer, parent-child,"
    "interaction, multisystemic, functional, brief, solution-focused, existential, humanistic,"
    "person-centered, client-centered, supportive, rational, emotive, equine, animal-assisted,"
    "occupational, speech, dementia, cannabis, hoarding, insomnia, reinforcement, hyperactive,"
    "attention-deficit, disruptive, mood, dysregulation, separation, selective, mutism,"
    "somatic, symptom, dissociative, identity, reactive, attachment, disinhibited, neglect"
)

# Numbers said aloud, cardinal and ordinal (left to the spoken-number rules, never names).
NUMBER_WORDS = _set(
    "zero, oh, one, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve,"
    "thirteen, fourteen, fifteen, sixteen, seventeen, eighteen, nineteen, twenty, thirty, forty,"
    "fifty, sixty, seventy, eighty, ninety, hundred, thousand, first, second, third, fourth,"
    "fifth, sixth, seventh, eighth, ninth, tenth, eleventh, twelfth"
)
