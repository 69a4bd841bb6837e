"""A synthetic national content tree of a given size, valid for ``phobien check``.

``--pages N`` means N content pages in *every* language, spread over the sections of the real
site: materials, news articles, plans (with tasks), legal documents, agencies and audiences.
Plans, legal documents, agencies and audiences are data: each makes a page in every language.
Materials are written in Vietnamese and translated by machine into some of the other languages
(``translation: {by: machine, ...}``); untranslated ones fall back to the Vietnamese text, as on
the real site. News has no fallback, so every article is translated into every language. phobien
adds its own pages on top (lists, news pages per topic and audience, deadlines, hotlines, search,
hand-written pages).

Interface strings (``content/i18n/``), ``overrides/`` and ``mkdocs.yml`` are copied from the
repository. The same ``seed`` always gives the same files, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from benchmarks.text import PROVINCES, VI_PLAN_THEMES, VI_TASK_OBJECTS, Words
from phobien.core.text import content_hash, slugify

REPO = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 22)
"""The date the generated site is checked and built on (``PHOBIEN_TODAY``)."""
CHECKED = TODAY - dt.timedelta(days=40)

LANGUAGES = {
    "vi": ("Tiếng Việt", "Tiếng Việt", "Latn"),
    "en": ("English", "Tiếng Anh", "Latn"),
    "km": ("ភាសាខ្មែរ", "Tiếng Khmer", "Khmr"),
    "hmn": ("Lus Hmoob", "Tiếng H'Mông", "Latn"),
}
SITE_NAME = {
    "vi": "Phổ biến pháp luật — Quyền của bạn, cách tìm trợ giúp",
    "en": "Know your rights — legal information and where to get help",
    "km": "ស្គាល់សិទ្ធិរបស់អ្នក — ព័ត៌មានច្បាប់ និងកន្លែងស្វែងរកជំនួយ",
    "hmn": "Paub koj txoj cai — xov xwm txog txoj cai thiab qhov chaw nrhiav kev pab",
}
TRANSLATED = {"en": 0.5, "km": 0.25, "hmn": 0.25}
"""Share of materials translated (by machine) into each language; the others fall back."""
TRANSLATOR = "phobien bench (machine translation)"

SHARES = [("materials", 0.30), ("articles", 0.25), ("legal", 0.15), ("plans", 0.15), ("agencies", 0.15)]

TOPICS = [
    ("torture-prevention", "Phòng, chống tra tấn", "Preventing torture", "Công ước chống tra tấn và quyền của bạn."),
    ("custody-rights", "Quyền của người bị giam giữ", "Rights in custody", "Quyền của người bị tạm giữ, tạm giam."),
    ("child-protection", "Bảo vệ trẻ em", "Child protection", "Phòng, chống xâm hại trẻ em và cách báo tin."),
    ("online-safety", "An toàn trên mạng", "Online safety", "Giữ an toàn cho trẻ trên mạng."),
    ("reintegration", "Tái hòa nhập cộng đồng", "Returning to the community", "Hỗ trợ người trở về cuộc sống."),
    ("legal-aid", "Trợ giúp pháp lý", "Legal aid", "Trợ giúp pháp lý miễn phí: ai được hưởng, hỏi ở đâu."),
]
AUDIENCES = [
    ("children", "Trẻ em và người trẻ", "Children and young people", "កុមារ", "Menyuam yaus", "human-child"),
    (
        "parents",
        "Cha mẹ và người chăm sóc trẻ",
        "Parents and caregivers",
        "ឪពុកម្តាយ",
        "Niam txiv",
        "human-male-female-child",
    ),
    ("schools", "Thầy cô và nhà trường", "Teachers and schools", "អ្នកគ្រូ", "Cov xib fwb", "school"),
    (
        "custody",
        "Người bị tạm giữ, tạm giam",
        "People in custody",
        "អ្នកដែលត្រូវគេចាប់ខ្លួន",
        "Tus neeg raug kaw",
        "account-lock",
    ),
    ("families", "Gia đình người bị giam giữ", "Families of detainees", "គ្រួសារ", "Tsev neeg", "account-group"),
    ("returning", "Người chấp hành xong án phạt tù", "People released from prison", "", "", "home-heart"),
    ("ethnic-minorities", "Đồng bào dân tộc thiểu số", "Ethnic-minority communities", "", "", "account-voice"),
    ("officials", "Cán bộ, công chức", "Officials and communication staff", "", "", "briefcase"),
]
HOTLINES = [
    ("child-protection-111", "111", "Tổng đài quốc gia bảo vệ trẻ em", "National Child Protection Hotline", 10),
    ("police-113", "113", "Cảnh sát (Công an)", "Police", 20),
    ("ambulance-115", "115", "Cấp cứu y tế", "Medical emergency", 30),
    ("legal-aid-18001233", "1800 1233", "Tổng đài trợ giúp pháp lý", "Legal aid hotline", 40),
]
CENTRAL = [
    ("bo-tu-phap", "Bộ Tư pháp", "Ministry of Justice", "BTP"),
    ("bo-cong-an", "Bộ Công an", "Ministry of Public Security", "BCA"),
    ("bo-y-te", "Bộ Y tế", "Ministry of Health", "BYT"),
    ("bo-giao-duc-va-dao-tao", "Bộ Giáo dục và Đào tạo", "Ministry of Education and Training", "BGDĐT"),
    ("bo-noi-vu", "Bộ Nội vụ", "Ministry of Home Affairs", "BNV"),
    (
        "bo-van-hoa-the-thao-va-du-lich",
        "Bộ Văn hóa, Thể thao và Du lịch",
        "Ministry of Culture, Sports and Tourism",
        "",
    ),
    ("bo-tai-chinh", "Bộ Tài chính", "Ministry of Finance", "BTC"),
    ("bo-quoc-phong", "Bộ Quốc phòng", "Ministry of National Defence", "BQP"),
    ("bo-dan-toc-va-ton-giao", "Bộ Dân tộc và Tôn giáo", "Ministry of Ethnic and Religious Affairs", ""),
    ("toa-an-nhan-dan-toi-cao", "Tòa án nhân dân tối cao", "Supreme People's Court", "TANDTC"),
    ("vien-kiem-sat-nhan-dan-toi-cao", "Viện kiểm sát nhân dân tối cao", "Supreme People's Procuracy", "VKSNDTC"),
    ("hoi-lien-hiep-phu-nu-viet-nam", "Hội Liên hiệp Phụ nữ Việt Nam", "Vietnam Women's Union", ""),
    ("trung-uong-doan-tncs-ho-chi-minh", "Trung ương Đoàn TNCS Hồ Chí Minh", "Ho Chi Minh Communist Youth Union", ""),
    ("dai-truyen-hinh-viet-nam", "Đài Truyền hình Việt Nam", "Vietnam Television", "VTV"),
    ("chinh-phu", "Chính phủ", "Government", ""),
    ("thu-tuong-chinh-phu", "Thủ tướng Chính phủ", "Prime Minister", "TTg"),
    ("quoc-hoi", "Quốc hội", "National Assembly", ""),
]
PROVINCE_BODIES = [
    ("ubnd", "Ủy ban nhân dân {kind} {name}", "People's Committee of {name}"),
    ("cong-an", "Công an {kind} {name}", "{name} Police"),
    ("so-tu-phap", "Sở Tư pháp {kind} {name}", "{name} Department of Justice"),
    ("so-giao-duc-va-dao-tao", "Sở Giáo dục và Đào tạo {kind} {name}", "{name} Department of Education"),
    ("so-y-te", "Sở Y tế {kind} {name}", "{name} Department of Health"),
    ("tand", "Tòa án nhân dân {kind} {name}", "{name} People's Court"),
    ("vksnd", "Viện kiểm sát nhân dân {kind} {name}", "{name} People's Procuracy"),
    ("so-noi-vu", "Sở Nội vụ {kind} {name}", "{name} Department of Home Affairs"),
    ("hoi-phu-nu", "Hội Liên hiệp Phụ nữ {kind} {name}", "{name} Women's Union"),
    ("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam {kind} {name}", "{name} Fatherland Front Committee"),
    ("so-van-hoa", "Sở Văn hóa, Thể thao và Du lịch {kind} {name}", "{name} Department of Culture"),
    ("doan-thanh-nien", "Đoàn Thanh niên {kind} {name}", "{name} Youth Union"),
    ("dai-phat-thanh-truyen-hinh", "Đài Phát thanh và Truyền hình {kind} {name}", "{name} Radio and Television"),
    ("trai-tam-giam", "Trại tạm giam Công an {kind} {name}", "{name} Police detention centre"),
    ("so-tai-chinh", "Sở Tài chính {kind} {name}", "{name} Department of Finance"),
    ("so-dan-toc-va-ton-giao", "Sở Dân tộc và Tôn giáo {kind} {name}", "{name} Department of Ethnic Affairs"),
    ("thanh-tra", "Thanh tra {kind} {name}", "{name} Inspectorate"),
    ("cac-so-nganh", "Các sở, ngành {kind} {name}", "Departments and agencies of {name}"),
]
REQUESTED = ("tand", "vksnd", "mttq", "hoi-phu-nu", "toa-an-nhan-dan-toi-cao", "vien-kiem-sat-nhan-dan-toi-cao")
LAWS = [
    (
        "hien-phap-2013",
        None,
        "constitution",
        "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam",
        "Hiến pháp 2013",
        "Quốc hội",
        "2013-11-28",
        "2014-01-01",
    ),
    (
        "cong-uoc-chong-tra-tan",
        None,
        "convention",
        "Công ước chống tra tấn và các hình thức đối xử hoặc trừng phạt tàn bạo, vô nhân đạo hoặc hạ nhục con người",
        "Công ước chống tra tấn",
        "Đại hội đồng Liên hợp quốc",
        "1984-12-10",
        "2015-03-07",
    ),
    (
        "102-2016-qh13",
        "102/2016/QH13",
        "law",
        "Luật Trẻ em",
        "Luật Trẻ em 2016",
        "Quốc hội",
        "2016-04-05",
        "2017-06-01",
    ),
    (
        "100-2015-qh13",
        "100/2015/QH13",
        "code",
        "Bộ luật Hình sự",
        "Bộ luật Hình sự 2015",
        "Quốc hội",
        "2015-11-27",
        "2018-01-01",
    ),
    (
        "101-2015-qh13",
        "101/2015/QH13",
        "code",
        "Bộ luật Tố tụng hình sự",
        "Bộ luật Tố tụng hình sự 2015",
        "Quốc hội",
        "2015-11-27",
        "2018-01-01",
    ),
    (
        "94-2015-qh13",
        "94/2015/QH13",
        "law",
        "Luật Thi hành tạm giữ, tạm giam",
        None,
        "Quốc hội",
        "2015-11-25",
        "2016-07-01",
    ),
    ("41-2019-qh14", "41/2019/QH14", "law", "Luật Thi hành án hình sự", None, "Quốc hội", "2019-06-14", "2020-01-01"),
    ("11-2017-qh14", "11/2017/QH14", "law", "Luật Trợ giúp pháp lý", None, "Quốc hội", "2017-06-20", "2018-01-01"),
    (
        "14-2012-qh13",
        "14/2012/QH13",
        "law",
        "Luật Phổ biến, giáo dục pháp luật",
        None,
        "Quốc hội",
        "2012-06-20",
        "2013-01-01",
    ),
    (
        "56-2017-nd-cp",
        "56/2017/NĐ-CP",
        "decree",
        "Nghị định quy định chi tiết một số điều của Luật Trẻ em",
        None,
        "Chính phủ",
        "2017-05-09",
        "2017-06-01",
    ),
    (
        "13-2022-qh15",
        "13/2022/QH15",
        "law",
        "Luật Phòng, chống bạo lực gia đình",
        None,
        "Quốc hội",
        "2022-11-14",
        "2023-07-01",
    ),
    ("25-2018-qh14", "25/2018/QH14", "law", "Luật Tố cáo", None, "Quốc hội", "2018-06-12", "2019-01-01"),
    (
        "10-2017-qh14",
        "10/2017/QH14",
        "law",
        "Luật Trách nhiệm bồi thường của Nhà nước",
        None,
        "Quốc hội",
        "2017-06-20",
        "2018-07-01",
    ),
    (
        "83-2014-qh13",
        "83/2014/QH13",
        "resolution",
        "Nghị quyết phê chuẩn Công ước chống tra tấn",
        None,
        "Quốc hội",
        "2014-11-28",
        "2014-11-28",
    ),
]
LEGAL_KINDS = [
    ("decree", "NĐ-CP", "Nghị định quy định chi tiết về {theme}", "Chính phủ"),
    ("decision", "QĐ-TTg", "Quyết định phê duyệt Đề án {theme} giai đoạn 2021–2025", "Thủ tướng Chính phủ"),
    ("circular", "TT-BTP", "Thông tư hướng dẫn {theme}", "Bộ Tư pháp"),
    ("circular", "TT-BCA", "Thông tư quy định về {theme} trong Công an nhân dân", "Bộ Công an"),
    ("directive", "CT-TTg", "Chỉ thị về tăng cường {theme}", "Thủ tướng Chính phủ"),
    ("plan", "KH-UBND", "Kế hoạch {theme} trên địa bàn tỉnh {province}", "Ủy ban nhân dân tỉnh {province}"),
    ("decision", "QĐ-UBND", "Quyết định ban hành Quy chế {theme} tỉnh {province}", "Ủy ban nhân dân tỉnh {province}"),
]
DEADLINES = ["yearly", "date", "year", "range", "quarterly", "ongoing", "decision", "unspecified"]


@dataclass
class Layout:
    """How ``pages`` content pages per language are spread over the sections."""

    pages: int
    audiences: int
    materials: int
    articles: int
    legal: int
    plans: int
    agencies: int

    def describe(self) -> str:
        return (
            f"{self.pages} content pages per language = {self.materials} materials + {self.articles} news articles"
            f" + {self.plans} plans + {self.legal} legal documents + {self.agencies} agencies"
            f" + {self.audiences} audiences; phobien adds list, news-index, deadline, hotline, search and"
            " hand-written pages on top"
        )


def layout(pages: int) -> Layout:
    """Spread ``pages`` over the sections (largest remainder, at least one page each)."""
    if pages < 20:
        raise ValueError("--pages must be at least 20")
    audiences = min(len(AUDIENCES), max(2, pages // 20))
    rest = pages - audiences
    exact = [rest * share for _, share in SHARES]
    counts = [int(x) for x in exact]
    for i in sorted(range(len(SHARES)), key=lambda i: exact[i] - counts[i], reverse=True)[: rest - sum(counts)]:
        counts[i] += 1
    counts = [max(c, 2) for c in counts]
    counts[0] -= sum(counts) - rest  # the minimums come out of the materials
    return Layout(pages, audiences, *counts)


@dataclass
class Manifest:
    """What was generated: the sizes and the ids the measurements look at."""

    layout: Layout
    languages: list[str]
    seed: int
    tasks: int = 0
    files: int = 0
    translated: dict[str, int] = field(default_factory=dict)
    materials: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    plans: list[str] = field(default_factory=list)
    legal: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes shared values out in full: content refuses YAML aliases (tests/hardening)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


_DUMPER = _Dumper


def _yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10_000)


def _page(meta: dict[str, Any], body: str) -> str:
    return f"---\n{_yaml(meta)}---\n\n{body}"


class Generator:
    def __init__(self, root: Path, pages: int, languages: list[str], seed: int) -> None:
        unknown = [code for code in languages if code not in LANGUAGES]
        if unknown or "vi" not in languages:
            raise ValueError(f"languages must include vi and be among {', '.join(LANGUAGES)}; got {languages}")
        self.root = root
        self.seed = seed
        self.languages = languages
        self.others = [code for code in languages if code != "vi"]
        self.m = Manifest(layout(pages), languages, seed)

    def rng(self, *keys: object) -> random.Random:
        return random.Random(":".join(str(k) for k in (self.seed, *keys)))

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self.m.files += 1

    # -- the whole tree ---------------------------------------------------------------------
    def run(self, repo: Path) -> Manifest:
        self.root.mkdir(parents=True, exist_ok=True)
        shutil.copy(repo / "mkdocs.yml", self.root / "mkdocs.yml")
        shutil.copytree(repo / "overrides", self.root / "overrides", dirs_exist_ok=True)
        (self.root / "content" / "i18n").mkdir(parents=True, exist_ok=True)
        for code in self.languages:
            shutil.copy(repo / "content" / "i18n" / f"{code}.yml", self.root / "content" / "i18n" / f"{code}.yml")
        self.site()
        self.vocabularies()
        self.agencies()
        self.legal()
        self.plans()
        self.materials()
        self.articles()
        self.docs()
        return self.m

    def site(self) -> None:
        langs = [
            {"code": c, "name": LANGUAGES[c][0], "name_vi": LANGUAGES[c][1], "script": LANGUAGES[c][2]}
            for c in self.languages
        ]
        site = {
            "name": {c: SITE_NAME[c] for c in self.languages},
            "owner_agency": "bo-tu-phap",
            "base_url": "https://phobien.example.vn/",
            "default_language": "vi",
            "languages": langs,
        }
        self.write("content/site.yml", "# Generated by benchmarks.\n" + _yaml(site))

    def localized(self, vi: str, en: str, km: str = "", hmn: str = "") -> dict[str, str]:
        texts = {"vi": vi, "en": en, "km": km, "hmn": hmn}
        return {c: texts[c] for c in self.languages if texts.get(c)}

    def vocabularies(self) -> None:
        self.audience_ids = [a[0] for a in AUDIENCES[: self.m.layout.audiences]]
        self.citizens = [a for a in self.audience_ids if a != "officials"]
        self.m.audiences = list(self.audience_ids)
        hotline_ids = [h[0] for h in HOTLINES]
        audiences = [
            {
                "id": aid,
                "hotlines": hotline_ids[:2] if i % 2 == 0 else hotline_ids[1:4:2],
                "icon": f"material/{icon}",
                **({"citizen": False} if aid == "officials" else {}),
                "name": self.localized(vi, en, km, hmn),
                "intro": self.localized(f"Thông tin pháp luật dành cho {vi.lower()}.", f"Legal information for {en}."),
            }
            for i, (aid, vi, en, km, hmn, icon) in enumerate(AUDIENCES[: self.m.layout.audiences])
        ]
        self.write("content/audiences.yml", _yaml({"audiences": audiences}))
        topics = [
            {"id": tid, "name": self.localized(vi, en), "intro": self.localized(intro, f"About {en.lower()}.")}
            for tid, vi, en, intro in TOPICS
        ]
        self.write("content/topics.yml", _yaml({"topics": topics}))
        hotlines = [
            {
                "id": hid,
                "number": number,
                "name": self.localized(vi, en),
                "for_whom": self.localized("Mọi người cần giúp đỡ ngay.", "Anyone who needs help now."),
                "hours": self.localized("24 giờ mỗi ngày, tất cả các ngày", "24 hours a day, every day"),
                "free": True,
                "languages": ["vi"],
                "sources": [{"title": "Thông tư 22/2014/TT-BTTTT", "article": "Điều 13"}],
                "verified_on": CHECKED,
                "priority": priority,
            }
            for hid, number, vi, en, priority in HOTLINES
        ]
        self.hotline_ids = hotline_ids
        self.write("content/hotlines.yml", _yaml({"hotlines": hotlines}))
        self.topic_ids = [t[0] for t in TOPICS]

    # -- agencies ---------------------------------------------------------------------------
    def agencies(self) -> None:
        """Central bodies, then each province's bodies, then communes and former districts."""
        candidates: list[dict[str, Any]] = []
        central = [
            {"id": i, "name": n, "name_en": e, **({"short_name": s} if s else {}), "level": "central"}
            for i, n, e, s in CENTRAL
        ]
        province_bodies: list[list[dict[str, Any]]] = []
        for suffix, name, name_en in PROVINCE_BODIES:
            row = []
            for pid, pname, city in PROVINCES:
                kind = "thành phố" if city else "tỉnh"
                body: dict[str, Any] = {
                    "id": f"{pid}-{suffix}",
                    "name": name.format(kind=kind, name=pname),
                    "name_en": name_en.format(name=pname),
                    "level": "province",
                    "province": pid,
                }
                if suffix == "cac-so-nganh":
                    body["kind"] = "group"
                if suffix != "ubnd":
                    body["parent"] = f"{pid}-ubnd"
                row.append(body)
            province_bodies.append(row)
        candidates.append(central[0])
        for i, ubnd in enumerate(province_bodies[0]):
            candidates.append(ubnd)
            if i + 1 < len(central):
                candidates.append(central[i + 1])
        for row in province_bodies[1:]:
            candidates += row
        count = self.m.layout.agencies
        rng = self.rng("agencies")
        words = Words("vi", rng)
        i = 0
        while len(candidates) < count:
            pid, pname, _ = PROVINCES[i % len(PROVINCES)]
            commune = words.commune()
            if i % 5 == 4:
                candidates.append(
                    {
                        "id": f"{pid}-ubnd-huyen-{slugify(commune)}-{i}",
                        "name": f"Ủy ban nhân dân huyện {commune}",
                        "level": "district",
                        "province": pid,
                        "valid_until": dt.date(2025, 6, 30),
                        "succeeded_by": [candidates[-1]["id"]] if candidates[-1]["level"] == "commune" else ["unknown"],
                        "note": "Chính quyền cấp huyện kết thúc hoạt động từ ngày 01/7/2025.",
                    }
                )
            else:
                candidates.append(
                    {
                        "id": f"{pid}-ubnd-xa-{slugify(commune)}-{i}",
                        "name": f"Ủy ban nhân dân xã {commune}",
                        "level": "commune",
                        "province": pid,
                        "valid_from": dt.date(2025, 7, 1),
                    }
                )
            i += 1
        chosen = candidates[:count]
        ids = {a["id"] for a in chosen}
        for a in chosen:
            if a.get("parent") not in ids:
                a.pop("parent", None)
        self.agency_list = chosen
        self.by_province: dict[str, list[str]] = {}
        for a in chosen:
            if a.get("province"):
                self.by_province.setdefault(a["province"], []).append(a["id"])
        self.central_ids = [a["id"] for a in chosen if a["level"] == "central"]
        self.m.agencies = [a["id"] for a in chosen]
        self.write("content/agencies.yml", "# Generated by benchmarks.\n" + _yaml({"agencies": chosen}))

    # -- legal documents ---------------------------------------------------------------------
    def legal(self) -> None:
        count = self.m.layout.legal
        docs: list[tuple[str, dict[str, Any]]] = []
        for lid, number, kind, title, short, issuer, signed, effective in LAWS[:count]:
            doc: dict[str, Any] = {"number": number} if number else {}
            doc |= {"type": kind, "title": title}
            if short:
                doc["short_title"] = short
            doc |= {
                "issuer": issuer,
                "signed": dt.date.fromisoformat(signed),
                "effective": dt.date.fromisoformat(effective),
                "status": "in_force",
                "sources": [{"title": f"{title} {number or ''}".strip(), "issuer": issuer}],
                "verified_on": CHECKED,
            }
            docs.append((lid, doc))
        for i in range(len(docs), count):
            rng = self.rng("legal", i)
            kind, suffix, title, issuer = LEGAL_KINDS[i % len(LEGAL_KINDS)]
            theme = rng.choice(VI_PLAN_THEMES)[0]
            pname = rng.choice(PROVINCES)[1]
            year = rng.randint(2010, 2025)
            number = f"{400 + i}/{year}/{suffix}"
            signed = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
            doc = {
                "number": number,
                "type": kind,
                "title": title.format(theme=theme, province=pname),
                "issuer": issuer.format(province=pname),
                "signed": signed,
                "effective": signed + dt.timedelta(days=rng.choice((0, 15, 45))),
                "status": "in_force",
                "url": f"https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID={100000 + i}",
                "sources": [{"title": f"Văn bản số {number}", "issuer": issuer.format(province=pname), "date": signed}],
                "verified_on": CHECKED,
            }
            r = rng.random()
            if r < 0.08 and i + 1 < count:
                doc["status"] = "superseded"
                doc["superseded_by"] = ""  # the next document: its id is known below
            elif r < 0.13:
                doc["status"] = "expired"
            elif r < 0.15:
                doc["status"] = "unknown"
            docs.append((slugify(number), doc))
        ids = [lid for lid, _ in docs]
        for n, (_, doc) in enumerate(docs):
            if "superseded_by" in doc:
                doc["superseded_by"] = ids[n + 1]
        for lid, doc in docs:
            self.write(f"content/legal/{lid}.yml", _yaml(doc))
        self.legal_docs = docs
        self.m.legal = ids
        # A few laws are cited very often, most documents rarely (Zipf-like).
        weights = [1 / (rank + 1) ** 0.9 for rank in range(len(ids))]
        total = 0.0
        self.legal_cum = []
        for w in weights:
            total += w
            self.legal_cum.append(total)

    def cite(self, rng: random.Random, k: int) -> list[str]:
        return list(dict.fromkeys(rng.choices(self.m.legal, cum_weights=self.legal_cum, k=k)))

    # -- plans --------------------------------------------------------------------------------
    def plans(self) -> None:
        issuers = [a["id"] for a in self.agency_list if a["id"].endswith("-ubnd")] or ["bo-tu-phap"]
        for i in range(self.m.layout.plans):
            rng = self.rng("plan", i)
            words = Words("vi", rng)
            issuer = issuers[i % len(issuers)]
            province = next((p for p in PROVINCES if issuer == f"{p[0]}-ubnd"), None)
            pool = self.by_province.get(province[0], []) if province else []
            pool = [a for a in pool if a != issuer] or [issuer]
            theme, topic = rng.choice(VI_PLAN_THEMES)
            year = 2020 + i % 7
            number = f"{10 + i}/KH-UBND" if province else f"{10 + i}/KH-BTP"
            pid = slugify(f"{province[0] if province else 'bo-tu-phap'} {number} {year}")
            where = (
                f" trên địa bàn {'thành phố' if province and province[2] else 'tỉnh'} {province[1]}" if province else ""
            )
            end = year + rng.choice((0, 2, 4))
            sections = [{"id": "I", "title": "Nhiệm vụ trọng tâm"}, {"id": "II", "title": "Tổ chức thực hiện"}]
            tasks = []
            for t in range(rng.randint(4, 12)):
                sid = "I" if t < 3 or rng.random() < 0.6 else "II"
                lead = [rng.choice(pool)]
                partners: list[Any] = []
                for _ in range(rng.randint(1, 3)):
                    other = rng.choice(self.central_ids) if rng.random() < 0.15 else rng.choice(pool)
                    if other not in lead and all(p["agency"] != other for p in partners):
                        partners.append({"agency": other, "requested": other.endswith(REQUESTED)})
                task: dict[str, Any] = {"id": f"{sid}.{t + 1}", "section": sid, "text": words.task(), "lead": lead}
                task["partners"] = [p if p["requested"] else p["agency"] for p in partners]
                if rng.random() < 0.5:
                    task["output"] = rng.choice(
                        [
                            "Báo cáo kết quả thực hiện",
                            "Tài liệu được phát hành đến cấp xã",
                            "Hội nghị được tổ chức",
                            "Kế hoạch chi tiết của đơn vị",
                        ]
                    )
                task["deadline"] = self.deadline(rng, year, end)
                tasks.append(task)
            self.m.tasks += len(tasks)
            plan: dict[str, Any] = {
                "title": f"Kế hoạch {theme}{where} năm {year}"
                if end == year
                else f"Kế hoạch {theme}{where} giai đoạn {year}–{end}",
                "summary": self.localized(words.sentence(), f"The plan for {rng.choice(TOPICS)[2].lower()}."),
                "issuer": issuer,
                "number": number,
                "date": dt.date(year, rng.randint(1, 12), rng.randint(1, 28)),
                "place": province[1] if province else "Hà Nội",
                "period": {
                    "as_written": f"Năm {year}" if end == year else f"{year}–{end}",
                    "start_year": year,
                    "end_year": end,
                },
                "source_file": "phobien bench (generated)",
                "legal_basis": self.cite(rng, rng.randint(2, 4)),
                "purposes": [words.sentence(), words.sentence()],
                "requirements": [words.sentence()],
                "funding": "Kinh phí thực hiện từ ngân sách nhà nước theo phân cấp hiện hành.",
                "reporting": [
                    {
                        "text": "Báo cáo kết quả thực hiện trước ngày 15/12 hằng năm.",
                        "by": sorted({t["lead"][0] for t in tasks}),
                        "to": [issuer],
                        "deadline": {"as_written": "Trước ngày 15/12 hằng năm", "kind": "yearly"},
                    }
                ],
                "sections": sections,
                "tasks": tasks,
                "targets": [
                    {"text": f"{rng.choice((70, 80, 90, 100))}% {rng.choice(VI_TASK_OBJECTS)}", "deadline_year": end}
                ],
                "topics": [topic],
            }
            self.write(f"content/plans/{pid}.yml", _yaml(plan))
            self.m.plans.append(pid)

    @staticmethod
    def deadline(rng: random.Random, year: int, end: int) -> dict[str, Any]:
        kind = rng.choice(DEADLINES)
        if kind == "date":
            due = dt.date(rng.randint(year, end), rng.choice((3, 6, 9, 12)), 30)
            return {"as_written": f"Trước ngày {due:%d/%m/%Y}", "kind": "date", "date": due}
        if kind == "year":
            return {"as_written": f"Năm {end}", "kind": "year", "end_year": end}
        if kind == "range":
            return {"as_written": f"{year}–{end}", "kind": "range", "start_year": year, "end_year": end}
        if kind == "decision":
            return {"as_written": "Theo Quyết định số 87/QĐ-TTg", "kind": "decision", "decision": "87/QĐ-TTg"}
        written = {"yearly": "Hằng năm", "quarterly": "Hằng quý", "ongoing": "Thường xuyên", "unspecified": "Không ghi"}
        return {"as_written": written[kind], "kind": kind}

    # -- materials and news -------------------------------------------------------------------
    def translation(self, source: str, body: str, rng: random.Random) -> dict[str, Any]:
        # One translation in ten was made before its original last changed: it shows "outdated".
        stale = rng.random() < 0.1
        return {
            "source": source,
            "source_hash": "sha256:000000000000" if stale else content_hash(body),
            "by": "machine",
            "translator": TRANSLATOR,
        }

    def materials(self) -> None:
        previous: tuple[str, dict[str, str]] | None = None
        for i in range(self.m.layout.materials):
            rng = self.rng("material", i)
            words = Words("vi", rng)
            title = words.phrase()
            slug = f"{slugify(title)[:60].rstrip('-')}-{i + 1}"
            refs = self.cite(rng, rng.randint(1, 3))
            legal = dict(self.legal_docs)
            meta: dict[str, Any] = {
                "title": title,
                "summary": words.sentence(),
                "audiences": sorted(rng.sample(self.citizens, min(len(self.citizens), rng.randint(1, 3)))),
                "topics": sorted(rng.sample(self.topic_ids, rng.randint(1, 2))),
                "legal_refs": refs,
                "sources": [
                    {
                        "title": legal[r]["title"],
                        "issuer": legal[r]["issuer"],
                        "article": f"Điều {rng.randint(1, 120)}",
                        "legal_ref": r,
                    }
                    for r in refs[:2]
                ],
                "hotlines": rng.sample(self.hotline_ids, rng.randint(0, 2)),
                "review": {"status": "not_reviewed", "reviewed_on": CHECKED},
                "order": rng.randint(10, 200),
            }
            if i % 4 == 3:
                meta["review"] = {"status": "reviewed", "reviewed_on": CHECKED, "reviewer": "Sở Tư pháp (thẩm định)"}
            links = [(previous[1]["vi"], f"{previous[0]}.md")] if previous else []
            body = words.body(rng.randint(350, 800), links)
            self.write(f"content/materials/{slug}.vi.md", _page(meta, body))
            titles = {"vi": title}
            for lang in self.others:
                if rng.random() >= TRANSLATED.get(lang, 0.5):
                    continue
                other = Words(lang, self.rng("material", i, lang))
                titles[lang] = other.phrase()
                tmeta = {"title": titles[lang], "summary": other.sentence()}
                tmeta["translation"] = self.translation(f"{slug}.vi.md", body, rng)
                tmeta |= {k: v for k, v in meta.items() if k not in ("title", "summary")}
                tlinks = [(previous[1].get(lang, previous[1]["vi"]), f"{previous[0]}.md")] if previous else []
                self.write(
                    f"content/materials/{slug}.{lang}.md", _page(tmeta, other.body(rng.randint(300, 700), tlinks))
                )
                self.m.translated[lang] = self.m.translated.get(lang, 0) + 1
            previous = (slug, titles)
            self.m.materials.append(slug)

    def articles(self) -> None:
        for i in range(self.m.layout.articles):
            rng = self.rng("article", i)
            words = Words("vi", rng)
            _, pname, city = rng.choice(PROVINCES)
            commune = words.commune()
            event = words.event()
            title = f"{pname}: {event} tại xã {commune}"
            slug = f"{slugify(title)[:60].rstrip('-')}-{i + 1}"
            date = TODAY - dt.timedelta(days=1 + i * 2 + rng.randint(0, 1))
            author = f"Sở Tư pháp {'thành phố' if city else 'tỉnh'} {pname}"
            meta: dict[str, Any] = {
                "title": title,
                "summary": f"{author} tổ chức {event} cho người dân xã {commune}.",
                "date": date,
                "author": author,
                "audiences": sorted(rng.sample(self.audience_ids, rng.randint(0, min(2, len(self.audience_ids))))),
                "topics": sorted(rng.sample(self.topic_ids, rng.randint(1, 2))),
            }
            lead = f"Ngày {date:%d/%m/%Y}, {author} đã tổ chức {event} tại xã {commune}.\n\n"
            body = lead + words.body(rng.randint(200, 450))
            self.write(f"content/articles/{slug}.vi.md", _page(meta, body))
            for lang in self.others:
                other = Words(lang, self.rng("article", i, lang))
                tmeta = {
                    "title": other.phrase(),
                    "summary": other.sentence(),
                    **{k: v for k, v in meta.items() if k not in ("title", "summary")},
                }
                tmeta["translation"] = self.translation(f"{slug}.vi.md", body, rng)
                self.write(f"content/articles/{slug}.{lang}.md", _page(tmeta, other.body(rng.randint(180, 400))))
            self.m.articles.append(slug)

    def docs(self) -> None:
        titles = {
            "index": {"vi": "Trang chủ", "en": "Home", "km": "ទំព័រដើម", "hmn": "Nplooj tsev"},
            "an-toan": {
                "vi": "Cách xem trang này an toàn",
                "en": "How to browse safely",
                "km": "សុវត្ថិភាព",
                "hmn": "Saib kom muaj kev nyab xeeb",
            },
            "gioi-thieu": {"vi": "Giới thiệu", "en": "About"},
        }
        for slug, by_lang in titles.items():
            rng = self.rng("doc", slug)
            body = Words("vi", rng).body(150)
            meta: dict[str, Any] = {"title": by_lang["vi"], "summary": Words("vi", rng).sentence()}
            if slug != "index":
                meta["order"] = 90
            self.write(f"docs/{slug}.vi.md", _page(meta, body))
            for lang in self.others:
                if lang not in by_lang:
                    continue
                other = Words(lang, self.rng("doc", slug, lang))
                tmeta = {
                    "title": by_lang[lang],
                    "summary": other.sentence(),
                    **{k: v for k, v in meta.items() if k not in ("title", "summary")},
                }
                tmeta["translation"] = self.translation(f"{slug}.vi.md", body, rng)
                self.write(f"docs/{slug}.{lang}.md", _page(tmeta, other.body(120)))


def generate(root: Path, pages: int, languages: list[str], seed: int = 1, repo: Path = REPO) -> Manifest:
    """Write a content tree of ``pages`` content pages per language into ``root`` (a new folder)."""
    return Generator(root, pages, languages, seed).run(repo)
