"""The JSON schema of the output, shipped as package data so that users and tests validate against one file."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def analysis_schema() -> dict[str, Any]:
    """The JSON schema (draft 2020-12) every ``Analysis.to_dict()`` conforms to."""
    schema: dict[str, Any] = json.loads(resources.files(__name__).joinpath("analysis.schema.json").read_text("utf-8"))
    return schema
