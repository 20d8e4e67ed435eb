"""Draw the site's default share picture (docs/assets/images/chia-se.png, 1200×630).

Not part of the build: the picture is committed as a designed asset, so building
needs neither Pillow nor fonts. Run this only to redraw it, on Debian with
`fonts-noto-core`: `pip install Pillow==13.0.0 && python scripts/tools/share_image.py`.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 630)
RED = "#8b1a1a"
DARK_RED = "#6b1212"
CREAM = "#fff7e8"
FONTS = Path("/usr/share/fonts/truetype/noto")
OUTPUT = Path(__file__).resolve().parents[2] / "docs" / "assets" / "images" / "chia-se.png"


def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / name), size)


def draw() -> Image.Image:
    image = Image.new("RGB", SIZE, RED)
    pen = ImageDraw.Draw(image)
    # Two circles that overlap: two parties finding common ground.
    pen.ellipse((740, 150, 1020, 430), outline=CREAM, width=14)
    pen.ellipse((870, 150, 1150, 430), outline=CREAM, width=14)
    pen.rectangle((0, 560, SIZE[0], SIZE[1]), fill=DARK_RED)
    pen.text((70, 150), "Hòa giải ở cơ sở", font=font("NotoSans-Bold.ttf", 84), fill=CREAM)
    pen.text((74, 270), "Xã Thượng Phúc · TP Hà Nội", font=font("NotoSans-Regular.ttf", 46),
             fill=CREAM)
    pen.text((74, 350), "Học tập · Hỏi đáp · Câu chuyện", font=font("NotoSans-Regular.ttf", 38),
             fill=CREAM)
    pen.text((74, 575), "Grassroots mediation — Thượng Phúc commune, Hà Nội",
             font=font("NotoSans-Regular.ttf", 30), fill=CREAM)
    return image


if __name__ == "__main__":
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    draw().save(OUTPUT, optimize=True)
    print(f"{OUTPUT} ({OUTPUT.stat().st_size} bytes)")
