"""Time ``find_duplicates`` and ``merge_duplicates`` on a synthetic library.

    python benchmarks/bench_dedupe.py [--n 10000] [--dup-rate 0.1] [--repeat 3]

The library holds ``--n`` references by a few hundred authors; about
``--dup-rate`` of them are damaged copies of an earlier one (case, final
period, a dropped subtitle, ISBN-10 for ISBN-13, a DOI in URL form). Nothing
here needs the network or ../shared.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from yalta_refs.dedupe import find_duplicates, merge_duplicates
from yalta_refs.model import Date, Library, Name, Reference

FAMILIES = ["Montefiore", "Perlmutter", "Polian", "Seaton", "Tolstoy", "Ure", "Applebaum",
            "Conquest", "Service", "Kotkin", "Snyder", "Figes", "Merridale", "Bullock",
            "van der Berg", "O'Neill", "Nováková", "Müller", "de la Cruz", "Smith-Jones"]
GIVENS = ["Simon", "Amos", "Pavel", "Albert", "Nikolai", "John", "Anne", "Robert", "Jana"]
WORDS = ["Stalin", "Court", "Red", "Tsar", "Alliance", "History", "Cossacks", "Steppes",
         "Betrayal", "Secret", "War", "Empire", "Forced", "Migrations", "Russia", "Soviet",
         "Union", "Prisoners", "Yalta", "Exile", "Memory", "Terror", "Europe", "Frontier",
         "Revolution", "Peasants", "Archives", "Power", "Making", "Modern", "Gulag"]
PUBLISHERS = ["Knopf", "Penguin Books", "Oxford University Press", "Yale UP", "Scribner"]


def _isbn13(rng: random.Random) -> str:
    digits = "978" + "".join(rng.choice("0123456789") for _ in range(9))
    check = (10 - sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10) % 10
    return digits + str(check)


def _original(rng: random.Random, index: int) -> Reference:
    name = Name(family=f"{rng.choice(FAMILIES)}{index % 13}", given=rng.choice(GIVENS))
    title = " ".join(rng.sample(WORDS, 3))
    if rng.random() < 0.5:
        title += ": " + " ".join(rng.sample(WORDS, 3))
    return Reference(
        id=f"r{index}", author=(name,), title=title,
        issued=Date.from_year(rng.randint(1950, 2020)), publisher=rng.choice(PUBLISHERS),
        ISBN=_isbn13(rng) if rng.random() < 0.3 else None,
        DOI=f"10.1000/{index}" if rng.random() < 0.2 else None,
        annotation=f"Annotation {index}.",
    )


def _copy(rng: random.Random, original: Reference, index: int) -> Reference:
    title = original.title or ""
    damage = rng.choice(["lower", "period", "subtitle", "isbn10", "doi"])
    changes: dict[str, object] = {"id": f"r{index}", "annotation": f"Copy {index}."}
    if damage == "lower":
        changes["title"] = title.lower()
    elif damage == "period":
        changes["title"] = title + "."
    elif damage == "subtitle":
        changes["title"] = title.split(":")[0]
    elif damage == "isbn10" and original.ISBN:
        from stdnum import isbn

        changes["ISBN"] = isbn.to_isbn10(original.ISBN)
    elif damage == "doi" and original.DOI:
        changes["DOI"] = "https://doi.org/" + original.DOI.upper()
    return original.with_fields(**changes)


def synthetic(n: int, dup_rate: float, seed: int = 1) -> Library:
    rng = random.Random(seed)
    refs: list[Reference] = []
    for index in range(n):
        if refs and rng.random() < dup_rate:
            refs.append(_copy(rng, rng.choice(refs), index))
        else:
            refs.append(_original(rng, index))
    return Library(tuple(refs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--dup-rate", type=float, default=0.1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    library = synthetic(args.n, args.dup_rate)
    for run in range(args.repeat):
        start = time.perf_counter()
        groups = find_duplicates(library)
        found = time.perf_counter()
        merged, _ = merge_duplicates(library, groups)
        done = time.perf_counter()
        print(f"run {run + 1}: {len(library)} references, {len(groups)} groups, "
              f"{len(library) - len(merged)} merged; find {found - start:.3f}s, "
              f"merge {done - found:.3f}s, total {done - start:.3f}s")


if __name__ == "__main__":
    main()
