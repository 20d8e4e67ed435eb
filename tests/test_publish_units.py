"""The publishing machinery without a build: release decisions, commands, manifest, config."""

from __future__ import annotations

import re
import subprocess
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from hoagiai import cli
from hoagiai.errors import PublishError, UsageError
from hoagiai.publish import manifest, nginx, offline, releases, staging
from hoagiai.publish.page_kinds import PAGE_KINDS, pages_to_check
from hoagiai.publish.target import Remote, Target, TargetState
from support.project import ROOT, hoagiai

NOW = datetime(2026, 11, 26, 8, 17, 16)


def test_release_ids_sort_by_time_and_never_collide() -> None:
    assert releases.new_id(NOW, []) == "20261126-081716"
    assert releases.new_id(NOW, ["20261126-081716"]) == "20261126-081716-2"
    assert releases.new_id(NOW, ["20261126-081716", "20261126-081716-2.partial"]) == (
        "20261126-081716-3")


def day(number: int) -> str:
    return f"202601{number:02}-000000"


def test_the_five_newest_releases_and_the_live_one_are_kept() -> None:
    names = [day(number) for number in range(1, 9)] + ["20260109-000000.partial"]
    assert releases.to_remove(names, stack=[day(number) for number in range(1, 9)]) == [
        day(1), day(2), day(3)]
    # After a rollback the live release may be old: it is never removed.
    assert releases.to_remove(names, stack=[day(2)]) == [day(1), day(3)]


def test_the_releases_a_rollback_may_go_to_are_kept() -> None:
    """Six bad releases, each rolled back, then a good one: the release live before the
    good one is older than the five newest, and is kept all the same."""
    names = [day(number) for number in range(1, 9)]
    stack = [day(1), day(8)]
    assert releases.to_remove(names, stack) == [day(2), day(3)]
    assert releases.previous(stack, [day(4), day(5), day(6), day(7), day(8)]) is None


PUBLISH, ROLLBACK = releases.PUBLISH, releases.ROLLBACK


@pytest.mark.parametrize(("events", "live", "stack", "back_to"), [
    # Published three times: back to the second.
    ([(PUBLISH, 1), (PUBLISH, 2), (PUBLISH, 3)], 3, [1, 2, 3], 2),
    # Publish bad (2), rollback, publish good (3): back to 1, never to the bad one.
    ([(PUBLISH, 1), (PUBLISH, 2), (ROLLBACK, 1), (PUBLISH, 3)], 3, [1, 3], 1),
    # Rolled back twice in a row: each goes one further back.
    ([(PUBLISH, 1), (PUBLISH, 2), (PUBLISH, 3), (ROLLBACK, 2)], 2, [1, 2], 1),
    ([(PUBLISH, 1), (PUBLISH, 2), (ROLLBACK, 1)], 1, [1], None),
    # A target published before history.log existed: the ids' order stands for it, also
    # once the first publication or rollback with a history has been recorded.
    ([], 2, [1, 2], 1),
    ([(PUBLISH, 3)], 3, [1, 2, 3], 2),
    ([(ROLLBACK, 2)], 2, [1, 2], 1),
    # A switch the history missed (stopped before its line was written) is added.
    ([(PUBLISH, 1), (PUBLISH, 2)], 3, [1, 2, 3], 2),
    # Never published.
    ([], None, [], None),
])
def test_rollback_goes_to_the_release_live_before_the_live_one(
        events: list[tuple[str, int]], live: int | None, stack: list[int],
        back_to: int | None) -> None:
    names = [day(number) for number in range(1, 4)] + [day(4) + ".partial"]
    history = [releases.history_line(NOW, action, day(number)) for action, number in events]
    found = releases.live_stack(history, names, day(live) if live else None)
    assert found == [day(number) for number in stack]
    assert releases.previous(found, names) == (day(back_to) if back_to else None)


def test_history_lines_are_dated_and_readable() -> None:
    assert releases.history_line(NOW, PUBLISH, day(1)) == (
        "2026-11-26T08:17:16Z publish 20260101-000000")


@pytest.mark.parametrize(("text", "host", "path"), [
    ("hoagiai@may-chu.example:/srv/hoagiai", "hoagiai@may-chu.example", "/srv/hoagiai"),
    ("may-chu:/srv/hoagiai/", "may-chu", "/srv/hoagiai"),
])
def test_remote_targets_are_recognised(text: str, host: str, path: str) -> None:
    assert Target.parse(text) == Target(path, host)



def test_rsync_over_ssh_uploads_into_a_partial_folder_linked_to_the_live_release() -> None:
    target = Target("/srv/hoagiai", "hoagiai@may-chu.example")
    command = target.rsync(Path("/tmp/site"), "20261126-081716", "20261120-090000")
    assert command[1:] == [
        "--recursive", "--links", "--checksum", "--delete", "--chmod=D755,F644",
        "--link-dest=../20261120-090000", "--compress",
        "--rsh", "ssh -o BatchMode=yes -o ConnectTimeout=20",
        "/tmp/site/", "hoagiai@may-chu.example:/srv/hoagiai/releases/20261126-081716.partial/",
    ]
    assert command[0].endswith("rsync")


def test_shell_scripts_run_over_ssh_as_one_quoted_argument() -> None:
    target = Target("/srv/hoa giai", "may-chu")
    assert target.shell("ls -1 '/srv/hoa giai'") == [
        "ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=20", "may-chu",
        "sh -c 'ls -1 '\"'\"'/srv/hoa giai'\"'\"''",
    ]
    assert Target("/srv/x").shell("true") == ["sh", "-c", "true"]


def test_going_live_verifies_then_renames_a_new_symlink_over_current() -> None:
    """…and records the switch in history.log (quoting over SSH: the test above)."""
    scripts: list[str] = []
    remote = Remote(Target("/srv/hoagiai"), run=lambda argv: scripts.append(argv[-1]) or "",
                    clock=lambda: NOW)
    remote.verify("20261126-081716")
    remote.finish("20261126-081716")
    remote.switch("20261120-090000")
    assert scripts == [
        "cd /srv/hoagiai/releases/20261126-081716.partial && "
        "sha256sum --quiet --strict -c SHA256SUMS",
        "mv -T /srv/hoagiai/releases/20261126-081716.partial "
        "/srv/hoagiai/releases/20261126-081716 && ln -sfn releases/20261126-081716 "
        "/srv/hoagiai/current.new && mv -T /srv/hoagiai/current.new /srv/hoagiai/current && "
        "printf '%s\\n' '2026-11-26T08:17:16Z publish 20261126-081716' "
        ">> /srv/hoagiai/history.log",
        "ln -sfn releases/20261120-090000 /srv/hoagiai/current.new && "
        "mv -T /srv/hoagiai/current.new /srv/hoagiai/current && "
        "printf '%s\\n' '2026-11-26T08:17:16Z rollback 20261120-090000' "
        ">> /srv/hoagiai/history.log",
    ]


def test_local_remote_operations_really_switch_and_clean(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text("một")
    (site / "en" / "index.html").write_text("one")
    manifest.write(site, "20260101-000000", "https://x.example/", ROOT)
    remote = Remote(Target(str(tmp_path / "web")))
    assert remote.state() == TargetState(None, [], [])
    assert not (tmp_path / "web").exists(), "reading a target changes nothing"
    remote.discard_partial()
    remote.upload(site, "20260101-000000", None)
    remote.verify("20260101-000000")
    remote.finish("20260101-000000")
    assert (tmp_path / "web" / "current" / "en" / "index.html").read_text() == "one"
    assert remote.current() == "20260101-000000"
    (tmp_path / "web" / "releases" / "x.partial").mkdir()
    remote.discard_partial()
    state = remote.state()
    assert (state.live, state.names, state.stack) == (
        "20260101-000000", ["20260101-000000"], ["20260101-000000"])
    assert state.history[0].endswith(" publish 20260101-000000")


def test_an_upload_that_does_not_match_its_checksums_never_goes_live(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("một")
    manifest.write(site, "20260101-000000", "https://x.example/", ROOT)
    (site / "index.html").write_text("hỏng")  # changed after the manifest was made
    remote = Remote(Target(str(tmp_path / "web")))
    remote.discard_partial()
    remote.upload(site, "20260101-000000", None)
    with pytest.raises(PublishError, match="sha256sum"):
        remote.verify("20260101-000000")
    assert remote.current() is None


def test_the_manifest_is_what_sha256sum_checks(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b.html").write_text("xin chào")
    release = manifest.write(tmp_path, "20260101-000000", "https://x.example/", ROOT)
    assert (release.id, release.files) == ("20260101-000000", 1)
    lines = (tmp_path / "SHA256SUMS").read_text().splitlines()
    assert [line.split("  ")[1] for line in lines] == ["a/b.html", "release.json"]
    check = subprocess.run(["sha256sum", "--strict", "-c", "SHA256SUMS"], cwd=tmp_path,
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.parametrize("site_url", [None, "", "http://localhost:8000/", "http://localhost:8000"])
def test_publishing_with_the_development_address_is_refused(site_url: str | None) -> None:
    with pytest.raises(UsageError) as refused:
        staging.normalise_site_url(site_url)
    assert str(refused.value).startswith(
        "Chưa có địa chỉ thật của trang: đặt biến SITE_URL hoặc thêm --site-url")


def test_the_site_address_gets_its_final_slash() -> None:
    assert staging.normalise_site_url("https://x.example/hoa-giai") == (
        "https://x.example/hoa-giai/")
    with pytest.raises(UsageError, match="must start with https:// or http://"):
        staging.normalise_site_url("x.example/hoa-giai/")


def test_the_command_refuses_the_default_address_before_building(tmp_path: Path) -> None:
    result = hoagiai(ROOT, "publish", "--target", str(tmp_path / "web"),
                     "--site-url", "http://localhost:8000/")
    assert result.returncode == 2
    assert "(en) The site's real address is missing: set SITE_URL" in result.stderr
    assert not (tmp_path / "web").exists()


def test_the_nginx_template_renders_like_envsubst(tmp_path: Path) -> None:
    config = nginx.site_config(ROOT / "deploy" / "nginx", "/hoa-giai/", Path("/srv/h/current"))
    assert 'location "/hoa-giai/" {' in config and 'alias "/srv/h/current/";' in config
    assert 'error_page 404 "/hoa-giai/en/404.html";' in config
    assert "${" not in config
    (tmp_path / nginx.TEMPLATE).write_text("location ${HOAGIAI_PREFIX} { try_files $uri =404; }")
    rendered = nginx.site_config(tmp_path, "/hoa-giai/", Path("/srv"))
    assert rendered == "location /hoa-giai/ { try_files $uri =404; }"  # nginx's own: left alone
    with pytest.raises(PublishError, match="must start and end with '/'"):
        nginx.site_config(ROOT / "deploy" / "nginx", "/hoa-giai", Path("/srv"))


def test_every_kind_of_page_is_checked_in_both_languages() -> None:
    checked = pages_to_check()
    assert len(checked) == 2 * len(PAGE_KINDS)
    assert "" in checked and "en/" in checked and "en/404.html" in checked


def test_the_documented_envsubst_command_gives_the_tested_configuration() -> None:
    """deploy/nginx/README.md renders the template with envsubst; the tests render it in
    Python: both must give the same file, or the tests would check another server."""
    deploy = ROOT / "deploy" / "nginx"
    rendered = subprocess.run(
        ["envsubst", "$HOAGIAI_PREFIX $HOAGIAI_ROOT"],
        input=(deploy / "hoagiai.conf.template").read_text(encoding="utf-8"),
        env={"HOAGIAI_PREFIX": "/hoa-giai/", "HOAGIAI_ROOT": "/srv/hoagiai/current"},
        capture_output=True, text=True, check=True,
    ).stdout
    assert rendered == nginx.site_config(deploy, "/hoa-giai/", Path("/srv/hoagiai/current"))


def test_the_offline_command_zips_what_the_offline_build_makes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    """`hoagiai offline` but for its build, which is the publication's (the zip that
    `hoagiai publish` makes is unzipped and opened in tests/test_offline.py): one zip under
    --dist, named after the time it was made, one top folder inside; its path is printed."""
    built: list[tuple[Path, str]] = []

    def build(root: Path, site_dir: Path, site_url: str) -> str:
        built.append((root, site_url))
        (site_dir / "en").mkdir(parents=True)
        (site_dir / "index.html").write_text("vi", encoding="utf-8")
        (site_dir / "en" / "index.html").write_text("en", encoding="utf-8")
        return ""

    monkeypatch.setattr(offline, "build", build)
    assert cli.main(["--root", str(tmp_path), "offline", "--site-url", "https://x.example/",
                     "--dist", "ra"]) == 0
    archive = Path(capsys.readouterr().out.strip())
    assert archive.parent == tmp_path / "ra"
    assert re.fullmatch(r"hoa-giai-thuong-phuc-\d{8}-\d{6}\.zip", archive.name), archive.name
    assert sorted(zipfile.ZipFile(archive).namelist()) == [
        "hoa-giai-thuong-phuc/en/index.html", "hoa-giai-thuong-phuc/index.html"]
    assert built == [(tmp_path, "https://x.example/")]
