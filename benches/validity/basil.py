#!/usr/bin/env python3
"""The author's feeling toward each main entity: framescore's authorial sentiment against
BASIL (Fan et al., EMNLP 2019, "In Plain Sight"), where annotators judged the author's
feeling (negative / neutral / positive) toward each main entity of an article.

Each BASIL article is one framescore article (body paragraphs joined, title as title),
with one ad-hoc target per main entity, found by name and by aliases derived from the
name ("Barack Obama" -> "Obama"; see `aliases`). The predicted class comes from the
entity's `authorial_sentiment` in actors.csv: > +t positive, < -t negative, else neutral;
a missing row counts as neutral (and is reported). Target: macro-F1 >= 0.38 (answering
neutral every time scores high accuracy but macro-F1 about 0.30).

    python3 benches/validity/basil.py DATA/basil [--threshold 0.05]

With about 12 positive and 40 negative judgements, macro-F1 moves a lot with a few
entities, so the script also prints a bootstrap 95% interval: the judged entities are
resampled with replacement (fixed seed, 1000 draws) and the 2.5th and 97.5th percentiles
of macro-F1 are shown.
"""

import argparse
import json
import pathlib
import random
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import common  # noqa: E402

THRESHOLDS = (0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3)
TARGET_F1 = 0.38  # issue 8: author-feeling macro-F1 on the dev articles, at ±0.05
BOOTSTRAP_DRAWS = 1000
BOOTSTRAP_SEED = 8
# Words that make a name a group or an institution rather than a person.
NOT_PERSON = {"administration", "agency", "america", "association", "attacks", "bill",
              "campaign", "catholics", "committee", "companies", "congress", "conservatives",
              "council", "court", "democratic", "democrats", "department", "foundation", "gop",
              "house", "internal", "justice", "lawmakers", "leaders", "national", "now",
              "officials", "party", "plaintiffs", "police", "programs", "protesters",
              "protestors", "republican", "republicans", "security", "senate", "service",
              "state", "supreme", "tea", "u.s.", "white"}
ORG_HEADS = {"agency", "association", "bureau", "committee", "council", "organization", "service"}
GENERIC_TAILS = {"bill", "leaders", "officials", "program", "programs"}
CHAMBERS = {"congressional", "house", "senate"}
# US party adjectives and the plural noun their members go by.
PARTIES = {"democratic": "Democrats", "gop": "Republicans", "republican": "Republicans"}


def aliases(name: str) -> list[str]:
    """Names under which an entity may appear, derived from its BASIL name by rules:
    - "Sasha and Malia Obama" -> "Sasha Obama", "Malia Obama";
      "Nebraska and Oklahoma officials" -> "Nebraska officials", "Oklahoma officials";
    - a person's name of 2-3 words -> the surname ("Barack Obama" -> "Obama");
    - "Obama administration" -> "Obama's administration", "the administration";
    - a leading "U.S." or chamber dropped ("U.S. Congress" -> "Congress",
      "Senate Republicans" -> "Republicans"); a generic tail dropped ("SB 1062 bill" ->
      "SB 1062", "Colorado officials" -> "Colorado", "GOP leaders" -> "GOP");
    - party groups -> the party ("GOP leaders", "Republican lawmakers" -> "Republicans");
    - "Justice Department" -> "Department of Justice"; a one-word plural -> its singular;
      "protestors" -> "protesters";
    - an institution's initials ("National Rifle Association" -> "NRA"), and every
      acronym also with full stops, as the NYT writes them ("N.R.A.")."""
    out = [name]
    words = name.split()
    low = [w.lower() for w in words]
    if " and " in name:
        left, right = name.split(" and ", 1)
        rw = right.split()
        out += [f"{left} {rw[-1]}", right] if len(left.split()) == 1 and len(rw) >= 2 else [left, right]
    elif 2 <= len(words) <= 3 and not set(low) & NOT_PERSON \
            and all(re.fullmatch(r"[A-Za-z][A-Za-z.'-]*", w) for w in words):
        out.append(words[-1])
    if len(words) == 2 and low[1] in ("administration", "campaign"):
        owner = words[0][:-2] if words[0].endswith("'s") else words[0]
        out += [f"{owner} {words[1]}", f"{owner}'s {words[1]}", f"the {low[1]}"]
    if len(words) > 1 and (words[0] in ("U.S.", "US") or low[0] in CHAMBERS):
        out.append(" ".join(words[1:]))
    if len(words) > 1 and low[-1] in GENERIC_TAILS:
        out.append(" ".join(words[:-1]))
    if low[0] in PARTIES:
        out.append(PARTIES[low[0]])
    if "republicans" in low:
        out.append("GOP")
    if len(words) == 2 and low[1] == "department":
        out.append(f"Department of {words[0]}")
    if len(words) == 1 and low[0].endswith("s") and not name.isupper():
        out.append(name[:-1])
    if low[-1].endswith("estors"):  # protestors / protesters
        out.append(name[:-3] + "ers")
    core = [w for w in words if w.lower() not in GENERIC_TAILS]
    if core and core[-1].lower() in ORG_HEADS:
        initials = "".join(w[0] for w in core if w[0].isupper())
        if len(initials) >= 3:
            out.append(initials)
    out += [".".join(a) + "." for a in out if a.isupper() and a.isalpha() and 2 <= len(a) <= 6]
    return list(dict.fromkeys(out))


def load(root: pathlib.Path):
    """(records, gold) with gold[(article id, entity)] = neg | neu | pos.

    articles/<year>/<uuid>_<n>.json: title, source (nyt/fox/hpo, sometimes upper case),
    main-entities, body-paragraphs (a list of paragraphs, each a list of sentences).
    annotations/<year>/<uuid>_<n>_ann.json: article-level-annotations with
    author_feeling_<Entity, spaces as underscores> = neg | neu | pos."""
    records, gold, unjudged = [], {}, 0
    for art in sorted((root / "articles").glob("*/*.json")):
        ann = root / "annotations" / art.parent.name / f"{art.stem}_ann.json"
        if not ann.is_file():
            continue
        a = json.loads(art.read_text(encoding="utf-8"))
        feel = json.loads(ann.read_text(encoding="utf-8"))["article-level-annotations"]
        aid = f"{art.parent.name}/{art.stem}"
        text = "\n\n".join(" ".join(p) for p in a["body-paragraphs"])
        names = [e.strip() for e in a["main-entities"]]
        derived = {e: aliases(e) for e in names}
        # An alias derived for two entities ("Cheney" for Mary and Liz) names neither.
        counts = {}
        for e in names:
            for al in derived[e]:
                counts[al.lower()] = counts.get(al.lower(), 0) + 1
        targets = [{"name": e, "aliases": [al for al in derived[e] if al == e or counts[al.lower()] == 1]}
                   for e in names]
        records.append({"id": aid, "title": a.get("title", ""), "text": text,
                        "outlet": a.get("source", "").lower(), "targets": targets})
        for e in names:
            label = feel.get("author_feeling_" + e.replace(" ", "_"))
            if label in common.LABELS:
                gold[aid, e] = label
            else:
                unjudged += 1
    return records, gold, unjudged


def bootstrap(gold: list[str], pred: list[str]) -> tuple[float, float]:
    """2.5th and 97.5th percentile of macro-F1 over resamples of the entities."""
    rng = random.Random(BOOTSTRAP_SEED)
    n = len(gold)
    scores = []
    for _ in range(BOOTSTRAP_DRAWS):
        idx = [rng.randrange(n) for _ in range(n)]
        scores.append(common.macro_f1([gold[i] for i in idx], [pred[i] for i in idx])[0])
    scores.sort()
    return scores[int(0.025 * BOOTSTRAP_DRAWS)], scores[int(0.975 * BOOTSTRAP_DRAWS) - 1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=pathlib.Path, help="DATA/basil (holding articles/ and annotations/)")
    ap.add_argument("--threshold", type=float, default=0.05,
                    help="neutral band for authorial_sentiment (default: %(default)s)")
    common.add_run_args(ap)
    args = ap.parse_args()

    records, gold, unjudged = load(args.data)
    reports = common.score(args, records)
    auth, overall = {}, {}
    for row in reports["actors"] or []:
        key = (row["article_id"], row["actor"])
        if key in gold:
            auth[key] = common.num(row.get("authorial_sentiment"), 0.0)
            overall[key] = common.num(row.get("sentiment"), 0.0)

    keys = sorted(gold)
    gold_l = [gold[k] for k in keys]
    print(f"BASIL: {len(records)} articles, {len(keys)} judged entities "
          f"(neg/neu/pos {gold_l.count('neg')}/{gold_l.count('neu')}/{gold_l.count('pos')}; "
          f"{unjudged} entities without a judgement skipped)")
    print(f"entities with no actors.csv row: {sum(k not in auth for k in keys)} (counted neutral)\n")
    rows = []
    for t in sorted(set(THRESHOLDS) | {args.threshold}):
        m, acc, per = common.macro_f1(gold_l, [common.classify(auth.get(k), t) for k in keys])
        om, _, _ = common.macro_f1(gold_l, [common.classify(overall.get(k), t) for k in keys])
        rows.append([t, m, acc, per["neg"], per["neu"], per["pos"], om])
    base, base_acc, bper = common.macro_f1(gold_l, ["neu"] * len(keys))
    rows.append(["always neutral", base, base_acc, bper["neg"], bper["neu"], bper["pos"], base])
    common.table(["threshold", "authorial macro-F1", "acc", "F1 neg", "F1 neu", "F1 pos",
                  "all-voice macro-F1"], rows)

    pred = [common.classify(auth.get(k), args.threshold) for k in keys]
    m = common.macro_f1(gold_l, pred)[0]
    print(f"\nconfusion at threshold {args.threshold} (authorial_sentiment)")
    common.confusion(gold_l, pred)
    lo, hi = bootstrap(gold_l, pred)
    print(f"\nbootstrap 95% interval of authorial macro-F1 at threshold {args.threshold} "
          f"(entities resampled, seed {BOOTSTRAP_SEED}, {BOOTSTRAP_DRAWS} draws): {lo:.3f} to {hi:.3f}")
    print(f"\ntarget macro-F1 >= {TARGET_F1} at threshold {args.threshold}: "
          f"{'met' if m >= TARGET_F1 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    common.run(main)
