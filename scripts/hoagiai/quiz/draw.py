"""The one procedure that draws a contest paper, written so the browser can repeat it exactly.

`docs/assets/js/contest-draw.js` implements the very same steps; the two must change
together (tests/test_contest_page.py compares the browser's papers with `hoagiai contest`).
Everything is integer arithmetic on 32-bit unsigned numbers, so Python and JavaScript
agree to the bit:

1. Seed. The paper code is normalised to Unicode NFC and prefixed with
   "hoagiai-contest:"; its UTF-8 bytes are hashed with FNV-1a (32 bits).
2. Random numbers. Mulberry32 from that hash: each step adds 0x6D2B79F5 to the state
   and mixes it into one 32-bit number.
3. Shuffle. For each level (easy, medium, hard) and each chosen bank in learning order,
   the bank's questions of that level, in bank order, are shuffled with Fisher–Yates from
   the last position down: position i swaps with j = (number × (i + 1)) >> 32.
4. Levels. The count is split by the mix (weights for easy:medium:hard, 1:1:1 by
   default): each level gets ⌊count × weight / total weight⌋; what is left goes one each
   to the levels with the largest remainder, ties in the order medium, easy, hard. A
   level short of questions gives its shortfall, one question at a time in that same
   order, to the levels of non-zero weight that still have some.
5. Banks. Within a level, questions are taken from the banks in turn (one from each
   bank, again and again), skipping banks that run out.
6. Order. Easy questions first, then medium, then hard; numbered from 1.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from typing import TypeVar

LEVELS: tuple[str, ...] = ("de", "vua", "kho")  # easiest first
TOP_UP_ORDER: tuple[str, ...] = ("vua", "de", "kho")
EVEN_MIX: dict[str, int] = {"de": 1, "vua": 1, "kho": 1}
SEED_PREFIX = "hoagiai-contest:"
_MASK = 0xFFFFFFFF

T = TypeVar("T")


def seed_hash(seed: str) -> int:
    """FNV-1a (32 bits) of the UTF-8 bytes of the prefixed, NFC-normalised paper code."""
    value = 0x811C9DC5
    for byte in (SEED_PREFIX + unicodedata.normalize("NFC", seed)).encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & _MASK
    return value


def mulberry32(state: int) -> Iterator[int]:
    """Mulberry32: an endless stream of 32-bit unsigned numbers from a 32-bit state."""
    while True:
        state = (state + 0x6D2B79F5) & _MASK
        mixed = ((state ^ (state >> 15)) * (state | 1)) & _MASK
        mixed ^= (mixed + (((mixed ^ (mixed >> 7)) * (mixed | 61)) & _MASK)) & _MASK
        yield (mixed ^ (mixed >> 14)) & _MASK


def shuffle(items: Sequence[T], numbers: Iterator[int]) -> list[T]:
    """A Fisher–Yates shuffle of a copy of `items`, from the last position down."""
    shuffled = list(items)
    for i in range(len(shuffled) - 1, 0, -1):
        j = (next(numbers) * (i + 1)) >> 32
        shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
    return shuffled


def level_quotas(count: int, available: dict[str, int],
                 mix: dict[str, int] | None = None) -> dict[str, int]:
    """How many questions of each level a paper of `count` questions takes (steps 4)."""
    weights = mix or EVEN_MIX
    usable = {level: available[level] if weights[level] > 0 else 0 for level in LEVELS}
    total_weight = sum(weights.values())
    if total_weight <= 0 or count > sum(usable.values()):
        raise ValueError(f"{count} questions asked, {sum(usable.values())} available")
    wanted = {level: count * weights[level] // total_weight for level in LEVELS}
    remainders = {level: count * weights[level] % total_weight for level in LEVELS}
    by_remainder = sorted(TOP_UP_ORDER, key=lambda level: -remainders[level])
    for level in by_remainder[:count - sum(wanted.values())]:
        wanted[level] += 1
    quotas = {level: min(wanted[level], usable[level]) for level in LEVELS}
    shortfall = count - sum(quotas.values())
    while shortfall:
        for level in TOP_UP_ORDER:
            if shortfall and quotas[level] < usable[level]:
                quotas[level] += 1
                shortfall -= 1
    return quotas


def in_turn(pools: Sequence[Sequence[T]], quota: int) -> list[T]:
    """`quota` items taken from the pools in turn, skipping pools that run out (step 5)."""
    queues = [list(pool) for pool in pools]
    taken: list[T] = []
    while len(taken) < quota:
        for queue in queues:
            if queue and len(taken) < quota:
                taken.append(queue.pop(0))
    return taken


def draw_ids(banks: Sequence[Sequence[str]], count: int, seed: str,
             mix: dict[str, int] | None = None) -> list[tuple[int, int]]:
    """The paper as (bank index, question index) pairs.

    `banks` holds, for each chosen bank in learning order, the levels of its questions
    in bank order. Raises ValueError if the paper cannot be drawn.
    """
    numbers = mulberry32(seed_hash(seed))
    pools = {level: [shuffle([(b, q) for q, lv in enumerate(bank) if lv == level], numbers)
                     for b, bank in enumerate(banks)]
             for level in LEVELS}
    available = {level: sum(len(pool) for pool in pools[level]) for level in LEVELS}
    quotas = level_quotas(count, available, mix)
    return [pair for level in LEVELS for pair in in_turn(pools[level], quotas[level])]


def parse_mix(text: str) -> dict[str, int]:
    """"1:2:1" (easy:medium:hard) as weights; raises ValueError for anything else."""
    parts = text.split(":")
    if len(parts) != len(LEVELS) or not all(part.strip().isdigit() for part in parts):
        raise ValueError(text)
    weights = dict(zip(LEVELS, (int(part) for part in parts), strict=True))
    if not any(weights.values()) or max(weights.values()) > 100:
        raise ValueError(text)
    return weights
