"""One benchmark run: for each size, make the synthetic project, build it both ways, measure."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hoagiai.bench import handouts, liveserve
from hoagiai.bench.aside import set_aside
from hoagiai.bench.builder import BuildRun, run_build
from hoagiai.bench.configs import STOCK_CONFIG, write_stock_config
from hoagiai.bench.progress import Progress
from hoagiai.bench.results import (
    PROJECT,
    STOCK,
    ConfigRun,
    Round,
    SizeRun,
    fastest,
    measure_site,
)
from hoagiai.bench.searchquery import SearchTransfer, measure_search_transfer
from hoagiai.bench.synthetic import copy_project, make_project
from hoagiai.bench.targets import COST_AT, SCRIPT_PAGES

PROJECT_CONFIG = "mkdocs.yml"
# Where a project keeps its PDFs and cards (printing/pdf.py, sharing/__init__.py): the bench's
# builds never share a cache through $HOAGIAI_CACHE_DIR (builder.py).
CACHES = ".cache"


@dataclass(frozen=True)
class Options:
    root: Path  # the real project
    sizes: tuple[int, ...]  # pages per language
    work: Path  # where synthetic projects and sites are made
    keep: bool  # keep built sites (they take gigabytes at 2,000 stock pages)
    serve: bool  # time mkdocs serve --dirty on the real site
    repeat: int = 1  # project builds per size; the fastest counts (the machine is shared)
    cold_rounds: int = 2  # cold, stock and warm builds in turns, where the warm one is timed
    seed: int = 0
    real_site: Path | None = None  # the real site already built (else built for its search)


def build_and_measure(project: Path, config: str, site: Path, progress: Progress,
                      label: str, repeat: int = 1) -> ConfigRun:
    """Build `repeat` times and keep the fastest run (the least disturbed by other work)."""
    runs = []
    for attempt in range(1, repeat + 1):
        set_aside(site, site.parent)
        suffix = f" ({attempt} of {repeat})" if repeat > 1 else ""
        with progress.step(f"Building {label}{suffix}"):
            runs.append(run_build(project, config, site, site.with_suffix(".log")))
        if not runs[-1].ok:
            break
    build = fastest(runs)
    first = runs[0] if runs[0] is not build else None
    if not build.ok:
        progress.say(f"  build failed:\n{build.log_tail}")
        return ConfigRun(build, None, first)
    with progress.step(f"Measuring {label}"):
        figures = measure_site(site, SCRIPT_PAGES)
    return ConfigRun(build, figures, first)


def run_size(options: Options, pages: int, progress: Progress) -> SizeRun:
    project = options.work / f"project-{pages}"
    with progress.step(f"Making a synthetic project of {pages:,} pages per language"):
        set_aside(project, options.work)
        make_project(options.root, project, pages, options.seed)
    runs = {PROJECT: _build(options, project, pages, PROJECT, PROJECT_CONFIG, progress)}
    # After the project's build, whose PDF cache spares rendering the handouts again.
    with progress.step("Writing the generated pages out for stock Material"):
        stock_config = write_stock_config(project).name
    runs[STOCK] = _build(options, project, pages, STOCK, stock_config, progress)
    if pages != warm_size(options):
        return SizeRun(pages, runs)
    warm = _warm_build(options, project, pages, progress)
    rounds = tuple(_round(project, pages, turn, options, progress)
                   for turn in range(2, options.cold_rounds + 1))
    return SizeRun(pages, runs, warm, rounds)


def warm_size(options: Options) -> int:
    """Where the warm build is timed: at `COST_AT` pages, else the smallest size run."""
    return COST_AT if COST_AT in options.sizes else min(options.sizes)


def _warm_build(options: Options, project: Path, pages: int, progress: Progress) -> BuildRun:
    """The project built again as an editor rebuilds it: its PDF and card caches kept."""
    return _timed_build(project, PROJECT_CONFIG, options.work / f"site-{pages}-warm",
                        f"{PROJECT}, {pages:,} pages, again with its caches", progress)


def _round(project: Path, pages: int, turn: int, options: Options,
           progress: Progress) -> Round:
    """The project built again from nothing (its caches removed), stock again, then the
    project again with the caches its cold build just made."""
    set_aside(project / CACHES, options.work)
    turn_of = f"{pages:,} pages, turn {turn} of {options.cold_rounds}"
    builds = ((PROJECT, PROJECT_CONFIG, f"{PROJECT}, {turn_of}"),
              (STOCK, STOCK_CONFIG, f"{STOCK}, {turn_of}"),
              ("warm", PROJECT_CONFIG, f"{PROJECT}, {turn_of}, again with its caches"))
    return Round(*(_timed_build(project, config, options.work / f"site-{pages}-{name}-{turn}",
                                label, progress)
                   for name, config, label in builds))


def _timed_build(project: Path, config: str, site: Path, label: str,
                 progress: Progress) -> BuildRun:
    """One build timed for its cost only: its site is removed, not measured."""
    with progress.step(f"Building {label}"):
        build = run_build(project, config, site, site.with_suffix(".log"))
    set_aside(site, site.parent)
    return build


def _build(options: Options, project: Path, pages: int, name: str, config: str,
           progress: Progress) -> ConfigRun:
    site = options.work / f"site-{pages}-{name}"
    # Stock is built once: it is several times slower, and only compared, never judged alone.
    repeat = options.repeat if name == PROJECT else 1
    run = build_and_measure(project, config, site, progress, f"{name}, {pages:,} pages", repeat)
    if not options.keep:
        set_aside(site, options.work)
    return run


def run_serve_check(options: Options, progress: Progress) -> list[liveserve.ReloadTiming]:
    project = options.work / "serve"
    set_aside(project, options.work)
    copy_project(options.root, project)
    with progress.step("Timing mkdocs serve --dirty after an edit (real site)"):
        return liveserve.time_edits(project, options.work / "serve.log")


def run_handout_check(options: Options, progress: Progress) -> handouts.HandoutCacheResult:
    project = options.work / "handouts"
    set_aside(project, options.work)
    copy_project(options.root, project)
    with progress.step("Checking the handout PDF cache"):
        return handouts.check_handout_cache(project, handouts.PROBE)


def run_real_search_check(options: Options, progress: Progress) -> SearchTransfer | None:
    """The real site, built as is, and what its search queries fetch (None if it fails)."""
    if options.real_site is not None:
        with progress.step("Weighing search queries on the real site"):
            return measure_search_transfer(options.real_site)
    project, site = options.work / "real", options.work / "real-site"
    set_aside(project, options.work)
    copy_project(options.root, project)
    with progress.step("Building the real site for its search queries"):
        build = run_build(project, PROJECT_CONFIG, site, options.work / "real-site.log")
    if not build.ok:
        progress.say(f"  build failed:\n{build.log_tail}")
        return None
    with progress.step("Weighing search queries on the real site"):
        transfer = measure_search_transfer(site)
    if not options.keep:
        set_aside(site, options.work)
    return transfer
