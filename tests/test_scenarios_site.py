"""The scenarios in the real build: the pages other features make list and link them (modules,
stories, handouts, the legal library's "cited by", audiences, search); and the scenarios
themselves hold what issue 20 asks of them together."""

from __future__ import annotations

from pathlib import Path

import pytest

from hoagiai.pipeline import load_site
from hoagiai.scenarios.model import EndingKind, Scenario, Scenarios
from hoagiai.scenarios.views import EIGHT_SKILLS
from hoagiai.site import Paths
from support.project import ROOT

SCENARIOS: tuple[Scenario, ...] = load_site(Paths.at(ROOT)).get(Scenarios).items


def refs(scenario: Scenario) -> set[str]:
    cited = {c.ref for step in scenario.steps for choice in step.choices for c in choice.cite}
    return cited | {c.ref for ending in scenario.endings for c in ending.cite}


def test_the_scenarios_cover_what_the_issue_asks() -> None:
    assert len(SCENARIOS) >= 8
    for scenario in SCENARIOS:
        assert len(scenario.steps) >= 4 and len(scenario.endings) >= 3, scenario.id
    assert set(EIGHT_SKILLS) <= {skill for s in SCENARIOS for skill in s.skills}
    with_skill = {skill: [s for s in SCENARIOS if skill in s.skills]
                  for skill in ("nhay-cam-gioi", "nhan-biet-bao-luc", "xung-dot-loi-ich",
                                "lien-thon")}
    assert with_skill["nhay-cam-gioi"]
    # Violence risk: every way through ends in stopping and reporting.
    assert any(all(e.kind is EndingKind.STOPPED for e in s.endings)
               for s in with_skill["nhan-biet-bao-luc"])
    assert any(EndingKind.STEP_ASIDE in s.ending_kinds for s in with_skill["xung-dot-loi-ich"])
    assert any("luat35:22" in refs(s) for s in with_skill["lien-thon"])
    # A case for the court: the Law on mediation at court is cited, and no agreement is reached.
    court = [s for s in SCENARIOS if any(ref.startswith("luat58:") for ref in refs(s))]
    assert court and all(EndingKind.AGREEMENT not in s.ending_kinds for s in court)


def html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.build
def test_other_pages_list_and_link_the_scenarios(built_site: Path) -> None:
    for scenario in SCENARIOS:
        link = f"tinh-huong/{scenario.id}/"
        assert link in html(built_site, f"hoc-tap/{scenario.module}"), scenario.id
        assert f"en/{link}" in html(built_site, f"en/hoc-tap/{scenario.module}") or \
            link in html(built_site, f"en/hoc-tap/{scenario.module}")
        for story, _ in scenario.practises:
            assert link in html(built_site, f"cau-chuyen/{story}"), (scenario.id, story)
        kit = f"tinh-huong/dong-vai/{scenario.id}"
        assert f"{kit}/" in html(built_site, "tai-lieu-in")
        assert f"{kit}.pdf" in html(built_site, "tai-lieu-in")
        assert (built_site / f"{kit}.pdf").exists() and (built_site / f"en/{kit}.pdf").exists()
        assert f'href="{scenario.id}/"' in html(built_site, "tinh-huong"), scenario.id
        search = (built_site / "search" / "vi.js").read_text(encoding="utf-8")
        assert f'"{link}' in search, scenario.id
    assert "tinh-huong/" in html(built_site, "danh-cho/hoa-giai-vien")
    assert "tinh-huong/dong-vai/" in html(built_site, "danh-cho/tap-huan-vien")
    cited_by = "".join(page.read_text(encoding="utf-8")
                       for page in (built_site / "van-ban" / "dan-chieu").glob("*/index.html"))
    for scenario in SCENARIOS:
        assert f"tinh-huong/{scenario.id}/#buoc-" in cited_by, scenario.id
