"""Anchoring attributions in time: when a statement was made, or what time it is about."""
