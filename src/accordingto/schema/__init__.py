"""The JSON schema of the output, generated from the data model (``accordingto.model``) and shipped as package data,
so that users and tests validate against one file that cannot drift from the code.

Regenerate the shipped file after changing the model with ``python -m accordingto.schema`` (a test fails until the
shipped file equals the generated one).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from ..model import SCHEMA_VERSION, Analysis, adapter

SCHEMA_FILE = "analysis.schema.json"
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = f"https://accordingto.invalid/schema/analysis-{SCHEMA_VERSION}.json"


class _Generator(GenerateJsonSchema):
    """pydantic's generator without a title on every property (the field name says it; classes keep theirs)."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False


def generate_analysis_schema() -> dict[str, Any]:
    """The JSON schema of ``Analysis.to_dict()``, generated from the model classes."""
    generated = adapter(Analysis).json_schema(mode="serialization", schema_generator=_Generator)
    return {"$schema": SCHEMA_DIALECT, "$id": SCHEMA_ID, **generated}


def schema_text(schema: dict[str, Any]) -> str:
    """The shipped file's exact form (sorted keys, so a regeneration diff shows only real changes)."""
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


@cache
def analysis_schema() -> dict[str, Any]:
    """The shipped JSON schema (draft 2020-12) every ``Analysis.to_dict()`` conforms to."""
    schema: dict[str, Any] = json.loads(resources.files(__name__).joinpath(SCHEMA_FILE).read_text("utf-8"))
    return schema
