"""The review sheet (`hoagiai doi-chieu`) and the check for rule sentences without a citation.

`sentences` cuts prose into sentences with their line and citations, `rules`
decides whether a sentence states a rule, `collect` gathers both from the site,
`cited` gives the verbatim text of a cited unit, `sheet` writes the HTML and PDF.
"""
