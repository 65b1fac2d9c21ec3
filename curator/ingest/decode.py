"""Bytes to text, or a clear reason why not.

The order of decisions (first match wins):

1. a byte-order mark: UTF-8, UTF-16 or UTF-32 with BOM, decoded accordingly (the BOM
   is not part of the text);
2. a NUL byte anywhere: *binary* (text files do not contain NUL; UTF-16/32 without a
   BOM is therefore refused as binary too);
3. valid UTF-8: ``utf-8``;
4. for HTML, a ``<meta charset>`` declared in the first 2 KB, if the bytes decode with it;
5. Windows-1252 (a superset of the printable Latin-1 range) when the bytes decode and
   charset-normalizer's mess detector finds the result clean. Western medical text is
   by far the most common non-UTF-8 input, and charset-normalizer alone often names a
   look-alike code page (mac_latin2, cp1250) that turns "é" into "ť";
6. charset-normalizer's best guess, accepted only when it is *confident*: little chaos
   (<= 5 %) and a recognised language (coherence > 0). No guess at all means the bytes
   are *binary*; a weak guess is *undecodable* and names the guess.

Decoded text with more than 1 % control characters (other than tab, newlines and form
feed) is refused as *binary*. The detected encoding is returned so that the import
report can show it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

MAX_CHAOS = 0.05
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Either ``text`` with the ``encoding`` used, or a failure ``reason`` and ``detail``."""

    text: str | None
    encoding: str
    reason: str = ""  # "binary" or "undecodable" when text is None
    detail: str = ""


def decode(data: bytes, *, html: bool = False) -> Decoded:
    decoded = _decode(data, html)
    if decoded.text is not None and _too_many_controls(decoded.text):
        return Decoded(None, "", "binary", "too many control characters for a text file")
    return decoded


def _too_many_controls(text: str) -> bool:
    sample = text[:65536]
    return len(_CONTROLS.findall(sample)) > max(8, len(sample) // 100)


def _decode(data: bytes, html: bool) -> Decoded:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                return _undecodable(f"invalid {encoding} after its byte-order mark ({exc.reason})")
            if "\x00" in text:  # a byte-order mark, then zeros: text has no NUL characters
                return Decoded(None, "", "binary", "contains NUL characters (not a text file)")
            return Decoded(text, encoding)
    if b"\x00" in data:
        return Decoded(None, "", "binary", "contains NUL bytes (not a text file)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if html:
        declared = _declared_charset(data)
        if declared is not None:
            return declared
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        if mess_ratio(western, 1.0) <= MAX_CHAOS:
            return Decoded(western, "cp1252")
    return _guess(data)


def _declared_charset(data: bytes) -> Decoded | None:
    match = _META_CHARSET.search(data[:2048])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        encoding = codecs.lookup(name).name
        return Decoded(data.decode(encoding), encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def _guess(data: bytes) -> Decoded:
    best = from_bytes(data).best()
    if best is None:
        return Decoded(None, "", "binary", "not text (no character encoding fits the bytes)")
    chaos, coherence = best.percent_chaos / 100, best.percent_coherence / 100
    if chaos <= MAX_CHAOS and coherence > 0:
        return Decoded(str(best), best.encoding)
    return _undecodable(
        f"not UTF-8, and the encoding is uncertain (best guess {best.encoding}: "
        f"{best.percent_chaos:.0f}% chaos, {best.percent_coherence:.0f}% language coherence)"
    )


def _undecodable(detail: str) -> Decoded:
    return Decoded(None, "", "undecodable", detail)
