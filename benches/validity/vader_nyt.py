#!/usr/bin/env python3
"""How well does framescore's `tone` agree with people? (issue: tone vs human judgement)

Data: the New York Times editorial snippets of Hutto & Gilbert (ICWSM 2014, the VADER
paper), each rated from -4 to +4 by about 20 people. gold_vader.py makes each snippet a
gold record with the human mean as its `tone` document label; `framescore eval`
scores every snippet as one article and correlates its `tone` with the human mean.
Target: Pearson r >= 0.55 (VADER itself: about 0.5).

    python3 benches/validity/vader_nyt.py DATA/vader [--bin target/release/framescore]
"""

import argparse
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import common  # noqa: E402
import gold_vader  # noqa: E402

FILE = gold_vader.FILE
TARGET_R = 0.55


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=pathlib.Path, help=f"DATA/vader (or the {FILE} file)")
    common.add_run_args(ap)
    args = ap.parse_args()

    gold = gold_vader.records(args.data)
    if len(gold) < 3:
        print(f"too few snippets ({len(gold)}) to correlate")
        return 0
    result = common.evaluate(args, gold)
    doc = next(d for d in result["documents"] if d["label"] == "tone")
    human = [g["labels"]["tone"] for g in gold]
    ours = [r["figures"]["tone"] for r in result["per_record"]]
    zero = sum(1 for t in ours if t == 0)
    # Direction agreement on the snippets people found clearly polar (|mean| >= 1).
    polar = [(t, h) for t, h in zip(ours, human) if abs(h) >= 1]
    agree = sum(1 for t, h in polar if t * h > 0) / len(polar) if polar else float("nan")
    r = doc["pearson"] if doc["pearson"] is not None else float("nan")
    rho = doc["spearman"] if doc["spearman"] is not None else float("nan")

    print(f"VADER NYT editorial snippets: {args.data}")
    common.table(["figure", "value"], [
        ["snippets", len(gold)],
        ["scored (n)", doc["records"]],
        ["missing rows", len(gold) - doc["records"]],
        ["tone exactly 0", zero],
        ["Pearson r", r],
        ["Spearman rho", rho],
        ["sign agreement, |human| >= 1", agree],
    ])
    print(f"target Pearson r >= {TARGET_R}: {'met' if r >= TARGET_R else 'NOT met'}")
    return 0


if __name__ == "__main__":
    common.run(main)
