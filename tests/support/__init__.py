"""Helpers shared by the tests: building the site, serving it, driving a browser."""
