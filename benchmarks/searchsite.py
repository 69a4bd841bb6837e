"""The 5,000-page Vietnamese language folder of the search benchmarks (``scripts/bench-search``,
``scripts/search-latency``).

Pages of realistic Vietnamese text: syllable Markov chains trained on the bundled texts, one main
topic per page with sentences of a second topic and of all, tone marks, and a long tail of names
and document numbers. :data:`VISITS` are the queries of three visits of the search page: common
words, typed with and without marks, phrases, names and a word on no page. The same seed always
gives the same pages, byte for byte.
"""

from __future__ import annotations

import hashlib
import itertools
import random
import re
import shutil
import subprocess
import sys
import unicodedata
from collections import defaultdict
from html import escape
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VISITS = [
    ["tra tấn", "xam hai tre em", "điện thoại", '"quyền con người"', "dien thoai tong dai"],
    ["bao luc gia dinh", "trợ giúp pháp lý", "của", "Đắk Lắk", "xyzzy"],
    ["quyền của người bị tạm giữ", "tố giác", '"tra tấn"', "nhuc hinh", "tái hòa nhập cộng đồng"],
]
ONSETS = ["b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "s", "t", "th", "tr"]
ONSETS += ["v", "x", ""]
RHYMES = ["a", "ai", "ao", "an", "ang", "anh", "at", "ac", "ach", "e", "em", "en", "et", "i", "ia", "iu", "im", "in"]
RHYMES += ["inh", "it", "o", "oi", "om", "on", "ong", "ot", "oc", "u", "ui", "um", "un", "ung", "ut", "uc", "ơ", "ơi"]
RHYMES += ["ơn", "ơt", "ư", "ưa", "ưng", "ươi", "ương", "ươc", "yên", "ô", "ôi", "ông", "ât", "ân", "âm", "ê", "ên"]
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
VOWELS = "aeiouyơưôâêă"


def corpus() -> list[list[list[str]]]:
    """Sentences (lists of words with their marks) of each bundled Vietnamese text: the topics."""
    paths = sorted((REPO / "content").rglob("*.vi.md")) + sorted((REPO / "docs").rglob("*.vi.md"))
    paths += sorted((REPO / "content" / "plans").glob("*.yml"))
    topics = []
    for path in paths:
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        sentences = []
        for line in text.replace(". ", ".\n").splitlines():
            found = re.findall(r"[^\W_]+", line)
            if len(found) >= 4:
                sentences.append(found)
        if len(sentences) >= 20:
            topics.append(sentences)
    return topics


def syllable(rng: random.Random) -> str:
    """A made-up syllable with its tone mark on the vowel that carries it (for names)."""
    rhyme = rng.choice(RHYMES)
    vowels = [i for i, c in enumerate(rhyme) if c in VOWELS]
    marked = [i for i in vowels if rhyme[i] in "ơưôâêă"]
    at = marked[-1] if marked else vowels[-1] if rhyme[-1] not in VOWELS else vowels[0]
    rhyme = rhyme[: at + 1] + rng.choice(TONES) + rhyme[at + 1 :]
    return unicodedata.normalize("NFC", rng.choice(ONSETS) + rhyme).capitalize()


class Chain:
    """A syllable Markov chain (order 1) of some sentences."""

    def __init__(self, sentences: list[list[str]]) -> None:
        self.next: dict[str, list[str]] = defaultdict(list)
        self.starts = [s[0] for s in sentences]
        for sentence in sentences:
            for a, b in itertools.pairwise(sentence):
                self.next[a].append(b)


class Generator:
    """Pages on a main topic (a bundled text), with sentences of a second topic and of all."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        topics = corpus()
        self.topics = [Chain(t) for t in topics]
        self.all = Chain([s for t in topics for s in t])
        self.names = [" ".join(syllable(self.rng) for _ in range(self.rng.choice((2, 2, 3)))) for _ in range(3000)]
        self.issuers = ["NĐ-CP", "QH13", "QH14", "TT-BCA", "TT-BLĐTBXH", "QĐ-TTg", "KH-UBND", "CT-TTg"]

    def sentence(self, chain: Chain, length: int) -> str:
        rng = self.rng
        word = rng.choice(chain.starts)
        out = [word]
        while len(out) < length:
            r = rng.random()
            if r < 0.02:
                out.append(rng.choice(self.names))
            elif r < 0.025:
                out.append(f"{rng.randint(1, 300)}/{rng.randint(2005, 2026)}/{rng.choice(self.issuers)}")
            choices = chain.next.get(word)
            word = rng.choice(choices) if choices else rng.choice(chain.starts)
            out.append(word)
        text = " ".join(out)
        return text[0].upper() + text[1:] + "."

    def page(self, words: int) -> tuple[str, str]:
        rng = self.rng
        main, other = rng.sample(self.topics, 2)

        def chain() -> Chain:
            r = rng.random()
            return main if r < 0.75 else other if r < 0.9 else self.all

        title = self.sentence(main, rng.randint(5, 11)).rstrip(".")
        parts = [f"<h1>{escape(title)}</h1>"]
        count = 0
        while count < words:
            if rng.random() < 0.15:
                parts.append(f"<h2>{escape(self.sentence(main, rng.randint(3, 8)).rstrip('.'))}</h2>")
            paragraph = " ".join(self.sentence(chain(), rng.randint(8, 25)) for _ in range(rng.randint(2, 5)))
            count += paragraph.count(" ") + 1
            parts.append(f"<p>{escape(paragraph)}</p>")
        return title, "\n".join(parts)


def write_pages(folder: Path, pages: int, words: int) -> None:
    gen = Generator()
    for i in range(pages):
        title, body = gen.page(words)
        path = folder / f"section-{i % 40:02d}" / f"page-{i:05d}" / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{escape(title)} - Site</title>'
            f"</head><body><nav>Trang chủ Tài liệu</nav><main>"
            f'<article class="md-content__inner md-typeset" data-phobien-main>'
            f"{body}</article></main></body></html>\n",
            encoding="utf-8",
        )


def _stamp(pages: int, words: int) -> str:
    """What the generated index depends on: the indexing code, this generator, its size."""
    digest = hashlib.sha256(f"{pages} {words}".encode())
    code = sorted((REPO / "phobien" / "search").glob("*.py"))
    for path in [*code, REPO / "phobien" / "core" / "text.py", Path(__file__)]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def indexed(work: Path, pages: int, words: int) -> dict[str, Path]:
    """The index files (``search/*.js``) of the generated pages, as a served build has them
    (``online``) and as the ``--offline`` copy has them (``offline``: the page addresses end in
    ``index.html``), in ``work``; made again only when the code or the size changed."""
    stamp = work / "stamp.txt"
    folders = {"online": work / "index-online", "offline": work / "index-offline"}
    if stamp.is_file() and stamp.read_text() == _stamp(pages, words) and all(f.is_dir() for f in folders.values()):
        return folders
    from phobien.search import SEARCH_FOLDER, index_language

    stamp.unlink(missing_ok=True)
    folder = work / "vi"
    shutil.rmtree(folder, ignore_errors=True)
    write_pages(folder, pages, words)
    for name, folder_of in folders.items():
        shutil.rmtree(folder_of, ignore_errors=True)
        shutil.rmtree(folder / SEARCH_FOLDER, ignore_errors=True)
        index_language(folder, "vi", offline=name == "offline")
        (folder / SEARCH_FOLDER).rename(folder_of)
    shutil.rmtree(folder)
    stamp.write_text(_stamp(pages, words))
    return folders


def search_site(out: Path, index: Path, offline: bool) -> Path:
    """A real build of ``tests/fixtures/minimal`` (the engine files of the repository, no PDFs)
    whose Vietnamese search page uses the generated ``index``; returns ``out``."""
    project = out.with_name(out.name + "-project")
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(REPO / "tests" / "fixtures" / "minimal", project)
    shutil.copytree(REPO / "overrides", project / "overrides")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    command = [sys.executable, "-m", "phobien", "--root", str(project), "build", "--preview", "--no-print"]
    command += ["--out", str(out), *(["--offline"] if offline else [])]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stdout + done.stderr)
    shutil.rmtree(project)
    search = out / "vi" / "search"
    for old in search.glob("*.js"):
        old.unlink()
    shutil.copytree(index, search, dirs_exist_ok=True)
    return out
