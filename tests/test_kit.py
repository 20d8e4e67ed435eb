"""The trainer's kit: the shared contest draw (Python and the browser give one paper), the
download-all zip, the kit box, the phone-friendly handout list, the trainer's PDF with its
notes beside each part, and the class register."""

from __future__ import annotations

import re
import zipfile
from html import unescape
from pathlib import Path

import pypdf
import pytest
from playwright.sync_api import Browser, Page, expect

from hoagiai import cli
from hoagiai.commands import contest as contest_command
from hoagiai.errors import UsageError
from hoagiai.feature import GeneratedFile
from hoagiai.kit.bundle import bundle
from hoagiai.modules.blocks import parse
from hoagiai.modules.model import KEY_POINTS, OBJECTIVES, SCENARIO, TRAINER_NOTES
from hoagiai.modules.variants import notes_beside_parts, trainer_copy
from hoagiai.pipeline import load_site
from hoagiai.printing.sizes import size_label
from hoagiai.quiz import contest, draw
from hoagiai.quiz.model import QuizBanks
from hoagiai.site import Paths
from support.axe import violations
from support.project import ROOT

BANKS = load_site(Paths.at(ROOT)).get(QuizBanks)
ROOTS = {"vi": "", "en": "en/"}
FIXTURE_BODY = (ROOT / "tests" / "fixtures" / "modules" / "module.md").read_text(
    encoding="utf-8").split("---\n", 2)[2]


# --- the shared draw ------------------------------------------------------------------------

def test_the_draw_is_pinned_to_numbers_the_browser_reproduces() -> None:
    # The same values come out of docs/assets/js/contest-draw.js (checked in the browser below).
    assert draw.seed_hash("2026") == 2264537208
    numbers = draw.mulberry32(draw.seed_hash("2026"))
    assert [next(numbers) for _ in range(3)] == [2401961910, 3240140166, 1569534121]
    # NFD and NFC spellings of a code are one code.
    assert draw.seed_hash("Hội thi") == draw.seed_hash("Ho\u0302\u0323i thi")


def levels(easy: int, medium: int, hard: int) -> dict[str, int]:
    return {"de": easy, "vua": medium, "kho": hard}


@pytest.mark.parametrize(("count", "available", "mix", "expected"), [
    (10, levels(9, 9, 9), levels(2, 1, 0), levels(7, 3, 0)),
    (7, levels(9, 9, 9), levels(0, 1, 3), levels(0, 2, 5)),
    (8, levels(9, 9, 2), levels(0, 1, 3), levels(0, 6, 2)),  # hard runs short: medium tops up
])
def test_the_mix_weights_the_levels(count: int, available: dict[str, int], mix: dict[str, int],
                                    expected: dict[str, int]) -> None:
    assert draw.level_quotas(count, available, mix) == expected


def test_a_mix_must_be_three_whole_numbers() -> None:
    assert draw.parse_mix("2:1:0") == {"de": 2, "vua": 1, "kho": 0}
    for bad in ("1:1", "a:b:c", "0:0:0", "-1:1:1"):
        with pytest.raises(ValueError):
            draw.parse_mix(bad)
    with pytest.raises(UsageError, match="--mix “1:x:1”: cần ba số nguyên"):
        contest_command.mix("1:x:1")


# Three papers: (banks, count, mix, seed).
PAPERS = [
    ([BANKS.banks[0].id, BANKS.banks[2].id], 10, "1:1:1", "2026"),
    ([bank.id for bank in BANKS.banks], 25, "2:1:0", "Hội thi 2026"),
    ([BANKS.banks[3].id, BANKS.banks[5].id, BANKS.banks[8].id], 7, "0:1:3", "x"),
]


def command_paper(tmp_path: Path, banks: list[str], count: int, mix: str, seed: str,
                  capsys: pytest.CaptureFixture[str]) -> tuple[list[str], str]:
    """The prompts of the paper `hoagiai contest` writes, and its code line (the command runs
    in this process: its second and later runs reuse the loaded sources)."""
    args = [item for bank in banks for item in ("--bank", bank)]
    assert cli.main(["--root", str(ROOT), "contest", *args, "--count", str(count), "--mix", mix,
                     "--seed", seed, "--out", str(tmp_path)]) == 0
    paper = Path(capsys.readouterr().out.split()[0]).read_text(encoding="utf-8")
    prompts = re.findall(r'<p class="hg-sheet-q"><strong>Câu \d+\.</strong> (.*?)\n<em>', paper,
                         re.DOTALL)
    code = re.search(r'<p class="hg-paper__code">(.*?)</p>', paper, re.DOTALL)
    assert code is not None
    texts = [" ".join(unescape(re.sub(r"<[^>]+>", "", p)).split()) for p in prompts]
    return texts, unescape(code[1])


@pytest.mark.browser
@pytest.mark.server
def test_contest_page_draws_the_papers_the_command_draws(
        browser: Browser, site_server: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    loaded = bank_files_loaded(page)
    page.goto(f"{site_server}trac-nghiem/hoi-thi/")
    form = page.locator(".hg-contest")
    expect(form).to_have_class(re.compile("is-ready"))
    assert page.evaluate("hoagiaiDraw.seedHash('2026')") == 2264537208
    assert loaded == []  # the first visit loads the index of the sets, not their questions
    taken: set[str] = set()
    for number, (banks, count, mix, seed) in enumerate(PAPERS):
        for box in form.locator("input[name=bank]").all():
            box.set_checked(box.get_attribute("value") in banks)
        form.locator("#hg-contest-count").fill(str(count))
        for level, weight in zip(("de", "vua", "kho"), mix.split(":"), strict=True):
            form.locator(f"#hg-mix-{level}").fill(weight)
        form.locator("#hg-contest-seed").fill(seed)
        form.get_by_role("button", name="Rút đề").tap()
        questions = page.locator(".hg-contest__q")
        expect(questions).to_have_count(count)
        chosen = [bank for bank in BANKS.banks if bank.id in banks]
        expected = contest.draw(chosen, count, seed, mix=draw.parse_mix(mix))
        assert [q.get_attribute("data-qid") for q in questions.all()] == [
            f"{item.bank.id}/{item.question.id}" for item in expected.items]
        # Only the files of the sets the paper takes from, each once.
        drawn_from = {item.bank.id for item in expected.items}
        taken |= drawn_from
        assert sorted(loaded) == sorted(taken) and drawn_from <= set(banks)
        prompts, code = command_paper(tmp_path / str(number), banks, count, mix, seed, capsys)
        shown = [" ".join(q.locator("p").first.inner_text().split()) for q in questions.all()]
        assert [re.sub(r"^Câu \d+\. (.*) \(.*\)$", r"\1", text) for text in shown] == prompts
        expect(page.locator(".hg-contest__paper .hg-contest__code")).to_have_text(code)
        expect(page.locator(".hg-contest__a")).to_have_count(count)
    expect(page.locator(".hg-contest__command")).to_contain_text("--seed x --lang vi")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert violations(page) == []

    # The paper and the key print apart.
    page.emulate_media(media="print")
    page.evaluate("document.body.classList.add('hg-print-paper')")
    expect(page.locator(".hg-contest__paper")).to_be_visible()
    expect(page.locator(".hg-contest__key")).to_be_hidden()
    expect(form).to_be_hidden()
    page.evaluate("document.body.classList.replace('hg-print-paper', 'hg-print-key')")
    expect(page.locator(".hg-contest__paper")).to_be_hidden()
    expect(page.locator(".hg-contest__key")).to_be_visible()

    # Too many questions: said plainly, nothing drawn.
    page.emulate_media(media="screen")
    form.locator("#hg-contest-count").fill("500")
    form.get_by_role("button", name="Rút đề").tap()
    expect(form.locator(".hg-contest__status")).to_contain_text("Không rút được 500 câu")
    expect(page.locator(".hg-contest__result")).to_be_hidden()
    page.close()
    assert errors == []


def bank_files_loaded(page: Page) -> list[str]:
    """The question sets whose file (trac-nghiem/hoi-thi/cau-hoi/<set>.js) `page` loads."""
    loaded: list[str] = []
    page.on("requestfinished", lambda request: loaded.append(
        request.url.rsplit("/", 1)[1].removesuffix(".js"))
        if "/hoi-thi/cau-hoi/" in request.url else None)
    return loaded


@pytest.mark.browser
@pytest.mark.server
def test_a_set_that_cannot_be_loaded_is_said_plainly_and_tried_again(
        browser: Browser, site_server: str) -> None:
    """Offline with a set not kept: its file fails; the page says so in its language, draws
    nothing, and draws once the file can be had."""
    paper = contest.draw(list(BANKS.banks), 20, "HT2026-1", mix=draw.parse_mix("1:1:1"))
    used = [bank for bank in BANKS.banks if bank.id in {item.bank.id for item in paper.items}]
    # No service worker: a set's file it fetched itself would escape the page's route.
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True, service_workers="block")
    page = context.new_page()
    page.route("**/hoi-thi/cau-hoi/*.js", lambda route: route.abort("internetdisconnected"))
    page.goto(f"{site_server}en/trac-nghiem/hoi-thi/")
    form = page.locator(".hg-contest")
    expect(form).to_have_class(re.compile("is-ready"))
    form.locator("#hg-contest-seed").fill("HT2026-1")
    form.get_by_role("button", name="Draw the paper").tap()
    status = form.locator(".hg-contest__status")
    titles = ", ".join(f"“{bank.title['en']}”" for bank in used)
    expect(status).to_contain_text(f"The questions of {titles} could not be loaded")
    expect(status).to_contain_text("Keep the whole site")
    expect(page.locator(".hg-contest__result")).to_be_hidden()
    assert violations(page) == []
    page.unroute("**/hoi-thi/cau-hoi/*.js")
    loaded = bank_files_loaded(page)
    form.get_by_role("button", name="Draw the paper").tap()
    expect(page.locator(".hg-contest__q")).to_have_count(20)
    expect(status).to_contain_text("A paper of 20 questions is drawn")
    assert sorted(loaded) == sorted(bank.id for bank in used)
    context.close()


# --- download-all zip, kit box, handout list --------------------------------------------------

@pytest.mark.build
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_zip_holds_every_handout_and_its_size_is_shown(built_site: Path, lang: str) -> None:
    root = built_site / ROOTS[lang]
    path = root / "tai-lieu-in" / "tai-lieu-in.zip"
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        assert archive.testzip() is None
        pdfs = sorted(f"tai-lieu-in/{p.name}" for p in (root / "tai-lieu-in").glob("*.pdf"))
        assert len(pdfs) >= 23 and "tai-lieu-in/danh-sach-lop-tap-huan.pdf" in pdfs
        for name in pdfs:
            assert archive.read(name) == (root / name).read_bytes(), name
        for bank in BANKS.banks:
            for kind in ("de", "dap-an"):
                html = archive.read(f"trac-nghiem/tap-huan/{bank.id}-{kind}.html").decode()
                assert "<style>" in html and "<link rel" not in html  # prints on its own
        assert len(names) == len(pdfs) + 2 * len(BANKS.banks)
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in archive.infolist())
    size = size_label(path.stat().st_size, lang)
    index = (root / "tai-lieu-in" / "index.html").read_text(encoding="utf-8")
    assert 'href="tai-lieu-in.zip"' in index and size in index
    module = (root / "hoc-tap" / "trinh-tu-hoa-giai" / "index.html").read_text(encoding="utf-8")
    kit = module[module.index('class="hg-kit"'):]
    for href in ("../../tai-lieu-in/trinh-tu-hoa-giai-hoc-vien.pdf",
                 "../../tai-lieu-in/trinh-tu-hoa-giai-tap-huan-vien.pdf",
                 "../../tai-lieu-in/trinh-tu-hoa-giai/", "../y-chinh/#trinh-tu-hoa-giai",
                 "../../trac-nghiem/tap-huan/trinh-tu-hoa-giai-de.html",
                 "../../trac-nghiem/tap-huan/trinh-tu-hoa-giai-dap-an.html",
                 "../../tai-lieu-in/#bieu-mau", "../../tai-lieu-in/tai-lieu-in.zip"):
        assert f'href="{href}"' in kit, href
    assert size in kit


def test_the_zip_is_reproducible() -> None:
    files = [GeneratedFile("b.pdf", "vi", b"%PDF-1"), GeneratedFile("a/x.html", "vi", "<p>ạ</p>")]
    first = bundle(files)
    assert first == bundle(list(reversed(files)))
    assert zipfile.ZipFile(__import__("io").BytesIO(first)).namelist() == ["a/x.html", "b.pdf"]
    assert size_label(1_288_490, "vi") == "1,2 MB" and size_label(1_288_490, "en") == "1.2 MB"


@pytest.mark.browser
@pytest.mark.server
def test_handout_list_and_kit_read_well_on_a_phone(browser: Browser, site_server: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    # The links one taps (inline links inside a sentence, such as terms, are exempt).
    listed = ".hg-handout-list li > a, .hg-handout-list li > strong > a, .hg-kit .md-button"
    for path, links in (("tai-lieu-in/", listed), ("hoc-tap/trinh-tu-hoa-giai/", ".hg-kit li > a")):
        page.goto(f"{site_server}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        heights = page.locator(links).evaluate_all(
            "links => links.map(a => a.getBoundingClientRect().height)")
        assert len(heights) >= 8 and min(heights) >= 24, (path, heights)
    # Handout pages and quiz sheets have a print button.
    page.goto(f"{site_server}tai-lieu-in/trinh-tu-hoa-giai/")
    expect(page.get_by_role("button", name="In trang này")).to_be_visible()
    page.goto(f"{site_server}trac-nghiem/tap-huan/trinh-tu-hoa-giai-de.html")
    expect(page.get_by_role("button", name="In trang này")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="In trang này")).to_be_hidden()
    page.close()


# --- the trainer's PDF and the class register -------------------------------------------------

def test_trainer_notes_go_beside_the_parts_they_are_about() -> None:
    placed = notes_beside_parts(trainer_copy(FIXTURE_BODY), "vi")
    kinds = [block.kind for block in parse(placed).blocks]
    assert kinds == [OBJECTIVES, TRAINER_NOTES, TRAINER_NOTES, SCENARIO, SCENARIO,
                     TRAINER_NOTES, KEY_POINTS]
    notes = [block.text() for block in parse(placed).blocks if block.kind == TRAINER_NOTES]
    assert [note.split(":**")[0] for note in notes] == ["**Thời lượng", "**Hoạt động",
                                                        "**Lỗi thường gặp"]
    # Nothing lost, nothing added: the same lines, in other places.
    assert sorted(line.strip() for line in placed.splitlines() if line.strip()
                  and "trainer-notes" not in line) == sorted(
        line.strip() for line in trainer_copy(FIXTURE_BODY).splitlines() if line.strip()
        and "trainer-notes" not in line)


@pytest.mark.build
def test_trainers_pdf_and_class_register(built_site: Path) -> None:
    pages = [page.extract_text() for page in pypdf.PdfReader(
        built_site / "tai-lieu-in" / "trinh-tu-hoa-giai-tap-huan-vien.pdf").pages]
    first = {label: next(n for n, text in enumerate(pages) if label in text)
             for label in ("Mục tiêu bài học", "Thời lượng:", "Hoạt động:",
                           "Tình huống giả định 1", "Lỗi thường gặp:", "Ý chính cần nhớ")}
    # Each trainer note sits next to its part of the lesson (a page break may fall between).
    text = " ".join(pages)
    order = ["Mục tiêu bài học", "Thời lượng:", "Hoạt động:", "Tình huống giả định 1",
             "Lỗi thường gặp:"]  # (a running page header repeats "Ý chính cần nhớ")
    assert [text.index(label) for label in order] == sorted(text.index(label) for label in order)
    for note, part in (("Thời lượng:", "Mục tiêu bài học"), ("Hoạt động:", "Tình huống giả định 1"),
                       ("Lỗi thường gặp:", "Ý chính cần nhớ")):
        assert abs(first[note] - first[part]) <= 1, (note, first)
    register = pypdf.PdfReader(built_site / "tai-lieu-in" / "danh-sach-lop-tap-huan.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in register.pages)
    for words in ("Danh sách lớp tập huấn", "Điểm danh", "Buổi 1", "Buổi 3", "Điểm bài kiểm tra",
                  "Họ và tên", "Tập huấn viên"):
        assert words in text, words
    assert len(register.pages) == 2
    index = (built_site / "tai-lieu-in" / "index.html").read_text(encoding="utf-8")
    assert 'href="danh-sach-lop-tap-huan.pdf"' in index


def test_the_kit_links_the_key_points_page_that_holds_the_module() -> None:
    """The key-points list splits into pages of 12 modules: module 13 is on the second."""
    from types import SimpleNamespace

    from hoagiai.modules.keypoints import key_points_page
    modules = SimpleNamespace(items=[SimpleNamespace(slug=f"bai-{n}") for n in range(1, 15)])
    assert key_points_page(modules, "bai-1") == "hoc-tap/y-chinh.md"  # type: ignore[arg-type]
    assert key_points_page(modules, "bai-13") == "hoc-tap/y-chinh-2.md"  # type: ignore[arg-type]
