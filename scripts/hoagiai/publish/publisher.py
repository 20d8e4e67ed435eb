"""`hoagiai publish`, `rollback` and `offline` as plain functions, step by step.

A publication builds from a clean state, runs every gate, and only then uploads and
switches. A step whose gates fail raises PublishError naming each failing gate and its
problems; nothing has been sent to the target at that point.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from hoagiai.errors import HoagiaiError, PublishError
from hoagiai.publish import anchors, browser, gates, manifest, nginx, offline, releases, staging
from hoagiai.publish.page_kinds import pages_to_check
from hoagiai.publish.steps import Progress
from hoagiai.publish.target import Remote, Target
from hoagiai.safety import output_policy

DEPLOY = Path("deploy") / "nginx"
CHECK_BUILT_SITE = ("Kiểm tra liên kết và từng loại trang / links and anchors (LinkChecker), "
                    "axe-core, CSP, other hosts (Chromium)")
NOTHING_PUBLISHED = ("Không đăng gì; trang đang chạy không thay đổi. / "
                     "Nothing was published; the live site is unchanged.")


@dataclass(frozen=True)
class Published:
    release: str
    previous: str | None
    archive: Path
    removed: list[str]


def gate(name: str, problems: list[str]) -> None:
    """Stop the publication when a gate found problems, listing them all."""
    gates_passed({name: problems})


def gates_passed(found: dict[str, list[str]]) -> None:
    """Stop the publication when any of these gates (name → problems) found problems,
    listing every problem of every gate that failed."""
    failed = [f"✗ {name}: {len(problems)} lỗi / problem(s)\n"
              + "\n".join(f"  - {problem}" for problem in problems)
              for name, problems in found.items() if problems]
    if failed:
        raise PublishError("\n".join(failed))


def check_built_site(root: Path, site: Path, url: str, work: Path) -> None:
    """The gates over the built site, served by nginx with the project's configuration under
    `url`'s path (its files in `work`): LinkChecker (a process of its own) runs beside the
    anchor, output-policy and Chromium checks, and every gate that fails is listed, so that
    one run shows all there is to fix."""
    prefix = urlsplit(url).path or "/"
    with (nginx.serve(site, work, root / DEPLOY, prefix, gates.LINKCHECKER_HEADERS) as base_url,
          ThreadPoolExecutor(max_workers=1) as beside):
        links = beside.submit(gates.links, base_url, gates.not_found_pages(base_url))
        found = {"anchors": anchors.missing(site, prefix),
                 "output policy": output_policy.check_site(site, url),  # every page
                 "Chromium": browser.pages(base_url, pages_to_check())}
        gates_passed({"LinkChecker": links.result(), **found})


def _checked(name: str, action: Callable[[], object]) -> None:
    """Run a build step as a gate: its failure is a gate failure."""
    try:
        action()
    except PublishError as error:
        gate(name, str(error).splitlines())


def publish(root: Path, destination: str, site_url: str | None, dist: Path,
            write: Callable[[str], None] = print) -> Published:
    """Build, check, upload and switch; see the module docstring."""
    url = staging.normalise_site_url(site_url)
    remote = Remote(Target.parse(destination))
    offline.check_dist(dist)
    progress = Progress(total=7, write=write)
    with tempfile.TemporaryDirectory(prefix="hoagiai-publish-") as scratch:
        work = Path(scratch)
        site, offline_site = work / "site", work / "offline"
        try:
            with progress.step(f"Đích / target {remote.target}"):
                state = remote.state()
                live, release = state.live, releases.new_id(datetime.now(UTC), state.names)
            with progress.step("Kiểm tra nội dung / content check (hoagiai check)"):
                gate("hoagiai check", gates.content(root))
            with progress.step(f"Tạo trang, chế độ nghiêm / strict build for {url}"):
                _checked("mkdocs build --strict", lambda: staging.build(root, site, url))
            with progress.step(CHECK_BUILT_SITE):
                check_built_site(root, site, url, work / "nginx")
            with progress.step("Bản ngoại tuyến / offline copy"):
                _checked("offline build", lambda: offline.build(root, offline_site, url))
                gate("output policy (offline)", output_policy.check_site(offline_site, url))
                archive = offline.zip_site(offline_site, offline.archive_path(dist, release))
                write(f"      {archive}")
                offline.offer(site, archive, release)
            with progress.step(f"Tải lên / upload releases/{release}"):
                manifest.write(site, release, url, root)
                upload(remote, site, release, live)
        except HoagiaiError as error:
            raise PublishError(f"{error}\n{NOTHING_PUBLISHED}") from error
    with progress.step(f"Chuyển trang đang chạy / switch current → {release}"):
        removed = go_live(remote, release)
    write(progress.summary())
    return Published(release, live, archive, removed)


def upload(remote: Remote, site: Path, release: str, live: str | None) -> None:
    """Send `site` as `releases/<release>.partial/` and verify it there; never live yet.
    Leftovers of a publication that was stopped half-way are removed first."""
    remote.discard_partial()
    remote.upload(site, release, live)
    remote.verify(release)


def go_live(remote: Remote, release: str) -> list[str]:
    """The verified upload goes live and is recorded; old releases are removed (their ids)."""
    remote.finish(release)
    state = remote.state()
    removed = releases.to_remove(state.names, state.stack)
    remote.remove(removed)
    return removed


def rollback(destination: str, write: Callable[[str], None] = print) -> str:
    """Make the release that was live before the live one live again; its id.
    Reading the target changes nothing on it, so a refusal leaves it as it was."""
    remote = Remote(Target.parse(destination))
    state = remote.state()
    live = state.live
    if live is None:
        raise PublishError(
            f"Chưa đăng bản nào lên {remote.target}: không có gì để quay lại. Kiểm tra lại "
            f"--target (phải giống lúc chạy hoagiai publish).\n"
            f"(en) Nothing has been published to {remote.target}: there is nothing to go back "
            f"to. Check --target (it must be the one given to hoagiai publish).")
    earlier = releases.previous(state.stack, state.names)
    if earlier is None:
        raise PublishError(
            f"Không có bản nào được đăng trước bản đang chạy ({live}) để quay lại; trang "
            f"đang chạy giữ nguyên.\n"
            f"(en) No release was live before the live one ({live}), so there is nothing to "
            f"go back to; the live site is unchanged.")
    remote.switch(earlier)
    write(f"Trang đang chạy / live release: {live} → {earlier}")
    return earlier


def make_offline(root: Path, site_url: str | None, dist: Path) -> Path:
    """`hoagiai offline`: the zip under dist/, named after the time it was made."""
    url = staging.normalise_site_url(site_url)
    offline.check_dist(dist)
    label = releases.new_id(datetime.now(UTC), [])
    with tempfile.TemporaryDirectory(prefix="hoagiai-offline-") as scratch:
        site = Path(scratch) / "site"
        offline.build(root, site, url)
        return offline.zip_site(site, offline.archive_path(dist, label))
