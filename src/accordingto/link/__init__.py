"""Linking attributions: which one is reported inside which (nesting), and which upstream reports the article
relies on (provenance)."""
