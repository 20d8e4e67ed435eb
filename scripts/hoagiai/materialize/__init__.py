"""The whole content as a plain MkDocs project that builds without the hoagiai plugin.

`project.write` runs the generator's plain-Python stages (load, generate, the page
rewrites that give Markdown) and writes authored and generated pages, files and theme
into a folder; `config` writes its stock `mkdocs.yml`, `theme` rewrites the template
overrides so they need no plugin, and `compare` measures what a stock build of that
folder loses against the real site. Nothing here imports MkDocs.
"""
