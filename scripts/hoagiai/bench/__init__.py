"""`hoagiai bench`: performance at scale, measured side by side with stock Material.

One module per stage: `text`, `kinds`, `banks`, `legal` and `synthetic` make a
synthetic project, `configs` writes the two MkDocs configurations (and the stock
site's copy of the generated pages), `builder` runs and watches a build,
`measure` reads a built site, `firstvisit` adds what a browser fetches,
`liveserve` and `handouts` time the edit loop, `targets` judges the figures and
`report` prints them. `commands/bench.py` only wires these together.
"""
