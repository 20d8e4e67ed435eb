"""The search feature: reads every page as rendered, writes one index per language.

Pages go to a spill file on disk as they are rendered and the index is written from it
(stream.py), so a build never holds every page's text in memory.
"""

from __future__ import annotations

from collections.abc import Iterable

from hoagiai.errors import ContentError
from hoagiai.feature import Feature, OutputFile, PageContext
from hoagiai.problems import Location, Problem, Report, problem
from hoagiai.search.html_text import sections
from hoagiai.search.index import IndexedPage, section_weights
from hoagiai.search.stream import KeptWeights, PageSpill, StreamedIndex, WrittenParts
from hoagiai.site import Site
from hoagiai.unicode_nfc import first_non_nfc, nfc

# The site's folder of search data: scripts that hold page text as data, naming no class.
DATA_FOLDER = "search"


def index_path(lang: str) -> str:
    """Where the head of the index of `lang` is written (its parts beside it, in
    `search/<lang>/`, see shards.py); overrides/partials/search.html names it too."""
    return f"{DATA_FOLDER}/{lang}.js"


class SearchFeature(Feature):
    """Collects each page's text as MkDocs renders it; `after_pages` writes the index.

    Text is taken from the final HTML, so generated pages, expanded citations and
    anything else features add are searchable exactly as readers see them.
    """

    name = "search"
    fetched_on_demand = True

    def __init__(self) -> None:
        self._pages: dict[str, PageSpill] = {}  # lang -> the pages rendered, on disk
        self._not_nfc: dict[str, dict[str, Problem]] = {}  # lang -> src_uri -> problem
        self._written: dict[str, WrittenParts] = {}  # lang -> the index parts last written
        self._weighed: dict[str, KeptWeights] = {}  # lang -> a preview's sections weighed

    def before_pages(self, site: Site, lang: str, every_page: bool) -> None:
        # A preview keeps what earlier builds read from the pages it does not render again,
        # weighs again only the sections that changed and writes only the parts of the index
        # that changed; a full build reads every page again and writes the whole index.
        if every_page or lang not in self._pages:
            self._pages.setdefault(lang, PageSpill()).clear()
            self._not_nfc[lang] = {}
            self._written[lang] = WrittenParts()
        if every_page:
            self._weighed.pop(lang, None)
        else:
            self._weighed.setdefault(lang, KeptWeights())

    def page_html(self, site: Site, page: PageContext, html: str) -> str:
        if (page.meta.get("search") or {}).get("exclude"):
            return html  # front matter `search: {exclude: true}`: a copy kept out of results
        indexed = IndexedPage(page.url, str(page.meta.get("title", "")),
                              str(page.meta.get("description", "")), tuple(sections(html)))
        problems = self._not_nfc.setdefault(page.lang, {})
        problems.pop(page.src_uri, None)
        found = _not_nfc(site, page.src_uri, indexed)
        if found is not None:
            problems[page.src_uri] = found
        self._pages.setdefault(page.lang, PageSpill()).add(page.src_uri, indexed)
        return html

    def after_pages(self, site: Site, lang: str) -> Iterable[OutputFile]:
        report = Report()
        for _, found in sorted(self._not_nfc.get(lang, {}).items()):
            report.add(found)
        if report:
            raise ContentError(report)
        yield StreamedIndex(index_path(lang), "", self._pages.setdefault(lang, PageSpill()),
                            lang, self._written.setdefault(lang, WrittenParts()),
                            self._weighed.get(lang, section_weights))


def _not_nfc(site: Site, src_uri: str, page: IndexedPage) -> Problem | None:
    """Rendered text must be NFC like its sources; if not, a template or generator let it in."""
    texts = [page.title, page.description]
    for section in page.sections:
        texts += [section.heading, section.text]
    for text in texts:
        place = first_non_nfc(text)
        if place is not None:
            authored = site.pages.get(src_uri)
            where = Location(authored.path) if authored else Location(f"{src_uri} (generated)")
            return _rendered_not_nfc(where, text, place[1])
    return None


def _rendered_not_nfc(where: Location, text: str, column: int) -> Problem:
    around = nfc(text[max(0, column - 16):column + 16])  # looks the same, and prints cleanly
    return problem(
        where,
        f"trang tạo ra có chữ không ở dạng Unicode NFC, quanh “{around}”; tìm kiếm sẽ không khớp",
        "chữ này đến từ mẫu trang, chuỗi giao diện hoặc mã sinh trang (tệp nguồn đã được kiểm "
        "tra): tìm đoạn chữ đó trong scripts/hoagiai và lưu lại ở dạng NFC",
        f"the rendered page has text that is not Unicode NFC, around “{around}”; "
        "search would not match it",
        "it comes from a template, an interface string or generator code (sources are checked "
        "already): find that text under scripts/hoagiai and save it as NFC",
    )
