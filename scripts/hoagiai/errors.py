"""The small exception tree of the project.

The command line maps these to exit codes; the MkDocs plugin wraps them in
`PluginError` so that `mkdocs build` stops with the same message.
"""

from __future__ import annotations

from hoagiai.problems import Report


class HoagiaiError(Exception):
    """Base of every error the project raises on purpose."""

    exit_code = 1


class ContentError(HoagiaiError):
    """The content (YAML, Markdown, front matter) has problems; carries them all."""

    def __init__(self, report: Report) -> None:
        super().__init__(report.format())
        self.report = report


class BuildError(HoagiaiError):
    """Building the site or one of its outputs (PDF, export) failed."""


class PublishError(HoagiaiError):
    """A publishing gate failed or the target could not be updated."""


class UsageError(HoagiaiError):
    """The command was called with wrong arguments."""

    exit_code = 2
