"""The MkDocs wing: the only code that imports MkDocs or knows Material for MkDocs.

Split the way Material splits its plugins:

- `plugin.py`: the bridge plugin (`hoagiai` in mkdocs.yml), only its event handlers; it runs
  the generator (`pipeline`) and calls each feature's per-page methods.
- `config.py`: both plugins' options.
- `i18n.py`: the workarounds for mkdocs-static-i18n (generated files, the 404 page).
- `preview.py`: what `mkdocs serve --dirty` keeps between rebuilds.
- `errors.py`: problems and crashes as MkDocs' `PluginError`, in both languages.
- `navigation.py`: the navigation ordered and titled from front matter.
- `theme_text.py`: titles and descriptions escaped once for the theme's templates.
- `theme.py`: Material made lighter (`hoagiai/theme` in mkdocs.yml, `enabled: false` turns it
  off), with `theme_css.py`, `html_whitespace.py` and `navwindow.py`; `theme_files.py` lists
  the theme's files without walking Material's icons.
- `priorities.py`: the order the two plugins' events run in around static-i18n's.
"""
