"""The OpenAPI document, with the analysis described by the JSON schema the package ships (one schema for the
CLI, the library and the service, instead of a second copy as pydantic models)."""

from __future__ import annotations

import copy
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from ..schema import analysis_schema

ANALYSIS = "Analysis"
_PREFIX = "Analysis_"


def analysis_ref() -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{ANALYSIS}"}


def _rewrite_refs(node: Any) -> Any:
    """Point the schema's internal ``#/$defs/x`` references at ``#/components/schemas/Analysis_x``."""
    if isinstance(node, dict):
        return {
            key: (
                value.replace("#/$defs/", f"#/components/schemas/{_PREFIX}")
                if key == "$ref" and isinstance(value, str)
                else _rewrite_refs(value)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_rewrite_refs(item) for item in node]
    return node


def analysis_components() -> dict[str, Any]:
    """The analysis schema and its definitions, as OpenAPI 3.1 component schemas (JSON Schema 2020-12)."""
    schema = copy.deepcopy(analysis_schema())
    definitions = schema.pop("$defs", {})
    for key in ("$schema", "$id"):
        schema.pop(key, None)
    components = {f"{_PREFIX}{name}": _rewrite_refs(value) for name, value in definitions.items()}
    components[ANALYSIS] = _rewrite_refs(schema)
    return components


def install_openapi(app: FastAPI) -> None:
    """Generate the document once, on first request, with the analysis schemas added."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            document.setdefault("components", {}).setdefault("schemas", {}).update(analysis_components())
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
