"""The commune's 2025–2030 plan as data: model, validation, charts, pages and yearly report."""
