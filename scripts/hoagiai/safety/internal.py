"""A crash inside the generator, reported as a problem naming the file being processed.

Readers record the file they are reading in `processing`; when a feature fails with
an unexpected exception, the pipeline reports "lỗi nội bộ / internal error" at that
file instead of a traceback. `HOAGIAI_TRACEBACK=1` lets the exception through, for
developers.
"""

from __future__ import annotations

import os
from contextvars import ContextVar

from hoagiai.problems import Location, Problem, problem

processing: ContextVar[str] = ContextVar("processing", default="")


def show_tracebacks() -> bool:
    return os.environ.get("HOAGIAI_TRACEBACK", "") not in ("", "0")


def internal_problem(error: BaseException, stage: str) -> Problem:
    """The problem for an unexpected `error` raised by `stage` ("quiz.load", …)."""
    where = processing.get() or "mkdocs.yml"
    detail = f"{type(error).__name__}: {error}"[:300]
    return problem(
        Location(where),
        f"lỗi nội bộ của trình tạo trang khi xử lý tệp này ({stage}: {detail})",
        "kiểm tra tệp có đúng mẫu không; nếu vẫn lỗi, gửi thông báo này cho người phát triển",
        f"internal error of the generator while processing this file ({stage}: {detail})",
        "check that the file follows its model; if it still fails, send this message to a "
        "developer",
    )
