"""Content safety: what authored content may contain, and what a built page may do.

- `html_policy`: the one list of HTML an author may write in Markdown, and its checker;
- `output_policy`: the security rules every built page must pass before it is published;
- `files`: file names and symbolic links in docs/ and materials/;
- `limits`: how big and how deep a source may be;
- `feature`: runs the source checks inside the pipeline (`hoagiai check` and the build).
"""
