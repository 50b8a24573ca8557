#!/usr/bin/env python3
"""How well does framescore's `tone` agree with people? (issue: tone vs human judgement)

Data: the New York Times editorial snippets of Hutto & Gilbert (ICWSM 2014, the VADER
paper), each rated from -4 to +4 by about 20 people. Every snippet is scored as one
article (JSONL input, no title) and the article's `tone` is correlated with the human
mean. Target: Pearson r >= 0.55 (VADER itself: about 0.5).

    python3 benches/validity/vader_nyt.py DATA/vader [--bin target/release/framescore]
"""

import argparse
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import common  # noqa: E402

FILE = "nytEditorialSnippets_GroundTruth.txt"
TARGET_R = 0.55


def load(path: pathlib.Path) -> list[tuple[str, float, str]]:
    """(id, human mean, text) per snippet. The file is tab-separated with CRLF line ends:
    ID <TAB> MEAN <TAB> TEXT, ID = editorial_sentence."""
    if path.is_dir():
        path = path / FILE
    rows = []
    with open(path, encoding="utf-8", errors="replace", newline="") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                print(f"warning: {path.name}:{n}: expected 3 tab-separated fields", file=sys.stderr)
                continue
            rows.append((parts[0], float(parts[1]), parts[2]))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=pathlib.Path, help=f"DATA/vader (or the {FILE} file)")
    common.add_run_args(ap)
    args = ap.parse_args()

    snippets = load(args.data)
    records = [{"id": sid, "text": text} for sid, _, text in snippets]
    reports = common.score(args, records)
    tone = {r["article_id"]: common.num(r.get("tone")) for r in reports["articles"]}

    human, ours, missing = [], [], 0
    for sid, mean, _ in snippets:
        t = tone.get(sid)
        if t is None:
            missing += 1
            continue
        human.append(mean)
        ours.append(t)
    if len(ours) < 3:
        print(f"too few scored snippets ({len(ours)} of {len(snippets)}) to correlate")
        return 0

    r, rho = common.pearson(ours, human), common.spearman(ours, human)
    zero = sum(1 for t in ours if t == 0)
    # Direction agreement on the snippets people found clearly polar (|mean| >= 1).
    polar = [(t, h) for t, h in zip(ours, human) if abs(h) >= 1]
    agree = sum(1 for t, h in polar if t * h > 0) / len(polar) if polar else float("nan")

    print(f"VADER NYT editorial snippets: {args.data}")
    common.table(["figure", "value"], [
        ["snippets", len(snippets)],
        ["scored (n)", len(ours)],
        ["missing rows", missing],
        ["tone exactly 0", zero],
        ["Pearson r", r],
        ["Spearman rho", rho],
        ["sign agreement, |human| >= 1", agree],
    ])
    print(f"target Pearson r >= {TARGET_R}: {'met' if r >= TARGET_R else 'NOT met'}")
    return 0


if __name__ == "__main__":
    common.run(main)
