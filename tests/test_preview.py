"""`mkdocs serve --dirty`, the authors' quick preview: an edit shows in seconds, and what the
edit did not touch stays as the full first build made it."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import jinja2
import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from hoagiai.bench.liveserve import (
    EDIT_TIMEOUT,
    EDITS,
    mkdocs_serve,
    rename_first_audience,
    time_edits_on,
    wait_for,
)
from hoagiai.feature import OutputFile
from hoagiai.mkdocs_adapter import preview
from hoagiai.mkdocs_adapter.preview import AfterReload, CompiledTemplates
from support.project import copy_project, quiet_env
from support.search_files import read_head, shard_home

UNTOUCHED = "van-ban/luat58/index.html"  # a generated page neither edit reaches
# How long an edit may take to show here: the benchmark's limit is for a quiet machine, and
# this one may be running the other pytest worker's builds.
SHOWN_WITHIN = 4 * EDIT_TIMEOUT


def served_head(base_url: str, lang: str) -> dict:
    """The head of the served search index of `lang`."""
    with urllib.request.urlopen(f"{base_url}search/{lang}.js", timeout=10) as response:
        return read_head(response.read().decode("utf-8"))


def search_pages(base_url: str, lang: str) -> list[str]:
    """The URLs the served search index of `lang` lists."""
    return [page[0] for page in served_head(base_url, lang)["pages"]]


@pytest.mark.server
def test_preview_renders_what_changed_and_keeps_the_rest(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    with mkdocs_serve(project, log, env=quiet_env()) as server:
        site_dir = Path(re.search(r"documentation to directory: (\S+)",
                                  log.read_text(encoding="utf-8")).group(1))
        untouched = (site_dir / UNTOUCHED).stat().st_mtime_ns
        indexed = {lang: search_pages(server.base_url, lang) for lang in ("vi", "en")}
        assert "van-ban/luat58/" in indexed["vi"] and "en/van-ban/luat58/" in indexed["en"]

        # The benchmark's edits, one page and one YAML file: each shows, and the server worked
        # for it (how fast is the benchmark's business: this machine is shared and noisy).
        timings = time_edits_on(server, project, EDITS, SHOWN_WITHIN)
        assert [t.label for t in timings] == [edit.label for edit in EDITS]
        assert all(t.seconds is not None and t.cpu_seconds > 0 for t in timings), timings
        # Only the pages they changed were rendered again, yet search still finds every page,
        # the edited text too, and a generated page neither edit reaches was not written again.
        assert {lang: search_pages(server.base_url, lang) for lang in indexed} == indexed
        # The edit's marker word ("hgbench…") is in the term shard the engine reads it from.
        key = shard_home(served_head(server.base_url, "vi")["shards"], "hgbench")
        assert key is not None
        assert wait_for(f"{server.base_url}search/vi/w/{key}.js", "hgbench", SHOWN_WITHIN) \
            is not None
        assert (site_dir / UNTOUCHED).stat().st_mtime_ns == untouched
        # `strict: true` holds, and MkDocs' warning about dirty builds does not stop the preview.
        output = log.read_text(encoding="utf-8")
        assert "INFO    -  A 'dirty' build is being performed" in output
        assert "WARNING" not in output and "Aborted" not in output and "ERROR" not in output

        # A mistake is reported in the terminal where it is (MkDocs then holds the pages back
        # until it is fixed), and the fix shows as any edit does.
        audiences = project / "materials" / "audiences.yml"
        good = audiences.read_text(encoding="utf-8")
        audiences.write_text(good.replace("audiences:", "audiences: [", 1), encoding="utf-8")
        assert wait_for_log(log, "materials/audiences.yml:", SHOWN_WITHIN)
        audiences.write_text(rename_first_audience(good, "xemtruoc3"), encoding="utf-8")
        assert wait_for(server.base_url + "danh-cho/hoa-giai-vien/", "xemtruoc3",
                        SHOWN_WITHIN) is not None
    # Stopped as Ctrl+C stops it, the preview removed the site it built in /tmp.
    assert not site_dir.exists()


def wait_for_log(log: Path, text: str, timeout: float) -> bool:
    """Whether `text` appears in the server's log within `timeout` seconds."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if text in log.read_text(encoding="utf-8"):
            return True
        time.sleep(0.1)
    return False


def test_a_dirty_build_to_publish_is_refused(tmp_path: Path) -> None:
    """Only the preview may skip pages: a site to publish is built whole."""
    project = copy_project(tmp_path / "project")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--dirty", "--site-dir", str(tmp_path / "site")],
        cwd=project, env=quiet_env(), capture_output=True, text=True, check=False, timeout=300,
    )
    assert result.returncode != 0
    assert "run `mkdocs build` without --dirty" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_templates_compiled_once_are_compiled_again_when_edited() -> None:
    """MkDocs makes a new Jinja environment per language and per rebuild; they share one cache."""
    compiled = CompiledTemplates()
    sources = {"page.html": "<p>{{ title }}</p>"}

    def render() -> str:
        env = jinja2.Environment(loader=jinja2.DictLoader(sources), bytecode_cache=compiled)
        return env.get_template("page.html").render(title="Hòa giải")

    assert render() == "<p>Hòa giải</p>"
    assert len(compiled._code) == 1
    assert render() == "<p>Hòa giải</p>"
    sources["page.html"] = "<h1>{{ title }}</h1>"
    assert render() == "<h1>Hòa giải</h1>"


def test_what_is_read_on_demand_is_written_after_the_rebuild(tmp_path: Path) -> None:
    """The search index of a preview is written on a thread once MkDocs shows the edit."""
    after = AfterReload()
    assert not after.holds()  # the first build writes it with the pages: nobody waits yet
    after.start()
    after.wait()
    assert after.holds()
    after.hold(OutputFile("search/vi.js", "chỉ mục"), tmp_path)
    assert not (tmp_path / "search" / "vi.js").exists()  # held, not written with the pages
    after.start()
    after.wait()
    assert (tmp_path / "search" / "vi.js").read_text(encoding="utf-8") == "chỉ mục"
    # A rebuild that failed before its end held a file it never wrote: it is dropped.
    after.hold(OutputFile("search/en.js", "index"), tmp_path)
    after.wait()  # as a second language's build starts: what the first held waits on
    after.drop()
    after.start()
    after.wait()
    assert not (tmp_path / "search" / "en.js").exists()


def test_a_file_the_preview_cannot_write_is_reported(tmp_path: Path,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "search").write_text("", encoding="utf-8")  # a file where its folder goes
    after = AfterReload()
    after.hold(OutputFile("search/vi.js", "chỉ mục"), tmp_path)
    after.start()
    after.wait()
    assert "could not write the preview's search/vi.js" in caplog.text


def _server(tmp_path: Path) -> LiveReloadServer:
    """MkDocs' preview server (not serving), watching a folder twice, as MkDocs and a plugin
    may both ask for the same folder."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "trang.md").write_text("# Trang\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0,
                              root=str(tmp_path / "site"))
    server.watch(str(tmp_path / "docs"))
    server.watch(str(tmp_path / "docs"))
    return server


def _asks_for_rebuild(server: LiveReloadServer, within: float) -> bool:
    started = time.perf_counter()
    while time.perf_counter() - started < within:
        if server._want_rebuild:  # MkDocs 1.6: set by the watcher, read by its build loop
            return True
        time.sleep(0.02)
    return False


def test_the_preview_hears_of_saves_from_the_system_and_not_of_reads(tmp_path: Path) -> None:
    server = _server(tmp_path)
    preview.watch_saves(server)
    assert not isinstance(server.observer, PollingObserver)
    assert server._watched_paths == {str(tmp_path / "docs"): 2}  # watched as often as before
    server.observer.start()
    try:
        page = tmp_path / "docs" / "trang.md"
        assert page.read_text(encoding="utf-8")  # a build reads every page: no rebuild
        assert not _asks_for_rebuild(server, within=0.5)
        page.write_text("# Trang đã sửa\n", encoding="utf-8")
        assert _asks_for_rebuild(server, within=2.0)
    finally:
        server.observer.stop()
        server.observer.join()


def test_the_preview_polls_where_asked_or_where_the_system_refuses(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger=preview.LOG.name)
    server = _server(tmp_path)
    preview.watch_saves(server, polling=True)  # `watch_by_polling: true` in mkdocs.yml
    assert isinstance(server.observer, PollingObserver)

    def refused(trial: list[str] | None = None) -> None:
        raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(preview, "_saves_observer", refused)
    preview.watch_saves(server)
    assert isinstance(server.observer, PollingObserver)
    assert "the preview looks for changes every half second" in caplog.text
