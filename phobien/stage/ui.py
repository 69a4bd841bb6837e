"""phobien's own interface strings, with fallback to the default language."""

from __future__ import annotations

from phobien.load import Content


class UI:
    """Strings for one language: key → text, falling back to the default language, then the key."""

    def __init__(self, content: Content, lang: str) -> None:
        site = content.site
        default = site.default_language
        self.lang = lang
        self.machine = False
        chain = [lang] if lang == default else [lang, default]
        self._chain = [content.ui[c].strings for c in chain if c in content.ui]
        if lang in content.ui:
            meta = content.ui[lang].meta
            self.machine = meta.by == "machine" and meta.reviewed_by is None

    def __call__(self, key: str, **values: object) -> str:
        for strings in self._chain:
            if key in strings:
                text = strings[key]
                return text.format(**values) if values else text
        return key

    def has(self, key: str) -> bool:
        return any(key in s for s in self._chain[:1])
