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

from PIL import Image, ImageChops, ImageColor, ImageDraw, ImageFont

from hoagiai.cache_files import read_cached, write_whole
from hoagiai.feature import Made
from hoagiai.unicode_nfc import nfc

WIDTH, HEIGHT = 1200, 630
FONTS = Path("/usr/share/fonts/truetype/noto")
# Bump when the drawing changes: every cached card is then drawn again.
DESIGN = "3"
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


# A card is drawn as palette indices, never as colours: each of its four colour pairs
# (letters in white or muted, on the background or the band) has a ramp of STEPS entries
# from the ground's colour to the letter's, and a letter's coverage of a pixel picks the
# step. So the four colours are exact, an edge is within 8 levels of 255 of its true colour,
# and nothing needs quantizing: a card is drawn in 10 ms instead of 18, and its PNG is about
# as large as a quantized one (zlib level 5: a millisecond less than 6, 4 % larger).
STEPS = 16
BAND_TOP = HEIGHT - 110
_WHITE_STEPS = [round(level * (STEPS - 1) / 255) for level in range(256)]
_MUTED_STEPS = [STEPS + step if step else 0 for step in _WHITE_STEPS]
Lettering = tuple[tuple[int, int], str, ImageFont.FreeTypeFont]  # where, what, in which font


def draw_card(text: CardText) -> bytes:
    """The card as PNG bytes."""
    measure = ImageDraw.Draw(Image.new("L", (1, 1)))
    font, lines = _title_lines(measure, nfc(text.title))
    title = [((MARGIN, 130 + index * int(font.size * 1.25)), line, font)
             for index, line in enumerate(lines)]
    section = [((MARGIN, 64), nfc(text.section).upper(), _font(True, 30))]
    card = _band(nfc(text.commune), nfc(text.site)).copy()
    _ink(card, BAND_TOP, title, _WHITE_STEPS)
    _ink(card, BAND_TOP, section, _MUTED_STEPS)
    card.putpalette(_palette())
    buffer = io.BytesIO()
    card.save(buffer, format="PNG", optimize=False, compress_level=5)
    return buffer.getvalue()


def _ink(steps: Image.Image, height: int, letterings: list[Lettering],
         table: list[int]) -> None:
    """Add to the palette indices `steps` those of `letterings` in `table`'s colour, cut at
    row `height`. Only the box the letters cover is mapped through the table, not the whole
    card: a card is drawn in 8 ms instead of 10."""
    mask = Image.new("L", (steps.width, height))  # how much of each pixel a letter covers
    draw = ImageDraw.Draw(mask)
    for where, words, font in letterings:
        draw.text(where, words, font=font, fill=255)
    box = mask.getbbox()
    if box is not None:
        steps.paste(ImageChops.add(steps.crop(box), mask.crop(box).point(table)), box)


@functools.lru_cache(maxsize=4)
def _band(commune: str, site: str) -> Image.Image:
    """The whole card's indices but the top's letters: the band and its two lines."""
    band = Image.new("L", (WIDTH, HEIGHT - BAND_TOP), 2 * STEPS)
    # Lines 84 and 42 px above the foot.
    _ink(band, band.height, [((MARGIN, band.height - 84), commune, _font(True, 34))],
         _WHITE_STEPS)
    _ink(band, band.height, [((MARGIN, band.height - 42), site, _font(False, 22))],
         _MUTED_STEPS)
    card = Image.new("L", (WIDTH, HEIGHT), 0)
    card.paste(band, (0, BAND_TOP))
    return card


@functools.cache
def _palette() -> tuple[int, ...]:
    """The four ramps, in the order of the indices: background, then band; white, then muted."""
    entries: list[int] = []
    for ground in (BACKGROUND, BAND):
        for letter in (TEXT, MUTED):
            start, end = ImageColor.getrgb(ground), ImageColor.getrgb(letter)
            for step in range(STEPS):
                entries += [round(a + (b - a) * step / (STEPS - 1))
                            for a, b in zip(start, end, strict=True)]
    return tuple(entries)


@dataclass
class CardMaker:
    """Draws cards into a content-hash cache; counts what it drew and reused."""

    cache: Path
    drawn: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)

    def card(self, text: CardText) -> bytes | Made:
        """The card's PNG from the cache, or how to draw it (and keep it in the cache)."""
        key = text.key()
        cached = self.cache / f"{key}.png"
        data = read_cached(cached)
        if data is not None:
            self.reused.append(key)
            return data
        self.drawn.append(key)
        return Made(drawn_and_kept, (text, cached))


def drawn_and_kept(text: CardText, cached: Path) -> bytes:
    """Draw the card and keep it at `cached` (in a worker process too)."""
    data = draw_card(text)
    write_whole(cached, data)
    return data
