"""The reference parser, table-driven: input text -> expected fields."""

from __future__ import annotations

from typing import Any

import pytest

from yalta_refs.errors import ParseError
from yalta_refs.model import Reference
from yalta_refs.normalize import normalize_reference
from yalta_refs.parse import parse_reference
from yalta_refs.parse.fields import parse_date, parse_edition, parse_pages
from yalta_refs.parse.names import parse_name


def _summary(ref: Reference) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in normalize_reference(ref).items():
        if isinstance(value, tuple):
            out[key] = [n.display() for n in value]
        elif hasattr(value, "parts"):
            out[key] = str(value)
        else:
            out[key] = value
    return out


CASES = [
    pytest.param(
        "Polian, Pavel. Against Their Will: The History and Geography of Forced Migrations in "
        "the USSR. Translated by Anna Yastrzhembska. New York: Central European University "
        "Press, 2004. First published in 2001, this comprehensive study. Highly recommended.",
        {
            "type": "book",
            "author": ["Pavel Polian"],
            "translator": ["Anna Yastrzhembska"],
            "title": "Against Their Will: The History and Geography of Forced Migrations "
            "in the USSR",
            "publisher-place": "New York",
            "publisher": "Central European University Press",
            "issued": "2004",
            "original-date": "2001",
            "annote": "First published in 2001, this comprehensive study. Highly recommended.",
        },
        id="seed-translated",
    ),
    pytest.param(
        "Tolstoy, Nikolai. The Secret Betrayal. New York: Scribner, 1978. A controversial work. "
        "Published as Victims of Yalta in 1977.",
        {
            "type": "book",
            "author": ["Nikolai Tolstoy"],
            "title": "The Secret Betrayal",
            "publisher-place": "New York",
            "publisher": "Scribner",
            "issued": "1978",
            "original-title": "Victims of Yalta",
            "original-date": "1977",
            "annote": "A controversial work. Published as Victims of Yalta in 1977.",
        },
        id="published-as",
    ),
    pytest.param(
        "Perlmutter, Amos. FDR and Stalin: A Not So Grand Alliance, 1943-1945. Columbia: "
        "University of Missouri Press, 1993. The Yalta story retold.",
        {
            "type": "book",
            "author": ["Amos Perlmutter"],
            "title": "FDR and Stalin: A Not So Grand Alliance, 1943-1945",
            "publisher-place": "Columbia",
            "publisher": "University of Missouri Press",
            "issued": "1993",
            "annote": "The Yalta story retold.",
        },
        id="title-with-years-and-annotation-like-title",
    ),
    pytest.param(
        "Smith, John, and Jane Doe, eds. Who Lost China? 2d ed. 2 vols. Westport, Conn.: "
        "Greenwood, 1999.",
        {
            "type": "book",
            "editor": ["John Smith", "Jane Doe"],
            "title": "Who Lost China?",
            "edition": "2",
            "number-of-volumes": "2",
            "publisher-place": "Westport, Conn.",
            "publisher": "Greenwood",
            "issued": "1999",
        },
        id="editors-edition-volumes",
    ),
    pytest.param(
        'Schlesinger, Arthur, Jr. "Origins of the Cold War." Foreign Affairs 46, no. 1 (1967): '
        "22–52. A classic essay.",
        {
            "type": "article-journal",
            "author": ["Arthur Schlesinger, Jr."],
            "title": "Origins of the Cold War",
            "container-title": "Foreign Affairs",
            "volume": "46",
            "issue": "1",
            "issued": "1967",
            "page": "22-52",
            "annote": "A classic essay.",
        },
        id="journal-article",
    ),
    pytest.param(
        'Kennan, George F. "The Sources of Soviet Conduct." In American Diplomacy, edited by '
        "John Smith, 107-128. Chicago: University of Chicago Press, 1951.",
        {
            "type": "chapter",
            "author": ["George F. Kennan"],
            "title": "The Sources of Soviet Conduct",
            "container-title": "American Diplomacy",
            "editor": ["John Smith"],
            "page": "107-128",
            "publisher-place": "Chicago",
            "publisher": "University of Chicago Press",
            "issued": "1951",
        },
        id="chapter",
    ),
    pytest.param(
        'Gordon, Michael R. "Yalta Papers Released." The New York Times, March 3, 1995.',
        {
            "type": "article-newspaper",
            "author": ["Michael R. Gordon"],
            "title": "Yalta Papers Released",
            "container-title": "The New York Times",
            "issued": "1995-03-03",
        },
        id="newspaper",
    ),
    pytest.param(
        "Doe, Jane. The Cossack Hosts. PhD diss., Harvard University, 1999.",
        {
            "type": "thesis",
            "author": ["Jane Doe"],
            "title": "The Cossack Hosts",
            "genre": "PhD diss.",
            "publisher": "Harvard University",
            "issued": "1999",
        },
        id="thesis",
    ),
    pytest.param(
        '"Yalta Conference." Office of the Historian. https://history.state.gov/x. '
        "Accessed May 1, 2020.",
        {
            "type": "webpage",
            "title": "Yalta Conference",
            "container-title": "Office of the Historian",
            "URL": "https://history.state.gov/x",
            "accessed": "2020-05-01",
        },
        id="webpage",
    ),
    pytest.param(
        "Beauvoir, Simone de. The Second Sex. New York: Knopf, n.d.",
        {
            "type": "book",
            "author": ["Simone de Beauvoir"],
            "title": "The Second Sex",
            "publisher-place": "New York",
            "publisher": "Knopf",
        },
        id="particle-and-no-date",
    ),
    pytest.param(
        "United Nations High Commissioner for Refugees. The State of the World’s Refugees. "
        "Oxford: Oxford University Press, 2000.",
        {
            "type": "book",
            "author": ["United Nations High Commissioner for Refugees"],
            "title": "The State of the World’s Refugees",
            "publisher-place": "Oxford",
            "publisher": "Oxford University Press",
            "issued": "2000",
        },
        id="corporate-author",
    ),
    pytest.param(
        "Ure, John. The Cossacks. London and New York: Penguin Books, 2002. Published in English "
        "as The Cossacks in 1999. Published as part of a series on the steppe.",
        {
            "type": "book",
            "author": ["John Ure"],
            "title": "The Cossacks",
            "publisher-place": "London and New York",
            "publisher": "Penguin Books",
            "issued": "2002",
            "annote": "Published in English as The Cossacks in 1999. Published as part of a series "
            "on the steppe.",
        },
        id="published-in-english-and-part-of-are-traps",
    ),
    pytest.param(
        "Smith, J. R., & Doe, A. (2000). A history of the steppe. Oxford University Press.",
        {
            "type": "book",
            "author": ["J. R. Smith", "A. Doe"],
            "title": "A history of the steppe",
            "publisher": "Oxford University Press",
            "issued": "2000",
        },
        id="apa-book",
    ),
]


CASES += [
    pytest.param(
        "Leffler, Melvyn P. A Preponderance of Power. Stanford: Stanford University Press, 1992.",
        {"type": "book", "author": ["Melvyn P. Leffler"], "title": "A Preponderance of Power",
         "publisher-place": "Stanford", "publisher": "Stanford University Press",
         "issued": "1992"},
        id="initial-then-one-letter-title-word",
    ),
    pytest.param(
        "Said, Edward W. Orientalism. New York: Pantheon Books, 1978.",
        {"type": "book", "author": ["Edward W. Said"], "title": "Orientalism",
         "publisher-place": "New York", "publisher": "Pantheon Books", "issued": "1978"},
        id="initial-then-one-word-title",
    ),
    pytest.param(
        "Fitzgerald, F. Scott. The Great Gatsby. New York: Scribner, 1925.",
        {"type": "book", "author": ["F. Scott Fitzgerald"], "title": "The Great Gatsby",
         "publisher-place": "New York", "publisher": "Scribner", "issued": "1925"},
        id="leading-initial-then-middle-name",
    ),
    pytest.param(
        "Getty, J. Arch, and Oleg V. Naumov. The Road to Terror. New Haven: Yale University "
        "Press, 1999.",
        {"type": "book", "author": ["J. Arch Getty", "Oleg V. Naumov"],
         "title": "The Road to Terror",
         "publisher-place": "New Haven", "publisher": "Yale University Press", "issued": "1999"},
        id="initial-then-middle-name-with-comma",
    ),
    pytest.param(
        "Ambrose, Stephen E. D-Day, June 6, 1944: The Climactic Battle of World War II. New York: "
        "Simon & Schuster, 1994.",
        {"type": "book", "author": ["Stephen E. Ambrose"],
         "title": "D-Day, June 6, 1944: The Climactic Battle of World War II",
         "publisher-place": "New York", "publisher": "Simon & Schuster", "issued": "1994"},
        id="title-word-with-comma-after-initial",
    ),
    pytest.param(
        "Hofstadter, Richard. The Age of Reform: From Bryan to F.D.R. New York: Knopf, 1955.",
        {"type": "book", "author": ["Richard Hofstadter"],
         "title": "The Age of Reform: From Bryan to F.D.R.", "publisher-place": "New York",
         "publisher": "Knopf", "issued": "1955"},
        id="title-ending-in-dotted-abbreviation",
    ),
    pytest.param(
        "Ginzburg, Carlo. The Cheese and the Worms. Translated by John and Anne Tedeschi. "
        "Baltimore: Johns Hopkins University Press, 1980.",
        {"type": "book", "author": ["Carlo Ginzburg"], "title": "The Cheese and the Worms",
         "translator": ["John Tedeschi", "Anne Tedeschi"], "publisher-place": "Baltimore",
         "publisher": "Johns Hopkins University Press", "issued": "1980"},
        id="translators-sharing-a-family-name",
    ),
    pytest.param(
        "Dahl, Robert A. Who Governs? Democracy and Power in an American City. New Haven: Yale "
        "University Press, 1961.",
        {"type": "book", "author": ["Robert A. Dahl"],
         "title": "Who Governs? Democracy and Power in an American City",
         "publisher-place": "New Haven", "publisher": "Yale University Press", "issued": "1961"},
        id="question-mark-then-subtitle",
    ),
    pytest.param(
        "McPherson, James M. Battle Cry of Freedom. The Oxford History of the United States 6. "
        "New York: Oxford University Press, 1988.",
        {"type": "book", "author": ["James M. McPherson"], "title": "Battle Cry of Freedom",
         "collection-title": "The Oxford History of the United States", "collection-number": "6",
         "publisher-place": "New York", "publisher": "Oxford University Press", "issued": "1988"},
        id="numbered-series",
    ),
    pytest.param(
        'Mearsheimer, John J. "Back to the Future." The National Interest, no. 16 (Summer 1989): '
        "5-56.",
        {"type": "article-journal", "author": ["John J. Mearsheimer"],
         "title": "Back to the Future",
         "container-title": "The National Interest", "issue": "16", "issued": "1989",
         "page": "5-56"},
        id="journal-issue-without-volume",
    ),
    pytest.param(
        "Leffler, Melvyn P. 1984. “The American Conception of National Security.” American "
        "Historical Review 89(2): 346–381.",
        {"type": "article-journal", "author": ["Melvyn P. Leffler"],
         "title": "The American Conception of National Security",
         "container-title": "American Historical Review", "volume": "89", "issue": "2",
         "issued": "1984", "page": "346-381"},
        id="author-date-journal",
    ),
    pytest.param(
        'United States Holocaust Memorial Museum. "Displaced Persons." Holocaust Encyclopedia. '
        "n.d. https://encyclopedia.ushmm.org/x. Accessed June 14, 2022.",
        {"type": "webpage", "author": ["United States Holocaust Memorial Museum"],
         "title": "Displaced Persons", "container-title": "Holocaust Encyclopedia",
         "URL": "https://encyclopedia.ushmm.org/x", "accessed": "2022-06-14"},
        id="corporate-author-webpage-no-date",
    ),
    pytest.param(
        "National Security Council. NSC 68: United States Objectives and Programs for National "
        "Security. Washington, D.C., April 14, 1950. Declassified in 1975.",
        {"type": "book", "author": ["National Security Council"],
         "title": "NSC 68: United States Objectives and Programs for National Security",
         "publisher-place": "Washington, D.C.", "issued": "1950-04-14",
         "annote": "Declassified in 1975."},
        id="place-and-full-date",
    ),
    pytest.param(
        "Kissinger, Henry A. A Thesis. PhD diss., Harvard University, 1954. Later revised and "
        "published as A World Restored.",
        {"type": "thesis", "author": ["Henry A. Kissinger"], "title": "A Thesis",
         "genre": "PhD diss.", "publisher": "Harvard University", "issued": "1954",
         "annote": "Later revised and published as A World Restored."},
        id="later-published-as-is-not-an-original-title",
    ),
    pytest.param(
        "Nove, Alec. An Economic History of the USSR. 3rd ed. London: Penguin Books, 1992. "
        "First published in 1969 as An Economic History of the U.S.S.R. The standard survey.",
        {"type": "book", "author": ["Alec Nove"], "title": "An Economic History of the USSR",
         "edition": "3", "publisher-place": "London", "publisher": "Penguin Books",
         "issued": "1992", "original-date": "1969",
         "original-title": "An Economic History of the U.S.S.R",
         "annote": "First published in 1969 as An Economic History of the U.S.S.R. The "
                   "standard survey."},
        id="first-published-year-as-title-with-abbreviation",
    ),
]


CASES += [
    pytest.param(
        'Doll, Richard; Hill, A. Bradford (1950). "Smoking and Carcinoma of the Lung". British '
        "Medical Journal. 2 (4682): 739–748. doi:10.1136/bmj.2.4682.739.",
        {"type": "article-journal", "author": ["Richard Doll", "A. Bradford Hill"],
         "title": "Smoking and Carcinoma of the Lung", "container-title": "British Medical Journal",
         "issued": "1950", "volume": "2", "issue": "4682", "page": "739-748",
         "DOI": "10.1136/bmj.2.4682.739"},
        id="wikipedia-cite-journal",
    ),
    pytest.param(
        "Smith, John. The Book. Abridged and translated by Jane Roe. London: Macmillan, 1990. "
        "ISBN 978-0-19-280252-9. OCLC 12345678.",
        {"type": "book", "author": ["John Smith"], "translator": ["Jane Roe"], "title": "The Book",
         "publisher-place": "London", "publisher": "Macmillan", "issued": "1990",
         "ISBN": "9780192802529"},
        id="abridged-and-translated-isbn-oclc",
    ),
    pytest.param(
        "Smith, John. The Book. London: Macmillan, 1990. Published in English as The Tome, "
        "translated by Jane Roe, in 1995.",
        {"type": "book", "author": ["John Smith"], "title": "The Book", "publisher-place": "London",
         "publisher": "Macmillan", "issued": "1990",
         "annote": "Published in English as The Tome, translated by Jane Roe, in 1995."},
        id="translator-of-another-edition-is-not-taken",
    ),
]


# reference styles beyond the encyclopedia's (one each; the corpus holds many more)
CASES += [
    pytest.param(
        'E. W. Dijkstra, "Go to statement considered harmful," Commun. ACM, vol. 11, no. 3, '
        "pp. 147–148, Mar. 1968, doi: 10.1145/362929.362947. A one-page letter.",
        {"type": "article-journal", "author": ["E. W. Dijkstra"],
         "title": "Go to statement considered harmful", "container-title": "Commun. ACM",
         "volume": "11", "issue": "3", "page": "147-148", "issued": "1968-03",
         "DOI": "10.1145/362929.362947", "annote": "A one-page letter."},
        id="ieee-article",
    ),
    pytest.param(
        "B. W. Kernighan and D. M. Ritchie, The C Programming Language, 2nd ed. Englewood "
        "Cliffs, NJ, USA: Prentice Hall, 1988.",
        {"type": "book", "author": ["B. W. Kernighan", "D. M. Ritchie"],
         "title": "The C Programming Language", "edition": "2",
         "publisher-place": "Englewood Cliffs, NJ, USA", "publisher": "Prentice Hall",
         "issued": "1988"},
        id="ieee-book",
    ),
    pytest.param(
        "Sanger F, Nicklen S, Coulson AR. DNA sequencing with chain-terminating inhibitors. "
        "Proc Natl Acad Sci U S A. 1977;74(12):5463-5467. doi:10.1073/pnas.74.12.5463 — "
        "Dideoxy sequencing.",
        {"type": "article-journal", "author": ["F Sanger", "S Nicklen", "AR Coulson"],
         "title": "DNA sequencing with chain-terminating inhibitors",
         "container-title": "Proc Natl Acad Sci U S A", "issued": "1977", "volume": "74",
         "issue": "12", "page": "5463-5467", "DOI": "10.1073/pnas.74.12.5463",
         "annote": "Dideoxy sequencing."},
        id="vancouver-article",
    ),
    pytest.param(
        "Watts, D.J. and Strogatz, S.H. (1998) ‘Collective dynamics of “small-world” networks’, "
        "Nature, 393(6684), pp. 440–442. doi:10.1038/30918.",
        {"type": "article-journal", "author": ["D.J. Watts", "S.H. Strogatz"],
         "title": "Collective dynamics of “small-world” networks", "container-title": "Nature",
         "issued": "1998", "volume": "393", "issue": "6684", "page": "440-442",
         "DOI": "10.1038/30918"},
        id="harvard-article",
    ),
    pytest.param(
        "Rubin, G. (1975). The traffic in women. In R. R. Reiter (Ed.), Toward an anthropology "
        "of women (pp. 157–210). Monthly Review Press.",
        {"type": "chapter", "author": ["G. Rubin"], "title": "The traffic in women",
         "editor": ["R. R. Reiter"], "container-title": "Toward an anthropology of women",
         "page": "157-210", "publisher": "Monthly Review Press", "issued": "1975"},
        id="apa-chapter",
    ),
    pytest.param(
        "Dostoevsky, F. (1992). Crime and punishment (R. Pevear & L. Volokhonsky, Trans.). "
        "Alfred A. Knopf. (Original work published 1866)",
        {"type": "book", "author": ["F. Dostoevsky"], "title": "Crime and punishment",
         "translator": ["R. Pevear", "L. Volokhonsky"], "publisher": "Alfred A. Knopf",
         "issued": "1992", "original-date": "1866"},
        id="apa-translation",
    ),
    pytest.param(
        "Cervantes, Miguel de. Don Quixote. Translated by Edith Grossman, Ecco, 2003.",
        {"type": "book", "author": ["Miguel de Cervantes"], "title": "Don Quixote",
         "translator": ["Edith Grossman"], "publisher": "Ecco", "issued": "2003"},
        id="mla-translation",
    ),
    pytest.param(
        "Melville, Herman (2002) [1851]. Hayford, Harrison; Parker, Hershel (eds.). Moby-Dick. "
        "Norton Critical Edition. New York: W. W. Norton.",
        {"type": "book", "author": ["Herman Melville"], "editor": ["Harrison Hayford",
                                                                  "Hershel Parker"],
         "title": "Moby-Dick", "collection-title": "Norton Critical Edition",
         "publisher-place": "New York", "publisher": "W. W. Norton", "issued": "2002",
         "original-date": "1851"},
        id="wikipedia-editors-and-original-year",
    ),
    pytest.param(
        "American Psychological Association. (2020). Publication manual of the American "
        "Psychological Association (7th ed.). Author.",
        {"type": "book", "author": ["American Psychological Association"],
         "title": "Publication manual of the American Psychological Association",
         "edition": "7", "issued": "2020", "publisher": "Author"},
        id="apa-corporate-author",
    ),
    pytest.param(
        "McCullough, David. 1776. New York: Simon & Schuster, 2005.",
        {"type": "book", "author": ["David McCullough"], "title": "1776",
         "publisher-place": "New York", "publisher": "Simon & Schuster", "issued": "2005"},
        id="title-that-is-a-year",
    ),
    pytest.param(
        "Orwell, George. Inside the Whale. London: Gollancz, 1940. The title essay was first "
        "published in 1936.",
        {"type": "book", "author": ["George Orwell"], "title": "Inside the Whale",
         "publisher-place": "London", "publisher": "Gollancz", "issued": "1940",
         "annote": "The title essay was first published in 1936."},
        id="first-published-essay-is-not-the-book",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_parse_reference(text: str, expected: dict[str, Any]) -> None:
    assert _summary(parse_reference(text)) == expected


def test_annotation_is_kept_verbatim() -> None:
    text = (
        "Ure, John. The Cossacks. New York: Penguin Books, 2002. Its maps, e.g. of the Don, "
        "are “superb”; see pp. 3-5!"
    )
    assert parse_reference(text).annotation == (
        "Its maps, e.g. of the Don, are “superb”; see pp. 3-5!"
    )


def test_a_dash_set_before_the_annotation_is_not_part_of_it() -> None:
    text = ("Kahneman, D. (2011). Thinking, fast and slow. Farrar, Straus and Giroux. – A "
            "psychologist’s tour of the two systems of thought.")
    assert parse_reference(text).annotation == ("A psychologist’s tour of the two systems "
                                                "of thought.")


@pytest.mark.parametrize("cue", ["Retrieved from", "Available at:", "Available from", "URL:"])
def test_a_link_after_its_cue_is_the_url(cue: str) -> None:
    ref = parse_reference("Mazower, Mark. Dark Continent. London: Allen Lane, 1998. "
                          f"{cue} https://archive.org/details/darkcontinent00mazo")
    assert ref.URL == "https://archive.org/details/darkcontinent00mazo"
    assert ref.annotation is None and ref.publisher == "Allen Lane"


@pytest.mark.parametrize(("cue", "role"), [
    ("Traducción de", "translator"), ("Aus dem Englischen von", "translator"),
    ("Übers. von", "translator"), ("Traduit par", "translator"), ("Traduzione di", "translator"),
    ("Hrsg. von", "editor"), ("A cura di", "editor"), ("Édité par", "editor"),
    ("Edición de", "editor"),
])
def test_role_cues_in_other_languages(cue: str, role: str) -> None:
    ref = parse_reference(f"Vilar, Pierre. Historia de España. {cue} Manuel Tuñón de Lara. "
                          "Barcelona: Crítica, 1978.")
    assert [n.display() for n in getattr(ref, role)] == ["Manuel Tuñón de Lara"]
    assert (ref.title, ref.publisher) == ("Historia de España", "Crítica")


def test_oclc_number_is_kept_as_extra() -> None:
    ref = parse_reference("Smith, John. The Book. London: Macmillan, 1990. OCLC 12345678.")
    assert dict(ref.extra) == {"OCLC": "12345678"}


def test_empty_reference_raises() -> None:
    with pytest.raises(ParseError):
        parse_reference("   ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Montefiore, Simon Sebag", ("Montefiore", "Simon Sebag", None), id="inverted"),
        pytest.param("Anna Yastrzhembska", ("Yastrzhembska", "Anna", None), id="direct"),
        pytest.param("Ludwig van Beethoven", ("Beethoven", "Ludwig", "van"), id="particle"),
        pytest.param("van Gogh, Vincent", ("Gogh", "Vincent", "van"), id="inverted-particle"),
    ],
)
def test_parse_name(text: str, expected: tuple[str, str, str | None]) -> None:
    name = parse_name(text)
    assert (name.family, name.given, name.non_dropping_particle) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2d ed.", "2"),
        ("2nd ed.", "2"),
        ("3rd edition", "3"),
        ("Second edition", "2"),
        ("Rev. ed.", "Rev."),
        ("Revised edition", "Revised"),
        ("The end", None),
    ],
)
def test_parse_edition(text: str, expected: str | None) -> None:
    assert parse_edition(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1995", "1995"),
        ("March 3, 1995", "1995-03-03"),
        ("3 March 1995", "1995-03-03"),
        ("May 2020", "2020-05"),
        ("n.d.", None),
        ("1943-1945", "1943/1945"),
        ("1922–23", "1922/1923"),  # the century is the first year's
        ("1989-90", "1989/1990"),
        ("1999-01", "1999-01"),  # a month, not a range
        ("[1977]", "1977"),
        ("Sept. 1, 1939", "1939-09-01"),
        ("15 novembre 1925", "1925-11-15"),
        ("15. März 2001", "2001-03-15"),
        ("1 de marzo de 2010", "2010-03-01"),
        ("1er août 2014", "2014-08-01"),
        ("settembre 2004", "2004-09"),
        ("1996, November 13", "1996-11-13"),
        ("2006, Mai", "2006-05"),
        ("1978, 12 juillet", "1978-07-12"),
        ("2010 Mar 18", "2010-03-18"),
        ("foo 2010", None),
        ("2001, 12 March 13", None),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    date = parse_date(text)
    assert (str(date) if date else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("pp. 45–67", "45-67"), ("p. 3", "3"), ("xii", "xii"), ("chapter", None)]
)
def test_parse_pages(text: str, expected: str | None) -> None:
    assert parse_pages(text) == expected


@pytest.mark.parametrize(("written", "kept"), [
    ("Phys. Rev. Lett.", "Phys. Rev. Lett."),
    ("Astron. Astrophys.", "Astron. Astrophys."),
    ("Bell Syst. Tech. J.,", "Bell Syst. Tech. J."),
    ("Proc. of the Royal Society.", "Proc. of the Royal Society"),
    ("Nature.", "Nature"),
    ("Am. J. Psychiatry.", "Am. J. Psychiatry"),
])
def test_an_abbreviated_journal_keeps_the_period_of_its_last_abbreviation(
        written: str, kept: str) -> None:
    ref = normalize_reference(Reference(id="x", type="article-journal", container_title=written))
    assert ref.container_title == kept


@pytest.mark.parametrize(("note", "year"), [
    ("Original work published 1975", 1975), ("First published 1867.", 1867),
    ("originally published in 1920", 1920),
    ("First published 1867 in Hamburg; this translation from the fourth edition", None),
    ("Translated by Ben Fowkes", None),
])
def test_a_note_that_only_says_when_the_work_first_came_out(note: str, year: int | None) -> None:
    from yalta_refs.parse.notes import first_published

    found = first_published(note)
    assert (found.year if found else None) == year
