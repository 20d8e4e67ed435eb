"""What the service worker keeps (offline.json) and the release id, on a tiny built site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hoagiai.offline_app import catalog
from hoagiai.offline_app.feature import manifest

PAGE = ('<html><head><link rel="stylesheet" href="{up}assets/css/site.css">'
        '<script src="{up}assets/js/theme.js" defer></script>'
        '<link rel="stylesheet" href="https://elsewhere.example/x.css"></head>'
        '<body><h1>{title}</h1></body></html>')


def write(site: Path, name: str, content: str | bytes) -> None:
    path = site / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    for lang, prefix in (("vi", ""), ("en", "en/")):
        depth = prefix.count("/")
        for page in ("", "hoc-tap/", "hoc-tap/ky-nang/", "hoc-tap/y-chinh/", "trac-nghiem/",
                     "trac-nghiem/ky-nang/", "tai-lieu-in/ky-nang/", "ngoai-tuyen/",
                     "van-ban/luat35/"):
            up = "../" * (depth + page.count("/"))
            write(site, f"{prefix}{page}index.html", PAGE.format(up=up, title=page or lang))
        write(site, f"{prefix}tai-lieu-in/ky-nang-hoc-vien.pdf", b"%PDF-1.7 " + bytes(100))
        write(site, f"search/{lang}.js", "window.hoagiaiSearchIndex = {};")
        write(site, f"manifest-{lang}.json", manifest(lang))
    write(site, "404.html", "<h1>404</h1>")
    write(site, "sitemap.xml", "<urlset/>")
    write(site, "assets/css/site.css", "body{}")
    write(site, "assets/css/search.css", "mark{}")
    write(site, "assets/js/theme.js", "//")
    write(site, "assets/js/search-engine.js", "//")
    write(site, "assets/images/app-192.png", b"\x89PNG")
    write(site, "assets/stylesheets/main.12345678.min.css.map", "{}")
    return site


def test_the_catalog_lists_the_core_the_modules_and_every_file(site: Path) -> None:
    release = catalog.write(site)
    data = json.loads((site / "offline.json").read_text(encoding="utf-8"))
    assert data["release"] == release and len(release) == 12
    # Folders with an index page are sections (van-ban/ has none here).
    assert data["core"]["vi"] == ["", "hoc-tap/", "ngoai-tuyen/", "trac-nghiem/",
                                  "search/vi.js"]
    assert data["core"]["en"][0] == "en/" and data["core"]["en"][-1] == "search/en.js"
    assert data["core"]["shared"] == [
        "assets/css/search.css", "assets/css/site.css", "assets/images/app-192.png",
        "assets/js/search-engine.js", "assets/js/theme.js", "en/ngoai-tuyen/",
        "manifest-en.json", "manifest-vi.json", "ngoai-tuyen/", "offline.json"]
    assert data["modules"]["hoc-tap/ky-nang/"] == [
        "hoc-tap/ky-nang/", "hoc-tap/y-chinh/", "trac-nghiem/ky-nang/", "tai-lieu-in/ky-nang/",
        "tai-lieu-in/ky-nang-hoc-vien.pdf", "assets/css/site.css", "assets/js/theme.js"]
    assert "en/hoc-tap/ky-nang/" in data["modules"]
    files = data["files"]
    assert files["en/tai-lieu-in/ky-nang-hoc-vien.pdf"] == [109, "en"]
    assert files["search/en.js"][1] == "en" and files["search/vi.js"][1] == "vi"
    assert files["assets/js/theme.js"][1] == "" and files["manifest-vi.json"][1] == ""
    # What no reader opens is never offered.
    assert not {"404.html", "sitemap.xml", "sw.js", "offline.json",
                "assets/stylesheets/main.12345678.min.css.map"} & set(files)


def test_a_module_saved_for_offline_keeps_the_words_its_citation_notes_quote(
        site: Path) -> None:
    """A note's words load from trich-dan/<document>.js when opened: saving a module keeps the
    files its pages name, and "everything" of a language holds that language's files."""
    box = ('<div class="hg-cite-notes" data-hg-quotes="../../trich-dan/"><p><a href="#"'
           ' data-hg-quote="luat35 dieu-1 dieu-2">x</a></p></div>')
    for prefix in ("", "en/"):
        up = "../" * (prefix.count("/") + 2)
        write(site, f"{prefix}hoc-tap/ky-nang/index.html",
              PAGE.format(up=up, title="x").replace("</h1>", "</h1>" + box))
        write(site, f"{prefix}trich-dan/luat35.js", "window.hoagiaiCiteTexts = {};")
    catalog.write(site)
    data = json.loads((site / "offline.json").read_text(encoding="utf-8"))
    assert "trich-dan/luat35.js" in data["modules"]["hoc-tap/ky-nang/"]
    assert "en/trich-dan/luat35.js" in data["modules"]["en/hoc-tap/ky-nang/"]
    assert data["files"]["trich-dan/luat35.js"][1] == "vi"
    assert data["files"]["en/trich-dan/luat35.js"][1] == "en"


def test_a_page_loads_what_a_parser_of_the_whole_page_finds(site: Path) -> None:
    """The tags are picked out by a pattern before parsing (html_tags.py): a tag in a comment,
    a ">" in a quoted value, capitals, a rel of two words, an unquoted value and a citation
    attribute's name inside another attribute's value count as a parser of the page says."""
    write(site, "hoc-tap/index.html",
          '<!-- <script src="../assets/js/search-engine.js"></script> -->'
          '<IMG alt="a > b" src="../assets/images/app-192.png">'
          '<link rel="preload stylesheet" href="../assets/css/search.css"/>'
          '<link rel="icon" href="../assets/css/site.css">'
          '<div title="data-hg-quotes=x"><p data-hg-quote="nd15 dieu-1">x</p></div>'
          '<div data-hg-quotes="../trich-dan/"><p class="a>b" data-hg-quote="luat35 dieu-1">'
          '<script src=../assets/js/theme.js></script>')
    write(site, "trich-dan/luat35.js", "//")
    write(site, "trich-dan/nd15.js", "//")
    assert catalog.subresources(site, "hoc-tap/") == [
        "assets/images/app-192.png", "assets/css/search.css", "trich-dan/luat35.js",
        "assets/js/theme.js"]


def test_the_worker_carries_the_release_and_changes_with_any_file(site: Path) -> None:
    first = catalog.write(site)
    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert worker.startswith(f'const RELEASE = "{first}";\nconst SITE = {{"catalog": ')
    assert "self.addEventListener(\"fetch\"" in worker
    assert catalog.write(site) == first  # the worker and catalog are not part of the id
    assert json.loads((site / "tai-ve" / "ban-usb.json").read_text()) == {"file": None}
    write(site, "tai-ve/ban-usb.json", "{}")  # nor the USB copy added at publication
    assert catalog.write(site) == first
    write(site, "hoc-tap/index.html", "<h1>Mới</h1>")
    assert catalog.write(site) != first


def test_manifests_start_and_stay_in_their_language() -> None:
    vi, en = json.loads(manifest("vi")), json.loads(manifest("en"))
    assert (vi["start_url"], vi["scope"], vi["lang"]) == ("./", "./", "vi")
    assert (en["start_url"], en["scope"], en["short_name"]) == ("en/", "en/", "Mediation")
    assert vi["name"] == "Hòa giải ở cơ sở — xã Thượng Phúc"
    assert {icon["purpose"] for icon in vi["icons"]} == {"any", "maskable"}
    assert all(not icon["src"].startswith("/") for icon in vi["icons"])
