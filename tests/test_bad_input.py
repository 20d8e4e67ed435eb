"""Bad input stops `hoagiai check` and `mkdocs build` with file, line and a fix, never silently."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.project import copy_project, hoagiai, mkdocs_build

FIXTURES = Path(__file__).parent / "fixtures" / "bad"

EXPECTED = {
    "audiences-syntax-error.yml": [
        "materials/audiences.yml:8:16: YAML sai cú pháp: có dấu hai chấm “:” không đúng chỗ",
    ],
    "audiences-schema-error.yml": [
        "materials/audiences.yml:3:5: audiences[1]: thiếu trường bắt buộc “summary”",
        "materials/audiences.yml:5:7: audiences[1].title: thiếu trường bắt buộc “en”",
        "materials/audiences.yml:6:5: audiences[1]: trường “sumary” không dùng được ở đây",
    ],
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def use_fixture(project: Path, name: str) -> None:
    shutil.copy(FIXTURES / name, project / "materials" / "audiences.yml")


def starts(output: str) -> list[str]:
    """The Vietnamese half ("where: what") of every problem line."""
    return [line.split(" — ")[0] for line in output.splitlines() if line.startswith("materials/")]


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_check_names_file_and_line(project: Path, fixture: str) -> None:
    use_fixture(project, fixture)
    result = hoagiai(project, "check")
    assert result.returncode == 1
    assert starts(result.stderr) == EXPECTED[fixture]
    assert "(en) " in result.stderr
    assert f"Found {len(EXPECTED[fixture])} problem" in result.stderr


@pytest.mark.build
@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_build_stops_with_the_same_message(project: Path, fixture: str, tmp_path: Path) -> None:
    use_fixture(project, fixture)
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert starts(result.stdout + result.stderr) == EXPECTED[fixture]
    assert not (site / "index.html").exists(), "a half-built site was written"


def test_missing_translation_is_an_error(project: Path) -> None:
    (project / "docs" / "gioi-thieu.en.md").unlink()
    result = hoagiai(project, "check")
    assert result.returncode == 1
    assert result.stderr.startswith(
        "docs/gioi-thieu.md:1:1: trang này chưa có bản tiếng Anh “docs/gioi-thieu.en.md”"
    )


def test_decomposed_unicode_is_reported_and_fixable(project: Path) -> None:
    page = project / "docs" / "gioi-thieu.md"
    page.write_text(page.read_text() + "\nHoa\u0300 gia\u0309i.\n", encoding="utf-8")
    result = hoagiai(project, "check")
    assert result.returncode == 1
    assert "docs/gioi-thieu.md:" in result.stderr and "(NFD)" in result.stderr
    fixed = hoagiai(project, "check", "--fix-unicode")
    assert fixed.returncode == 0, fixed.stderr
    assert "Hoà giải." in page.read_text(encoding="utf-8")


def test_good_project_checks_clean(project: Path) -> None:
    result = hoagiai(project, "check")
    assert result.returncode == 0, result.stderr


@pytest.mark.build
def test_broken_link_or_anchor_stops_the_build(project: Path, tmp_path: Path) -> None:
    """A link to a missing page and one to a missing heading: each is a warning that stops
    the strict build (one build for both: it reports every problem it finds)."""
    page = project / "docs" / "gioi-thieu.md"
    page.write_text(page.read_text(encoding="utf-8")
                    + "\n[x](khong-co.md)\n\n[y](hoc-tap/index.md#khong-co)\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    warnings = [line for line in output.splitlines() if line.startswith("WARNING")]
    assert any("gioi-thieu.md" in line and "'khong-co.md'" in line for line in warnings), output
    assert any("gioi-thieu.md" in line and "#khong-co" in line for line in warnings), output
    assert "Aborted with 2 warnings in strict mode!" in output
