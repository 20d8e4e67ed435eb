"""Benchmark (not a test): Lighthouse 12.2.3 scores of a few pages, served as in production.

    python -m hoagiai.publish.lighthouse [--root .]

Builds the site, serves it with nginx and the real deploy/nginx configuration, and runs
Lighthouse (installed from npm into .cache/lighthouse the first time) on one page of
each kind in BENCH_PAGES, with its default mobile settings and Debian's Chromium. Prints
the four category scores and the bytes transferred per page.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
from pathlib import Path

from hoagiai.publish import nginx, staging
from hoagiai.urls import localized_path

VERSION = "12.2.3"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# kind -> candidate addresses, best first: the first one the build has is measured, so
# the list follows features as they land (a quiz bank, a legal document).
BENCH_PAGES: dict[str, list[str]] = {
    "home": [""],
    "module": ["hoc-tap/hoa-giai-o-co-so-la-gi/"],
    "quiz": ["trac-nghiem/hoa-giai-o-co-so-la-gi/", "trac-nghiem/"],
    "legal": ["van-ban/luat35/", "van-ban/"],
    "home (en)": [localized_path("", "en")],
}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run"


def install(cache: Path) -> Path:
    """Lighthouse's command-line entry point, installed with npm on first use."""
    cli = cache / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        cache.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ, CHROMEDRIVER_SKIP_DOWNLOAD="true", PUPPETEER_SKIP_DOWNLOAD="true")
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(cache),
                        "--save-exact", f"lighthouse@{VERSION}"], env=env, check=True)
    return cli


def pick(site: Path, candidates: list[str]) -> str | None:
    return next((path for path in candidates if (site / path / "index.html").exists()), None)


def measure(cli: Path, url: str) -> dict[str, float]:
    """The four scores (0–100) and the bytes transferred for one page."""
    result = subprocess.run(
        ["node", str(cli), url, "--output=json", "--output-path=stdout", "--quiet",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
        env=dict(os.environ, CHROME_PATH="/usr/bin/chromium"),
        capture_output=True, text=True, check=True, timeout=600,
    )
    report = json.loads(result.stdout)
    scores = {name: round(100 * (report["categories"][name]["score"] or 0))
              for name in CATEGORIES}
    scores["bytes"] = report["audits"]["total-byte-weight"]["numericValue"]
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=".", help="project folder")
    root = Path(parser.parse_args().root).resolve()
    cli = install(root / ".cache" / "lighthouse")
    port = nginx.free_port()
    with tempfile.TemporaryDirectory(prefix="hoagiai-lighthouse-") as scratch:
        site = Path(scratch) / "site"
        # The canonical address must be the one Lighthouse opens (its SEO audit checks it).
        staging.build(root, site, f"http://127.0.0.1:{port}/")
        with nginx.serve(site, Path(scratch) / "nginx", root / "deploy" / "nginx",
                         port=port) as base_url:
            print(f"{'page':<44} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} {'KiB':>8}")
            for kind, candidates in BENCH_PAGES.items():
                path = pick(site, candidates)
                if path is None:
                    print(f"{kind:<44} (no such page yet)")
                    continue
                scores = measure(cli, base_url + path)
                label = f"{kind}: /{path}"
                print(f"{label:<44} {scores['performance']:>5} {scores['accessibility']:>5} "
                      f"{scores['best-practices']:>5} {scores['seo']:>5} "
                      f"{scores['bytes'] / 1024:>8.1f}")


if __name__ == "__main__":
    main()
