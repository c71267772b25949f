"""Real-looking field values for :mod:`.records` (names, titles, containers ...)."""

from __future__ import annotations

import random

from yalta_refs.model import Name


def _n(family: str, given: str, **parts: str) -> Name:
    return Name(family=family, given=given, **parts)


PEOPLE: tuple[Name, ...] = (
    _n("Conquest", "Robert"), _n("Applebaum", "Anne"), _n("Snyder", "Timothy"),
    _n("Plokhy", "Serhii"), _n("Montefiore", "Simon Sebag"), _n("Judt", "Tony"),
    _n("Gogh", "Vincent", non_dropping_particle="van"),
    _n("Beethoven", "Ludwig", non_dropping_particle="van"),
    _n("Gaulle", "Charles", non_dropping_particle="de"),
    _n("Humboldt", "Alexander", dropping_particle="von"),
    _n("Neumann", "John", dropping_particle="von"),
    _n("Beauvoir", "Simone", dropping_particle="de"),
    _n("King", "Martin Luther", suffix="Jr."), _n("Davis", "Benjamin O.", suffix="Jr."),
    _n("Müller", "Jürgen"), _n("Strauß", "Günther"), _n("Łukasiewicz", "Jan"),
    _n("Wiśniewski", "Paweł"), _n("Dvořák", "Antonín"), _n("Đorđević", "Mira"),
    _n("Солженицын", "Александр"), _n("Ахматова", "Анна"), _n("村上", "春樹"),
    _n("García Márquez", "Gabriel"), _n("Hernández-López", "María José"),
    _n("O'Brien", "Flann"), _n("Le Goff", "Jacques"), _n("Smith", "J. R."),
    _n("Fitzgerald", "F. Scott"), _n("Yastrzhembska", "Anna"), _n("Ahmed", "Leila"),
    _n("Nguyễn", "Thị Bình"), _n("Østergaard", "Søren"), _n("Çelik", "Zeynep"),
)

CORPORATE: tuple[Name, ...] = tuple(Name(literal=text) for text in (
    "United Nations", "World Health Organization", "Institut für Zeitgeschichte",
    "Office of the Historian, U.S. Department of State", "Smith & Wesson Foundation",
    "Royal Society of Arts and Sciences", "Bank for International Settlements",
    "Организация Объединённых Наций",
))

BOOK_TITLES: tuple[str, ...] = (
    "Stalin: The Court of the Red Tsar", "The Great Terror: A Reassessment",
    "Gulag: A History", "Bloodlands: Europe between Hitler and Stalin",
    "Yalta: The Price of Peace", "Postwar: A History of Europe since 1945",
    "The Gates of Europe: A History of Ukraine", "Iron Curtain: The Crushing of Eastern Europe",
    "The Cossacks: An Illustrated History", "Victims of Yalta",
    "Diplomacy and the Early Cold War", "A World Order in Crisis",
    "The Origins of the Second World War in Europe", "Population Transfers in the USSR",
    "The Economics of Forced Labour", "Refugees and Displaced Persons, 1945-1951",
)

SPECIAL_TITLES: tuple[str, ...] = (
    "Profits & Losses: 50% of the Story",
    "C# for Historians: A $5 Guide",
    "Using snake_case_names and #hashtags in Archives",
    "Sets {A, B} and Their Complements",
    "Approximately ~ Equal: The ^ Operator Explained",
    "Windows Paths Like C:\\Temp\\Data",
    'The "Grand Alliance" Revisited',
    "Churchill’s “Iron Curtain” Speech and Its Critics",
    "AT&T, IBM and the iPhone: Brands in the USSR",
)

UNICODE_TITLES: tuple[str, ...] = (
    "Die Straße nach Jalta: Über die Konferenz von 1945",
    "L'Été 1945 : Café, Thé et Réfugiés",
    "Pan Tadeusz, czyli ostatni zajazd na Litwie: Łódź i Kraków",
    "Архипелаг ГУЛАГ", "Ялтинская конференция 1945 года",
    "ノルウェイの森", "東京物語と戦後日本",
    "Ørsted og Ægir: Dansk Videnskab",
)

ORIGINAL_TITLES: tuple[str, ...] = (
    "Victims of Yalta", "Le Deuxième Sexe", "Архипелаг ГУЛАГ",
    "Die Welt von Gestern", "Cien años de soledad",
)

PUBLISHERS: tuple[tuple[str, str], ...] = (
    ("Knopf", "New York"), ("Oxford University Press", "Oxford"),
    ("Cambridge University Press", "Cambridge"), ("Penguin Books", "London"),
    ("Harvard University Press", "Cambridge, MA"), ("Suhrkamp", "Frankfurt am Main"),
    ("Éditions Gallimard", "Paris"), ("Wydawnictwo Literackie", "Kraków"),
    ("Наука", "Москва"), ("岩波書店", "東京"), ("Farrar, Straus & Giroux", "New York"),
    ("Routledge", "London & New York"), ("Thames and Hudson", "London"),
)

CONTAINERS: dict[str, tuple[str, ...]] = {
    "article-journal": ("Slavic Review", "The Journal of Modern History",
                        "Europe-Asia Studies", "Journal of Cold War Studies",
                        "Vierteljahrshefte für Zeitgeschichte", "Вопросы истории",
                        "Kritika: Explorations in Russian & Eurasian History"),
    "article-magazine": ("The New Yorker", "The Atlantic", "Der Spiegel", "History Today"),
    "article-newspaper": ("The New York Times", "The Guardian",
                          "Frankfurter Allgemeine Zeitung", "Le Monde"),
    "webpage": ("Wikipedia", "The National Archives", "BBC News", "Yad Vashem"),
    "thesis": ("University of Oxford", "Uniwersytet Jagielloński", "東京大学"),
    "paper-conference": ("Proceedings of the 12th International Conference on Digital "
                         "Humanities", "Proceedings of the ACM Symposium on Document "
                         "Engineering", "Actes du Colloque « Mémoire & Histoire »"),
}

SERIES: tuple[str, ...] = (
    "Cambridge Studies in Russian History", "Yale-Hoover Series on Stalin, Stalinism, "
    "and the Cold War", "Veröffentlichungen des Instituts für Zeitgeschichte",
    "Studies in Soviet History & Society",
)

GENRES: dict[str, tuple[str, ...]] = {
    "thesis": ("PhD dissertation", "Master's thesis", "Habilitationsschrift", "DPhil thesis"),
    "report": ("Working paper", "Technical report", "Policy brief"),
}

PAGES: tuple[str, ...] = ("123–145", "45-67", "7", "e1002", "A1", "xiii–xxv", "301–329")

DOIS: tuple[str, ...] = (
    "10.1017/S0020818300018543", "10.2307/2501349", "10.1080/09668136.2015.1071024",
    "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0",
    "10.1162/jcws_a_00123", "10.1515/vfzg-2019-0004",
)

URLS: tuple[str, ...] = (
    "https://www.jstor.org/stable/2501349",
    "https://books.google.com/books?id=Xy12AAAAMAAJ&pg=PA12&dq=yalta",
    "https://archive.org/details/victims%20of%20yalta",
    "https://de.wikipedia.org/wiki/Konferenz_von_Jalta",
    "https://www.example.org/search?q=forced+migration&lang=en&page=2#results",
    "https://history.state.gov/historicaldocuments/frus1945Malta/d496",
    "https://www.bbc.co.uk/news/world-europe-31180888?at_medium=RSS&at_campaign=KARANGA",
    "http://www.yadvashem.org/odot_pdf/Microsoft%20Word%20-%206032.pdf",
    "https://example.com/~user/paper_v2.pdf",
)

NOTES: tuple[str, ...] = (
    "Reprinted with a new preface.", "In Russian.", "Translated from the German.",
    "Includes bibliographical references (pp. 401–433) and index.",
    "First published in 1977 under the title “Victims of Yalta”.",
    "Special issue: 50 years after Yalta & Potsdam.",
)

LANGUAGES: tuple[str, ...] = ("en", "de", "ru", "fr", "pl", "ja")

ANNOTATIONS: tuple[str, ...] = (
    "A vivid portrait of Stalin's inner circle. It draws on newly opened archives.",
    "This study examines the forced repatriation of 1945. It argues that the British "
    "government knew what awaited the Cossacks. Highly recommended.",
    "Covers 50% of the archival record & more; the \"$5 edition\" omits the index.",
    "Uses C# examples; see section 4 for {braces}, ~tildes, ^carets, back\\slashes "
    "and snake_case_names.",
    "Über die Vertreibung der Deutschen aus Ostmitteleuropa. Sehr gründlich, "
    "mit Karten von Łódź und Kraków.",
    "Основной труд по истории депортаций. Рекомендуется всем.",
    "日本語の資料。Very thorough, with maps of 東京.",
    "Solzhenitsyn called it “the antechamber of the Gulag.” A classic, if dated.",
    "Short and readable.\n\nThe second part, on the Cold War, is weaker; "
    "chapters 7–9 repeat the first part.",
    "Best used with Conquest (1968). The appendix lists 1,200 sources.",
)

ABSTRACTS: tuple[str, ...] = (
    "We trace 1.2 million deportees through NKVD records (1941–1949) and show that "
    "mortality peaked in the first winter.",
    "Using newly declassified cables, this article reconstructs the negotiations at Yalta; "
    "it finds that the Polish question dominated 40% of plenary time.",
)


def isbn13(rng: random.Random) -> str:
    """A valid ISBN-13 with the 978 prefix, hyphenated."""
    body = f"978{rng.randint(0, 1)}{rng.randint(0, 99999999):08d}"
    check = (10 - sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body)) % 10) % 10
    return f"{body[:3]}-{body[3]}-{body[4:8]}-{body[8:12]}-{check}"


def issn(rng: random.Random) -> str:
    """A valid ISSN ("0037-6779")."""
    digits = f"{rng.randint(0, 9999999):07d}"
    total = sum(int(c) * (8 - i) for i, c in enumerate(digits))
    check = (11 - total % 11) % 11
    return f"{digits[:4]}-{digits[4:]}{'X' if check == 10 else check}"
