"""Word lists the token features look words up in (lowercase, accents kept).

Written for this project: small, general lists of given names, months,
publisher and place words, journal words and the label words of reference
styles in English, German and French. They are hints; the model learns how
much to trust each one.
"""

from __future__ import annotations

__all__ = ["LEXICON"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


GIVEN_NAMES = _words("""
aaron adam adrian agnes alan albert alexander alexandra alfred alice alison amanda amy andrea
andreas andrew angela anna anne anthony antoine antonio arthur barbara benjamin bernard bernd
brian bruce carl carlos carol caroline catherine charles charlotte christian christine
christopher claire claude claudia colin daniel david deborah dennis diana dieter dominique
donald dorothy douglas edward elena elizabeth emily emma eric erik ernst eva francesca
francis françois frank franz frederick friedrich gabriel gary george georg gerhard gilles
giovanni giuseppe gordon grace gregory günter hans harald harold harry heinrich heinz helen
helmut henri henry herbert hermann hugh ian isabel jack jacques james jan jane janet jean
jeffrey jennifer jens jeremy jessica joan joanna johann johannes john jonathan jorge josé
joseph juan judith julia julian julie jürgen karen karl katherine kathleen kenneth kevin klaus
laura laurent lawrence linda lisa louis louise lucy luis manfred marc margaret maria marie
mark martin mary matthew max michael michel michelle mohammed monika nancy nicholas nicolas
oliver olivier pamela patricia patrick paul peter philip philippe pierre rachel ralph rebecca
richard robert roger ronald rosa ruth sally samuel sandra sarah scott sebastian simon sophie
stefan stephen steven susan thomas timothy ulrich ursula victor virginia walter werner
william wolfgang yves zhang wei li ming hiroshi takashi yuki kenji akira rajesh amit priya
sergei ivan olga natalia anastasia dmitri pablo miguel carmen lucía sofia marco luca paolo
elisabeth gisela hannelore jean-pierre jean-claude marie-claire hélène élise andré rené
""")

MONTHS = _words("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
januar februar märz juni juli oktober dezember jän
janvier février mars avril mai juin juillet août septembre octobre novembre décembre
janv févr avr juil déc spring summer autumn fall winter
""")

PUBLISHER_WORDS = _words("""
press presses university universität université verlag verlags publishing publishers
publisher publications publication books book editions éditions edition company co inc ltd
llc gmbh ag kg group house media academic springer wiley elsevier routledge blackwell sage
penguin random macmillan palgrave cambridge oxford harvard yale princeton mit norton knopf
harper collins viking vintage pearson mcgraw hill taylor francis gruyter beck suhrkamp
fischer rowohlt hanser kohlhammer gallimard seuil fayard flammarion puf dunod armand colin
hachette minuit découverte karthala brill ieee acm aip iop crc prentice addison wesley
academia verso polity basic doubleday scribner bantam houghton mifflin little brown simon
schuster wiley-blackwell thieme elsevier-masson vandenhoeck ruprecht mohr siebeck campus
scientific world dover kluwer nijhoff birkhäuser teubner vieweg pergamon north holland
clarendon plenum freeman cummings interscience dekker chapman hall butterworth heinemann
sinauer saunders mosby lippincott wilkins karger metzler reclam dtv ullstein klett cotta
kröner meiner waxmann budrich westdeutscher nomos duncker humblot harrassowitz narr
niemeyer klostermann payot plon laffont belin vrin droz klincksieck larousse odile jacob
editorial editora editore editori edizioni ediciones editions universitaires
universitätsverlag wissenschaftliche buchgesellschaft fachverlag institute institut
""")

PLACE_WORDS = _words("""
london new york paris berlin oxford cambridge boston chicago washington philadelphia
toronto montreal montréal amsterdam leiden munich münchen frankfurt hamburg stuttgart
cologne köln leipzig vienna wien zurich zürich basel bern geneva genève lyon marseille
bordeaux toulouse strasbourg bruxelles brussels madrid barcelona rome roma milan milano
tokyo beijing shanghai delhi sydney melbourne berkeley stanford princeton baltimore
los angeles san francisco diego seattle durham ithaca urbana champaign minneapolis ann
arbor edinburgh glasgow manchester dublin copenhagen stockholm oslo helsinki moscow
warsaw prague budapest heidelberg göttingen tübingen freiburg bonn dresden weinheim
basingstoke abingdon thousand oaks hoboken malden chichester new haven mass ny nj ca il
ma ct md pa uk usa dc singapore hong kong tel aviv jerusalem cairo mexico buenos aires
são paulo rio lisbon lisboa athens wiesbaden darmstadt opladen mainz düsseldorf
dordrecht norwell reading upper saddle river englewood cliffs menlo park redwood westport
greenwich lanham bloomington madison austin atlanta houston denver pittsburgh cleveland
detroit st louis petersburg kyoto osaka seoul taipei bangkok mumbai bombay kolkata chennai
tehran istanbul ankara beirut nairobi lagos johannesburg cape town canberra brisbane perth
adelaide auckland wellington vancouver ottawa québec quebec santiago lima bogotá caracas
florence firenze venice venezia naples napoli turin torino bologna padova pisa salzburg
graz innsbruck lausanne luzern antwerp ghent gent leuven louvain liège utrecht rotterdam
groningen nijmegen aarhus uppsala lund göteborg turku tallinn riga vilnius kraków krakow
wrocław poznań bratislava brno ljubljana zagreb belgrade sofia bucharest kiev kyiv minsk
novosibirsk münster kiel bremen hannover nürnberg würzburg regensburg augsburg karlsruhe
mannheim konstanz bielefeld bochum dortmund essen aachen jena halle rostock marburg gießen
kassel erlangen potsdam nice nantes rennes lille grenoble montpellier dijon rouen caen
nancy besançon aix provence clermont ferrand orléans porto coimbra sevilla valencia granada
salamanca oakland providence lincoln ames columbus raleigh chapel charlottesville nashville
tucson honolulu portland salt lake heidelberg berlin germany france italy spain england
switzerland austria netherlands belgium sweden japan china india canada australia russia
""")

JOURNAL_WORDS = _words("""
journal journals j review rev reviews revue zeitschrift zeitschr proceedings proc annals ann
annales bulletin bull quarterly transactions trans letters lett acta archives arch studies
research science sciences nature phys physics chem chemistry med medicine medical clin
clinical int international am american br british eur european nat natl national soc
society acad academy sci math mathematical psychol psychology sociol economic econ
history historical philosophy magazine newsletter gazette times post herald tribune
monthly weekly daily forschung jahrbuch mitteilungen cahiers études archiv lancet bmj jama
plos ieee acm conference conf symposium symp workshop congress meeting
astrophys astron astrophysical astronomy astronomical apj apjs apjl mnras jhep jcap nucl
lett opt appl biol mol neurosci genet immunol ecol environ geophys geol res commun comput
eng technol stat theor exp condens mater nanotechnol quant cosmol grav rep prog mod sov
jetp zh eksp teor fiz physica ibid pure chim biochem biophys pharmacol physiol psychiatry
neurol surg pediatr epidemiol oncol cardiol endocrinol microbiol virol ann anal
""")

#: states, provinces and countries that follow a city after a comma ("Cambridge,
#: Massachusetts"), never a publisher
STATE_WORDS = _words("""
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
michigan minnesota mississippi missouri montana nebraska nevada hampshire jersey mexico
carolina dakota ohio oklahoma oregon pennsylvania rhode tennessee texas utah vermont
virginia washington wisconsin wyoming ontario quebec columbia alberta manitoba scotland
wales ireland
""")

#: journal-title abbreviations as written without periods ("Proc Natl Acad Sci")
BARE_ABBREVIATIONS = _words("""
j am soc proc natl acad sci chem phys rev lett med biol res int clin eur br ann arch bull
trans appl environ microbiol immunol neurosci ecol geophys astron astrophys math mol genet
pharmacol physiol neurol surg pediatr epidemiol oncol cardiol endocrinol virol biochem
biophys theor exp condens mater commun comput technol stat psychol sociol econ opt nucl
geol zool bot entomol parasitol vet agric hortic nutr toxicol dent ophthalmol otolaryngol
dermatol gastroenterol hepatol nephrol urol gynecol obstet radiol anesth rheumatol hematol
infect dis pathol mech struct electron mag lond zh nauk dokl
""")

ROLE_WORDS = _words("""
ed eds editor editors edited hrsg hg herausgegeben herausgeber éd éds dir coord trans
transl translated translator translators übers übersetzt trad traduit traduction by von par
""")

#: more role words, in the languages the model's features were not given them for
#: (the repairs and the decoding read them; the model was trained without them):
#: "édité par", "editado por", "organizado por", "(org.)", "a cura di"; Bulgarian and
#: Russian "ред." (edited), "Състав." and "сост." (compiled)
MORE_ROLE_WORDS = _words("""
édité édités éditée éditées edité editado editada editados editadas organizado organizada
organizadores org orgs cura ред редактор редактори съст състав сост составитель
""")

EDITION_WORDS = _words("""
edition edn ed aufl auflage éd édition rev revised reprint neuausg überarb erw
""")

PAGE_WORDS = _words("pp p pages page s seiten seite pg pgs")
VOLUME_WORDS = _words("vol vols volume volumes bd band t tome jg jahrgang")
ISSUE_WORDS = _words("no nos nr number issue heft h n num")
CONNECTIVE_WORDS = _words("and und et y e &")
IN_WORDS = _words("in dans")
ACCESS_WORDS = _words("""
retrieved accessed available online abgerufen zugriff consulté consulte disponible url from
at cited viewed
""")
GENRE_WORDS = _words("""
thesis dissertation diss phd ph master masters ma msc report technical tech working paper
papers preprint manuscript unpublished doctoral habilitationsschrift thèse mémoire rapport
doctorat hochschulschrift magisterarbeit
""")
ETAL_WORDS = _words("et al others alii")

LEXICON: dict[str, frozenset[str]] = {
    "given": GIVEN_NAMES,
    "month": MONTHS,
    "publisher": PUBLISHER_WORDS,
    "place": PLACE_WORDS,
    "journal": JOURNAL_WORDS,
    "role": ROLE_WORDS,
    "edition": EDITION_WORDS,
    "page": PAGE_WORDS,
    "volume": VOLUME_WORDS,
    "issue": ISSUE_WORDS,
    "and": CONNECTIVE_WORDS,
    "in": IN_WORDS,
    "access": ACCESS_WORDS,
    "genre": GENRE_WORDS,
    "etal": ETAL_WORDS,
}
