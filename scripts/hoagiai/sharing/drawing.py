"""Draw a page's 1200 × 630 social card (page title, section, commune) with Pillow.

The fonts are the site's local Noto fonts (Debian fonts-noto-core), which carry every
Vietnamese letter precomposed; text is NFC, so no combining marks need shaping. A card
is kept under `.cache/cards/` by the hash of what it shows, so an unchanged page is not
drawn again.
"""

from __future__ import annotations

import functools
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from hoagiai.cache_files import read_cached, write_whole
from hoagiai.unicode_nfc import nfc

WIDTH, HEIGHT = 1200, 630
FONTS = Path("/usr/share/fonts/truetype/noto")
# Bump when the drawing changes: every cached card is then drawn again.
DESIGN = "2"
BACKGROUND = "#8b1a1a"  # the site's primary colour (site.css)
BAND = "#6b1212"
TEXT = "#ffffff"
MUTED = "#f3dede"
MARGIN = 72


@dataclass(frozen=True)
class CardText:
    """What one card shows, in the page's language."""

    title: str
    section: str
    commune: str
    site: str

    def key(self) -> str:
        text = "\n".join((DESIGN, self.title, self.section, self.commune, self.site))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


@functools.cache
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    name = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
    return ImageFont.truetype(str(FONTS / name), size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont,
          width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _title_lines(draw: ImageDraw.ImageDraw, title: str) -> tuple[ImageFont.FreeTypeFont,
                                                                  list[str]]:
    """The largest size at which the title fits in three lines (the last size ellipsises)."""
    for size in (72, 64, 56, 48, 42):
        font = _font(True, size)
        lines = _wrap(draw, title, font, WIDTH - 2 * MARGIN)
        if len(lines) <= 3:
            return font, lines
    lines = lines[:3]
    lines[2] = lines[2].rstrip(" .,;:") + " …"
    return font, lines


def draw_card(text: CardText) -> bytes:
    """The card as PNG bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, HEIGHT - 110, WIDTH, HEIGHT), fill=BAND)
    draw.text((MARGIN, 64), nfc(text.section).upper(), font=_font(True, 30), fill=MUTED)
    font, lines = _title_lines(draw, nfc(text.title))
    y = 130
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill=TEXT)
        y += int(font.size * 1.25)
    draw.text((MARGIN, HEIGHT - 84), nfc(text.commune), font=_font(True, 34), fill=TEXT)
    draw.text((MARGIN, HEIGHT - 42), nfc(text.site), font=_font(False, 22), fill=MUTED)
    # A palette of 256 colours keeps the four colours exact and the letters' edges within a
    # few levels: the PNG is under half the size (17 KB instead of 38) and saved faster.
    palette = image.quantize(colors=256, method=Image.Quantize.FASTOCTREE,
                             dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    palette.save(buffer, format="PNG", optimize=False, compress_level=6)
    return buffer.getvalue()


@dataclass
class CardMaker:
    """Draws cards into a content-hash cache; counts what it drew and reused."""

    cache: Path
    drawn: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)

    def card(self, text: CardText) -> bytes:
        key = text.key()
        cached = self.cache / f"{key}.png"
        data = read_cached(cached)
        if data is not None:
            self.reused.append(key)
            return data
        data = draw_card(text)
        write_whole(cached, data)
        self.drawn.append(key)
        return data
