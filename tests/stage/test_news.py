"""News: phobien new article, listings, feeds, drafts and scheduled articles."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, make_project, run_phobien


def test_new_article_then_build_shows_it_in_list_and_feed(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    made = run_phobien(
        root,
        "new",
        "article",
        "--lang",
        "vi",
        "--title",
        "Ngày Pháp luật: gọi 111 miễn phí",
        "--audience",
        "parents",
        "--topic",
        "child-protection",
    )
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == "content/articles/ngay-phap-luat-goi-111-mien-phi.vi.md"
    path = root / made.stdout.strip()
    text = path.read_text(encoding="utf-8")
    assert "date: '2026-11-22'" in text and "draft: true" in text
    assert run_phobien(root, "check").returncode == 0  # a draft may keep the sample text
    path.write_text(text.replace("draft: true", "draft: false"), encoding="utf-8")
    published = run_phobien(root, "check")
    assert published.returncode == 1
    assert published.stderr.splitlines()[0] == (
        "content/articles/ngay-phap-luat-goi-111-mien-phi.vi.md:12:1: error: 'Viết nội dung tin ở đây. Câu ngắn, "
        "dễ hiểu.' is the sample text 'phobien new' wrote and the page is not a draft; write the page's own text, "
        "or set 'draft: true' until it is ready"
    )
    text = path.read_text(encoding="utf-8").replace("Viết nội dung tin ở đây. Câu ngắn, dễ hiểu.", "Gọi 111 miễn phí.")
    path.write_text(text, encoding="utf-8")
    assert run_phobien(root, "check").returncode == 0
    assert run_phobien(root, "build", "--no-print").returncode == 0
    listing = (root / "site/vi/news/index.html").read_text(encoding="utf-8")
    assert 'href="ngay-phap-luat-goi-111-mien-phi/"' in listing
    assert (root / "site/vi/news/ngay-phap-luat-goi-111-mien-phi/index.html").is_file()
    assert (root / "site/vi/news/topic-child-protection/index.html").is_file()
    assert (root / "site/vi/news/for-parents/index.html").is_file()
    feed = (root / "site/vi/feed.xml").read_text(encoding="utf-8")
    assert "<title>Ngày Pháp luật: gọi 111 miễn phí</title>" in feed
    assert "https://example.vn/vi/news/ngay-phap-luat-goi-111-mien-phi/" in feed
    home = (root / "site/vi/index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml" title="Trang thử" href="feed.xml">' in home


def test_new_refuses_duplicates_and_unknown_vocabulary(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    assert run_phobien(root, "new", "article", "--title", "Tin một").returncode == 0
    again = run_phobien(root, "new", "article", "--title", "Tin một")
    assert again.returncode == 2  # a usage error: the title given makes an address that is taken
    assert again.stderr.strip() == "phobien new: content/articles/tin-mot.vi.md already exists; choose another title"
    wrong = run_phobien(root, "new", "article", "--title", "Tin hai", "--audience", "parent")
    assert wrong.returncode == 2
    assert wrong.stderr.strip() == "phobien new: unknown audience 'parent'; valid audiences: parents, children"
    topic = run_phobien(root, "new", "material", "--title", "Tài liệu", "--audience", "parents", "--topic", "x")
    assert topic.stderr.strip() == "phobien new: unknown topic 'x'; valid topics: child-protection"


def test_new_material_is_valid_but_asks_for_its_source(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    made = run_phobien(root, "new", "material", "--title", "Quyền của trẻ em", "--audience", "children")
    assert made.stdout.strip() == "content/materials/quyen-cua-tre-em.vi.md"
    check = run_phobien(root, "check")
    assert check.returncode == 0
    assert "warning: the source is still the placeholder; name the document, its number and article" in check.stderr
    assert run_phobien(root, "check", "--strict").returncode == 1
    page = root / "content/materials/quyen-cua-tre-em.vi.md"
    page.write_text(page.read_text(encoding="utf-8").replace("draft: true", "draft: false"), encoding="utf-8")
    published = run_phobien(root, "check")
    assert published.returncode == 1
    assert [line.split(": error: ")[0] for line in published.stderr.splitlines()[:-1]] == [
        "content/materials/quyen-cua-tre-em.vi.md:3:1",
        "content/materials/quyen-cua-tre-em.vi.md:9:10",
        "content/materials/quyen-cua-tre-em.vi.md:18:1",
    ]


def test_drafts_and_future_articles_are_not_published(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal")
    articles = root / "content/articles"
    articles.mkdir()
    for slug, date, draft in (
        ("da-dang", "2026-11-01", "false"),
        ("nhap", "2026-11-02", "true"),
        ("hen-ngay", "2027-01-01", "false"),
    ):
        (articles / f"{slug}.vi.md").write_text(
            f"---\ntitle: Tin {slug}\ndate: {date}\nauthor: Ban biên tập\ndraft: {draft}\n---\n\nNội dung.\n",
            encoding="utf-8",
        )
    assert run_phobien(root, "build", "--no-print").returncode == 0
    listing = (root / "site/vi/news/index.html").read_text(encoding="utf-8")
    assert "Tin da-dang" in listing and "Tin nhap" not in listing and "Tin hen-ngay" not in listing
    assert not (root / "site/vi/news/nhap").exists() and not (root / "site/vi/news/hen-ngay").exists()
    feed = (root / "site/vi/feed.xml").read_text(encoding="utf-8")
    assert "Tin da-dang" in feed and "Tin nhap" not in feed


def test_preview_shows_drafts_marked() -> None:
    import datetime as dt
    import shutil
    import tempfile

    from phobien.load import load_content
    from phobien.stage.news import visible_articles

    base = Path(tempfile.mkdtemp())
    try:
        root = make_project(base / "p", FIXTURES / "minimal")
        articles = root / "content/articles"
        articles.mkdir()
        (articles / "nhap.vi.md").write_text(
            "---\ntitle: Nháp\ndate: 2026-11-02\nauthor: A\ndraft: true\n---\n\nx\n", encoding="utf-8"
        )
        content, _ = load_content(root)
        today = dt.date(2026, 11, 22)
        assert visible_articles(content, "vi", today, serve=False) == []
        shown = visible_articles(content, "vi", today, serve=True)
        assert [(p.slug, marker) for p, marker in shown] == [("nhap", "draft")]
    finally:
        shutil.rmtree(base)
