"""Turn every `[[ref]]` of a page into a Markdown link, and point English pages at their twins.

Runs on each page's Markdown just before conversion, so MkDocs still checks
every link and anchor it produces. English summaries link to the Vietnamese
text with a placeholder (`hg-vi-twin:`) that only the page's final URL can
resolve: the English build holds no Vietnamese pages to link to by `.md`.
"""

from __future__ import annotations

import posixpath

from hoagiai.citations import find_in_markdown
from hoagiai.errors import BuildError
from hoagiai.feature import PageContext
from hoagiai.render import markdown_text
from hoagiai.site import DEFAULT_LANGUAGE, Site, language_free_uri

TWIN = "hg-vi-twin:"


def relative_link(from_page: str, to_page: str) -> str:
    """A link from one source page to another, as Markdown wants it (`../van-ban/luat35.md`)."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def link_citations(site: Site, page: PageContext, markdown: str) -> str:
    """The page's Markdown with each citation replaced by a link titled with its article."""
    here = language_free_uri(page.src_uri)
    pieces: list[str] = []
    done = 0
    for found in find_in_markdown(markdown):
        target = site.resolve(found.ref)
        if target is None:
            # Checked citations always resolve; this one was never recorded by its feature.
            raise BuildError(
                f"{page.src_uri}: citation [[{found.ref}]] resolves to nothing and was not "
                "checked — the feature that wrote it must record it in site.citations."
            )
        label = found.label or getattr(target.label, page.lang)
        title = getattr(target.title, page.lang).replace('"', "&quot;")
        page_link = "" if target.page == here else relative_link(here, target.page)
        href = f"{page_link}#{target.anchor}"
        pieces += [markdown[done:found.start], f'[{markdown_text(label)}]({href} "{title}")']
        done = found.end
    pieces.append(markdown[done:])
    linked = "".join(pieces)
    if page.lang != DEFAULT_LANGUAGE and TWIN in linked:
        linked = linked.replace(TWIN, twin_url(page.url, page.lang))
    return linked


def twin_url(url: str, lang: str) -> str:
    """From an English page's URL, the relative URL of its Vietnamese twin.

    `en/van-ban/luat35/` sits three folders deep and its twin is `van-ban/luat35/`;
    with `use_directory_urls: false` the same holds for `en/van-ban/luat35.html`.
    """
    return "../" * url.count("/") + url.removeprefix(f"{lang}/")
