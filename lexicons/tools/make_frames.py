#!/usr/bin/env python3
"""Derives lexicons/frames.toml from the connotation frames of Rashkin, Singh & Choi
(ACL 2016, "Connotation Frames: A Data-Driven Investigation").

    python3 lexicons/tools/make_frames.py DATA/connotation-frames > lexicons/frames.toml

DATA/connotation-frames/rashkin-lexicon_full_frame_info.txt rates about 940 verbs, each
by 15 crowd workers, in [-1, 1]; its header calls the subject `a` (agent) and the object
`t` (theme). Three ratings are used, with the authors' own cut-off (|r| > 0.25 is
polar):
- writer_perspective(a): the writer's view of the subject. Verbs rated negative judge
  their agent ("X attacks Y", "X threatens Y" speak ill of X): `frame_agent_negative`.
- agent_theme_perspective(t): the subject's view of the object. Verbs rated negative or
  positive carry the subject's stance toward the object ("X accused Y", "X backs Y"):
  `frame_theme_negative`, `frame_theme_positive`.
- writer_perspective(t): the writer's view of the object. Where it is not polar in the
  same direction as the subject's view, the object's polarity is the subject's alone,
  not the writer's ("X accused Y": the writer does not say Y is guilty):
  `frame_subject_voice`.
Each lemma is written with its regular inflections (-s, -ed, -ing; a final e dropped,
a final y turned to -ies/-ied, a final consonant doubled after a short vowel for
one-syllable verbs) plus a few irregular past forms. The output is our data (word lists),
not a copy of the ratings.
"""

import json
import pathlib
import sys

CUT = 0.25
IRREGULAR = {
    "beat": ["beaten"], "bring": ["brought"], "build": ["built"], "buy": ["bought"],
    "catch": ["caught"], "choose": ["chose", "chosen"], "fight": ["fought"],
    "forgive": ["forgave", "forgiven"], "give": ["gave", "given"], "hold": ["held"],
    "hurt": [], "keep": ["kept"], "lead": ["led"], "leave": ["left"], "lose": ["lost"],
    "make": ["made"], "meet": ["met"], "pay": ["paid"], "seek": ["sought"],
    "sell": ["sold"], "send": ["sent"], "shoot": ["shot"], "sting": ["stung"],
    "strike": ["struck", "stricken"], "take": ["took", "taken"], "teach": ["taught"],
    "tell": ["told"], "think": ["thought"], "throw": ["threw", "thrown"],
    "win": ["won"], "write": ["wrote", "written"], "bite": ["bit", "bitten"],
    "steal": ["stole", "stolen"], "forsake": ["forsook", "forsaken"],
    "betray": [], "overthrow": ["overthrew", "overthrown"], "undertake": ["undertook"],
    "withhold": ["withheld"], "uphold": ["upheld"], "mislead": ["misled"],
}
VOWELS = "aeiou"


def forms(lemma: str) -> list[str]:
    out = [lemma]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        out.append(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in VOWELS:
        out.append(lemma[:-1] + "ies")
    else:
        out.append(lemma + "s")
    if lemma.endswith("e"):
        stem = lemma[:-1]
        out += [stem + "ed", stem + "ing"] if not lemma.endswith("ee") else [lemma + "d", lemma + "ing"]
    elif lemma.endswith("y") and lemma[-2:-1] not in VOWELS:
        out += [lemma[:-1] + "ied", lemma + "ing"]
    elif (len(lemma) <= 4 and len(lemma) >= 3 and lemma[-1] not in VOWELS + "wxy"
          and lemma[-2] in VOWELS and lemma[-3] not in VOWELS):
        out += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    else:
        out += [lemma + "ed", lemma + "ing"]
    if lemma in IRREGULAR:
        out = [f for f in out if not f.endswith("ed") or not IRREGULAR[lemma]] + IRREGULAR[lemma]
    return out


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    path = pathlib.Path(sys.argv[1]) / "rashkin-lexicon_full_frame_info.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    col = {name: i for i, name in enumerate(header)}
    lists = {"frame_agent_negative": set(), "frame_theme_negative": set(),
             "frame_theme_positive": set(), "frame_subject_voice": set()}
    verbs = 0
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) != len(header):
            continue
        lemma = cells[0].strip().lower()
        if not lemma.isalpha():
            continue
        verbs += 1
        ws = float(cells[col["writer_perspective(a)"]])
        wo = float(cells[col["writer_perspective(t)"]])
        so = float(cells[col["agent_theme_perspective(t)"]])
        fs = forms(lemma)
        if ws < -CUT:
            lists["frame_agent_negative"].update(fs)
        if so < -CUT:
            lists["frame_theme_negative"].update(fs)
        if so > CUT:
            lists["frame_theme_positive"].update(fs)
        if abs(so) > CUT and not (wo * so > 0 and abs(wo) > CUT):
            lists["frame_subject_voice"].update(fs)
    notes = {
        "frame_agent_negative": "verbs whose writer's view of the subject is negative (writer_perspective(a) < -0.25): a negative word among them between two actors judges the subject (\"Japan threatens Russia\")",
        "frame_theme_negative": "verbs whose subject's view of the object is negative (agent_theme_perspective(t) < -0.25): a negative word among them between two actors judges the object (\"Russia accused Japan\")",
        "frame_theme_positive": "verbs whose subject's view of the object is positive (agent_theme_perspective(t) > 0.25): a positive word among them between two actors is about the object (\"Russia backs China\")",
        "frame_subject_voice": "verbs whose polarity toward the object is the subject's view and not the writer's (writer_perspective(t) not polar in the same direction): between two actors the word is in the subject's voice",
    }
    print("# frames.toml: verbs that link two actors, and whom their polarity is about.")
    print("#")
    print("# GENERATED by lexicons/tools/make_frames.py from the connotation frames of")
    print("# Rashkin, Singh & Choi (ACL 2016), about 940 verbs rated by 15 crowd workers each")
    print(f"# ({verbs} verbs read); regenerate with")
    print("#   python3 lexicons/tools/make_frames.py DATA/connotation-frames > lexicons/frames.toml")
    print("# The lists switch on one target rule (src/analyze/terms/target.rs): a polar word")
    print("# that is one of these verbs, with an actor right before it (the subject) and one")
    print("# right after it (the object), is about the subject or the object as the list says.")
    print("# They give no word a polarity: that comes from sentiment.toml and loaded.toml.")
    print("# Same format as rules.toml ([words.ID], single lower-case words).")
    for name, words in lists.items():
        print()
        print(f"[words.{name}]")
        print(f"note = {json.dumps(notes[name])}")
        print("terms = [")
        row = "  "
        for w in sorted(words):
            item = f'"{w}", '
            if len(row) + len(item) > 90:
                print(row.rstrip())
                row = "  "
            row += item
        print(row.rstrip())
        print("]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
