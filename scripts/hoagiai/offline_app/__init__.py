"""Offline use: installable app, service worker, pages kept for reading without signal."""
