"""What search engines and the person building read about the site's address.

- One sitemap at the root lists every page of both languages with its translation
  (static-i18n renders the complete one in the last language's build; the plugin puts it
  at the root, where `robots.txt` and search engines look).
- `robots.txt` names that sitemap when the site is published at a host root (a
  robots.txt anywhere else is never read).
- A build without SITE_URL says once that printed outputs will carry no address.
"""

from __future__ import annotations

from urllib.parse import urlsplit

NO_ADDRESS_NOTICE = (
    "hoagiai: chưa đặt SITE_URL, nên tài liệu in, mã QR và địa chỉ in kèm liên kết không ghi "
    "địa chỉ nào; bản tin, sơ đồ trang (sitemap) và liên kết chia sẻ dùng địa chỉ thử "
    "http://localhost:8000/. Khi dựng để đăng, hãy đặt địa chỉ thật, ví dụ "
    "SITE_URL=https://thuongphuc.hanoi.gov.vn/hoa-giai/ mkdocs build.\n"
    "SITE_URL is not set: handouts, QR codes and printed link addresses carry no address; "
    "feeds, the sitemap and share links use the test address http://localhost:8000/. To "
    "build for publication, give the real address, e.g. "
    "SITE_URL=https://commune.example/hoa-giai/ mkdocs build."
)


def robots_txt(public_url: str) -> str | None:
    """robots.txt naming the root sitemap, or None when the site is not at a host root
    (or has no published address)."""
    if not public_url or urlsplit(public_url).path not in ("", "/"):
        return None
    root = public_url if public_url.endswith("/") else public_url + "/"
    return f"User-agent: *\nAllow: /\n\nSitemap: {root}sitemap.xml\n"
