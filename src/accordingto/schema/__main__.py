"""``python -m accordingto.schema``: write the generated JSON schema over the shipped file."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from . import SCHEMA_FILE, generate_analysis_schema, schema_text

if __name__ == "__main__":
    target = Path(str(resources.files("accordingto.schema").joinpath(SCHEMA_FILE)))
    target.write_text(schema_text(generate_analysis_schema()), encoding="utf-8")
