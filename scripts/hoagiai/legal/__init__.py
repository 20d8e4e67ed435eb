"""The legal library: official texts verbatim, article by article, and checked citations."""

from hoagiai.legal.feature import LegalFeature

__all__ = ["LegalFeature"]
