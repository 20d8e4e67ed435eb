"""Content problems and crashes as MkDocs' `PluginError`: `mkdocs build` stops with the
message in both languages, never with a traceback (`HOAGIAI_TRACEBACK=1` shows it)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from hoagiai.errors import HoagiaiError
from hoagiai.safety.internal import show_tracebacks


@contextlib.contextmanager
def internal_errors(page: Page) -> Iterator[None]:
    """A crash of a feature while rendering `page`, as a message naming the page's file."""
    try:
        yield
    except (HoagiaiError, PluginError):
        raise
    except Exception as error:  # reported as an internal error, never a traceback
        if show_tracebacks():
            raise
        raise internal_error(f"docs/{page.file.src_uri}", error) from error


def internal_error(where: str, error: Exception) -> PluginError:
    detail = f"{type(error).__name__}: {error}"[:300]
    return PluginError(
        f"hoagiai: lỗi nội bộ khi xử lý {where} / internal error while processing {where}: "
        f"{detail}\nKiểm tra tệp này; nếu vẫn lỗi, gửi thông báo cho người phát triển. / "
        "Check this file; if it still fails, send this message to a developer."
    )


def plugin_error(error: HoagiaiError) -> PluginError:
    return PluginError(f"hoagiai: nội dung có lỗi / content has problems:\n{error}")
