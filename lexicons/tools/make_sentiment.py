#!/usr/bin/env python3
"""Build lexicons/sentiment.toml from public sentiment lexicons.

    python3 lexicons/tools/make_sentiment.py DATA [--vader FILE] > lexicons/sentiment.toml

DATA is the shared data folder (the one holding lexicons/, bbc-news/, polnear/).
FILE is VADER's `vader_lexicon.txt`; by default DATA/vader/vader_lexicon.txt.
If your copy of DATA has no VADER lexicon, take it from the MIT-licensed PyPI
package: `pip download --no-deps vaderSentiment==3.3.2`, unzip the wheel, and
pass `--vader .../vaderSentiment/vader_lexicon.txt`.

The output is the whole file, header included, and the same inputs always give
the same bytes. Inputs include the other lexicon files in this folder's parent
(terms they give to modifier, certainty or source families are left out here).
Every choice (thresholds, word lists) is a constant below: change it here and
regenerate rather than editing sentiment.toml by hand.
"""

import argparse
import collections
import pathlib
import re
import sys
import tomllib

# ---------------------------------------------------------------- scales

# VADER valence is a mean of 10 human ratings on -4..4; framescore uses -1..1.
VADER_SCALE = 4.0
# |mean valence| below this means the raters found the word about neutral: drop it
# (do not fall back to another list's polarity).
VADER_MIN = 0.5
# Words VADER does not rate: MPQA gives a prior polarity and a strength.
MPQA_STRONG = 0.5
MPQA_WEAK = 0.25
# Words only in Liu's opinion lexicon (no strength given).
LIU_ONLY = 0.35
# Words only VADER rates need a clearer rating than VADER_MIN.
VADER_ONLY_MIN = 1.0
# A word that never occurs in the reference news text (NEWS_TEXT) is kept only if
# VADER and Liu/MPQA agree on it and |polarity| is at least this.
RARE_MIN = 0.625
# Topical event words (war, killed, ...) keep this share of their polarity.
EVENT_FACTOR = 0.5

# ---------------------------------------------------------------- word lists

WORD = re.compile(r"[a-z]+(?:[-'][a-z]+)*")
# The few multiword VADER entries, kept as phrases.
PHRASES = {"can't stand", "fed up", "screwed up"}

EXCLUDE = {}  # reason -> words; filled below


def exclude(reason, words):
    EXCLUDE[reason] = set(words.split())


exclude("modifier: negators, intensifiers, downtoners and contrast words live in modifiers.toml", """
    no not never none nothing nobody nowhere neither nor without nope despite
    very really so too most more less least much little
    absolutely completely entirely fully totally utterly wholly thoroughly
    extremely exceedingly exceptionally extraordinarily incredibly unbelievably
    enormously hugely immensely tremendously vastly greatly deeply intensely
    highly especially particularly remarkably strikingly substantially considerably
    awfully terribly seriously strongly profoundly decidedly purely truly heavily
    drastically radically sheer staggering enormous overwhelming overwhelmingly
    unusually unlimited merely mere marginal
    barely hardly scarcely slightly somewhat partly marginally fairly rather
    pretty quite kinda sorta
    so-called
""")

exclude("certainty: hedges and boosters live in hedges.toml", """
    clearly obviously certainly surely definitely undoubtedly doubtless doubtlessly
    indeed actually apparently evidently plainly manifestly unquestionably
    undeniably unequivocally categorically assuredly conclusively definitively
    admittedly allegedly reportedly supposedly seemingly presumably arguably
    possibly probably likely unlikely perhaps maybe possible impossible
    sure unsure certain uncertain unclear undoubted certainty
    honestly frankly precisely necessarily essentially basically
    clear clearer clearing true proven proves proving well-known best-known
    doubt doubts doubted doubtful plausible inevitable inevitably
    ultimately importantly explicitly explicit enhanced unprecedented upheld
    unexpectedly squarely
""")

exclude("reporting verbs: attribution.toml decides how a report is framed", """
    argue argues argued arguing argument arguments
    admit admits admitted admitting
    stress stressed stresses stressing
    claim claims claimed claiming
    insist insists insisted insisting
    urge urges urged urging
    warn warns warned warning warnings
    charge charges charged charging
    vow vows vowed vowing
    pledge pledges pledged pledging
    highlight highlights highlighted highlighting
    concede concedes conceded conceding concession concessions
    understand understands understood
    convince convinced persuade persuaded persuading
    assertions wonder wondered wondering wonders
    declined
""")

exclude("actor, identity and political words: they name a side, not judge it", """
    trump trumps trumped trumping
    liberal liberals conservative conservatives libertarian left-leaning
    democratic republican socialist communist progressive moderate
    black white
    patriot patriots
    independence independent autonomous
    loyalist loyalists
    liberation
    supreme premier
    opposition opponent opponents
    ally allies
    supporter supporters
    elite
    undocumented disabled deaf
    holy sacred saint salvation heaven worship
    diplomatic integral self-determination nationalism dissident dissidents liberate liberating
    pious piety devout chaste providence faiths blasphemy willful willfully
""")

exclude("neutral in news: a topic, a function or a fixed phrase more often than an evaluation", """
    like likes liked well please yes yeah ok okay alright
    relax relaxed relaxes relaxing relaxation
    party parties united
    play plays played playing player players fan fans
    share shares shared sharing
    interest interests interested interesting
    security securities secure secured securing
    defense defence defenses defences defend defended defending defender defenders
    free freely
    hand hands heart hearts
    kind
    credit credits credited crediting
    fine fines fined
    just right rights real
    back backing backs backed
    lead leading leads led
    top tops
    increase increased increasing increases
    low lower lowest lowered lowering
    create created creates creating creation
    giving give gives given
    focused focus
    commit commits committed committing commitment commitments
    join joins joined joining
    launched
    energy
    legal
    entertainment holiday holidays festival festivals
    champions championship championships
    treasury treasurer
    assets
    respectively respective
    stop stops stopped stopping
    accept accepts accepted accepting
    agree agrees agreed agreeing
    chance chances
    determined
    god
    spam spammers spamming
    will work works worked court courts debate debates debated debating long
    issue issues care justice
    cut cuts cutting star stars special super
    fall falls fell falling
    allow allows allowed allowing
    content contents available appeal appeals appealed
    rally rallies rallied rallying
    break breaks breaking broke
    rival rivals
    ensure ensures ensured ensuring
    vice grand ready worth value values original intelligence
    moving alone responsible greater natural faith limited limit limits
    modern fit gold golden cross drop willing prepared effectively easily
    keen shadow courts drama thanks straight
    dominated portable sanction sanctions sanctioned faster miss vision split
    strike strikes striking struck fresh savings prominent kid kids
    sensitive cold frank expand complex classic qualified watchdog granted grant
    unusual plenty engaged engagement advanced cheaper kick surge hot advocate
    advocates advocacy novel odds offensive offense prosecution ultimate hedge
    prefer preferred preference preferences fortune knocked magic openly
    comprehensive treat fitness poised impression swank renewed exclusive
    fastest unknown contrary personality sweeping slower slowly greeted
    outsider qualify qualifying veto comedian promoted pundits rank master
    soft toll accessible guidance hamstring mystery low-cost sentiment actively
    famously pressing silent stump undecided capability loose loud trophy pigs
    pig sacrifice intellectual justify notable outreach recommendations patient
    promptly rail spurs spur spurred swiftly bargain bash hang idol inviting
    overturn overturned prominence substantive wishes bump dear herald inclined
    instantly lone noise burn burned burning burns educated exceeded exceed
    exceeds exceeding distinction tank tanks frozen fat dragons plea pleas
    restructuring restructure symptoms fleeing flee revolutionary paramount
    absentee bent object objects steep clearing evenly hung rip scramble
    scrambling scrambled smoke taxing urgency desert enduring foremost knocking
    precise realistically reminiscent surging surpass surpassed surpassing
    unanimous courting fancy fitting haven integrated jam lean obey obliged
    overtake overtaken overtook overtaking repay sanctuary twist underdog cloud
    darling fictional hottest lush outgoing randomly reclaim reformed
    sensitivity sworn traction tumbled abruptly compact forged lighter quicker
    riding worn ample bug dust dynamics expire expires expired gritty
    instrumental rhetorical slug stranger stride vivid affirmative backbone
    brains chatter commonplace confined continuity distinctive grit manifest
    noises rack seasoned simpler sober softer strongholds tender unaffected
    upgraded anomaly cave cheapest convenience corrected dare drones elevate
    gutter indebted inflationary louder masters maximize overlooking
    peacekeepers preaching shark simplify supremo survivor understated
    wonders impeach guarantee guarantees guaranteed imminent inclination
    little-known pure readily reliably sink soften treasure dawn fancy
    survival rust arresting dodge pros panoramic proprietary thinner subsidized
    refund hallmark dummy uncommon swore preach preached preaches rave wrestling
    bore din apostle compel crusade crusader eternity dragon counter-attack
    long-time trumpet uninsured futuristic sharper quieter subpoena subpoenas
    picket vomiting swelling swollen swelled infections infection amputated
    eruptions flare flares congestion superiors successors endorser promoter
    catalyst pillar elimination toast toasts sunny torrid scorching chill static
    weed punk buzzing glossy gloss dimmer dim dimming crisp overweight obese boil
    boiled boils itching smell bleed fouls friendlies champagne ultra utter
    utmost vie vied raked spilling deterrent invasive penetrating
    anti admirals amor illuminati realist graveyard peach rockstars bs ding wee
    impressionist covenant favorables engagers smarties givers humankind manly
    crude crudes peacetime peacekeeping fiesta deepening consistently articulate
""")

exclude("slang, abbreviations, names and junk entries of the source lists", """
    admiral amazon diamond grimes freeman wells
""")

# Words whose polarity is real but which in news mostly name the topic of the
# story (conflict, crime, disaster, disease, death): they go to `category.event`
# with EVENT_FACTOR of their polarity, so a war report is not scored as hostile
# language by its subject alone.
EVENT = set("""
    war wars warfare battlefield
    attack attacks attacked attacking attacker attackers
    kill kills killed killing killings killer killers
    murder murders murdered
    dead death deaths die dies died dying funeral
    violence violent
    terror terrorism terrorist terrorists
    weapon weapons weaponry gun guns bomb bombs bombing bombarded
    explosive exploded exploding
    crisis crises disaster disasters crash crashed
    victim victims wounded wounds injured injury
    conflict conflicts combat tension tensions fire firing
    massacre slaughter genocide assassination stabbed
    virus outbreak epidemic deadly lethal hostage siege
    suspects imprisonment drought famine casualty casualties fatality fatalities
    perished carnage bloodshed assassinate assassinated assassinations
    collision collisions ambush massacres
""".split())

# A word that is capitalised in at least this share of its mid-sentence uses in
# the reference news text (and seen at least NAME_MIN_SEEN times there) is
# mostly a name (Frank, Kemp, Brooks, Moody's, Grand Slam): it is dropped,
# unless listed in KEEP_CAPITALISED.
NAME_SHARE = 0.75
NAME_MIN_SEEN = 3
KEEP_CAPITALISED = set("""
    slam crooked bravery harmony cruel earnest stern
""".split())

# Polarities set by hand, where the sources overstate a word used routinely in
# diplomatic and economic reporting.
OVERRIDE = {
    "concern": -0.25,
    "concerns": -0.25,
    "concerned": -0.25,
}

# An apology presupposes an offence: in news "X apologised" reports that X did
# wrong (VADER's raters took it as a courteous act).
APOLOGY = {"apologise", "apologize", "apologizes", "apologized", "apologised", "apologises"}

# Terms of these families in the other lexicon files (next to this script's
# folder) are left out here, so that one word is not both a modifier or a
# certainty marker and a sentiment word.
OTHER_FAMILIES = {
    "negator", "intensifier", "downtoner", "contrast", "hedge", "booster",
    "vague_source", "anonymous_source", "so_called",
}
LEXICON_DIR = pathlib.Path(__file__).resolve().parent.parent

# Words none of the sources has (or drops by a rule meant for other uses),
# added by hand: word -> polarity in [-1, 1]. Evaluative in general news about
# whoever they are said of: legal jeopardy and misconduct, harsh public rebuke
# (as the forms the sources already list: "blasted", "ripped"), success.
ADD = {
    # misconduct and legal jeopardy (as "crime", "guilty", "scandal")
    "misconduct": -0.5, "crimes": -0.6, "indicted": -0.5, "indictment": -0.4,
    "convicted": -0.5, "scrutiny": -0.25, "backlash": -0.4,
    # harsh rebuke: the other forms of "blasted", "ripped", "slam"
    "blasts": -0.5, "blasting": -0.5, "rips": -0.35, "slammed": -0.4, "slams": -0.4,
    # prejudice and dishonesty (as "racist", "lies", "bully")
    "sexist": -0.7, "misogynist": -0.7, "misogynistic": -0.7, "xenophobic": -0.7,
    "bigot": -0.7, "bigoted": -0.7, "demagogue": -0.5, "thugs": -0.6,
    "falsehoods": -0.45, "misled": -0.4, "debunked": -0.35,
    # failure and discord (as "blunder", "disarray", "unpopular")
    "bungled": -0.45, "flip-flop": -0.3, "flip-flopped": -0.3, "infighting": -0.35,
    "unlikable": -0.45, "polarizing": -0.25, "ousted": -0.35, "impeached": -0.4,
    # success and approval (as "victory", "achievement", "applauded")
    "victories": 0.25, "achieved": 0.4, "momentum": 0.3, "hailed": 0.45, "liked": 0.4,
    "prevailed": 0.45, "clinched": 0.4, "trailblazer": 0.6, "pioneering": 0.5, "esteemed": 0.475, "spearheaded": 0.3,
    **{w: -0.25 for w in sorted(APOLOGY)},
}

# ---------------------------------------------------------------- sources


def read_vader(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                out[parts[0]] = float(parts[1])
    return out


def read_liu(path):
    out = set()
    with open(path, encoding="latin-1") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith(";"):
                out.add(line)
    return out


def read_mpqa(path):
    out = collections.defaultdict(list)
    with open(path, encoding="ascii") as f:
        for line in f:
            d = dict(kv.split("=", 1) for kv in line.split() if "=" in kv)
            pol = d.get("priorpolarity", d.get("polarity"))
            out[d["word1"]].append((d["type"], d["pos1"], d["stemmed1"] == "y", pol))
    return out


NEWS_TEXT = (
    "bbc-news/bbc/*/*.txt",                        # BBC News 2004-05, Greene & Cunningham
    "polnear/data/*/text/*.txt",                   # PolNeAR US political news, 2016
    "semeval2020-task11-ptc/datasets/*/*.txt",     # SemEval-2020 task 11 propaganda articles
)
TOKEN = re.compile(r"[A-Za-z]+(?:['-][A-Za-z]+)*")


def read_other_families(folder):
    """Terms (and `*` prefixes) that other lexicon files give to OTHER_FAMILIES."""
    words, prefixes = {}, {}
    for path in sorted(folder.glob("*.toml")):
        if path.name == "sentiment.toml":
            continue
        with open(path, "rb") as f:
            doc = tomllib.load(f)
        for cid, cat in doc.get("category", {}).items():
            if cat.get("family") not in OTHER_FAMILIES:
                continue
            for t in cat.get("terms", []):
                text = (t["text"] if isinstance(t, dict) else t).lower()
                where = f"{path.name} [{cid}]"
                if text.endswith("*"):
                    prefixes[text[:-1]] = where
                else:
                    words[text] = where
    return words, prefixes


def read_corpus(data):
    """Word counts of the reference news text, and how often each word is
    capitalised in mid-sentence (a sign that it is mostly a name)."""
    files = [p for pattern in NEWS_TEXT for p in sorted(data.glob(pattern))]
    if not files:
        sys.exit("make_sentiment: no reference news text under DATA (see NEWS_TEXT)")
    counts = collections.Counter()
    mid = collections.Counter()
    caps = collections.Counter()
    for p in files:
        text = p.read_bytes().decode("utf-8", "replace").replace("\u2019", "'")
        for m in TOKEN.finditer(text):
            w = m.group()
            lw = w.lower()
            counts[lw] += 1
            before = text[max(0, m.start() - 3): m.start()].rstrip(" ")
            if before and (before[-1].isalnum() or before[-1] == ","):
                mid[lw] += 1
                if w[0].isupper() and not w.isupper():
                    caps[lw] += 1
    names = {w for w, n in mid.items()
             if n >= NAME_MIN_SEEN and caps[w] >= NAME_SHARE * n}
    return counts, names


# ---------------------------------------------------------------- building

INFLECT = {
    "verb": ("s", "es", "ed", "d", "ing"),
    "noun": ("s", "es"),
    "adj": ("er", "est", "r", "st"),
    "adverb": (),
}
INFLECT["anypos"] = INFLECT["verb"] + INFLECT["adj"]


def forms(base, suffixes):
    """Regular inflected forms of `base`, spelled by the usual rules (loosely:
    only forms seen in news text are kept)."""
    out = set()
    e = base.endswith("e")
    for suf in suffixes:
        if suf in ("d", "r", "st"):
            if e:
                out.add(base + suf)
            continue
        if suf == "s" and base.endswith(("s", "x", "z", "ch", "sh")):
            continue
        if suf == "es" and not base.endswith(("s", "x", "z", "ch", "sh", "o")):
            continue
        if e and suf[0] in "aeiu":
            out.add(base[:-1] + suf)
            continue
        if base.endswith("y") and base[-2:-1] not in tuple("aeiou") and suf != "ing":
            out.add(base[:-1] + "i" + ("es" if suf == "s" else suf))
            continue
        out.add(base + suf)
        if suf[0] in "aeiu" and len(base) >= 3 and base[-1] not in "aeiouwxy" \
                and base[-2] in "aeiou" and base[-3] not in "aeiou":
            out.add(base + base[-1] + suf)
    out.discard(base)
    return out


def sign(x):
    return 1 if x > 0 else -1


def build(data, vader_path, log):
    lex = data / "lexicons"
    vader = read_vader(vader_path)
    pos = read_liu(lex / "recasens2013" / "positive_liu2005.txt")
    neg = read_liu(lex / "recasens2013" / "negative_liu2005.txt")
    mpqa = read_mpqa(lex / "mpqa-subjectivity" / "subjclueslen1-HLTEMNLP05.tff")
    corpus, names = read_corpus(data)
    excluded = {w: reason for reason, ws in EXCLUDE.items() for w in ws}
    other_words, other_prefixes = read_other_families(LEXICON_DIR)
    dropped = collections.Counter()

    def ok_word(w):
        return bool(WORD.fullmatch(w)) or w in PHRASES

    def other_signs(w):
        """Signs Liu and MPQA give `w`; 0 stands for MPQA neutral/both."""
        s = set()
        if w in pos:
            s.add(1)
        if w in neg:
            s.add(-1)
        for _typ, _pos, _stem, pol in mpqa.get(w, ()):
            s.add({"positive": 1, "negative": -1}.get(pol, 0))
        return s

    def list_polarity(w):
        """(polarity, origin) from Liu/MPQA, or None: if they disagree, if MPQA
        calls the word neutral, or if the only evidence is a weak MPQA clue."""
        s = other_signs(w)
        if len(s) != 1 or 0 in s:
            return None
        sg = s.pop()
        types = {typ for typ, _p, _s, _pol in mpqa.get(w, ())}
        in_liu = w in pos or w in neg
        if "strongsubj" in types:
            return sg * MPQA_STRONG, "mpqa" + ("+liu" if in_liu else "")
        if "weaksubj" in types:
            return (sg * MPQA_WEAK, "mpqa+liu") if in_liu else None
        return sg * LIU_ONLY, "liu"

    known = {w for w in pos | neg | set(mpqa) if ok_word(w)} - set(excluded)
    out = {}  # word -> (polarity, origin)

    # 1. VADER-rated words.
    for w, v in vader.items():
        if not ok_word(w):
            dropped["vader: not a word (emoticon, abbreviation with digits...)"] += 1
            continue
        if abs(v) < VADER_MIN:
            dropped["vader: rated about neutral"] += 1
            continue
        s = other_signs(w)
        if s and sign(v) not in s:
            dropped["vader: sign disagrees with Liu/MPQA"] += 1
            continue
        if not s and abs(v) < VADER_ONLY_MIN:
            dropped["vader: only in VADER and mild"] += 1
            continue
        if not s and (len(w) <= 3 and w not in PHRASES):
            dropped["vader: only in VADER, 3 letters or fewer (slang)"] += 1
            continue
        out[w] = (v / VADER_SCALE, "vader" + ("+list" if s else ""))

    # 2. Liu / MPQA words VADER does not rate.
    for w in sorted(known):
        if w in vader:
            continue
        p = list_polarity(w)
        if p is None:
            dropped["liu/mpqa: disagreeing, neutral, or only a weak MPQA clue"] += 1
            continue
        out[w] = p

    # 3. Inflections of MPQA verb and adjective clues marked stemmed.
    for w, clues in sorted(mpqa.items()):
        if w not in out or w in excluded:
            continue
        for _typ, p, stemmed, _pol in clues:
            if not stemmed or p == "noun":
                continue
            for f in sorted(forms(w, INFLECT.get(p, ()))):
                if f in out or f in vader or f in pos or f in neg or f in mpqa:
                    continue
                if ok_word(f) and corpus[f]:
                    out[f] = (out[w][0], "inflection")

    # 4. Keep what news text uses, and the strongest words two sources agree on.
    for w, (p, origin) in list(out.items()):
        if corpus[w] or w in PHRASES:
            continue
        if origin == "vader+list" and abs(p) >= RARE_MIN:
            continue
        dropped["not in the reference news text (and not strong in two sources)"] += 1
        del out[w]

    for w in sorted(out):
        if w in names and w not in KEEP_CAPITALISED and w not in excluded:
            dropped["mostly capitalised in news text (a name)"] += 1
            del out[w]
    for w in list(out):
        if w in excluded:
            dropped["excluded: " + excluded[w].split(":")[0]] += 1
            del out[w]
        elif w in other_words or any(w.startswith(p) for p in other_prefixes):
            dropped["in another family's lexicon (modifiers, hedges, sources)"] += 1
            del out[w]
    for w, p in OVERRIDE.items():
        if w in out:
            out[w] = (p, "override")
    for w, p in ADD.items():
        out[w] = (p, "added")
    for reason, n in sorted(dropped.items()):
        log(f"{n:6}  {reason}")
    return out, corpus


def fmt(x):
    s = f"{x:.3f}".rstrip("0").rstrip(".")
    return s if s not in ("-0", "") else "0"


def render(words):
    cats = {"positive": [], "negative": [], "event": []}
    for w, (p, _origin) in words.items():
        if w in EVENT:
            p *= EVENT_FACTOR
            cats["event"].append((w, p))
        else:
            cats["positive" if p > 0 else "negative"].append((w, p))
    counts = {k: len(v) for k, v in cats.items()}
    header = HEADER.format(
        total=sum(counts.values()), vader_min=fmt(VADER_MIN), mpqa_strong=fmt(MPQA_STRONG),
        mpqa_weak=fmt(MPQA_WEAK), vader_only_min=fmt(VADER_ONLY_MIN), liu_only=fmt(LIU_ONLY), rare_min=fmt(RARE_MIN),
        event_factor=fmt(EVENT_FACTOR), **counts)
    lines = [header.rstrip("\n"), ""]
    notes = {
        "positive": "evaluative words that speak well of what they are about",
        "negative": "evaluative words that speak ill of what they are about",
        "event": f"conflict, crime, disaster and death words: polarity x {EVENT_FACTOR}, "
                 "since in news they mostly name the topic",
    }
    for name, terms in cats.items():
        terms.sort(key=lambda t: (t[0].lower(), t[0]))
        lines.append(f"[category.{name}]")
        lines.append('family = "sentiment"')
        lines.append(f'note = "{notes[name]}"')
        lines.append("terms = [")
        for w, p in terms:
            lines.append(f'  {{ text = "{w}", polarity = {fmt(round(p, 3))} }},')
        lines.append("]")
        lines.append("")
    return "\n".join(lines), counts


HEADER = """\
# sentiment.toml: general evaluative words, graded, for news text.
#
# GENERATED by tools/make_sentiment.py from the lists below; {total} terms
# ({positive} positive, {negative} negative, {event} event). Regenerate with
#   python3 lexicons/tools/make_sentiment.py DATA --vader vader_lexicon.txt > lexicons/sentiment.toml
# What it is for: the `tone` of an article and the positive / negative hits
# toward each actor. Each term carries its own polarity in [-1, 1]; negators,
# intensifiers and contrast words (modifiers.toml) adjust it in context.
#
# Where the words and polarities come from:
# - VADER sentiment lexicon (Hutto & Gilbert, ICWSM 2014; vaderSentiment 3.3.2,
#   MIT License, (c) 2016 C.J. Hutto): mean of 10 human ratings on -4..4.
#   polarity = mean / 4. Dropped: means under {vader_min} in absolute value
#   (raters saw no clear polarity) and, for words only VADER lists, under
#   {vader_only_min} or of 3 letters or fewer (mostly slang).
# - MPQA Subjectivity Lexicon (Wilson, Wiebe & Hoffmann, HLT/EMNLP 2005;
#   subjclueslen1-HLTEMNLP05.tff as shipped in the NewsMTSC repository; the MPQA
#   distribution is under the GNU GPL): for words VADER does not rate,
#   strong clue = +-{mpqa_strong}, weak clue = +-{mpqa_weak} (a weak clue counts only
#   if Liu agrees). Inflections of MPQA verb/adjective clues marked "stemmed"
#   inherit the clue's polarity.
# - Opinion Lexicon of Hu & Liu (KDD 2004; Liu, Hu & Cheng, WWW 2005; lists as
#   copied in the neutralizing-bias repository, MIT License there; the authors
#   state no licence): words only Liu lists = +-{liu_only}. Liu and MPQA also
#   veto: a VADER word they give the opposite sign is dropped.
# - Riloff & Wiebe (2003) subjectivity lists are not used: they carry no polarity.
# Words never seen in about 2 million words of reference news text (BBC News
# 2004-05, PolNeAR, SemEval-2020 task 11 articles; used only to count words) are
# kept only if VADER and Liu/MPQA agree and |polarity| >= {rare_min}. Words mostly
# capitalised mid-sentence there (names: Frank, Moody's) are dropped.
# Added by hand (ADD in the script): news words the sources lack, rated like
# their listed kin ("indicted", "slammed", "bigoted", "achieved", "hailed");
# "apologise" and its forms are -0.25, since an apology presupposes an offence.
#
# Left out on purpose (see EXCLUDE in the script, one reason per list):
# emoticons, slang and abbreviations; negators and intensifiers ("not",
# "very"); hedges and boosters ("clearly", "likely"); reporting verbs
# ("warned", "claimed", "urged"); words naming a side rather than judging it
# ("liberal", "conservative", "opposition", "ally", "trump"); and words that are
# mostly neutral in news ("party", "like", "well", "united", "security",
# "issue", "special", "supreme", "court", "care"). Words that modifiers.toml,
# hedges.toml or attribution.toml give to a non-polar family (negator,
# intensifier, hedge, booster, vague source...) are left out automatically.
# Words also in loaded.toml are kept: there they are loaded, here graded.
# [category.event] holds conflict, crime, disaster and death words ("war",
# "killed", "crisis", "tensions") at {event_factor} x their polarity: in news they
# mostly name the story's topic rather than judge anyone.
# There are no `*` wildcards: each inflected form is listed with its own rating.
#
# To extend: add `{{ text = "word", polarity = -0.5 }}` to the category it fits,
# in alphabetical order (`framescore lexicon check` checks order and
# duplicates), or, to keep the change when the file is regenerated, put it in
# the script's ADD, OVERRIDE, EXCLUDE or EVENT lists and regenerate. A word
# belongs to one category only. Find candidates with `framescore kwic`.
"""





def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=pathlib.Path, help="shared data folder")
    ap.add_argument("--vader", type=pathlib.Path, help="vader_lexicon.txt")
    ap.add_argument("--review", type=int, default=0,
                    help="print the N terms most frequent in the news text to stderr")
    a = ap.parse_args()
    vader = a.vader or a.data / "vader" / "vader_lexicon.txt"
    if not vader.is_file():
        sys.exit(f"make_sentiment: no VADER lexicon at {vader}; see --help")

    def log(line):
        print(line, file=sys.stderr)

    words, corpus = build(a.data, vader, log)
    text, counts = render(words)
    log(f"terms: {sum(counts.values())} {counts}")
    if a.review:
        top = sorted(words, key=lambda w: (-corpus[w], w))[: a.review]
        log(" ".join(f"{w}:{fmt(words[w][0])}:{words[w][1]}:{corpus[w]}" for w in top))
    log("by origin: " + str(dict(collections.Counter(o for _p, o in words.values()))))
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
