"""Shared helpers for the validity scripts: run framescore on a JSONL batch, read its
CSV reports, and compute the figures (correlations, span overlap, macro-F1).

Python 3.11 standard library only. The scripts write their JSONL input and framescore's
reports to a temporary directory outside the repository (or to --keep DIR), so the
annotated data never enters the repository.
"""

import argparse
import csv
import json
import math
import os
import pathlib
import subprocess
import sys
import tempfile

REPO = pathlib.Path(__file__).resolve().parents[2]
LABELS = ("neg", "neu", "pos")


def run(main) -> None:
    """Run a script's main(); a closed pipe (`| head`) ends it quietly."""
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    sys.exit(code)


def add_run_args(parser: argparse.ArgumentParser) -> None:
    """The options every script shares: where the binary is, where to keep outputs."""
    parser.add_argument("--bin", default="target/release/framescore",
                        help="framescore binary (default: %(default)s, relative to the "
                             "current directory or else to the repository root)")
    parser.add_argument("--lexicons", metavar="DIR", action="append", default=[],
                        help="passed on to framescore: lexicon folder replacing or extending "
                             "the built-in lexicons (repeatable)")
    parser.add_argument("--keep", metavar="DIR",
                        help="keep the JSONL input and the reports in DIR instead of a "
                             "temporary directory (for reading matches.csv afterwards)")


def resolve_bin(path: str) -> pathlib.Path:
    """Find the binary as given, or relative to the repository root; exit if absent."""
    for cand in (pathlib.Path(path), REPO / path):
        if cand.is_file():
            return cand.resolve()
    sys.exit(f"error: framescore binary `{path}` not found; build it with "
             f"`cargo build --release` or pass --bin PATH")


def score(args, records: list[dict]) -> dict[str, list[dict]]:
    """Write `records` as JSONL, run `framescore score`, return each report as rows."""
    binary = resolve_bin(args.bin)
    if args.keep:
        work = pathlib.Path(args.keep)
        work.mkdir(parents=True, exist_ok=True)
        return _score_in(binary, records, work, args.lexicons)
    with tempfile.TemporaryDirectory(prefix="framescore-validity-") as tmp:
        return _score_in(binary, records, pathlib.Path(tmp), args.lexicons)


def _score_in(binary: pathlib.Path, records: list[dict], work: pathlib.Path, lexicons: list[str]):
    inp, out = work / "input.jsonl", work / "reports"
    with open(inp, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    cmd = [str(binary), "score", str(inp), "--out", str(out), "--quiet"]
    for lex in lexicons:
        cmd += ["--lexicons", lex]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-5:])
        print(f"warning: framescore exited with {proc.returncode}:\n{tail}", file=sys.stderr)
    reports = {}
    for name in ("articles", "actors", "sources", "matches"):
        path = out / f"{name}.csv"
        reports[name] = read_csv(path) if path.is_file() else None
    if reports["articles"] is None:
        sys.exit(f"error: framescore wrote no articles.csv in {out}")
    return reports


def evaluate(args, records: list[dict], *extra: str) -> dict:
    """Write `records` as gold JSONL, run `framescore eval --format json --per-record`
    (with --lexicons and any `extra` options), return its JSON. The gold file goes to
    --keep DIR or to a temporary folder, never into the repository."""
    binary = resolve_bin(args.bin)
    if args.keep:
        work = pathlib.Path(args.keep)
        work.mkdir(parents=True, exist_ok=True)
        return _evaluate_in(binary, records, work, args.lexicons, extra)
    with tempfile.TemporaryDirectory(prefix="framescore-validity-") as tmp:
        return _evaluate_in(binary, records, pathlib.Path(tmp), args.lexicons, extra)


def _evaluate_in(binary, records, work: pathlib.Path, lexicons: list[str], extra) -> dict:
    gold = work / "gold.jsonl"
    write_jsonl(gold, records)
    cmd = [str(binary), "eval", "--gold", str(gold), "--format", "json", "--per-record", *extra]
    for lex in lexicons:
        cmd += ["--lexicons", lex]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-5:])
        sys.exit(f"error: framescore eval exited with {proc.returncode}:\n{tail}")
    return json.loads(proc.stdout)


def write_jsonl(path: pathlib.Path, records: list[dict]) -> None:
    """One JSON object per line, UTF-8."""
    with open(path, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def read_csv(path: pathlib.Path) -> list[dict]:
    """Rows of a report as dicts (utf-8-sig, so an --excel BOM does no harm)."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def num(cell, default=None):
    """A number from a CSV cell; tolerates empty cells and the leading `'` that formula
    neutralisation may put before a negative number."""
    if cell is None:
        return default
    cell = cell.strip().lstrip("'").strip()
    if not cell:
        return default
    try:
        return float(cell)
    except ValueError:
        return default


def span(row: dict, start: str, end: str):
    """A (start, end) character span from two columns, or None when either is empty."""
    s, e = num(row.get(start)), num(row.get(end))
    return None if s is None or e is None or e <= s else (int(s), int(e))


def overlaps(a: list[tuple], b: list[tuple]) -> bool:
    """True when any span of `a` shares at least one character with any span of `b`."""
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


# ------------------------------------------------------------------ correlation

def pearson(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else float("nan")


def ranks(xs: list[float]) -> list[float]:
    """Ranks with ties given their average rank (as Spearman's rho needs)."""
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    out = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(xs: list[float], ys: list[float]) -> float:
    return pearson(ranks(xs), ranks(ys))


# ------------------------------------------------------------------ classification

def classify(value, eps_pos: float, eps_neg: float | None = None) -> str:
    """neg / neu / pos from a score: above +eps_pos positive, below -eps_neg negative."""
    eps_neg = eps_pos if eps_neg is None else eps_neg
    if value is None:
        return "neu"
    return "pos" if value > eps_pos else "neg" if value < -eps_neg else "neu"


def macro_f1(gold: list[str], pred: list[str], labels=LABELS):
    """Macro-F1 over `labels`, accuracy, and per-label F1."""
    per = {}
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred) if g == lab and p != lab)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        per[lab] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    acc = sum(1 for g, p in zip(gold, pred) if g == p) / len(gold) if gold else 0.0
    return sum(per.values()) / len(labels), acc, per


def prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int):
    """Precision, recall and F1 from overlap counts on each side."""
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def table(headers: list[str], rows: list[list]) -> None:
    """Print a plain aligned table; floats with 3 decimals."""
    cells = [[f"{c:.3f}" if isinstance(c, float) else str(c) for c in r] for r in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    print("  ".join(h.rjust(w) if i else h.ljust(w) for i, (h, w) in enumerate(zip(headers, widths))))
    for r in cells:
        print("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))))


def confusion(gold: list[str], pred: list[str], labels=LABELS) -> None:
    """Print a gold × predicted confusion matrix."""
    rows = [[f"gold {g}"] + [sum(1 for a, b in zip(gold, pred) if a == g and b == p)
                             for p in labels] for g in labels]
    table(["", *(f"pred {p}" for p in labels)], rows)
