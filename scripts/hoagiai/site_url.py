"""The site's public address (`--site-url`, `SITE_URL`, `site_url` in mkdocs.yml), checked
before anything is built or written.

Every page, feed, QR code and the nginx configuration is made from it, so it must be a
plain absolute http(s) address: a host, an optional port, and a path of simple ASCII
words. A quote, a space or markup would otherwise be written into every page; a query or
a password would be published. `hoagiai publish`, `hoagiai offline` and the MkDocs
plugin all call `checked`, which says in Vietnamese then English what is wrong and how
to fix it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from hoagiai.errors import UsageError
from hoagiai.language import Text

EXAMPLE_VI = "https://thuongphuc.hanoi.gov.vn/hoa-giai/"
EXAMPLE_EN = "https://commune.example/hoa-giai/"
# A host name (labels of letters, digits and hyphens) or an IPv4 address.
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}"
                   r"[a-z0-9])?)*$")
_PATH_WORD = re.compile(r"^[A-Za-z0-9._~-]+$")
_MARKUP = set("\"'`<>\\{}|^[]")


class SiteUrlError(UsageError):
    """The site's address cannot be used."""


def checked(url: str, source: str = "--site-url / SITE_URL") -> str:
    """`url` ending with '/', or SiteUrlError saying what is wrong with it and how to fix it.
    `source` names where the address came from, for the message."""
    problem = _problem(url)
    if problem:
        raise SiteUrlError(message(problem.vi, problem.en, source=source))
    return url if url.endswith("/") else url + "/"


def message(what_vi: str, what_en: str, source: str) -> str:
    """What is wrong with the address and how to fix it, Vietnamese then English."""
    return (f"Địa chỉ trang ({source}) không dùng được: {what_vi}\n"
            f"  Sửa: ghi địa chỉ đầy đủ của trang, chỉ gồm chữ không dấu, số, '-', '.' và '/', "
            f"ví dụ {EXAMPLE_VI}\n"
            f"(en) The site's address ({source}) cannot be used: {what_en}\n"
            f"  Fix: give the site's full address, in plain ASCII letters, digits, '-', '.' "
            f"and '/', for example {EXAMPLE_EN}")


def _problem(url: str) -> Text | None:
    """What is wrong with `url` (Vietnamese, English), or None."""
    shown = repr(url)
    bad = next((char for char in url if char in _MARKUP or not char.isprintable()
                or char.isspace()), None)
    if bad is not None:
        kind = (Text("có dấu cách", "it contains a space") if bad == " "
                else Text(f"có ký tự {bad!r} (dấu nháy, dấu ngoặc hay ký tự của mã HTML)",
                          f"it contains {bad!r} (a quote, a bracket or markup)"))
        return Text(f"{shown} {kind.vi}.", f"{shown}: {kind.en}.")
    if not url.isascii():
        return Text(f"{shown} có chữ có dấu hoặc ký tự ngoài ASCII.",
                    f"{shown} has accented or non-ASCII characters.")
    parts = urlsplit(url)  # no '[' or ']' left, so no IPv6 parsing that could fail
    if parts.scheme not in ("http", "https") or not url.startswith(parts.scheme + "://"):
        return Text(f"{shown} phải bắt đầu bằng https:// hoặc http://.",
                    f"{shown} must start with https:// or http://.")
    if "@" in parts.netloc:
        return Text(f"{shown} có tên người dùng hoặc mật khẩu (phần trước '@').",
                    f"{shown} holds a user name or password (before '@').")
    if not parts.hostname or not _HOST.match(parts.hostname):
        return Text(f"{shown} không có tên máy chủ hợp lệ sau '//' "
                    "(ví dụ thuongphuc.hanoi.gov.vn).",
                    f"{shown} has no valid host name after '//' (for example commune.example).")
    if not _valid_port(parts.netloc):
        return Text(f"cổng (số sau dấu ':') trong {shown} không hợp lệ; thường bỏ hẳn phần này.",
                    f"the port (the number after ':') in {shown} is not valid; "
                    "usually leave it out.")
    if parts.query or parts.fragment or "?" in url or "#" in url:
        return Text(f"{shown} có phần '?' hoặc '#', địa chỉ trang không có các phần này.",
                    f"{shown} has a '?' or '#' part, which a site address has not.")
    words = parts.path.strip("/").split("/") if parts.path.strip("/") else []
    if "//" in parts.path or any(word in (".", "..") or not _PATH_WORD.match(word)
                                 for word in words):
        return Text(f"đường dẫn {parts.path!r} trong {shown} có ký tự không dùng được.",
                    f"the path {parts.path!r} of {shown} has characters that cannot be used.")
    return None


def _valid_port(netloc: str) -> bool:
    """No port, or a number from 1 to 65535 (`netloc` has no '@' and no brackets here)."""
    _, colon, port = netloc.partition(":")
    return not colon or (port.isdigit() and 0 < int(port) < 65536)
