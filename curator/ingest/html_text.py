"""HTML to plain text with a real parser (lexbor through selectolax).

Nothing is fetched: the parser only sees the bytes we give it, and elements that embed
or run something (script, style, iframe, object, embed, noscript, template, svg,
math, ...) are dropped with their content. Images contribute nothing (not even alt
text). Entities are decoded by the parser.

Layout follows what a browser shows: runs of whitespace collapse to one space
(except inside ``<pre>``), block elements (paragraphs, headings, list items, table
rows, ...) start a new line, ``<br>`` breaks the line, table cells of one row are
separated by a tab, spaces at line edges are trimmed, and at most one blank line is
kept between blocks. A no-break
space becomes a plain space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

DROPPED = frozenset({
    "script", "style", "iframe", "object", "embed", "noscript", "template", "head",
    "svg", "math", "canvas", "audio", "video", "picture", "img", "frame", "frameset",
    "applet", "button", "select", "input", "textarea", "map", "source", "track", "link",
    "meta", "base",
})  # fmt: skip
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "legend", "li", "main",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot",
    "tr", "ul", "html",
})  # fmt: skip
PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table"})
CELLS = frozenset({"td", "th"})

_SPACES = re.compile(r"[ \t\n\r\f]+")
_CELL_EDGES = re.compile(r" *\t *")
_BLANKS = re.compile(r"\n{3,}")
_BREAK = "\x00B"  # a line break
_PARA = "\x00P"  # a paragraph break (blank line)
_CELL = "\x00C"  # a table cell separator


@dataclass(frozen=True, slots=True)
class HtmlText:
    text: str
    title: str  # <title>, else the first <h1>; "" when neither has text


def html_to_text(html: str) -> HtmlText:
    """Convert an HTML document to plain text and find its title."""
    parser = LexborHTMLParser(html)
    title = _node_text(parser.css_first("title")) or _node_text(parser.css_first("h1"))
    root = parser.root
    if root is None:
        return HtmlText("", title)
    parts: list[str] = []
    _walk(root, parts)
    return HtmlText(_layout(parts), title)


def _node_text(node: LexborNode | None) -> str:
    if node is None:
        return ""
    return _SPACES.sub(" ", (node.text(deep=True) or "").replace("\xa0", " ")).strip()


def _walk(root: LexborNode, parts: list[str]) -> None:
    """Depth-first over the tree with an explicit stack (no recursion limit)."""
    stack: list[tuple[LexborNode, bool, int]] = [(root, True, 0)]
    while stack:
        node, entering, pre = stack.pop()
        tag = node.tag or ""
        if not entering:
            _close(tag, parts)
            continue
        if node.is_text_node:
            raw = (node.text_content or "").replace("\xa0", " ")
            parts.append(raw if pre else _SPACES.sub(" ", raw))
            continue
        if tag in DROPPED or tag.startswith("-"):  # comments, doctype, ...
            continue
        _open(tag, parts)
        inner_pre = pre + (tag == "pre")
        stack.append((node, False, pre))
        children: list[LexborNode] = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, True, inner_pre) for c in reversed(children))


def _open(tag: str, parts: list[str]) -> None:
    if tag in PARAGRAPHS:
        parts.append(_PARA)
    elif tag in BLOCKS:
        parts.append(_BREAK)
    elif tag in CELLS:
        parts.append(_CELL)
    elif tag == "br":
        parts.append("\n")


def _close(tag: str, parts: list[str]) -> None:
    if tag in PARAGRAPHS:
        parts.append(_PARA)
    elif tag in BLOCKS:
        parts.append(_BREAK)


def _layout(parts: list[str]) -> str:
    """Join text parts; consecutive block edges merge into one line or paragraph break."""
    out: list[str] = []
    pending = 0  # newlines owed before the next text: 1 = line break, 2 = blank line
    line_start = True
    for part in parts:
        if part in (_PARA, _BREAK):
            pending = max(pending, 2 if part == _PARA else 1)
        elif part == _CELL:
            if not pending and not line_start:
                out.append("\t")
        elif part == "\n":  # <br>
            out.append("\n" * (pending + 1) if out else "")
            pending, line_start = 0, True
        elif part.strip(" ") or not (pending or line_start):
            if pending and out:
                out.append("\n" * pending)
                line_start = True
            pending = 0
            out.append(part.lstrip(" ") if line_start else part)
            line_start = part.endswith("\n")
    text = _CELL_EDGES.sub("\t", "".join(out))
    text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
    return _BLANKS.sub("\n\n", text).strip("\n")
