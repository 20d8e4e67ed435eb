"""Training modules: page structure, key points, printable handouts, PDFs and QR codes."""

from hoagiai.modules.feature import ModulesFeature

__all__ = ["ModulesFeature"]
