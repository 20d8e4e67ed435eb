"""The features of the site, in the order the pipeline runs them.

Order matters in two places: `check` sees every feature loaded, whatever the
order; `generate` runs in this order and each feature sees what earlier ones
made. The audience pages list everything, so they come last.
"""

from __future__ import annotations

from hoagiai.audiences import AudiencesFeature
from hoagiai.feature import Feature
from hoagiai.legal import LegalFeature
from hoagiai.pages import PagesFeature


def all_features() -> list[Feature]:
    return [
        PagesFeature(),
        LegalFeature(),
        AudiencesFeature(),
    ]
