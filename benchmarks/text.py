"""Sentences for the synthetic site, made from real words of legal information.

Vietnamese and English sentences follow a small grammar (who, may or must, does what, where or
under which law) so that they read like the bundled materials; names of provinces, communes and
people and document numbers give the long tail real pages have. Khmer sentences are strings of
phrases taken from the bundled Khmer texts, Hmong sentences follow the Vietnamese grammar with
White Hmong (RPA) words. Everything is drawn from a :class:`random.Random` the caller seeds, so
the same seed gives the same text.
"""

from __future__ import annotations

import random
import unicodedata

PROVINCES = [
    ("ha-noi", "Hà Nội", True),
    ("hue", "Huế", True),
    ("lai-chau", "Lai Châu", False),
    ("dien-bien", "Điện Biên", False),
    ("son-la", "Sơn La", False),
    ("lang-son", "Lạng Sơn", False),
    ("quang-ninh", "Quảng Ninh", False),
    ("thanh-hoa", "Thanh Hóa", False),
    ("nghe-an", "Nghệ An", False),
    ("ha-tinh", "Hà Tĩnh", False),
    ("cao-bang", "Cao Bằng", False),
    ("tuyen-quang", "Tuyên Quang", False),
    ("lao-cai", "Lào Cai", False),
    ("thai-nguyen", "Thái Nguyên", False),
    ("phu-tho", "Phú Thọ", False),
    ("bac-ninh", "Bắc Ninh", False),
    ("hung-yen", "Hưng Yên", False),
    ("hai-phong", "Hải Phòng", True),
    ("ninh-binh", "Ninh Bình", False),
    ("quang-tri", "Quảng Trị", False),
    ("da-nang", "Đà Nẵng", True),
    ("quang-ngai", "Quảng Ngãi", False),
    ("gia-lai", "Gia Lai", False),
    ("khanh-hoa", "Khánh Hòa", False),
    ("lam-dong", "Lâm Đồng", False),
    ("dak-lak", "Đắk Lắk", False),
    ("ho-chi-minh", "Hồ Chí Minh", True),
    ("dong-nai", "Đồng Nai", False),
    ("tay-ninh", "Tây Ninh", False),
    ("can-tho", "Cần Thơ", True),
    ("vinh-long", "Vĩnh Long", False),
    ("dong-thap", "Đồng Tháp", False),
    ("ca-mau", "Cà Mau", False),
    ("an-giang", "An Giang", False),
]
"""The 34 provinces and cities after 1 July 2025: id, name, whether it is a city (thành phố)."""

SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Lò",
    "Thào",
    "Giàng",
]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Hữu", "Xuân", "Thu", "Bảo", "Mỹ", "A", "Seo"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đức",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hiếu",
    "Hoa",
    "Hùng",
    "Hương",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Minh",
    "Nam",
    "Ngọc",
    "Nhung",
    "Phong",
    "Phương",
    "Quân",
    "Quang",
    "Sơn",
    "Tâm",
    "Thảo",
    "Thắng",
    "Thủy",
    "Trang",
    "Trung",
    "Tuấn",
    "Tú",
    "Vân",
    "Việt",
    "Yến",
    "Páo",
    "Chứ",
    "Dế",
]
ONSETS = ["b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "s", "t", "th", "tr"]
ONSETS += ["v", "x"]
RHYMES = ["a", "ai", "an", "ang", "anh", "ao", "âm", "ân", "ây", "e", "em", "ên", "i", "im", "inh", "o", "oa", "oan"]
RHYMES += ["ong", "ô", "ôn", "ông", "ơ", "ơn", "u", "uy", "ung", "ư", "ưng", "ương", "yên", "iên", "iêng", "ơi"]
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]

VI_SUBJECTS = [
    "Người bị tạm giữ",
    "Người bị tạm giam",
    "Người bị bắt",
    "Người đang chấp hành án phạt tù",
    "Người chấp hành xong án phạt tù",
    "Trẻ em",
    "Trẻ em bị xâm hại",
    "Cha mẹ",
    "Người chăm sóc trẻ",
    "Thầy cô giáo",
    "Nhà trường",
    "Gia đình người bị giam giữ",
    "Thân nhân của người bị bắt",
    "Người dân",
    "Người bị hại",
    "Người làm chứng",
    "Đồng bào dân tộc thiểu số",
    "Phụ nữ bị bạo lực gia đình",
    "Người khuyết tật",
    "Người cao tuổi",
    "Học sinh",
    "Bạn",
    "Em",
    "Cán bộ tư pháp xã",
    "Công an xã",
    "Trợ giúp viên pháp lý",
    "Luật sư",
    "Hòa giải viên ở cơ sở",
    "Ủy ban nhân dân cấp xã",
    "Cơ quan điều tra",
    "Viện kiểm sát",
    "Tòa án",
    "Trại tạm giam",
]
VI_MODALS = ["có quyền", "được", "cần", "có thể", "có trách nhiệm", "phải", "nên"]
VI_PREDICATES = [
    "gọi tổng đài 111 không mất tiền",
    "báo tin cho công an xã",
    "yêu cầu trợ giúp pháp lý miễn phí",
    "khiếu nại về hành vi tra tấn",
    "tố giác hành vi xâm hại trẻ em",
    "gặp luật sư ngay khi bị bắt",
    "thăm gặp thân nhân theo quy định",
    "giữ bí mật thông tin cá nhân của trẻ",
    "hỗ trợ người trở về hòa nhập cộng đồng",
    "đề nghị xóa án tích",
    "tìm hiểu quyền và nghĩa vụ của mình",
    "lắng nghe khi trẻ kể chuyện",
    "bảo vệ sức khỏe, danh dự và nhân phẩm",
    "được đối xử nhân đạo",
    "không bị tra tấn, truy bức hay nhục hình",
    "từ chối khai báo khi bị ép buộc",
    "nhận thư, quà và tiền gửi",
    "được khám chữa bệnh khi ốm đau",
    "học nghề và tìm việc làm",
    "làm lại giấy tờ tùy thân",
    "đăng ký cư trú tại địa phương",
    "nhận trợ cấp xã hội",
    "tham gia lớp tuyên truyền pháp luật",
    "đọc tờ rơi về quyền của mình",
    "hỏi cán bộ tư pháp ở xã",
    "đưa trẻ đến cơ sở y tế gần nhất",
    "ghi lại sự việc một cách trung thực",
    "không đổ lỗi cho trẻ",
    "giúp trẻ cảm thấy an toàn",
    "được bồi thường thiệt hại do oan sai",
    "kiểm tra việc tạm giữ có đúng luật không",
    "phổ biến pháp luật đến từng thôn, bản",
    "bảo đảm quyền của người bị giam giữ",
    "xử lý nghiêm người vi phạm",
    "chăm sóc, giáo dục và bảo vệ trẻ em",
    "phòng ngừa bạo lực học đường",
    "hướng dẫn trẻ giữ an toàn trên mạng",
    "ngăn chặn hành vi mua bán người",
    "tiếp nhận đơn khiếu nại, tố cáo",
    "được biết lý do mình bị bắt",
    "nhờ người phiên dịch tiếng dân tộc",
    "được đọc biên bản trước khi ký",
]
VI_COMPLEMENTS = [
    "theo quy định của pháp luật",
    "trong thời hạn 24 giờ",
    "tại trụ sở Ủy ban nhân dân xã",
    "khi bị bắt, tạm giữ",
    "mà không mất tiền",
    "ngay khi phát hiện sự việc",
    "ở địa phương",
    "trong quá trình điều tra",
    "kể cả khi đang chấp hành án",
    "vào bất kỳ giờ nào trong ngày",
    "với sự có mặt của người đại diện",
    "bằng tiếng dân tộc của mình",
    "theo Hiến pháp năm 2013",  # no article number: a cited article needs a source marker
    "theo Luật Trẻ em năm 2016",
    "theo Bộ luật Tố tụng hình sự",
    "trong suốt thời gian bị giam giữ",
    "sau khi ra tù",
    "tại nhà văn hóa thôn",
    "qua điện thoại hoặc trực tiếp",
    "trên địa bàn tỉnh {province}",
    "tại xã {commune}",
    "theo Nghị định {number}",
    "như bà {person} ở xã {commune} đã làm",
]
VI_HEADINGS = [
    "Pháp luật quy định gì?",
    "Bạn có thể làm gì?",
    "Ai có thể giúp bạn?",
    "Nơi hỏi và nhận hỗ trợ",
    "Những điều cần nhớ",
    "Dấu hiệu cần chú ý",
    "Thủ tục và giấy tờ",
    "Trách nhiệm của cơ quan nhà nước",
    "Khi nào cần gọi ngay?",
    "Quyền của bạn",
    "Gia đình có thể làm gì?",
    "Câu hỏi thường gặp",
]
VI_PLAN_THEMES = [
    ("tuyên truyền, phổ biến, giáo dục pháp luật", "legal-aid"),
    ("thực hiện Công ước chống tra tấn", "torture-prevention"),
    ("phòng, chống xâm hại trẻ em", "child-protection"),
    ("hỗ trợ người chấp hành xong án phạt tù tái hòa nhập cộng đồng", "reintegration"),
    ("phòng, chống bạo lực gia đình", "child-protection"),
    ("triển khai Luật Trợ giúp pháp lý", "legal-aid"),
    ("phòng, chống mua bán người", "custody-rights"),
    ("bảo đảm quyền của người bị tạm giữ, tạm giam", "custody-rights"),
    ("bảo đảm an toàn cho trẻ em trên môi trường mạng", "online-safety"),
]
VI_TASK_VERBS = [
    "Tổ chức",
    "Triển khai",
    "Biên soạn, phát hành",
    "Rà soát",
    "Kiểm tra, giám sát",
    "Tập huấn",
    "Xây dựng",
    "Hướng dẫn",
    "Tăng cường",
    "Đẩy mạnh",
    "Duy trì",
]
VI_TASK_OBJECTS = [
    "tài liệu tuyên truyền về quyền của người bị tạm giữ",
    "hội nghị phổ biến Công ước chống tra tấn cho cán bộ, chiến sĩ",
    "mô hình điểm về bảo vệ trẻ em ở cấp xã",
    "lớp tập huấn kỹ năng cho hòa giải viên ở cơ sở",
    "chuyên mục pháp luật trên Đài Phát thanh và Truyền hình tỉnh",
    "việc thực hiện chế độ đối với người bị tạm giam",
    "tờ rơi, áp phích song ngữ cho đồng bào dân tộc thiểu số",
    "câu lạc bộ pháp luật trong trường học",
    "việc tiếp nhận, xử lý tin báo về xâm hại trẻ em",
    "hoạt động trợ giúp pháp lý lưu động tại thôn, bản",
    "cuộc thi tìm hiểu pháp luật trực tuyến",
    "việc lắp đặt camera giám sát tại phòng hỏi cung",
    "hỗ trợ vay vốn, học nghề cho người sau khi ra tù",
    "nội dung giáo dục pháp luật trong chương trình ngoại khóa",
]
VI_OUTPUTS = [
    "Báo cáo kết quả thực hiện",
    "Tài liệu được phát hành đến cấp xã",
    "Hội nghị được tổ chức",
    "Kế hoạch chi tiết của đơn vị",
    "Danh sách mô hình điểm",
    "Chuyên mục phát sóng hằng tháng",
]
VI_EVENTS = [
    "hội nghị tuyên truyền pháp luật",
    "buổi trợ giúp pháp lý lưu động",
    "lớp tập huấn về bảo vệ trẻ em",
    "buổi đối thoại với người chấp hành xong án phạt tù",
    "cuộc thi tìm hiểu Công ước chống tra tấn",
    "buổi sinh hoạt câu lạc bộ pháp luật",
    "đợt kiểm tra nhà tạm giữ",
]

EN_SUBJECTS = [
    "People in custody",
    "People held in detention",
    "Children",
    "Parents",
    "Teachers",
    "Families of detainees",
    "People released from prison",
    "Commune officials",
    "Legal aid officers",
    "Lawyers",
    "Victims",
    "Ethnic-minority communities",
    "You",
    "Schools",
    "The commune police",
]
EN_MODALS = ["have the right to", "can", "should", "must", "may"]
EN_PREDICATES = [
    "call the free 111 hotline",
    "ask for free legal aid",
    "report abuse to the commune police",
    "see a lawyer as soon as they are arrested",
    "complain about torture or cruel treatment",
    "keep the child's information private",
    "listen when a child tells them",
    "receive letters, parcels and money",
    "get medical care when they are ill",
    "ask for a criminal record to be cleared",
    "learn a trade and find a job",
    "refuse to sign a record they have not read",
    "ask for an interpreter",
    "be treated humanely",
    "help people who return settle back in",
]
EN_COMPLEMENTS = [
    "under the law",
    "within 24 hours",
    "at the commune People's Committee",
    "free of charge",
    "at any time of day",
    "in {province} province",
    "in {commune} commune",
    "under Decree {number}",
    "even while serving a sentence",
    "by phone or in person",
]
EN_HEADINGS = [
    "What does the law say?",
    "What can you do?",
    "Who can help you?",
    "Where to ask for help",
    "Things to remember",
    "Signs to watch for",
    "Papers and procedures",
    "Your rights",
]

HMN_SUBJECTS = [
    "Menyuam yaus",
    "Niam txiv",
    "Tus neeg raug ntes",
    "Tus neeg raug kaw",
    "Tsev neeg",
    "Cov xib fwb",
    "Txhua tus neeg",
    "Koj",
    "Tus neeg tawm hauv tsev loj cuj los",
]
HMN_MODALS = ["muaj cai", "yuav tsum", "tau", "kuj tau"]
HMN_PREDICATES = [
    "hu xov tooj 111 dawb",
    "thov kev pab txog txoj cai lij choj",
    "qhia rau tub ceev xwm",
    "ntsib kws lij choj",
    "tsis raug tsim txom los sis raug ntaus",
    "mloog menyuam hais lus",
    "khaws cia tej ntaub ntawv ntiag tug",
    "nrhiav kev pab hauv lub zos",
    "saib xyuas menyuam kom nyob zoo",
    "qhia tus neeg laus uas koj ntseeg",
]
HMN_COMPLEMENTS = [
    "raws li txoj cai lij choj",
    "hauv 24 teev",
    "tsis them nyiaj",
    "txhua lub sij hawm",
    "hauv lub zos {commune}",
    "txawm tias thaum raug kaw",
]
HMN_HEADINGS = ["Txoj cai lij choj hais li cas?", "Koj ua tau dab tsi?", "Leej twg pab tau koj?", "Nco ntsoov"]

KM_PHRASES = [
    "អំពើហិង្សា",
    "មានន័យថា",
    "ច្បាប់ស្តីពីកុមារ",
    "ហៅលេខ 111",
    "កិត្តិយស",
    "ការរំលោភបំពានផ្លូវភេទ",
    "មិនអាចរំលោភបាន",
    "ការបង្ខិតបង្ខំ",
    "ការបង្ខំចម្លើយ",
    "ពេលនោះ",
    "ឬមនុស្សពេញវ័យដែលប្អូនទុកចិត្ត",
    "នោះមិនមែនជាកំហុសរបស់ប្អូនទេ",
    "មនុស្សពេញវ័យជាអ្នកធ្វើខុស",
    "ដែលប្អូនទុកចិត្ត",
    "ឪពុក",
    "ម្តាយ",
    "អ្នកគ្រូ",
    "សូមប្រាប់មនុស្សម្នាក់ទៀត",
    "គឺជារឿងត្រឹមត្រូវ",
    "ច្បាប់ហាមវាយដំកុមារ",
    "មិនអស់លុយទេ",
    "ប្អូនអាចហៅបានគ្រប់ពេល",
    "នឹងស្តាប់ប្អូន",
    "តាមច្បាប់ស្តីពីកុមារ",
    "ការរំលោភបំពានលើកុមារ",
    "ផ្លូវចិត្ត",
    "ការកេងប្រវ័ញ្ច",
    "ការជួញដូរ",
    "ការបោះបង់ចោល",
    "អំពើហិង្សាលើកុមារ",
    "ការវាយដំ",
    "ត្រូវយកចិត្តទុកដាក់ភ្លាម",
    "អ្វីដែលសំខាន់បំផុត",
    "និងស្តាប់កុមារ",
    "រដ្ឋធម្មនុញ្ញ",
    "គឺជាច្បាប់មូលដ្ឋាន",
    "រាងកាយរបស់មនុស្សគ្រប់រូប",
    "គ្មាននរណាម្នាក់អាចរំលោភបានទេ",
    "សុខភាព",
    "ត្រូវបានច្បាប់ការពារ",
    "សិទ្ធិនេះសម្រាប់មនុស្សគ្រប់រូប",
    "រួមទាំងអ្នកដែលត្រូវគេចាប់ខ្លួន",
    "ឃុំខ្លួន",
    "ឬកំពុងជាប់ទោសដាក់ពន្ធនាគារ",
    "វៀតណាម",
    "អនុសញ្ញា",
    "តាមអនុសញ្ញា",
    "ទារុណកម្ម",
    "ឬរងទុក្ខវេទនាធ្ងន់ធ្ងរ",
    "គឺជាអ្នកបំពេញការងាររដ្ឋ",
    "នីតិវិធីព្រហ្មទណ្ឌ",
    "គឺការស៊ើបអង្កេត",
    "ហាមឃាត់យ៉ាងតឹងរ៉ឹងនូវទារុណកម្ម",
    "អ្នកដែលត្រូវគេចាប់ខ្លួន",
    "ក្រមព្រហ្មទណ្ឌ",
    "ខ្សែទូរស័ព្ទជាតិការពារកុមារ",
    "ផ្តល់ប្រឹក្សាដល់កុមារ និងគ្រួសារ",
    "២៤ ម៉ោងក្នុងមួយថ្ងៃ",
]
KM_HEADINGS = ["ច្បាប់កំណត់អ្វីខ្លះ", "អ្នកអាចធ្វើអ្វីបាន", "អ្នកណាអាចជួយអ្នក", "សិទ្ធិរបស់អ្នក"]

DOC_SUFFIXES = ["NĐ-CP", "QĐ-TTg", "TT-BTP", "TT-BCA", "CT-TTg", "KH-UBND", "QĐ-UBND", "TT-BLĐTBXH"]


class Words:
    """Sentences of one language; every choice comes from ``rng``."""

    def __init__(self, lang: str, rng: random.Random) -> None:
        self.lang = lang
        self.rng = rng

    # -- the long tail ----------------------------------------------------------------------
    def province(self) -> str:
        return self.rng.choice(PROVINCES)[1]

    def commune(self) -> str:
        return " ".join(syllable(self.rng).capitalize() for _ in range(2))

    def person(self) -> str:
        rng = self.rng
        return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"

    def number(self) -> str:
        rng = self.rng
        return f"{rng.randint(1, 350)}/{rng.randint(2008, 2026)}/{rng.choice(DOC_SUFFIXES)}"

    def fill(self, text: str) -> str:
        if "{" not in text:
            return text
        return text.format(province=self.province(), commune=self.commune(), person=self.person(), number=self.number())

    # -- sentences --------------------------------------------------------------------------
    def sentence(self, limit: int = 22) -> str:
        """One plain sentence of at most ``limit`` words (syllables in Vietnamese)."""
        rng = self.rng
        if self.lang == "km":
            return " ".join(rng.choice(KM_PHRASES) for _ in range(rng.randint(3, 6))) + "។"
        subjects, modals, predicates, complements = {
            "vi": (VI_SUBJECTS, VI_MODALS, VI_PREDICATES, VI_COMPLEMENTS),
            "en": (EN_SUBJECTS, EN_MODALS, EN_PREDICATES, EN_COMPLEMENTS),
            "hmn": (HMN_SUBJECTS, HMN_MODALS, HMN_PREDICATES, HMN_COMPLEMENTS),
        }.get(self.lang, (EN_SUBJECTS, EN_MODALS, EN_PREDICATES, EN_COMPLEMENTS))
        predicate = rng.choice(predicates)
        modal = rng.choice(modals)
        if self.lang == "vi" and predicate.startswith(("được ", "không ")):
            modal = "có quyền"
        words = f"{rng.choice(subjects)} {modal} {predicate}"
        if rng.random() < 0.7:
            longer = f"{words}{',' if rng.random() < 0.5 else ''} {self.fill(rng.choice(complements))}"
            if len(longer.split()) <= limit:
                words = longer
        return words + "."

    def heading(self) -> str:
        rng = self.rng
        headings = {"vi": VI_HEADINGS, "en": EN_HEADINGS, "hmn": HMN_HEADINGS, "km": KM_HEADINGS}[self.lang]
        if rng.random() < 0.5:
            return rng.choice(headings)
        return self.phrase()

    def phrase(self) -> str:
        """A short phrase for a title or a heading, without a full stop."""
        rng = self.rng
        if self.lang == "km":
            return " ".join(rng.choice(KM_PHRASES) for _ in range(rng.randint(2, 3)))
        predicates = {"vi": VI_PREDICATES, "en": EN_PREDICATES, "hmn": HMN_PREDICATES}[self.lang]
        subjects = {"vi": VI_SUBJECTS, "en": EN_SUBJECTS, "hmn": HMN_SUBJECTS}[self.lang]
        predicate = rng.choice(predicates)
        return f"{rng.choice(subjects)}: {predicate}"

    def paragraph(self, sentences: int) -> str:
        """Sentences one per line, as the bundled materials are written."""
        return "\n".join(self.sentence() for _ in range(sentences))

    def items(self, count: int) -> str:
        rng = self.rng
        predicates = {"vi": VI_PREDICATES, "en": EN_PREDICATES, "hmn": HMN_PREDICATES}.get(self.lang)
        lines = []
        for _ in range(count):
            if predicates is None:
                text = " ".join(rng.choice(KM_PHRASES) for _ in range(2)) + "។"
            else:
                p = rng.choice(predicates)
                text = p[0].upper() + p[1:] + "."
            lines.append(f"- {text}")
        return "\n".join(lines)

    def body(self, syllables: int, links: list[tuple[str, str]] | None = None) -> str:
        """A page body of about ``syllables`` words: headings, paragraphs, lists and links."""
        rng = self.rng
        parts: list[str] = []
        count = 0
        first = True
        while count < syllables:
            if not first or rng.random() < 0.5:
                parts.append(f"## {self.heading()}")
            first = False
            paragraph = self.paragraph(rng.randint(3, 6))
            parts.append(paragraph)
            count += len(paragraph.split())
            if rng.random() < 0.35:
                items = self.items(rng.randint(3, 5))
                parts.append(items)
                count += len(items.split())
            elif rng.random() < 0.2:
                bold = {"vi": "Cần nhớ", "en": "Remember", "hmn": "Nco ntsoov", "km": "ចំណាំ"}[self.lang]
                parts.append(f"**{bold}:** {self.sentence()}")
        see = {"vi": "Xem thêm", "en": "See also", "hmn": "Saib ntxiv", "km": "សូមមើលបន្ថែម"}[self.lang]
        for title, href in links or []:
            parts.append(f"{see}: [{title}]({href}).")
        return "\n\n".join(parts) + "\n"

    # -- Vietnamese official texts (plans, news) -------------------------------------------
    def task(self) -> str:
        rng = self.rng
        text = f"{rng.choice(VI_TASK_VERBS)} {rng.choice(VI_TASK_OBJECTS)}"
        if rng.random() < 0.6:
            text += f", {self.fill(rng.choice(VI_COMPLEMENTS))}"
        if rng.random() < 0.4:
            text += f"; {rng.choice(VI_TASK_VERBS).lower()} {rng.choice(VI_TASK_OBJECTS)}"
        return text + "."

    def event(self) -> str:
        return self.rng.choice(VI_EVENTS)


def syllable(rng: random.Random) -> str:
    """A made-up Vietnamese syllable with a tone mark (for names of communes)."""
    rhyme = rng.choice(RHYMES)
    tone = rng.choice(TONES)
    vowels = [i for i, c in enumerate(rhyme) if c in "aeiouyâăêôơư"]
    at = vowels[-1] if len(vowels) > 1 and rhyme[vowels[-1]] in "âêôơư" else vowels[0]
    return unicodedata.normalize("NFC", rng.choice(ONSETS) + rhyme[: at + 1] + tone + rhyme[at + 1 :])
