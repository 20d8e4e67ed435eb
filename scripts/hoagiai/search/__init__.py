"""Search that understands Vietnamese as people type it.

The build collects the rendered text of every page (`feature.py`, through
`html_text.py`), splits it into words that fold accents, "đ", case and tone
placement the same way the browser does (`words.py`), and makes one index per
language (`index.py`), written split (`shards.py`): a small head, `search/<lang>.js`,
that the client in `docs/assets/js/` loads only when someone starts searching, and
parts beside it that each query loads as it needs them. Scripts, not JSON: they load
from `file://` too, where browsers refuse fetch() and workers.
"""
