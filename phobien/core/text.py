"""Text rules shared by every part of phobien: NFC, folding, slugs and anchors.

Vietnamese text is stored NFC. Slugs and anchors fold tone marks and đ→d on purpose so
that URLs are ASCII and people who type without marks still reach the page.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode normal form C."""
    return unicodedata.normalize("NFC", text)


def _fold_general(text: str) -> str:
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D")):
        if unicodedata.combining(ch) and out and out[-1].isascii():
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)).lower()


_NOT_ASCII_OR_MARK = re.compile("[^\\x00-\\x7f\\u0300-\\u034e\\u0350-\\u036f]")  # U+034F is not a mark


def fold(text: str) -> str:
    """Lower-case ``text`` and remove tone marks and other diacritics; map đ/Đ to d.

    Works on NFC or NFD input alike. Non-Latin scripts (Khmer) keep their letters:
    only combining marks of Latin letters are dropped.
    """
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    if not _NOT_ASCII_OR_MARK.search(decomposed) and not "\u0300" <= decomposed[0] <= "\u036f":
        # Vietnamese (and other Latin text) decomposes to ASCII letters and their marks: drop
        # the marks in C. Search folds every word of every page, so this path matters.
        return decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return _fold_general(text)


def slugify(text: str, separator: str = "-") -> str:
    """ASCII slug: tone marks folded, đ→d, lower case, runs of other characters → ``separator``.

    Returns an empty string when ``text`` has no Latin letters or digits (see :func:`anchor`).
    """
    return _NON_SLUG.sub(separator, fold(text)).strip(separator)


def anchor(text: str, separator: str = "-") -> str:
    """Heading anchor: the slug, or a stable ``h-<hash>`` for headings in non-Latin scripts."""
    slug = slugify(text, separator)
    if slug:
        return slug
    digest = hashlib.sha1(nfc(text).strip().encode("utf-8")).hexdigest()[:8]
    return f"h{separator}{digest}"


def is_slug(text: str) -> bool:
    """True when ``text`` is already a valid ASCII slug."""
    return bool(text) and slugify(text) == text


def content_hash(text: str) -> str:
    """What a translation records of its source: "sha256:" + 12 hex digits of the NFC text,
    ignoring leading and trailing blank lines."""
    return "sha256:" + hashlib.sha256(nfc(text).strip().encode("utf-8")).hexdigest()[:12]
