"""What one benchmark run found: for each size, each configuration's build and built site."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hoagiai.bench import browser
from hoagiai.bench.builder import BuildRun
from hoagiai.bench.firstvisit import (
    FirstVisit,
    RuntimeFetches,
    ScriptPlacement,
    first_visit,
    heaviest_first_visit,
    runtime_fetches,
    script_placement,
)
from hoagiai.bench.measure import (
    PageWeights,
    SearchIndexWeight,
    page_weights,
    search_index_weight,
    total_bytes,
)
from hoagiai.bench.searchquery import SearchTransfer, measure_search_transfer
from hoagiai.language import LANGUAGES
from hoagiai.urls import localized_path

PROJECT, STOCK = "project", "stock"


@dataclass(frozen=True)
class SiteFigures:
    pages: PageWeights
    total_bytes: int
    search: SearchIndexWeight
    home: FirstVisit
    heaviest: FirstVisit
    runtime: RuntimeFetches
    runtime_measured: bool  # False when no browser was available to see scripts' own fetches
    scripts: ScriptPlacement
    search_transfer: SearchTransfer | None = None  # None without a browser


@dataclass(frozen=True)
class ConfigRun:
    build: BuildRun  # the fastest of its builds (`--repeat`)
    site: SiteFigures | None  # None when the build failed
    first: BuildRun | None = None  # its first build, when it was not the fastest

    @property
    def cold(self) -> BuildRun:
        """The first build, from nothing (the later ones of `--repeat` reuse caches)."""
        return self.first or self.build


@dataclass(frozen=True)
class Round:
    """One more turn of the builds the cold and warm lines compare (the host's speed drifts by
    a tenth within minutes): the project from nothing, stock, then the project again with the
    caches that cold build made."""

    project: BuildRun
    stock: BuildRun
    warm: BuildRun


@dataclass(frozen=True)
class SizeRun:
    pages_per_language: int
    runs: dict[str, ConfigRun]
    warm: BuildRun | None = None  # the project built again, its caches kept (one size only)
    rounds: tuple[Round, ...] = ()  # more turns, where the warm build is timed

    @property
    def project(self) -> ConfigRun:
        return self.runs[PROJECT]

    @property
    def stock(self) -> ConfigRun:
        return self.runs[STOCK]

    @property
    def cold_builds(self) -> list[BuildRun]:
        """The project's builds from nothing: its first build, then one per round."""
        return [self.project.cold, *(turn.project for turn in self.rounds)]

    @property
    def stock_builds(self) -> list[BuildRun]:
        """Stock's builds: its first build, then one per round."""
        return [self.stock.build, *(turn.stock for turn in self.rounds)]

    @property
    def warm_builds(self) -> list[BuildRun]:
        """The project's builds with its caches kept: the first, then one per round."""
        return [build for build in (self.warm, *(turn.warm for turn in self.rounds)) if build]

    @property
    def fastest_cold(self) -> BuildRun:
        return fastest(self.cold_builds)

    @property
    def fastest_stock(self) -> BuildRun:
        return fastest(self.stock_builds)

    @property
    def fastest_warm(self) -> BuildRun:
        return fastest(self.warm_builds)

    @property
    def all_built(self) -> bool:
        return all(run.site is not None for run in self.runs.values())


def fastest(builds: list[BuildRun]) -> BuildRun:
    """The quickest build that succeeded (the first one if none did)."""
    return min(builds, key=lambda build: (not build.ok, build.seconds))


def sample_urls(site: Path) -> list[str]:
    """Pages a browser opens to see what scripts fetch: both home pages, one page per section."""
    homes = [localized_path("", lang) for lang in LANGUAGES]
    urls = [home for home in homes if not home or (site / home / "index.html").exists()]
    for section in sorted(p for p in site.iterdir() if (p / "index.html").exists()):
        pages = sorted(p for p in section.iterdir() if (p / "index.html").exists())
        if pages and section.name not in LANGUAGES:
            urls.append(pages[0].relative_to(site).as_posix() + "/")
    return urls


def measure_site(site: Path, script_rules: dict[str, tuple[str, ...]]) -> SiteFigures:
    measured = browser.available()
    fetched = browser.fetched_files(site, sample_urls(site)) if measured else {}
    # Every page pays what scripts fetch on every sampled page; the home page, sampled
    # itself, pays exactly what it fetched (its language switcher loads the sitemaps).
    runtime = runtime_fetches(site, fetched) if fetched else RuntimeFetches.none()
    home_runtime = runtime_fetches(site, {"": fetched[""]}) if fetched else runtime
    return SiteFigures(
        pages=page_weights(site),
        total_bytes=total_bytes(site),
        search=search_index_weight(site),
        home=first_visit(site, site / "index.html", home_runtime),
        heaviest=heaviest_first_visit(site, runtime),
        runtime=runtime,
        runtime_measured=measured,
        scripts=script_placement(site, script_rules),
        search_transfer=measure_search_transfer(site) if measured else None,
    )
