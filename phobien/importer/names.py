"""The grammar of official body names, so that list separators never split inside a name.

A name starts with a head ("Sở", "Ủy ban nhân dân", "Công an", "Đài Phát thanh và Truyền hình",
"Các sở", …) and runs to the next list separator ("," ";" " và " " - " line or sentence break)
or to the verb that follows it ("chủ trì", "phối hợp", "tổ chức" …). Separators inside a
protected span do not count: the compound field names of departments ("Giáo dục và Đào tạo",
"Văn hóa, Thể thao và Du lịch", "Lao động - Thương binh và Xã hội"), names that hold commas
("Báo và Phát thanh, Truyền hình", "Phòng Phổ biến, giáo dục pháp luật"), lists of kinds of body
or place after "các" ("các sở, ban, ngành", "các xã, phường, đặc khu") and of place names after
them ("các huyện Tây Giang, Đông Giang"). Everything is matched on folded text of the same length
(tone marks, đ and case ignored), so positions are positions in the original.
"""

from __future__ import annotations

import re

from phobien.importer.text import fold_same_length

# Compound names of fields (after "Sở", "Phòng", "Ban", "Bộ" …) and other names with separators inside.
COMPOUNDS = (
    "giao duc va dao tao",
    "giao duc - dao tao",
    "van hoa, the thao va du lich",
    "van hoa - the thao va du lich",
    "van hoa va the thao",
    "van hoa, the thao",
    "van hoa - thong tin",
    "van hoa va thong tin",
    "van hoa va xa hoi",
    "khoa hoc va cong nghe",
    "khoa hoc, cong nghe",
    "dan toc va ton giao",
    "nong nghiep va moi truong",
    "nong nghiep va phat trien nong thon",
    "tai nguyen va moi truong",
    "lao dong - thuong binh va xa hoi",
    "lao dong, thuong binh va xa hoi",
    "lao dong thuong binh va xa hoi",
    "thong tin va truyen thong",
    "ke hoach va dau tu",
    "xay dung va giao thong",
    "giao thong - xay dung",
    "y te va dan so",
    "phat thanh va truyen hinh",
    "phat thanh - truyen hinh",
    "phat thanh, truyen hinh",
    "bao va phat thanh",
    "bao va phat thanh, truyen hinh",
    "cong tac dang va cong tac chinh tri",
    "canh sat dieu tra",
    "pho bien, giao duc phap luat",
    "chinh tri, tu tuong",
    "to chuc, can bo",
    "to chuc - can bo",
    "quan ly trai tam giam, co so giao duc bat buoc, truong giao duong",
    "thi hanh an hinh su va ho tro tu phap",
    "mat tran to quoc viet nam",
    "phong, chong",
    "hanh chinh - tong hop",
    "tong hop - hanh chinh",
    "canh sat dieu tra toi pham ve trat tu xa hoi",
    "canh sat dieu tra toi pham ve ma tuy",
    "an ninh, trat tu",
    "xuat nhap canh",
    "cuu nan, cuu ho",
    "phong chay, chua chay",
)
# Kinds of body or place that "các" lists: "các sở, ban, ngành", "các xã, phường, đặc khu".
KINDS = (
    "so",
    "ban",
    "nganh",
    "co quan",
    "don vi",
    "dia phuong",
    "phong",
    "huyen",
    "thi xa",
    "thanh pho",
    "quan",
    "xa",
    "phuong",
    "thi tran",
    "dac khu",
    "to chuc",
    "doan the",
    "hoi",
    "doanh nghiep",
    "truong",
    "co so",
    "tinh",
    "bo",
    "cap",
)
# Heads that start a body's name (folded).
HEADS = (
    "uy ban nhan dan",
    "ubnd",
    "uy ban mat tran to quoc",
    "uy ban mttq",
    "mat tran to quoc",
    "so",
    "ban",
    "phong",
    "cong an",
    "toa an nhan dan",
    "toa an",
    "vien kiem sat nhan dan",
    "vien kiem sat",
    "hoi lien hiep phu nu",
    "hoi",
    "tinh doan",
    "thanh doan",
    "huyen doan",
    "doan thanh nien",
    "ngan hang chinh sach xa hoi",
    "ngan hang",
    "dai phat thanh",
    "dai",
    "bao va phat thanh",
    "bao",
    "trung tam",
    "bo doi bien phong",
    "bo chi huy",
    "bo tu lenh",
    "bo",
    "cuc",
    "chi cuc",
    "tong cuc",
    "van phong",
    "bao hiem xa hoi",
    "lien doan lao dong",
    "lien doan",
    "lien minh",
    "hiep hoi",
    "kho bac",
    "benh vien",
    "truong",
    "hoc vien",
    "vien",
    "doan",
    "co quan canh sat",
    "co quan",
    "trai giam",
    "cac so",
    "cac co quan",
    "cac don vi",
    "cac phong",
    "cac ban",
    "cac nganh",
    "cac dia phuong",
    "cac hoi",
    "cac doan the",
    "cac to chuc",
    "cac truong",
    "cac tong cong ty",
    "cac co so",
    "cong doan",
    "quy bao tro",
    "quy ho tro",
    "cac luc luong",
    "cac trung tam",
    "tong cong ty",
    "cong ty",
    "hoi dong",
    "ban chi dao",
    "to cong tac",
    "doan kiem tra",
)
# Words that start like a head but name a thing, not a body ("Báo cáo", "Ban hành", "Hội nghị").
NOT_HEADS = (
    "bao cao",
    "ban hanh",
    "hoi nghi",
    "hoi thi",
    "hoi vien",
    "truong hop",
    "phong, chong",
    "phong chong",
    "phong ngua",
    "bo luat",
    "bo tieu chi",
    "bo cong cu",
    "bo tai lieu",
    "bo chi so",
    "doan vien",
    "doan ket",
    "dai dien",
    "cuc bo",
    "vien chuc",
    "cac so lieu",
    "so lieu",
    "so luong",
    "so hoa",
    "so tay",
    "so ket",
    "ban tin",
    "hoi dap",
    "cong an xa hoi",
)
_HEAD = re.compile(
    r"^(?!(?:" + "|".join(re.escape(h) for h in NOT_HEADS) + r")\b)"
    r"(?:" + "|".join(sorted((re.escape(h) for h in HEADS), key=len, reverse=True)) + r")\b"
)
_BARE = {h for h in HEADS if h not in ("tinh doan", "thanh doan", "huyen doan", "ubnd")}
_COMPOUND = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(COMPOUNDS, key=len, reverse=True))
    + r")(?!\w)"
)
_KIND = "|".join(sorted((re.escape(k) for k in KINDS), key=len, reverse=True))
_COLLECTIVE = re.compile(rf"\bcac (?:{_KIND})(?:(?:\s*,\s*|\s+va\s+)(?:{_KIND})\b)+")
_PLACES = re.compile(r"\bcac (?:huyen|xa|phuong|thi xa|quan|thi tran|tinh|thanh pho) (?=\S)")
_SEPARATOR = re.compile(r",\s*|;\s*|\s+và\s+|\s+-\s+|:\s+|\.\s+|\.$|\s*\(|\)\s*|\n|\s*<br\s*/?>\s*|\s*<li>\s*", re.I)
_OPENING = re.compile(
    r"^(?:[-+•–]|(?:kính\s+)?đề nghị|giao|(?:chủ trì,?\s*)?phối hợp(?:\s+với)?|với|cùng|chủ trì|tham mưu|chỉ đạo)\s+",
    re.I,
)
# Words that end a name: the verb or preposition after it ("Sở Tư pháp chủ trì", "… tổ chức …").
STOPS = (
    "chủ trì",
    "chủ động",
    "phối hợp",
    "thực hiện",
    "tham gia",
    "theo",
    "có trách nhiệm",
    "căn cứ",
    "để",
    "nhằm",
    "trong",
    "tại",
    "về",
    "tổ chức",
    "triển khai",
    "tham mưu",
    "hướng dẫn",
    "chỉ đạo",
    "xây dựng",
    "tuyên truyền",
    "báo cáo",
    "là",
    "được",
    "kiểm tra",
    "đôn đốc",
    "rà soát",
    "bố trí",
    "cung cấp",
    "lồng ghép",
    "duy trì",
    "phát hành",
    "biên soạn",
    "đăng tải",
    "tiếp tục",
    "tăng cường",
    "đẩy mạnh",
    "nghiên cứu",
    "phân công",
    "tích cực",
    "chọn",
    "phụ trách",
    "giao",
    "đề nghị",
    "quản lý",
    "bảo đảm",
    "đảm bảo",
    "theo dõi",
    "tổng hợp",
    "cử",
    "ban hành",
    "hỗ trợ",
    "tập huấn",
    "vận động",
    "phổ biến",
    "giám sát",
    "thẩm định",
    "trình",
    "gửi",
    "cho",
    "cùng",
    "với",
    "đăng",
    "phát",
    "in",
    "mở",
    "nắm",
    "lựa chọn",
    "bồi dưỡng",
    "sản xuất",
    "niêm yết",
    "ký",
    "tiếp nhận",
    "trợ giúp",
    "giải quyết",
    "đưa",
    "tạo",
    "thành lập",
    "kiện toàn",
    "điều tra",
    "xử lý",
    "mời",
    "lập",
    "chịu trách nhiệm",
    "đánh giá",
    "khảo sát",
    "thống kê",
    "sơ kết",
    "tổng kết",
    "tiến hành",
    "đối với",
    "trên",
    "từ",
    "đến",
    "khi",
    "nếu",
)
_STOP = re.compile(r"\s+(?:" + "|".join(STOPS) + r")(?=\s|$|[,.;:])")
_ABBREVIATION = re.compile(r"\s*\([A-ZĐ0-9\-]{2,12}\)\s*$")


def protected(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` whose separators belong to a name."""
    folded = fold_same_length(text)
    spans = [(m.start(), m.end()) for m in _COMPOUND.finditer(folded)]
    spans += [(m.start(), m.end()) for m in _COLLECTIVE.finditer(folded)]
    for m in _PLACES.finditer(folded):
        end = _place_list(text, m.end())
        if end > m.end():
            spans.append((m.start(), end))
    return spans


def _place_list(text: str, pos: int) -> int:
    """End of a list of capitalised place names starting at ``pos`` ("Tây Giang, Đông Giang, Nam Trà My")."""
    end = pos
    while True:
        m = re.match(r"((?:[A-ZĐÂĂÊÔƠƯ\u00C0-\u00DD\u1EA0-\u1EF8][^\s,;.()]*\s?)+)", text[end:])
        if not m or m.group(1).strip() == "" or _HEAD.match(fold_same_length(m.group(1))):
            return end
        stop = end + len(m.group(1).rstrip())
        after = re.match(r"\s*,\s*(?=[A-ZĐÂĂÊÔƠƯ\u00C0-\u00DD\u1EA0-\u1EF8])", text[stop:])
        if not after or _HEAD.match(fold_same_length(text[stop + after.end() :])):
            return stop
        end = stop + after.end()


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def chunks(text: str, extra: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Spans of ``text`` between list separators that are not inside a name."""
    spans = protected(text) + (extra or [])
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _SEPARATOR.finditer(text):
        if _inside(m.start(), spans) and _inside(max(m.start(), m.end() - 1), spans):
            continue
        if "\n" in m.group() and m.group().strip() == "" and not starts_name(text[m.end() :]):
            continue  # a line break inside a name ("Trung tâm Trợ giúp pháp lý nhà nước / Thành phố")
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    trimmed = []
    for start, end in out:
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        trimmed.append((start + lead, start + len(piece.rstrip())))
    return [s for s in trimmed if s[0] < s[1]]


def starts_name(text: str) -> bool:
    """Whether ``text`` begins with the head of a body name (after request words and bullets)."""
    while m := _OPENING.match(text):
        text = text[m.end() :]
    return bool(_HEAD.match(fold_same_length(text[:40])))


def name_in(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The body name a chunk holds (without request and role words), or None when it names none."""
    while m := _OPENING.match(text[start:end]):
        start += m.end()
    folded = fold_same_length(text[start:end])
    if not _HEAD.match(folded):
        return None
    if not (text[start].isupper() or folded.startswith("cac ") or folded.startswith("ubnd")):
        return None
    for m in _STOP.finditer(text, start, end):
        if not _inside(m.start() + 1, spans):
            end = m.start()
            break
    piece = _ABBREVIATION.sub("", text[start:end]).rstrip(" .:;,")
    if re.sub(r"\s+", " ", fold_same_length(piece)) in _BARE:
        return None  # a head alone ("Các Sở" before "Tư pháp, Tài chính") is not a name
    if len(piece.split()) < 2 and not folded.startswith(("tinh doan", "thanh doan")):
        return None
    return (start, start + len(piece)) if piece and len(piece.split()) <= 20 else None


def names(text: str, extra: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Spans of every body name in a list or sentence, in order."""
    spans = protected(text) + (extra or [])
    found = []
    for start, end in chunks(text, extra):
        span = name_in(text, start, end, spans)
        if span:
            found.append(span)
    return found


def is_bare(text: str) -> bool:
    """Whether ``text`` is only a head or determiner ("các cơ quan", "Các Sở"), not a name."""
    return re.sub(r"\s+", " ", fold_same_length(text)).strip(" ,;:") in _BARE | {"luc luong"}


def is_collective(text: str) -> bool:
    """Whether ``text`` holds a list of kinds of body or place after "các" ("Công an các đơn vị, địa phương")."""
    return bool(_COLLECTIVE.search(fold_same_length(text)) or _PLACES.search(fold_same_length(text)))
