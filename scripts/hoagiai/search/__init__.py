"""Search that understands Vietnamese as people type it.

The build collects the rendered text of every page (`feature.py`, through
`html_text.py`), splits it into words that fold accents, "đ", case and tone
placement the same way the browser does (`words.py`), and writes one index per
language (`index.py`) as a script, `search/<lang>.js`, that the client in
`docs/assets/js/` loads only when someone starts searching. A script, not JSON:
it loads from `file://` too, where browsers refuse fetch() and workers.
"""
