"""When the wing's event handlers run, relative to each other and to mkdocs-static-i18n.

MkDocs runs the handlers of one event by priority, highest first (0 by default; plugins
with the same priority in their mkdocs.yml order). static-i18n runs at -100: its
`on_files` rebuilds every File from its path, and its `on_post_build` builds the other
languages. The generated files are registered before it and get their content back after
it (see i18n.py).
"""

from __future__ import annotations

BEFORE_I18N = 0
AFTER_I18N = -110
# The theme's window over the sidebar is taken from the navigation as the bridge leaves it.
AFTER_NAVIGATION = AFTER_I18N - 10
# The 404 page's white space goes before the bridge copies the page for each language.
BEFORE_LANGUAGE_COPIES = 10
# After the features' files are written, Material's stylesheet is trimmed; then the offline
# catalog hashes every file of the finished site.
TRIM_THEME_CSS = -10
# The files made on demand (PDFs, the ZIP) are awaited only then, so the trimming runs while
# the workers finish them; they are written before the offline catalog sees the site.
WRITE_LATE_FILES = -15
WRITE_OFFLINE_CATALOG = -20
# Last of the bridge's: a preview starts writing what is read only on demand (the search index).
START_AFTER_RELOAD = -30
# A page's Markdown is let go, and its HTML packed, once every plugin has seen it converted;
# the HTML is unpacked before any plugin sees the page's context (static-i18n: 50), and let
# go once every plugin has seen the finished page.
PAGE_CONVERTED = -1000
PAGE_RENDERED = 1000
PAGE_WRITTEN = -1000
