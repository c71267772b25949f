"""Time ``clean_text`` end to end on a ~10,000-reference damaged reading list.

    python benchmarks/bench_clean.py [--n 10000] [--lines] [--synthetic] [--repeat 3]

The input cycles the gold corpus inputs (tests/corpus/damaged) until they
hold ``--n`` references, each input cleaned by its own call as a user's file
would be; without a corpus (or with ``--synthetic``) a built-in generator
writes one list of damaged references: markup residue, bullets, entities,
mojibake, wrapped lines and annotations. ``--lines`` also times the
one-reference-per-line mode (``lines=True``) on ``--n`` generated lines.
Nothing here needs ../shared or the network.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus" / "damaged"

FAMILIES = ["Montefiore", "Perlmutter", "Polian", "Seaton", "Tolstoy", "Ure", "Applebaum",
            "Conquest", "Service", "Kotkin", "Snyder", "Figes", "Merridale", "Bullock",
            "van der Berg", "O'Neill", "Nováková", "Müller", "de la Cruz", "Smith-Jones"]
GIVENS = ["Simon Sebag", "Amos", "Pavel", "Albert", "Nikolai", "John", "Anne", "Robert",
          "Stephen", "Timothy", "Orlando", "Catherine", "Alan", "Jana", "María", "Hans"]
WORDS = ["Stalin", "Court", "Red", "Tsar", "Alliance", "History", "Cossacks", "Steppes",
         "Betrayal", "Secret", "War", "Empire", "Forced", "Migrations", "Russia", "Soviet",
         "Union", "Prisoners", "Yalta", "Exile", "Memory", "Terror", "Europe", "Frontier",
         "Revolution", "Peasants", "Archives", "Power", "Making", "Modern", "Gulag"]
PUBLISHERS = [("New York", "Knopf"), ("Columbia", "University of Missouri Press"),
              ("New York", "Central European University Press"), ("London", "Penguin Books"),
              ("Oxford", "Oxford University Press"), ("New Haven, Conn.", "Yale UP"),
              ("Cambridge, Mass.", "Harvard University Press"), ("New York", "Scribner")]
JOURNALS = ["Slavic Review", "Journal of Cold War Studies", "Europe-Asia Studies",
            "The Russian Review", "Kritika"]
PROSE = ["An examination of the workings of Stalin's inner circle.",
         "A study of the relationship between Roosevelt and Stalin during the war.",
         "Highly recommended.", "A highly controversial work that presents the story.",
         "First published in 2001, this comprehensive study includes discussion of it.",
         "An accessible history, particularly of interest to the general reader.",
         "Translated from the Russian; includes maps, a glossary and an index."]
RESIDUE = ['citation-type="booksimple"\n\n    xlink:type="simple">', "<i>", "&lt;p&gt;",
           '<span class="ref">', "&nbsp;"]
BULLETS = ["  • ", "* ", "- ", "", "   ", "{n}. ", "[{n}] "]


def _name(rng: random.Random, inverted: bool) -> str:
    family, given = rng.choice(FAMILIES), rng.choice(GIVENS)
    if rng.random() < 0.2:
        given = " ".join(part[0] + "." for part in given.split())
    return f"{family}, {given}" if inverted else f"{given} {family}"


def _title(rng: random.Random) -> str:
    main = " ".join(rng.sample(WORDS, rng.randint(2, 5)))
    if rng.random() < 0.5:
        main += ": " + " ".join(["The", *rng.sample(WORDS, rng.randint(2, 4))])
    return main


def synthetic_reference(rng: random.Random) -> str:
    """One clean reference in a Chicago-like style (book, article or chapter)."""
    authors = _name(rng, True)
    if rng.random() < 0.3:
        authors += ", and " + _name(rng, False)
    authors = authors.rstrip(".")
    year = rng.randint(1900, 2024)
    place, publisher = rng.choice(PUBLISHERS)
    kind = rng.random()
    if kind < 0.55:
        extra = f" Translated by {_name(rng, False)}." if rng.random() < 0.15 else ""
        return f"{authors}. {_title(rng)}.{extra} {place}: {publisher}, {year}."
    if kind < 0.8:
        first = rng.randint(1, 400)
        return (f"{authors}. \u201c{_title(rng)}.\u201d {rng.choice(JOURNALS)} "
                f"{rng.randint(1, 80)}, no. {rng.randint(1, 4)} ({year}): "
                f"{first}\u2013{first + rng.randint(5, 40)}.")
    return (f"{authors}. \u201c{_title(rng)}.\u201d In {_title(rng)}, edited by "
            f"{_name(rng, False)}, {rng.randint(1, 300)}-{rng.randint(301, 600)}. "
            f"{place}: {publisher}, {year}.")


def _wrap(text: str, rng: random.Random) -> str:
    width = rng.randint(50, 90)
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + len(word) >= width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    indent = rng.choice(["", "  ", "    "])
    return ("\n" + indent).join(lines)


def damage(reference: str, number: int, rng: random.Random) -> str:
    """A reference as a damaged reading list shows it."""
    text = reference
    if rng.random() < 0.6:
        text += " " + " ".join(rng.sample(PROSE, rng.randint(1, 3)))
    if rng.random() < 0.2:
        text = text.replace("\u2019", "\u2019".encode().decode("cp1252"))
        text = text.replace("'", "\u2019".encode().decode("cp1252"))
    if rng.random() < 0.15:
        text = text.replace(" & ", " &amp; ").replace(", and ", " &amp; ", 1)
    if rng.random() < 0.4:
        text = _wrap(text, rng)
    if rng.random() < 0.3:
        text = rng.choice(RESIDUE) + text
    return rng.choice(BULLETS).format(n=number) + text


def synthetic_input(n: int, seed: int = 0) -> str:
    """A "Further Reading" list of ``n`` damaged references, blank-line separated."""
    rng = random.Random(seed)
    blocks = ["Further Reading"]
    blocks += [damage(synthetic_reference(rng), i, rng) for i in range(1, n + 1)]
    blocks.append("Categories: History")
    return "\n\n".join(blocks) + "\n"


def synthetic_lines(n: int, seed: int = 1) -> str:
    """``n`` references, one per line (the shape ``lines=True`` reads)."""
    rng = random.Random(seed)
    return "\n".join(synthetic_reference(rng) for _ in range(n)) + "\n"


def corpus_inputs(n: int, directory: Path = CORPUS) -> tuple[list[str], int] | None:
    """(corpus inputs cycled until they hold ``n`` gold references, that number).

    None when there is no corpus with gold references.
    """
    cases = []
    for path in sorted(directory.glob("*.txt")):
        gold = path.with_name(path.stem + ".gold.json")
        if gold.exists():
            count = len(json.loads(gold.read_text(encoding="utf-8")).get("references", []))
            if count:
                cases.append((path.read_text(encoding="utf-8", errors="replace"), count))
    if not cases:
        return None
    texts: list[str] = []
    total = 0
    while total < n:
        text, count = cases[len(texts) % len(cases)]
        texts.append(text)
        total += count
    return texts, total


def best_of(run: Callable[[], int], repeat: int) -> tuple[float, int]:
    """(best wall time in seconds, references the last run returned)."""
    best, found = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        found = run()
        best = min(best, time.perf_counter() - start)
    return best, found


def report(label: str, seconds: float, found: int, expected: int, size: int) -> None:
    rate = found / seconds if seconds else 0.0
    print(f"{label:<7} {found:>7} references (expected {expected})  {seconds:8.3f} s  "
          f"{rate:8.0f} refs/s  ({size / 1e6:.2f} MB input)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="references to build")
    parser.add_argument("--lines", action="store_true", help="also time lines=True")
    parser.add_argument("--synthetic", action="store_true", help="ignore the gold corpus")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is reported")
    parser.add_argument("--seed", type=int, default=0, help="generator seed")
    args = parser.parse_args(argv)
    try:
        from yalta_refs.pipeline import clean_text
    except ImportError as exc:
        print(f"error: the pipeline is not available ({exc})", file=sys.stderr)
        return 2
    built = None if args.synthetic else corpus_inputs(args.n)
    if built is None:
        texts, expected, source = [synthetic_input(args.n, args.seed)], args.n, "synthetic list"
    else:
        (texts, expected), source = built, "corpus inputs"
    print(f"input: {len(texts)} {source}, {expected} references, best of {args.repeat} runs")
    seconds, found = best_of(lambda: sum(len(clean_text(t, source="bench")) for t in texts),
                             args.repeat)
    report("blocks", seconds, found, expected, sum(len(t.encode()) for t in texts))
    if args.lines:
        lines = synthetic_lines(args.n, args.seed + 1)
        seconds, found = best_of(lambda: len(clean_text(lines, source="bench", lines=True)),
                                 args.repeat)
        report("lines", seconds, found, args.n, len(lines.encode()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
