"""Everything that makes a printable: documents, Markdown profiles, PDFs, QR codes, dates.

- `document`: a printable document (language, title, body, style sheets) as HTML, through
  the one skeleton every printable shares.
- `markdown`: the Markdown extension profiles, one place for every caller.
- `pdf`: the one PDF maker — cached by content, reads only `data:` URLs, renders lazily.
- `qr`: QR codes that lead from paper to a page (segno).
- `dates`: the build date and dates as each language writes them.
"""
