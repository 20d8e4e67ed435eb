"""The app icons, cut from the site's own share picture: its two rings on its red."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from PIL import Image

# Where the rings are in docs/assets/images/chia-se.png (1200×630) and the red around them.
RINGS = (740, 150, 1151, 431)
BACKGROUND = (139, 26, 26)
# A maskable icon may be cut to a circle: the rings must fit inside its middle 80 %.
MASKABLE_MARGIN = 0.22
PLAIN_MARGIN = 0.1


@cache
def icon(picture: Path, size: int, maskable: bool = False) -> bytes:
    """A square PNG of `size` pixels."""
    with Image.open(picture) as source:
        rings = source.convert("RGB").crop(RINGS)
    margin = MASKABLE_MARGIN if maskable else PLAIN_MARGIN
    inner = round(size * (1 - 2 * margin))
    height = round(inner * rings.height / rings.width)
    rings = rings.resize((inner, height), Image.Resampling.LANCZOS)
    canvas = Image.new("RGB", (size, size), BACKGROUND)
    canvas.paste(rings, ((size - inner) // 2, (size - height) // 2))
    out = io.BytesIO()
    canvas.save(out, "PNG", optimize=True)
    return out.getvalue()
