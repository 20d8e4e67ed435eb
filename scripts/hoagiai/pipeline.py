"""The generator's stages, in order: load and validate, check across features, generate.

This is what both `hoagiai check` and the MkDocs plugin run; neither knows how a
feature works inside.
"""

from __future__ import annotations

from collections.abc import Callable

from hoagiai.errors import BuildError, ContentError
from hoagiai.feature import Feature, GeneratedFile
from hoagiai.features import all_features
from hoagiai.problems import Report
from hoagiai.safety.internal import internal_problem, processing, show_tracebacks
from hoagiai.schemas import SchemaSet
from hoagiai.site import Paths, Site


def load_site(paths: Paths, site_url: str = "", features: list[Feature] | None = None) -> Site:
    """Load and check every source; raise `ContentError` listing every problem found."""
    features = features or all_features()
    site = Site(paths, SchemaSet(paths.schemas), site_url)
    report = Report()
    for feature in features:
        _guarded(feature.load, f"{feature.name}.load", site, report)
    for feature in features:
        _guarded(feature.check, f"{feature.name}.check", site, report)
    if report:
        raise ContentError(report)
    return site


def _guarded(stage: Callable[[Site, Report], None], name: str, site: Site,
             report: Report) -> None:
    """Run one feature's stage; an unexpected crash becomes a located "internal error".
    A check that fails after problems were found is left out: it most likely stumbled on
    what those problems describe (a model that could not be loaded)."""
    processing.set("")
    found_before = len(report)
    try:
        stage(site, report)
    except Exception as error:  # every crash is reported, never as a traceback
        if show_tracebacks():
            raise
        if not (name.endswith(".check") and found_before):
            report.add(internal_problem(error, name))


def generate(site: Site, features: list[Feature] | None = None) -> list[GeneratedFile]:
    """Every generated page and file, both languages; two files may not claim one path."""
    made: list[GeneratedFile] = []
    for feature in features or all_features():
        made.extend(feature.generate(site, made))
    claimed: dict[str, GeneratedFile] = {}
    for item in made:
        if item.src_uri in claimed:
            raise BuildError(f"Two generated files claim '{item.src_uri}'.")
        authored = site.pages.get(item.src_uri)
        if authored is not None:
            raise BuildError(
                f"'{item.src_uri}' is generated, but {authored.path} exists too: "
                "remove the authored file or rename it."
            )
        claimed[item.src_uri] = item
    return made


def check(paths: Paths) -> Report:
    """Validate everything without building; an empty report means all is well."""
    try:
        load_site(paths)
    except ContentError as error:
        return error.report
    return Report()
