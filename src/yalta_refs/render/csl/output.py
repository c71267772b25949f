"""Writing blobs out as text, HTML, Markdown or LaTeX; markup inside field values.

HTML follows citeproc-js's ``html`` format (numeric entities, ``<i>``,
``<b>``, small-caps spans, ``csl-left-margin``/``csl-right-inline``/``csl-block``
divs) and text its ``text`` format, so the two can be compared string for
string. Markdown and LaTeX are ours.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .blob import Blob, Decor

__all__ = ["FORMATS", "Format", "markup_tree", "parse_markup", "write"]

_QUOTE_TERMS = ("open-quote", "close-quote", "open-inner-quote", "close-inner-quote")


def _esc_html(text: str) -> str:
    text = text.replace("&", "&#38;").replace("<", "&#60;").replace(">", "&#62;")
    if "  " in text:
        text = re.sub(r"\s\s", "\u00a0 ", text)
    return text


def _esc_text(text: str) -> str:
    return text


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _esc_md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


_TEX = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
        "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}"}
_TEX_RE = re.compile(r"[\\&%$#_{}~^]")


def _esc_tex(text: str) -> str:
    return _TEX_RE.sub(lambda m: _TEX[m.group(0)], text)


class Format:
    """Escaping and wrappers of one output format."""

    def __init__(self, name: str, escape: Callable[[str], str],
                 wrap: dict[Decor, tuple[str, str]], display: dict[str, tuple[str, str]]):
        self.name = name
        self.escape = escape
        self.wrap = wrap
        self.display = display


_HTML = Format("html", _esc_html, {
    ("font-style", "italic"): ("<i>", "</i>"),
    ("font-style", "oblique"): ("<em>", "</em>"),
    ("font-style", "normal"): ('<span style="font-style:normal;">', "</span>"),
    ("font-variant", "small-caps"): ('<span style="font-variant:small-caps;">', "</span>"),
    ("font-variant", "normal"): ('<span style="font-variant:normal;">', "</span>"),
    ("font-weight", "bold"): ("<b>", "</b>"),
    ("font-weight", "normal"): ('<span style="font-weight:normal;">', "</span>"),
    ("text-decoration", "underline"): ('<span style="text-decoration:underline;">', "</span>"),
    ("text-decoration", "none"): ('<span style="text-decoration:none;">', "</span>"),
    ("vertical-align", "sup"): ("<sup>", "</sup>"),
    ("vertical-align", "sub"): ("<sub>", "</sub>"),
    ("vertical-align", "baseline"): ('<span style="baseline">', "</span>"),
}, {
    "block": ('\n\n    <div class="csl-block">', "</div>\n"),
    "left-margin": ('\n    <div class="csl-left-margin">', "</div>"),
    "right-inline": ('<div class="csl-right-inline">', "</div>\n  "),
    "indent": ('<div class="csl-indent">', "</div>\n  "),
})
_TEXT = Format("text", _esc_text, {}, {
    "block": ("\n", ""), "left-margin": ("", " "), "right-inline": ("", ""),
    "indent": ("\n    ", ""),
})
_MARKDOWN = Format("markdown", _esc_md, {
    ("font-style", "italic"): ("*", "*"),
    ("font-style", "oblique"): ("*", "*"),
    ("font-weight", "bold"): ("**", "**"),
    ("vertical-align", "sup"): ("^", "^"),
    ("vertical-align", "sub"): ("~", "~"),
}, {
    "block": ("  \n", ""), "left-margin": ("", " "), "right-inline": ("", ""),
    "indent": ("  \n    ", ""),
})
_LATEX = Format("latex", _esc_tex, {
    ("font-style", "italic"): (r"\emph{", "}"),
    ("font-style", "oblique"): (r"\textsl{", "}"),
    ("font-style", "normal"): (r"\textup{", "}"),
    ("font-variant", "small-caps"): (r"\textsc{", "}"),
    ("font-weight", "bold"): (r"\textbf{", "}"),
    ("font-weight", "normal"): (r"\textmd{", "}"),
    ("text-decoration", "underline"): (r"\underline{", "}"),
    ("vertical-align", "sup"): (r"\textsuperscript{", "}"),
    ("vertical-align", "sub"): (r"\textsubscript{", "}"),
}, {
    "block": ("\\\\\n", ""), "left-margin": ("", " "), "right-inline": ("", ""),
    "indent": ("\\\\\n\\quad ", ""),
})

FORMATS = {fmt.name: fmt for fmt in (_HTML, _TEXT, _MARKDOWN, _LATEX)}


_LEVEL = "_quote"  # in ``active``: how the innermost enclosing quotes were printed


def _flip(decor: tuple[Decor, ...], active: frozenset[Decor]) -> tuple[Decor, ...]:
    """Decorations from markup in a value, as printed here: italics inside italics
    turn normal; quotes keep their own kind (double for straight and curly double
    quotes and straight single ones, single for curly single quotes) unless the
    enclosing quotes were printed the same way, then they turn (citeproc-js)."""
    out = []
    for key, value in decor:
        if value.endswith("~"):
            value = value[:-1]
            if key == "quotes":
                if (_LEVEL, value) in active:
                    value = "inner" if value == "true" else "true"
            elif (key, value) in active:
                value = "normal"
        out.append((key, value))
    return tuple(out)


def _enter(active: frozenset[Decor], decor: tuple[Decor, ...]) -> frozenset[Decor]:
    level = [value for key, value in decor if key == "quotes"]
    if level:
        active = frozenset(d for d in active if d[0] != _LEVEL) | {(_LEVEL, level[-1])}
    return active.union(decor)


def _decorate(text: str, decor: tuple[Decor, ...], fmt: Format,
              quotes: tuple[str, str, str, str]) -> str:
    for item in decor:
        key, value = item
        if key == "quotes":
            if value == "inner":
                text = quotes[2] + text + quotes[3]
            elif value == "true":
                text = quotes[0] + text + quotes[1]
        elif key != "display":
            pair = fmt.wrap.get(item)
            if pair:
                text = pair[0] + text + pair[1]
    return text


def _display(text: str, decor: tuple[Decor, ...], fmt: Format) -> str:
    for key, value in decor:
        if key == "display":
            pair = fmt.display.get(value)
            if pair:
                text = pair[0] + text + pair[1]
    return text


def write(blob: Blob, fmt: Format, quotes: tuple[str, str, str, str],
          active: frozenset[Decor] = frozenset()) -> str:
    """Serialize one (adjusted) blob tree; ``active`` holds the decorations in force."""
    esc = fmt.escape
    decor = blob.decor
    if decor:
        decor = _flip(decor, active)
        active = _enter(active, decor)
    if blob.kids is None:
        if not blob.text:
            return ""
        body = esc(blob.text)
        if decor:
            body = _decorate(body, decor, fmt, quotes)
        body = esc(blob.prefix) + body + esc(blob.suffix)
        if blob.decor:
            body = _display(body, blob.decor, fmt)
        return body
    parts = [p for p in (write(kid, fmt, quotes, active) for kid in blob.kids) if p]
    if not parts:
        return ""
    body = esc(blob.delim).join(parts) if len(parts) > 1 else parts[0]
    if decor:
        body = _decorate(body, decor, fmt, quotes)
    body = esc(blob.prefix) + body + esc(blob.suffix)
    if blob.decor:
        body = _display(body, blob.decor, fmt)
    return body


# --- markup inside field values -------------------------------------------------

_TAG = re.compile(
    r'<(/?)(i|b|sup|sub|sc)>|<span\s+(?:style="font-variant:\s*small-caps;?"|class="nocase")>'
    r'|</span>|"|\u201c|\u201d|(?<![\w\u2019])\'(?=\w)|(?<=[\w.,!?"\u201d\u2019])\'(?!\w)'
    r'|\u2018|(?<=[\w.,!?"\u201d\u2019])\u2019(?!\w)',
)
_TAG_DECOR: dict[str, Decor] = {
    "i": ("font-style", "italic"), "b": ("font-weight", "bold"),
    "sup": ("vertical-align", "sup"), "sub": ("vertical-align", "sub"),
    "sc": ("font-variant", "small-caps"),
}
NOCASE: Decor = ("nocase", "true")

Run = tuple[str, tuple[Decor, ...]]


def has_markup(text: str) -> bool:
    return ("<" in text or '"' in text or "'" in text or "\u201c" in text
            or "\u2018" in text)


def parse_markup(text: str) -> list[Run]:
    """A field value's markup as flat (text, decorations) runs: :func:`markup_tree`
    read out leaf by leaf, each leaf with the decorations of the elements around it
    (``nocase`` spans leave no decoration). Unbalanced markup is kept as text."""
    tree = markup_tree(text)
    if tree is None:
        return [(text.replace("'", "\u2019"), ())]
    runs: list[Run] = []

    def walk(blobs: list[Blob], decor: tuple[Decor, ...]) -> None:
        for blob in blobs:
            if blob.kids is None:
                runs.append((blob.text or "", decor))
            else:
                walk(blob.kids, decor + blob.decor)

    walk(tree, ())
    return runs


def markup_tree(text: str) -> list[Blob] | None:
    """The markup of a field value as nested blobs (each element one level, so
    quotes inside quotes print once each and flip by what encloses them); None
    when the markup is unbalanced (the text is then kept as it is)."""
    stack: list[tuple[str, Decor, list[Blob]]] = [("", ("", ""), [])]
    pos = 0
    for match in _TAG.finditer(text):
        token = match.group(0)
        opening = _opening(token, match, [(kind, decor) for kind, decor, _ in stack[1:]])
        if opening is None:
            continue
        if match.start() > pos:
            stack[-1][2].append(Blob(text[pos:match.start()].replace("'", "\u2019")))
        pos = match.end()
        if opening:
            kind, decor = _classify(token, match)
            if decor[0] != "nocase":
                decor = (decor[0], decor[1] + "~")
            stack.append((kind, decor, []))
        else:
            kind, decor, kids = stack.pop()
            stack[-1][2].append(Blob(kids=kids, decor=() if decor[0] == "nocase" else (decor,)))
    if len(stack) > 1:
        return None
    rest = text[pos:].replace("'", "\u2019")
    if rest:
        stack[0][2].append(Blob(rest))
    return stack[0][2]


def _classify(token: str, match: re.Match[str]) -> tuple[str, Decor]:
    if match.group(2):
        return match.group(2), _TAG_DECOR[match.group(2)]
    if token.startswith("<span"):
        return "span", (NOCASE if "nocase" in token else _TAG_DECOR["sc"])
    if token == "\u2018":
        return "'", ("quotes", "inner")
    if token == "'":  # straight single quotes nest like double ones (citeproc-js)
        return "'", ("quotes", "true")
    return '"', ("quotes", "true")


def _opening(token: str, match: re.Match[str], stack: list[tuple[str, Decor]]) -> bool | None:
    """True for an opening tag, False for a closing one, None to ignore."""
    if match.group(2):
        if match.group(1):
            return False if stack and stack[-1][0] == match.group(2) else None
        return True
    if token == "</span>":
        return False if stack and stack[-1][0] == "span" else None
    if token.startswith("<span"):
        return True
    if token in ('"', "\u201c", "\u201d"):
        if stack and stack[-1][0] == '"' and token != "\u201c":
            text = match.string
            before = text[match.start() - 1:match.start()] if match.start() else " "
            after = text[match.end():match.end() + 1]
            # a straight quote after a space and before a word opens a quote
            # inside the quote ('"a "b" c"'); otherwise it closes
            return token == '"' and before.isspace() and after[:1].isalnum()
        return True if token != "\u201d" else None
    if token == "\u2018":
        return True
    if token == "\u2019":
        return False if stack and stack[-1][0] == "'" else None
    if token == "'":
        if stack and stack[-1][0] == "'" and match.start() > 0 and not \
                re.match(r"\w", match.string[match.end():match.end() + 1]):
            return False
        if match.end() < len(match.string) and re.match(r"\w", match.string[match.end()]):
            return True
        return None
    return None
