"""Assembling a rendered bibliography into a text, HTML, Markdown or LaTeX document.

The engines give one formatted entry per reference (HTML, or plain text for
``text``). Here the entries become a document: annotations as paragraphs or
blocks of their own under their entry, optional headings per type, and the
output format's escaping.

HTML from an engine is never trusted: it is read as a token stream and written
again with a short list of allowed tags (``i b em strong u sup sub span div a``)
and attributes (CSL's ``class`` names, small-caps and friends in ``style``,
``href`` only for ``http``/``https``). Any other tag is written as escaped text,
so a title holding ``<script>`` shows as text and never runs. Bare
``http(s)://`` URLs in entries and annotations become links; no other scheme
does. Markdown and LaTeX are written from the same tokens with their own
escaping.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

__all__ = ["FORMATS", "GROUP_HEADINGS", "Rendered", "assemble", "html_to_latex",
           "html_to_markdown", "html_to_text", "sanitize_html"]

FORMATS = ("text", "html", "markdown", "latex")

#: Heading of each group for ``group_by="type"``, in the order the groups appear.
GROUP_HEADINGS: dict[str, str] = {
    "book": "Books",
    "chapter": "Chapters",
    "article-journal": "Journal articles",
    "article-magazine": "Magazine articles",
    "article-newspaper": "Newspaper articles",
    "article": "Articles",
    "paper-conference": "Conference papers",
    "thesis": "Theses",
    "report": "Reports",
    "webpage": "Web pages",
    "post-weblog": "Blog posts",
    "entry-encyclopedia": "Encyclopedia entries",
    "entry-dictionary": "Dictionary entries",
    "review-book": "Book reviews",
    "motion_picture": "Films",
    "broadcast": "Broadcasts",
    "dataset": "Data sets",
    "software": "Software",
    "manuscript": "Manuscripts",
    "map": "Maps",
    "interview": "Interviews",
    "legal_case": "Legal cases",
    "legislation": "Legislation",
}
OTHER_HEADING = "Other works"


@dataclass(frozen=True)
class Rendered:
    """One rendered entry: its id, its body (HTML, or text for ``text``), its
    annotation (plain text or None), its type and an optional label
    (``[Knu84]``; pybtex styles)."""

    id: str
    body: str
    annotation: str | None = None
    type: str = "document"
    label: str | None = None


# --------------------------------------------------------------------------- tokens

_ALLOWED = frozenset(("i", "b", "em", "strong", "u", "sup", "sub", "span", "div", "a"))
_STYLE_DECL = re.compile(
    r"^\s*(font-variant\s*:\s*(small-caps|normal)|font-style\s*:\s*(italic|normal|oblique)"
    r"|font-weight\s*:\s*(bold|normal|light|\d00)|text-decoration\s*:\s*(underline|none)"
    r"|vertical-align\s*:\s*(sup|sub|baseline))\s*$", re.I)
_CLASS = re.compile(r"^[A-Za-z][\w-]*$")
_URL = re.compile(r"https?://[^\s<>\"]+", re.I)
_TRAILING = ".,;:)]}'’”!?"

Token = tuple[str, str, dict[str, str]]  # (kind, tag-or-text, attributes)


def _safe_href(value: str) -> str | None:
    value = value.strip()
    return value if re.match(r"^https?://", value, re.I) and not re.search(r"[\s<>\"]", value) \
        else None


def _clean_attrs(tag: str, attrs: list[tuple[str, str | None]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in attrs:
        if value is None:
            continue
        if name == "class":
            classes = [c for c in value.split() if _CLASS.match(c)]
            if classes:
                out["class"] = " ".join(classes)
        elif name == "style" and tag in ("span", "div"):
            decls = [d.strip() for d in value.split(";") if _STYLE_DECL.match(d)]
            if decls:
                out["style"] = ";".join(d.replace(" ", "") for d in decls) + ";"
        elif name == "href" and tag == "a":
            href = _safe_href(value)
            if href:
                out["href"] = href
    return out


class _Tokenizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[Token] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _ALLOWED:
            clean = _clean_attrs(tag, attrs)
            if tag == "a" and "href" not in clean:  # a link to nowhere safe: its text only
                self.open.append("!a")
                return
            self.tokens.append(("start", tag, clean))
            self.open.append(tag)
        else:
            self.tokens.append(("text", self.get_starttag_text() or f"<{tag}>", {}))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.tokens.append(("text", " ", {}))
        else:
            self.tokens.append(("text", self.get_starttag_text() or f"<{tag}/>", {}))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open or (tag == "a" and "!a" in self.open):
            while self.open:
                top = self.open.pop()
                if top != "!a":
                    self.tokens.append(("end", top, {}))
                if top.lstrip("!") == tag:
                    break
        else:
            self.tokens.append(("text", f"</{tag}>", {}))

    def handle_data(self, data: str) -> None:
        self.tokens.append(("text", data, {}))

    def handle_comment(self, data: str) -> None:
        self.tokens.append(("text", f"<!--{data}-->", {}))

    def handle_decl(self, decl: str) -> None:
        self.tokens.append(("text", f"<!{decl}>", {}))

    def handle_pi(self, data: str) -> None:
        self.tokens.append(("text", f"<?{data}>", {}))

    def unknown_decl(self, data: str) -> None:
        self.tokens.append(("text", f"<![{data}]>", {}))


def tokens(html: str) -> list[Token]:
    """The sanitized token stream of an HTML fragment (always balanced)."""
    parser = _Tokenizer()
    parser.feed(html)
    parser.close()
    rawdata = parser.rawdata  # text the parser kept back (an unfinished tag at the end)
    if rawdata:
        parser.tokens.append(("text", rawdata, {}))
    out = parser.tokens
    out.extend(("end", tag, {}) for tag in reversed(parser.open) if tag != "!a")
    return out


def _split_urls(text: str) -> Iterable[tuple[str, bool]]:
    """(piece, is_url) pieces of ``text``; trailing punctuation stays out of a URL."""
    pos = 0
    for match in _URL.finditer(text):
        url = match.group(0)
        while url and url[-1] in _TRAILING:
            if url[-1] == ")" and url.count("(") >= url.count(")"):
                break
            url = url[:-1]
        if len(url) <= len("https://"):
            continue
        start = match.start()
        if start > pos:
            yield text[pos:start], False
        yield url, True
        pos = start + len(url)
    if pos < len(text):
        yield text[pos:], False


# --------------------------------------------------------------------------- writers


def _html_text(text: str, link: bool) -> str:
    if not link:
        return escape(text, quote=False)
    parts = []
    for piece, is_url in _split_urls(text):
        if is_url:
            parts.append(f'<a href="{escape(piece)}">{escape(piece, quote=False)}</a>')
        else:
            parts.append(escape(piece, quote=False))
    return "".join(parts)


def sanitize_html(html: str, *, link_urls: bool = True) -> str:
    """``html`` with only the allowed tags, every text escaped, http(s) URLs linked."""
    out: list[str] = []
    in_link = 0
    for kind, value, attrs in tokens(html):
        if kind == "text":
            out.append(_html_text(value, link_urls and not in_link))
        elif kind == "start":
            if value == "a":
                in_link += 1
            rendered = "".join(f' {k}="{escape(v)}"' for k, v in attrs.items())
            out.append(f"<{value}{rendered}>")
        else:
            if value == "a":
                in_link -= 1
            out.append(f"</{value}>")
    return "".join(out)


def _style_of(attrs: Mapping[str, str]) -> str:
    return attrs.get("style", "").replace(" ", "").lower()


def html_to_text(html: str) -> str:
    """The text of an HTML fragment (tags dropped, entities decoded)."""
    return "".join(value for kind, value, _ in tokens(html) if kind == "text")


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!])")


def _md_escape(text: str) -> str:
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return text.replace("&", "&amp;") if "&" in text and re.search(r"&\w+;|&#", text) else text


def _md_text(text: str, link: bool) -> str:
    if not link:
        return _md_escape(text)
    return "".join(f"<{p}>" if is_url else _md_escape(p) for p, is_url in _split_urls(text))


def html_to_markdown(html: str) -> str:
    """Markdown of an HTML fragment: italics and bold kept, all else as escaped text."""
    out: list[str] = []
    opened: list[tuple[int, str]] = []  # (position in out, mark) of each open element
    in_link = 0
    for kind, value, attrs in tokens(html):
        if kind == "text":
            out.append(_md_text(value, not in_link))
            continue
        if value == "a":
            in_link += 1 if kind == "start" else -1
        if kind == "start":
            style = _style_of(attrs)
            mark = ("*" if value in ("i", "em") or "font-style:italic" in style else
                    "**" if value in ("b", "strong") or "font-weight:bold" in style else "")
            opened.append((len(out), mark))
            out.append(mark)
        elif opened:
            begin, mark = opened.pop()
            if not "".join(out[begin + 1:]).strip():
                out[begin] = ""  # nothing (or only spaces) inside: no emphasis
            else:
                out.append(mark)
    return "".join(out)


_LATEX_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "%": r"\%",
    "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
_LATEX_RE = re.compile("[" + re.escape("".join(_LATEX_SPECIAL)) + "]")


def latex_escape(text: str) -> str:
    """``text`` with LaTeX's special characters escaped (UTF-8 otherwise kept)."""
    return _LATEX_RE.sub(lambda m: _LATEX_SPECIAL[m.group(0)], text)


def _latex_command(tag: str, attrs: Mapping[str, str]) -> str:
    style = _style_of(attrs)
    if tag in ("i", "em") or "font-style:italic" in style or "font-style:oblique" in style:
        return r"\emph{"
    if tag in ("b", "strong") or "font-weight:bold" in style:
        return r"\textbf{"
    if tag == "sup" or "vertical-align:sup" in style:
        return r"\textsuperscript{"
    if tag == "sub" or "vertical-align:sub" in style:
        return r"\textsubscript{"
    if "font-variant:small-caps" in style:
        return r"\textsc{"
    if tag == "u" or "text-decoration:underline" in style:
        return r"\underline{"
    if "font-style:normal" in style:
        return r"\textup{"
    return "{"


def html_to_latex(html: str) -> str:
    """LaTeX of an HTML fragment: emphasis, bold, small caps, super/subscripts."""
    out: list[str] = []
    starts: list[int] = []
    for kind, value, attrs in tokens(html):
        if kind == "text":
            out.append(latex_escape(value))
        elif kind == "start":
            starts.append(len(out))
            out.append(_latex_command(value, attrs))
        elif starts:
            begin = starts.pop()
            if begin == len(out) - 1:  # an empty element: nothing to write
                out.pop()
            else:
                out.append("}")
    return "".join(out)


# --------------------------------------------------------------------------- documents


def _paragraphs(text: str) -> list[str]:
    """An annotation's paragraphs: blank lines separate them, other breaks are spaces."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def _groups(entries: Sequence[Rendered], group_by: str | None
            ) -> list[tuple[str | None, list[Rendered]]]:
    if not group_by:
        return [(None, list(entries))]
    if group_by != "type":
        raise ValueError(f"cannot group by {group_by!r} (only 'type')")
    order = [*GROUP_HEADINGS.values(), OTHER_HEADING]
    buckets: dict[str, list[Rendered]] = {}
    for entry in entries:
        heading = GROUP_HEADINGS.get(entry.type, OTHER_HEADING)
        buckets.setdefault(heading, []).append(entry)
    return [(h, buckets[h]) for h in order if h in buckets]


def _text_document(groups: list[tuple[str | None, list[Rendered]]], annotated: bool) -> str:
    blocks: list[str] = []
    for heading, entries in groups:
        if heading:
            blocks.append(heading)
        for entry in entries:
            label = f"[{entry.label}] " if entry.label else ""
            blocks.append(label + " ".join(entry.body.split()))
            if annotated and entry.annotation:
                blocks.extend(_paragraphs(entry.annotation))
    return "\n\n".join(blocks) + "\n" if blocks else ""


_CSS = """\
body { font-family: Georgia, serif; max-width: 46em; margin: 2em auto; line-height: 1.45; }
.csl-entry { margin: 1.2em 0 0 2em; text-indent: -2em; }
.annotation { margin: 0.4em 0 0 2em; font-size: 0.95em; }
.annotation p { margin: 0.3em 0; }
.csl-left-margin { display: inline-block; min-width: 2.5em; text-indent: 0; }
.csl-right-inline { display: inline; }
"""


def _html_document(groups: list[tuple[str | None, list[Rendered]]], annotated: bool,
                   title: str, document: bool, lang: str) -> str:
    lines: list[str] = []
    for heading, entries in groups:
        if heading:
            lines.append(f"<h2>{escape(heading)}</h2>")
        lines.append('<div class="csl-bib-body">')
        for entry in entries:
            label = (f'<span class="label">[{escape(entry.label)}]</span> '
                     if entry.label else "")
            lines.append(f'  <div class="csl-entry" id="{escape(entry.id)}">{label}'
                         f"{sanitize_html(entry.body.strip())}</div>")
            if annotated and entry.annotation:
                paras = "".join(f"<p>{_html_text(p, True)}</p>"
                                for p in _paragraphs(entry.annotation))
                lines.append(f'  <div class="annotation">{paras}</div>')
        lines.append("</div>")
    body = "\n".join(lines)
    if not document:
        return body + "\n"
    return (f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape(title)}</title>\n<style>\n{_CSS}</style>\n</head>\n<body>\n"
            f"<h1>{escape(title)}</h1>\n{body}\n</body>\n</html>\n")


def _markdown_document(groups: list[tuple[str | None, list[Rendered]]], annotated: bool,
                       title: str, document: bool) -> str:
    blocks: list[str] = [f"# {_md_escape(title)}"] if document else []
    for heading, entries in groups:
        if heading:
            blocks.append(f"## {_md_escape(heading)}")
        for entry in entries:
            label = f"\\[{_md_escape(entry.label)}\\] " if entry.label else ""
            body = " ".join(html_to_markdown(entry.body).split())
            if re.match(r"\d+\.\s|[-+]\s", body):  # no list by accident
                body = re.sub(r"^(\d+)\.", r"\1\\.", body) if body[0].isdigit() \
                    else "\\" + body
            blocks.append(label + body)
            if annotated and entry.annotation:
                blocks.append("\n>\n".join(f"> {_md_text(p, True)}"
                                           for p in _paragraphs(entry.annotation)))
    return "\n\n".join(blocks) + "\n" if blocks else ""


_MARGIN = re.compile(r'^\s*<div class="csl-left-margin">(.*?)</div>\s*'
                     r'<div class="csl-right-inline">(.*)</div>\s*$', re.DOTALL)


def _latex_key(key: str) -> str:
    return re.sub(r"[^A-Za-z0-9:._/+-]", "-", key) or "item"


def _latex_document(groups: list[tuple[str | None, list[Rendered]]], annotated: bool) -> str:
    chunks: list[str] = []
    for heading, entries in groups:
        lines: list[str] = []
        if heading:
            name = latex_escape(heading)
            lines.append(rf"\providecommand{{\bibname}}{{}}\renewcommand{{\bibname}}{{{name}}}"
                         rf"\renewcommand{{\refname}}{{{name}}}")
        widest = max((e.label for e in entries if e.label), key=len, default=None)
        lines.append(rf"\begin{{thebibliography}}{{{latex_escape(widest or str(len(entries)))}}}")
        for entry in entries:
            label = f"[{latex_escape(entry.label)}]" if entry.label and \
                not entry.label.isdigit() else ""
            html = entry.body
            margin = _MARGIN.match(html)
            if margin:
                # a numeric style's "[1]" / "1." field: \bibitem numbers the entry
                # itself; another first field ("Mon04") becomes the item's label
                first = " ".join(html_to_text(margin.group(1)).split())
                html = margin.group(2)
                if not re.fullmatch(r"\[?\d+\]?\.?", first):
                    label = f"[{latex_escape(first)}]"
            body = " ".join(html_to_latex(html).split())
            lines.append(rf"\bibitem{label}{{{_latex_key(entry.id)}}} {body}")
            if annotated and entry.annotation:
                paras = "\n\n".join(latex_escape(p) for p in _paragraphs(entry.annotation))
                lines.append(f"\\begin{{quote}}\\small\n{paras}\n\\end{{quote}}")
            lines.append("")
        lines.append(r"\end{thebibliography}")
        chunks.append("\n".join(lines))
    return "\n\n".join(chunks) + "\n" if chunks else ""


def assemble(entries: Sequence[Rendered], *, fmt: str = "text", annotated: bool = True,
             group_by: str | None = None, title: str = "Bibliography", document: bool = True,
             lang: str = "en") -> str:
    """The document of ``entries`` in ``fmt`` (bodies are HTML except for ``text``).

    ``document=False`` leaves out the HTML page around the list (and the
    Markdown title), for pasting into a page of one's own.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")
    groups = _groups(entries, group_by)
    if fmt == "text":
        return _text_document(groups, annotated)
    if fmt == "html":
        return _html_document(groups, annotated, title, document, lang)
    if fmt == "markdown":
        return _markdown_document(groups, annotated, title, document)
    return _latex_document(groups, annotated)
