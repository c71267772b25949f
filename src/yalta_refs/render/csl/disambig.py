"""Citation disambiguation (CSL 1.0.2 "Disambiguation"), as citeproc-js does it.

Each item's first cite is rendered alone with the style's ``<citation>``
layout; items whose cites read the same form an ambiguous cluster, worked
on in turn by the enabled methods:

1. ``disambiguate-add-names`` / ``disambiguate-add-givenname`` (rule
   ``by-cite``): step by step, the given name of the current name is
   expanded (initials, then full), then one more name is shown; a step is
   kept when it makes some cite in the cluster unique.
2. ``disambiguate-add-year-suffix``: the cites still alike get a, b, c...
   in bibliography order.
3. ``disambiguate="true"`` conditions are switched on for the rest.

The other given-name rules (``all-names``, ``primary-name`` and their
``-with-initials`` forms) are global: :class:`NameRegistry` expands any
name whose family name is shared with another person, in every cite.

The result (:class:`Ambig` per item) also shapes the bibliography: names
added for disambiguation show there too when the bibliography's et-al
settings would hide them, and given names are expanded where asked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .names import PName

__all__ = ["Ambig", "Disambiguator", "NameRegistry", "name_keys"]


@dataclass
class Ambig:
    """Disambiguation settings of one item (or of a cluster being worked on).

    ``names[pos]``: how many names nameset ``pos`` shows (0: the style's
    default); ``givens[pos][i]``: requested given-name level of name ``i``
    (0 family only, 1 initials, 2 full); ``flag``: ``disambiguate="true"``.
    """

    names: list[int] = field(default_factory=list)
    givens: list[list[int]] = field(default_factory=list)
    flag: bool = False
    year_suffix: int | None = None

    def copy(self) -> Ambig:
        return Ambig(list(self.names), [list(row) for row in self.givens], self.flag,
                     self.year_suffix)

    def given(self, pos: int, index: int) -> int:
        if pos < len(self.givens) and index < len(self.givens[pos]):
            return self.givens[pos][index]
        return 0


@dataclass
class CiteShape:
    """What rendering one cite noted: (shown, total) names per nameset."""

    namesets: list[tuple[int, int]] = field(default_factory=list)


_PERIODS = re.compile(r"\.")
_SPACES = re.compile(r"\s+")
_WORDS = re.compile(r"[\s.\-\u2013]+")


def _strip(text: str) -> str:
    return _SPACES.sub(" ", _PERIODS.sub(" ", text)).strip()


def name_keys(name: PName, demote_never: bool) -> tuple[str, str, str]:
    """(family, initials, given) keys under which a name is registered."""
    family = _strip(name.family)
    if demote_never and name.ndp:
        family = f"{family} {name.ndp}"
    given = _strip(name.given)
    initials = "".join(word[:1] for word in _WORDS.split(given) if word)
    return family, initials, given


class NameRegistry:
    """Which family names are shared by different people (citeproc-js's name register).

    With ``by-cite`` (the default rule) names are compared within one item
    only; with the other rules, across all items.
    """

    def __init__(self, rule: str, add_givenname: bool, demote_never: bool) -> None:
        self.rule = rule or "by-cite"
        self.by_cite = self.rule == "by-cite"
        self.primary = self.rule.startswith("primary-name")
        self.with_initials = self.rule.endswith("-with-initials")
        self.add_givenname = add_givenname
        self.demote_never = demote_never
        self.families: dict[str, dict[str, set[str]]] = {}

    def _key(self, item_id: str, family: str) -> str:
        return f"{item_id}\u0000{family}" if self.by_cite else family

    def add(self, item_id: str, name: PName, index: int) -> None:
        if name.literal or not (name.family or name.given):
            return
        if self.primary and index:
            return
        family, initials, given = name_keys(name, self.demote_never)
        forms = self.families.setdefault(self._key(item_id, family), {})
        forms.setdefault(initials, set()).add(given)

    def level(self, item_id: str, name: PName, index: int, request: int, short: bool,
              initials: bool) -> int:
        """The given-name level for ``name`` (the request, raised or replaced per rule)."""
        param = 0 if short else (1 if initials else 2)
        family, ikey, _ = name_keys(name, self.demote_never)
        forms = self.families.get(self._key(item_id, family))
        if forms is None or ikey not in forms:
            return param
        if self.by_cite and param <= request:
            return request
        if not self.add_givenname or (self.primary and index):
            return param
        if self.with_initials:
            return 1 if len(forms) > 1 else 0
        if len(forms) > 1:
            param = 1
        if len(forms[ikey]) > 1 or (len(forms) > 1 and not initials):
            param = 2
        return param


Render = Callable[[dict[str, Any], Ambig | None, CiteShape | None], str]


class _Cursor:
    """The forward-only walk over settings: given name of the current name up to
    full, then one more name, then the next nameset."""

    def __init__(self, base: Ambig, names_max: int, sets_max: int, givens: bool,
                 add_names: bool) -> None:
        self.base = base
        self.names_max = names_max
        self.sets_max = sets_max
        self.givens = givens
        self.add_names = add_names
        self.set = 0
        self.name = 0

    def _level(self) -> int | None:
        rows = self.base.givens
        if self.set < len(rows) and self.name < len(rows[self.set]):
            return rows[self.set][self.name]
        return None

    def advance(self) -> bool:
        """One step; True when nothing is left to expand."""
        base = self.base
        more_names = not self.givens
        next_set = False
        if self.givens:
            level = self._level()
            if base.givens and level is not None and level < 2:
                base.givens[self.set][self.name] = level + 1
            else:
                more_names = True
        if more_names:
            if self.add_names and self.name < self.names_max:
                while len(base.names) <= self.set:
                    base.names.append(1)
                base.names[self.set] += 1
                self.name += 1
            else:
                next_set = True
        if next_set and self.set < self.sets_max:
            self.set += 1
            while len(base.names) <= self.set:
                base.names.append(1)
            base.names[self.set] = 1
            self.name = 0
        level = self._level()
        return ((self.sets_max <= 0 or self.set == self.sets_max)
                and (not self.add_names or self.name == self.names_max)
                and (not self.givens or level is None or level == 2))

    def capture(self, better: Ambig) -> None:
        """Keep the last step in ``better``."""
        if self.givens and self._level() is not None:
            while len(better.givens) <= self.set:
                better.givens.append([])
            row = better.givens[self.set]
            while len(row) <= self.name:
                row.append(0)
            row[self.name] = self.base.givens[self.set][self.name]
        while len(better.names) <= self.set:
            better.names.append(0)
        if self.set < len(self.base.names):
            better.names[self.set] = self.base.names[self.set]


class Disambiguator:
    """Settles :class:`Ambig` settings for the items of one bibliography."""

    def __init__(self, render: Render, *, add_names: bool, add_givenname: bool, rule: str,
                 year_suffix: bool, has_condition: bool) -> None:
        self.render = render
        self.add_names = add_names
        self.givens = add_givenname and (rule or "by-cite") == "by-cite"
        self.touched: set[int] = set()
        self.modes = []
        if add_names or self.givens:
            self.modes.append("names")
        if year_suffix:
            self.modes.append("years")
        if has_condition:
            self.modes.append("extra")

    def run(self, items: Sequence[dict[str, Any]]) -> dict[int, Ambig]:
        """Settings by position in ``items`` (bibliography order)."""
        shapes: list[CiteShape] = []
        clusters: dict[str, list[int]] = {}
        for pos, data in enumerate(items):
            shape = CiteShape()
            cite = self.render(data, None, shape)
            shapes.append(shape)
            if cite:
                clusters.setdefault(cite, []).append(pos)
        out = {pos: Ambig(names=[shown for shown, _ in shape.namesets])
               for pos, shape in enumerate(shapes)}
        if not self.modes:
            return out
        for members in clusters.values():
            if len(members) > 1:
                self._cluster(items, members, shapes, out)
        return out

    def _initial(self, members: list[int], shapes: list[CiteShape]) -> Ambig:
        first = shapes[members[0]].namesets
        base = Ambig(names=[shown for shown, _ in first],
                     givens=[[0] * total for _, total in first])
        for pos in members[1:]:
            for i, (shown, total) in enumerate(shapes[pos].namesets[:len(base.names)]):
                if shown > base.names[i]:
                    base.names[i] = shown
                    base.givens[i] = [0] * total
        return base

    def _cluster(self, items: Sequence[dict[str, Any]], members: list[int],
                 shapes: list[CiteShape], out: dict[int, Ambig]) -> None:
        # citeproc-js orders a cluster by its name counts compared as text ("25" < "3")
        order = sorted(members, key=lambda p: (
            ",".join(str(total) for _, total in shapes[p].namesets), str(items[p].get("id"))))
        base = self._initial(members, shapes)
        first = shapes[order[0]].namesets
        cursor = _Cursor(base, first[0][1] if first else 0, len(first) - 1,
                         self.givens, self.add_names)
        _Run(self, items, cursor, out).run(order)


class _Run:
    """Working through one ambiguous cluster."""

    def __init__(self, owner: Disambiguator, items: Sequence[dict[str, Any]],
                 cursor: _Cursor, out: dict[int, Ambig]) -> None:
        self.render = owner.render
        self.modes = owner.modes
        self.items = items
        self.cursor = cursor
        self.base = cursor.base
        self.better = cursor.base.copy()
        self.out = out
        self.mode = 0
        self.rescan = True
        self.queue: list[list[int]] = []
        self.touched = owner.touched
        self.memo: dict[tuple[Any, ...], tuple[str, list[int], list[list[int]]]] = {}

    def cite(self, pos: int) -> str:
        """The cite of item ``pos`` under the working settings (memoised: a cluster is
        scanned again and again; rendering also updates the settings, replayed on a hit)."""
        base = self.base
        key = (pos, tuple(base.names), tuple(tuple(row) for row in base.givens), base.flag)
        found = self.memo.get(key)
        if found is None:
            text = self.render(self.items[pos], base, None)
            found = self.memo[key] = (text, list(base.names), [list(row) for row in base.givens])
        else:
            base.names[:] = found[1]
            base.givens[:] = [list(row) for row in found[2]]
        return found[0]

    def register(self, pos: int, settings: Ambig) -> None:
        self.out[pos] = settings.copy()
        self.touched.add(pos)

    def run(self, order: list[int]) -> None:
        self.queue = [order]
        last = len(self.modes) - 1
        while self.queue:
            group = self.queue[0]
            clashes = (1, 0)
            self.cursor.set = self.cursor.name = 0  # the position restarts, the values stay
            while group:
                kind = self.modes[self.mode]
                maxed = False
                if self.rescan:
                    self.rescan = False
                elif kind == "names":
                    maxed = self.cursor.advance()
                elif kind == "extra":
                    self.base.flag = self.better.flag = True
                key = self.cite(group[0])
                partners = [group[0]]
                others: list[int] = []
                for pos in group[1:]:
                    same = self.cite(pos) == key
                    (partners if same else others).append(pos)
                clashes = (clashes[1], len(partners) - 1)
                if kind == "names":
                    group = self._names(group, partners, others, clashes, maxed,
                                        self.mode == last)
                elif kind == "years":
                    if clashes[1]:
                        for n, pos in enumerate(sorted(group)):
                            settings = self.better.copy()
                            settings.year_suffix = n
                            self.register(pos, settings)
                    group = []
                else:
                    for pos in group:
                        self.register(pos, self.better)
                    group = []
                if maxed:
                    if self.mode < last:
                        self.mode += 1
                    elif len(self.queue) > 1:
                        self.queue[1] = []
                self.queue[0] = group
            self.queue.pop(0)

    def _names(self, group: list[int], partners: list[int], others: list[int],
               clashes: tuple[int, int], maxed: bool, final: bool) -> list[int]:
        better = self.better
        if clashes[1] == 0:
            self.cursor.capture(better)
            self.register(partners[0], better)
            if len(others) == 1:
                self.register(others[0], better)
                return []
            self.rescan = bool(others)
            return others
        if len(others) == 1:
            self.cursor.capture(better)
            self.register(others[0], better)
            return partners
        if clashes[1] < clashes[0]:
            self.cursor.capture(better)
            self.queue.append(others)
            return partners
        if not maxed:
            return group
        if final:
            for pos in partners:
                self.register(pos, better)
            return []
        self.queue.append(partners)
        return others
