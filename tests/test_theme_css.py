"""Material's stylesheet trimmed to what the site uses: same look, a third lighter."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from hoagiai.mkdocs_adapter.theme_css import Usage, apply, trim, trimmed_name, usage

USED = Usage(frozenset({"md-nav", "used", "md-typeset"}), ("md-tag--",), frozenset({"--seen"}))


@pytest.mark.parametrize(("css", "trimmed"), [
    (".used{color:red}.unused{color:blue}", ".used{color:red}"),
    (".used,.unused,.md-nav .unused{x:1}", ".used{x:1}"),
    ("a,p>em{x:1}:root{y:2}", "a,p>em{x:1}:root{y:2}"),
    (".used:not(.unused){x:1}", ".used:not(.unused){x:1}"),
    ("[class*=unused] .used{x:1}", "[class*=unused] .used{x:1}"),
    (".used:is(.a,.b) .unused{x:1}", ""),
    (".md-tag--new{x:1}.md-tags{y:2}", ".md-tag--new{x:1}"),
    ("@media screen{.unused{x:1}}@media print{.used{x:1}.unused{y:2}}",
     "@media print{.used{x:1}}"),
    ("@supports (display:grid){@media screen{.used{x:1}}}",
     "@supports (display:grid){@media screen{.used{x:1}}}"),
    ('@charset "UTF-8";@keyframes spin{0%{x:1}to{x:2}}@font-face{src:url(a.woff)}',
     '@charset "UTF-8";@keyframes spin{0%{x:1}to{x:2}}@font-face{src:url(a.woff)}'),
    ('.used{content:"}{;.unused{";b:url("data:x;y{}")}',
     '.used{content:"}{;.unused{";b:url("data:x;y{}")}'),
    ('.used{content:"\\"}"}.unused{x:1}', '.used{content:"\\"}"}'),
    (":root{--read:1;--seen:2;--unread:url(\"a;b\");color:var(--read)}",
     ":root{--read:1;--seen:2;color:var(--read)}"),
    (":root{--unread:1}.used{x:1}", ".used{x:1}"),
    ("/* .unused{} */.used{x:1}/* end */", ".used{x:1}"),
])
def test_trim(css: str, trimmed: str) -> None:
    assert trim(css, USED) == trimmed


def test_usage_reads_classes_from_pages_and_words_from_scripts() -> None:
    found = usage(
        ['<p class="a  b">x</p><div style="--w: 1" class=c>'],
        ['el.classList.add("md-nav--active"); x=`md-nav__fact--${k}`'],
        [".x{width:var(--from-site)}"],
    )
    assert {"a", "b", "md-nav--active", "classList"} <= found.classes
    assert "c" not in found.classes  # unquoted attributes are not what MkDocs writes
    assert found.prefixes == ("md-nav__fact--",)
    assert found.properties == {"--w", "--from-site"}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_apply_writes_a_content_named_copy_and_relinks_pages(tmp_path: Path) -> None:
    original = write(tmp_path / "assets/stylesheets/main.0123abcd.min.css",
                     ".used{x:1}.warning{y:2}.md-search-result{z:3}")
    write(tmp_path / "assets/js/search.js", 'item.className = "md-search-result";')
    link = '<link rel="stylesheet" href="{}assets/stylesheets/main.0123abcd.min.css">'
    home = write(tmp_path / "index.html", link.format("") + '<p class="used">')
    deep = write(tmp_path / "a" / "b" / "index.html", link.format("../../"))
    missing = write(tmp_path / "404.html", link.format("/"))
    target = apply([home, deep, missing, tmp_path / "gone.html"])
    css = ".used{x:1}.md-search-result{z:3}"
    assert target == original.with_name(trimmed_name(css))
    assert target.read_text() == css and original.exists()
    assert f'href="{target.name}' not in home.read_text()
    assert f'href="assets/stylesheets/{target.name}"' in home.read_text()
    assert f'href="../../assets/stylesheets/{target.name}"' in deep.read_text()
    assert f'href="/assets/stylesheets/{target.name}"' in missing.read_text()
    assert apply([write(tmp_path / "plain.html", "<p>no theme</p>")]) is None


def test_the_search_index_is_data_its_words_keep_no_rule(tmp_path: Path) -> None:
    # A page's text in the index ("warning", "example") must not keep the rules of classes no
    # page uses, nor rename the stylesheet when the prose changes; search.js still counts.
    write(tmp_path / "assets/stylesheets/main.0123abcd.min.css",
          ".used{x:1}.warning{y:2}.example{w:4}.md-search-result{z:3}")
    write(tmp_path / "assets/js/search.js", 'item.className = "md-search-result";')
    write(tmp_path / "search/vi.js", 'hgSearch("vi", {"t": ["an example"]});')
    write(tmp_path / "search/vi/s/1.js", 'hgPart("vi/s/1", "a warning");')
    page = ('<link rel="stylesheet" href="{}assets/stylesheets/main.0123abcd.min.css">'
            '<p class="used">')
    home = write(tmp_path / "index.html", page.format(""))
    other = write(tmp_path / "a/index.html", page.format("../"))
    target = apply([home], "search")
    assert target is not None
    assert target.read_text() == ".used{x:1}.md-search-result{z:3}"
    as_scripts = apply([other])  # read as scripts, the index's words keep both rules
    assert as_scripts is not None and ".warning" in as_scripts.read_text()
    assert ".example" in as_scripts.read_text()


def test_the_real_site_uses_the_trimmed_theme(built_site: Path) -> None:
    [trimmed] = built_site.glob("assets/stylesheets/theme.*.min.css")
    [original] = built_site.glob("assets/stylesheets/main.*.min.css")
    for page in (built_site / "index.html", built_site / "en" / "hoc-tap" / "index.html"):
        html = page.read_text(encoding="utf-8")
        assert trimmed.name in html and original.name not in html
    saved = len(gzip.compress(original.read_bytes())) - len(gzip.compress(trimmed.read_bytes()))
    assert saved > 5000


# Where every element is drawn and how it looks: enough to see any rule that went missing.
# (Geometry, not margins: Chrome reports an `auto` margin as 0 or its size by timing.) Hidden
# elements only say so: the closed search panel, say, changes size when its index is ready.
STYLE_DIGEST = """() => {
  const props = ["display", "position", "visibility", "color", "background-color", "font-size",
    "font-weight", "font-style", "border-top-width", "border-left-color", "opacity",
    "transform", "text-decoration-line", "mask-image", "overflow-y", "z-index"];
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) {
      out.push([el.tagName, el.className, "hidden"].join("|"));
      continue;
    }
    const style = getComputedStyle(el), before = getComputedStyle(el, "::before");
    const box = el.getBoundingClientRect();
    out.push([el.tagName, el.className, ...[box.x, box.y, box.width, box.height].map(Math.round),
              ...props.map(p => style.getPropertyValue(p)),
              before.content, before.getPropertyValue("mask-image")].join("|"));
  }
  return out;
}"""

SWAP_TO_ORIGINAL = """async (original) => {
  const link = document.querySelector('link[href*="assets/stylesheets/theme."]');
  await new Promise(done => {
    link.onload = done;
    link.href = link.href.replace(/theme\\.[0-9a-f]+\\.min\\.css/, original);
  });
}"""


def digests_trimmed_and_original(page: Page, original: str, state: str) -> tuple[list, list]:
    if state == "drawer":  # Material's drawer is a checkbox styled by CSS alone
        page.evaluate("() => { document.getElementById('__drawer').checked = true }")
    elif state == "search":
        opener = page.locator("label.md-header__button[for='__search']").first
        if opener.is_visible():  # phones open search with a button; desktops show the field
            opener.click()
            page.wait_for_timeout(500)  # the search field takes the focus once open
        page.locator("input.md-search__input").press_sequentially("hòa giải")
        page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(300)
    trimmed = page.evaluate(STYLE_DIGEST)
    page.evaluate(SWAP_TO_ORIGINAL, original)
    page.wait_for_timeout(300)
    return trimmed, page.evaluate(STYLE_DIGEST)


PAGES = ["", "gioi-thieu/", "hoc-tap/", "danh-cho/nguoi-dan/", "en/", "en/gioi-thieu/"]


@pytest.mark.browser
@pytest.mark.server
@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("state", ["page", "drawer", "search"])
def test_real_pages_look_the_same_with_the_trimmed_theme(
        browser: Browser, built_site: Path, site_server: str, width: int, state: str) -> None:
    [original] = built_site.glob("assets/stylesheets/main.*.min.css")
    for path in PAGES if state == "page" else PAGES[1:2]:
        page = browser.new_page(viewport={"width": width, "height": 900}, reduced_motion="reduce")
        page.goto(site_server + path, wait_until="networkidle")
        trimmed, full = digests_trimmed_and_original(page, original.name, state)
        page.close()
        differences = [(a, b) for a, b in zip(trimmed, full, strict=True) if a != b]
        assert differences == [], f"{path} ({state}, {width}px): {differences[:3]}"


def _synthetic_pages(site: Path) -> list[str]:
    """A module (admonitions, details), its quiz, a citizens' page, a story, a synthetic legal
    text, the glossary and the plan: one page of each section."""
    urls = []
    for section in ("hoc-tap", "trac-nghiem", "cau-chuyen", "nguoi-dan"):
        first = next(p for p in sorted((site / section).iterdir()) if p.name.endswith("-1"))
        urls.append(f"{section}/{first.name}/")
    return [*urls, "van-ban/gialap1/", "thuat-ngu/", "ke-hoach/"]


@pytest.mark.browser
@pytest.mark.server
def test_synthetic_pages_look_the_same_with_the_trimmed_theme(
        browser: Browser, synthetic_site: Path, synthetic_server: str) -> None:
    [original] = synthetic_site.glob("assets/stylesheets/main.*.min.css")
    for path in _synthetic_pages(synthetic_site):
        page = browser.new_page(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
        page.goto(synthetic_server + path, wait_until="networkidle")
        page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
        trimmed, full = digests_trimmed_and_original(page, original.name, "page")
        page.close()
        differences = [(a, b) for a, b in zip(trimmed, full, strict=True) if a != b]
        assert differences == [], f"{path}: {differences[:3]}"
