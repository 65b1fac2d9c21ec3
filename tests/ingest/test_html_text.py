"""HTML to text: a real parser, active content dropped, nothing fetched, layout kept."""

from __future__ import annotations

import socket
import urllib.request
from typing import TYPE_CHECKING

from curator.ingest import read_file
from curator.ingest.html_text import html_to_text

if TYPE_CHECKING:
    from pathlib import Path

    import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

PAGE = """<!DOCTYPE html>
<html><head><title>Azathioprine &amp; RS</title>
<meta charset="utf-8"><link rel="stylesheet" href="http://example.com/x.css">
<script>document.write("SCRIPT")</script><style>p { color: red }</style></head>
<body>
<h1>Main  heading</h1>
<p>Thirty&nbsp;patients (&lt;18 years) received <b>AZA</b>
   2&#8201;mg/kg/day.</p>
<iframe src="http://example.com/frame">IFRAME</iframe>
<img src="http://example.com/pixel.png" alt="ALT">
<object data="http://example.com/o.swf">OBJECT</object><embed src="http://example.com/e">
<noscript>NOSCRIPT</noscript><template><p>TEMPLATE</p></template>
<ul><li>first</li><li>second<br>line</li></ul>
<table><tr><th>Outcome</th> <th>HR</th></tr><tr><td>EPC</td><td>0.295</td></tr></table>
<div>tail <span>end</span></div><!-- COMMENT -->
</body></html>"""

EXPECTED = (
    "Main heading\n\n"
    "Thirty patients (<18 years) received AZA 2\u2009mg/kg/day.\n\n"
    "first\nsecond\nline\n\n"
    "Outcome\tHR\nEPC\t0.295\n\n"
    "tail end"
)


def test_layout_entities_and_stripping() -> None:
    result = html_to_text(PAGE)
    assert result.text == EXPECTED
    assert result.title == "Azathioprine & RS"
    for hidden in ("SCRIPT", "IFRAME", "ALT", "OBJECT", "NOSCRIPT", "TEMPLATE", "COMMENT",
                   "color", "http"):  # fmt: skip
        assert hidden not in result.text


def test_h1_is_the_title_without_title_element() -> None:
    assert html_to_text("<h1> The <i>h1</i> title</h1><p>x</p>").title == "The h1 title"


def test_pre_keeps_its_line_breaks() -> None:
    assert html_to_text("<pre>a  b\n  c</pre>").text == "a  b\n  c"


def test_deep_nesting_does_not_recurse() -> None:
    html = "<div>" * 5000 + "deep" + "</div>" * 5000
    assert html_to_text(html).text == "deep"


def test_nothing_is_fetched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    outcome = read_file(path)
    assert outcome.document is not None
    assert outcome.document.text == EXPECTED
    assert outcome.document.title == "Azathioprine & RS"


def test_html_without_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "x.htm"
    path.write_text("<html><script>x()</script><img src=a.png></html>", encoding="utf-8")
    outcome = read_file(path)
    assert outcome.reason == "empty: no text once the markup is removed"


def test_declared_charset_is_honoured(tmp_path: Path) -> None:
    html = '<html><head><meta charset="iso-8859-2"></head><body><p>Łódź</p></body></html>'
    path = tmp_path / "pl.html"
    path.write_bytes(html.encode("iso-8859-2"))
    outcome = read_file(path)
    assert outcome.document is not None
    assert outcome.document.text == "Łódź"
    assert outcome.encoding == "iso8859-2"
    assert outcome.document.title == "Łódź"


def test_crlf_inside_pre_is_normalized(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_bytes(b"<pre>a\r\nb\rc</pre>")
    outcome = read_file(path)
    assert outcome.document is not None
    assert outcome.document.text == "a\nb\nc"


FRAGMENTS = st.sampled_from([
    "<p>", "</p>", "<br>", "<table><tr><td>", "</td><td>", "</tr>", "<li>", "<pre>", "</pre>",
    "<script>", "</script>", "<iframe src='http://x'>", "<!--", "-->", "&amp;", "&#0;", "&bogus;",
    "<h1>", "</h1>", "<title>", "</title>", "<![CDATA[", "]]>", "<", ">", "\r\n", "\x00", " ",
])  # fmt: skip
PIECES = st.one_of(FRAGMENTS, st.text(max_size=8))


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(PIECES, max_size=40))
def test_any_markup_converts_without_error(pieces: list[str]) -> None:
    result = html_to_text("".join(pieces))
    assert result.text == result.text.strip("\n")
    assert "\n\n\n" not in result.text
    assert "\x00" not in result.text
    assert "\n" not in result.title
