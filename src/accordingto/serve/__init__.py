"""Serve: the web service (FastAPI) and the page it serves. ``create_app(db_url)`` builds the app."""

from .app import create_app

__all__ = ["create_app"]
