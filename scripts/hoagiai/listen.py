"""Nghe đọc / Listen: a read-aloud button on the pages people read through.

Lessons, citizens' pages (the questions and answers too) and stories get a small
control at the top of their text; docs/assets/js/listen.js reads the main text
aloud with the device's own voice for the page's language (Web Speech API: no audio
files, nothing sent anywhere), paragraph by paragraph, and shows the control only
when the device has such a voice.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from hoagiai.feature import Feature, PageContext
from hoagiai.modules.model import SECTION, Modules
from hoagiai.render import render
from hoagiai.site import Site, language_free_uri
from hoagiai.sitemap import SITE_MAP
from hoagiai.stories.model import is_story

CITIZENS = SITE_MAP["citizens"].slug
# The control goes after the page's title, or first when the page has none.
_TITLE_END = "</h1>"


def is_read_aloud(site: Site, base_uri: str) -> bool:
    """Lessons, citizens' pages and stories: the pages read from top to bottom."""
    parts = PurePosixPath(base_uri).parts
    if parts and parts[0] == CITIZENS:
        return True
    modules = site.find(Modules)
    if len(parts) == 2 and parts[0] == SECTION and modules is not None:
        return modules.find(PurePosixPath(base_uri).stem) is not None
    return is_story(base_uri)


def with_control(html: str, control: str) -> str:
    """`html` with the control right after its title (or at its start)."""
    at = html.find(_TITLE_END)
    if at < 0:
        return control + html
    at += len(_TITLE_END)
    return html[:at] + control + html[at:]


class ListenFeature(Feature):
    """Adds the read-aloud control and its script to lessons, citizens' pages and stories."""

    name = "listen"

    def page_html(self, site: Site, page: PageContext, html: str) -> str:
        if not is_read_aloud(site, language_free_uri(page.src_uri)):
            return html
        page.use_script("listen")
        page.use_style("listen")
        return with_control(html, render("listen/control.html.j2", lang=page.lang))
