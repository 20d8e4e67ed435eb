"""The contacts model: offices, helplines and village mediation teams, read from one YAML file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from hoagiai.language import Text
from hoagiai.sitemap import SITE_MAP
from hoagiai.yamlpos import YamlDocument

FILE = "contacts.yml"
PAGE = SITE_MAP["contacts"].index
FOLDER = SITE_MAP["contacts"].slug

# What may stand between digits, as people write numbers: "024 3385 1234", "0912.345.678".
_SEPARATORS = re.compile(r"[ .\-]")
# Short numbers (113), 1800/1900 lines, and 10- or 11-digit numbers starting with 0.
_VALID_DIGITS = re.compile(r"^(1\d\d|1[89]00\d{4,6}|0\d{9,10})$")


def phone_digits(phone: str) -> str:
    """The digits a phone dials: separators removed; "+84" becomes the leading 0."""
    digits = _SEPARATORS.sub("", phone)
    return "0" + digits[3:] if digits.startswith("+84") else digits


def is_valid_phone(phone: str) -> bool:
    return bool(_VALID_DIGITS.match(phone_digits(phone)))


@dataclass(frozen=True)
class Source:
    """Where a published fact comes from: a reference into the legal library, or a web page."""

    ref: str = ""  # "sodienthoai:2"
    url: str = ""
    checked: str = ""


@dataclass(frozen=True)
class Office:
    id: str
    name: Text
    role: Text
    named_in: tuple[str, ...]
    verified: str
    address: Text | None = None
    hours: Text | None = None
    phone: str = ""
    email: str = ""
    source: Source | None = None

    @property
    def tel(self) -> str:
        return phone_digits(self.phone)

    @property
    def has_details(self) -> bool:
        return bool(self.address or self.hours or self.phone or self.email)


@dataclass(frozen=True)
class Helpline:
    id: str
    name: Text
    use: Text
    phone: str
    verified: str
    emergency: bool = False
    source: Source | None = None

    @property
    def tel(self) -> str:
        return phone_digits(self.phone)


@dataclass(frozen=True)
class Team:
    id: str
    village: str
    verified: str
    leader: str = ""
    members: int | None = None
    phone: str = ""
    consent: str = ""

    @property
    def tel(self) -> str:
        return phone_digits(self.phone)

    @property
    def may_publish_person(self) -> bool:
        """Name and phone are shown only with a recorded consent date."""
        return bool(self.consent)


@dataclass(frozen=True)
class Contacts:
    offices: tuple[Office, ...]
    helplines: tuple[Helpline, ...]
    teams: tuple[Team, ...]

    @property
    def emergency(self) -> Helpline | None:
        return next((line for line in self.helplines if line.emergency), None)

    def village_names(self) -> list[str]:
        return [team.village for team in self.teams]


def _source(value: Any) -> Source | None:
    if value is None:
        return None
    if isinstance(value, str):
        return Source(ref=value)
    return Source(url=value["url"], checked=str(value["checked"]))


def read_contacts(document: YamlDocument) -> Contacts:
    """The model of a file that passed its schema."""
    data = document.data
    return Contacts(
        offices=tuple(
            Office(
                id=item["id"], name=Text.of(item["name"]), role=Text.of(item["role"]),
                named_in=tuple(item["named_in"]), verified=str(item["verified"]),
                address=Text.optional(item.get("address")),
                hours=Text.optional(item.get("hours")),
                phone=str(item.get("phone", "")), email=item.get("email", ""),
                source=_source(item.get("source")),
            )
            for item in data["offices"]
        ),
        helplines=tuple(
            Helpline(
                id=item["id"], name=Text.of(item["name"]), use=Text.of(item["use"]),
                phone=str(item["phone"]),
                verified=str(item["verified"]), emergency=bool(item.get("emergency")),
                source=_source(item.get("source")),
            )
            for item in data["helplines"]
        ),
        teams=tuple(
            Team(
                id=item["id"], village=item["village"], verified=str(item["verified"]),
                leader=item.get("leader", ""), members=item.get("members"),
                phone=str(item.get("phone", "")), consent=str(item.get("consent", "")),
            )
            for item in data["teams"]
        ),
    )
