"""Citizens' corner: plain-language pages with review notice, FAQ with FAQPage structured data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from hoagiai.citizens.faq import Faq, Question, structured_data
from hoagiai.pipeline import load_site
from hoagiai.render import t
from hoagiai.site import Paths
from support.html import tags
from support.project import ROOT, copy_project, hoagiai
from support.search_files import section_texts

FAQ = yaml.safe_load((ROOT / "materials" / "faq.yml").read_text(encoding="utf-8"))
CITIZEN_PAGES = sorted(p.stem for p in (ROOT / "docs" / "nguoi-dan").glob("*.md")
                       if not p.stem.endswith(".en"))
TOPICS = ["hoa-giai-la-gi", "viec-nao-hoa-giai-duoc", "cach-nho-hoa-giai", "buoi-hoa-giai",
          "sau-khi-hoa-giai-thanh", "quyen-va-nghia-vu", "noi-khac-giup-do"]


def json_ld(page: Path) -> list[dict]:
    html = page.read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_every_topic_of_the_issue_has_a_page() -> None:
    assert set(TOPICS) <= set(CITIZEN_PAGES)


@pytest.mark.parametrize(("lang", "prefix"), [("vi", ""), ("en", "en/")])
def test_faq_structured_data_matches_the_yaml(built_site: Path, lang: str, prefix: str) -> None:
    [data] = json_ld(built_site / prefix / "nguoi-dan" / "hoi-dap" / "index.html")
    assert data["@type"] == "FAQPage" and data["@context"] == "https://schema.org"
    assert data["inLanguage"] == lang
    assert [(q["name"], q["acceptedAnswer"]["text"]) for q in data["mainEntity"]] == [
        (item["question"][lang], item["answer"][lang]) for item in FAQ["questions"]]


def test_faq_has_twenty_cited_questions_each_at_its_stable_anchor(built_site: Path) -> None:
    assert len(FAQ["questions"]) >= 20
    for prefix in ("", "en/"):
        page = built_site / prefix / "nguoi-dan" / "hoi-dap" / "index.html"
        ids = {attrs.get("id") for tag, attrs in tags(page) if tag == "h2"}
        assert {item["id"] for item in FAQ["questions"]} <= ids
    assert all(item["cite"] for item in FAQ["questions"])


def test_faq_citations_are_registered_with_their_anchor() -> None:
    site = load_site(Paths.at(ROOT))
    uses = [use for use in site.citations if use.page == "nguoi-dan/hoi-dap.md"]
    assert {(use.ref, use.anchor) for use in uses} == {
        (ref, item["id"]) for item in FAQ["questions"] for ref in item["cite"]}
    first = next(use for use in uses if use.anchor == "co-can-viet-don")
    assert str(first.location).startswith("materials/faq.yml:")


def test_structured_data_cannot_close_its_script_element() -> None:
    faq = Faq("2026-11-26", (Question("x", {"vi": "A</script><script>alert(1)//", "en": "a"},
                                      {"vi": "B & <!-- c", "en": "b"}, ("luat35:2",)),))
    text = structured_data(faq, "vi")
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["mainEntity"][0]["name"] == "A</script><script>alert(1)//"


@pytest.mark.parametrize("page", [*CITIZEN_PAGES, "hoi-dap"])
def test_citizen_pages_show_review_date_and_not_legal_advice(built_site: Path, page: str) -> None:
    for prefix, reviewed, notice in (("", "Rà soát lần cuối:", "không phải là tư vấn pháp lý"),
                                     ("en/", "Last reviewed:", "it is not legal advice")):
        path = built_site / prefix / "nguoi-dan" / ("" if page == "index" else page) / "index.html"
        html = path.read_text(encoding="utf-8")
        assert re.search(rf'class="admonition-title">{reviewed} [^<]*20\d\d</p>', html), path
        assert notice in html
        assert "hg-building" not in html, "the “being built” notice is gone"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_notice_and_the_contact_line_stay_out_of_search_results(built_site: Path,
                                                                    lang: str) -> None:
    """Both open every citizens' page (the notice every story too): indexed, they filled the
    snippets of those pages' results ("Whom to call? … Last reviewed: …") instead of the
    pages' own words. The pages still show them (the test above, tests/test_contacts_site.py)."""
    contact_line = t("contacts.bar", lang, href="", number="").split("[")[0].strip()
    notice = t("citizens.not_advice", lang)[:40]
    sections = section_texts(built_site, lang)
    assert [page for page, text in sections if page.rstrip("/").endswith("nguoi-dan/hoi-dap")]
    assert not [page for page, text in sections if contact_line in text or notice in text]


@pytest.mark.parametrize("page", TOPICS)
def test_legal_statements_on_citizen_pages_are_cited(page: str) -> None:
    for name in (f"{page}.md", f"{page}.en.md"):
        text = (ROOT / "docs" / "nguoi-dan" / name).read_text(encoding="utf-8")
        assert len(re.findall(r"\[\[[a-z0-9]+:[^\]]+\]\]", text)) >= 5, name


def test_court_recognition_deadline_is_cited_from_the_code_of_civil_procedure() -> None:
    for name in ("sau-khi-hoa-giai-thanh.md", "sau-khi-hoa-giai-thanh.en.md"):
        text = (ROOT / "docs" / "nguoi-dan" / name).read_text(encoding="utf-8")
        assert re.search(r"(06 tháng|six months)[^\[]*\[\[blttds:418\.1\]\]", text, re.S), name


def test_help_page_names_the_bodies_of_the_commune_plan_with_citations() -> None:
    text = (ROOT / "docs" / "nguoi-dan" / "noi-khac-giup-do.md").read_text(encoding="utf-8")
    for body in ("Công an xã", "Tòa án nhân dân thành phố Hà Nội khu vực 11",
                 "Viện kiểm sát nhân dân\nthành phố Hà Nội khu vực 11"):
        assert body in text
    assert "[[kehoach:VI.3]]" in text and "[[kehoach:VI.7]]" in text


def test_citizen_page_without_review_date_is_an_error(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "nguoi-dan" / "buoi-hoa-giai.md"
    page.write_text(re.sub(r"(?m)^reviewed: .*\n", "", page.read_text(encoding="utf-8")),
                    encoding="utf-8")
    result = hoagiai(project, "check")
    assert result.returncode == 1
    assert result.stderr.startswith(
        "docs/nguoi-dan/buoi-hoa-giai.md:2:1: thiếu trường bắt buộc “reviewed”")


def test_faq_question_without_citation_is_an_error(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    faq = project / "materials" / "faq.yml"
    faq.write_text(faq.read_text(encoding="utf-8").replace(
        "    cite: [luat35:2.1]\n", "", 1), encoding="utf-8")
    result = hoagiai(project, "check")
    assert result.returncode == 1
    assert result.stderr.startswith(
        "materials/faq.yml:7:5: questions[1]: thiếu trường bắt buộc “cite”")
