"""Materialize the site, build it with Zensical and report what a move to Zensical keeps.

    python scripts/zensical_report.py [--venv .venv-zensical] [--out dist/zensical]
                                      [--real-site site]

Zensical lives in its own virtual environment (requirements-zensical.txt); this script runs
there only `zensical-i18n build`. The report (Markdown, OUT/zensical-report.md) lists pages
built against the real site, anchors, the search index Zensical writes, and what is lost.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from hoagiai.errors import BuildError, UsageError
from hoagiai.materialize import builds, compare, project

ROOT = Path(__file__).resolve().parent.parent
INSTALL = ("python3 -m venv .venv-zensical && "
           ".venv-zensical/bin/pip install -r requirements-zensical.txt")
OUR_SEARCH = ("search/vi.js", "search/en.js")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", default=str(ROOT / ".venv-zensical"))
    parser.add_argument("--out", default=str(ROOT / "dist" / "zensical"))
    parser.add_argument("--real-site", help="an existing build of the real site")
    args = parser.parse_args(argv)
    try:
        report = run(Path(args.venv), Path(args.out).resolve(), args.real_site)
    except (UsageError, BuildError) as error:
        print(error, file=sys.stderr)
        return 2
    print(report)
    return 0


def run(venv: Path, out: Path, real_site: str | None) -> Path:
    builder = _zensical(venv)
    target = out / "project"
    project.write(ROOT, target, progress=_progress)
    with tempfile.TemporaryDirectory(prefix="zensical-report-") as work:
        real = Path(real_site) if real_site else Path(work, "real")
        if not real_site:
            _progress("zensical: dựng trang thật / building the real site with MkDocs")
            builds.mkdocs_build(ROOT, real)
        _progress("zensical: dựng bằng Zensical / building with Zensical")
        built = subprocess.run([str(builder), "build", "--clean", "-f", "mkdocs.yml"],
                               cwd=target, capture_output=True, text=True, check=False)
        log = built.stdout + built.stderr
        if built.returncode != 0:
            raise BuildError(f"zensical-i18n build failed:\n{log[-3000:]}")
        site = target / "site"
        result = compare.compare(real, site, project.MOVED_PAGES)
    report = out / "zensical-report.md"
    report.write_text(compare.markdown_report(result, "Zensical so với trang thật / Zensical "
                                              "against the real site")
                      + _search_section(site) + _log_section(log), encoding="utf-8")
    return report


def _zensical(venv: Path) -> Path:
    """The `zensical-i18n` command of `venv`, once Zensical imports there; else a clear stop."""
    python, builder = venv / "bin" / "python", venv / "bin" / "zensical-i18n"
    if not python.exists() or not builder.exists():
        raise UsageError(
            f"Chưa cài Zensical trong {venv}. Cài bằng: {INSTALL}\n"
            f"Zensical is not installed in {venv}. Install it with: {INSTALL}")
    check = subprocess.run([str(python), "-c", "import zensical.config, zensical_i18n"],
                           capture_output=True, text=True, check=False)
    if check.returncode != 0:
        reason = (check.stderr.strip().splitlines() or ["?"])[-1]
        raise UsageError(
            f"Zensical trong {venv} chưa dùng được ({reason}): cài lại đủ gói bằng {INSTALL} "
            "(cần mạng tới kho gói PyPI có zensical-ui).\n"
            f"Zensical in {venv} cannot run ({reason}): install it completely with {INSTALL} "
            "(needs a package index that serves zensical-ui).")
    return builder


def _search_section(site: Path) -> str:
    """Which search index the build wrote, and whether the site's own search client finds its
    index (search/vi.js, search/en.js, written by the hoagiai plugin)."""
    found = sorted(name for name in (path.relative_to(site).as_posix()
                                     for path in site.rglob("*") if path.is_file())
                   if "search" in name and not name.startswith("assets/"))
    ours = [name for name in OUR_SEARCH if (site / name).is_file()]
    state = ("có / present" if ours else
             "không có: ô tìm kiếm không có kết quả / missing: the search box finds nothing")
    lines = ["## Tìm kiếm / search", "",
             f"- Tệp chỉ mục / index files: {len(found)} "
             f"({', '.join(found[:8]) or 'không / none'})",
             f"- Chỉ mục của trang (search/vi.js, search/en.js) / the site's own index: {state}",
             ""]
    return "\n".join(lines) + "\n"


def _log_section(log: str) -> str:
    warnings = [line for line in log.splitlines() if "warn" in line.lower()][:20]
    body = "\n".join(f"    {line}" for line in warnings) or "Không có. / None."
    return f"## Cảnh báo của Zensical / Zensical's warnings\n\n{body}\n"


def _progress(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
