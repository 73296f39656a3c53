"""The one place where domain errors and bad requests become HTTP answers: always JSON ``{"detail": "..."}``,
a 4xx for something the client can fix, a 5xx for a failure on our side, never a traceback."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import (
    AccordingtoError,
    AnalysisCancelledError,
    AnalysisFailedError,
    InputError,
    InputTooLargeError,
    ModelError,
    StoreError,
)

logger = logging.getLogger(__name__)

# Most specific first: the first class an error is an instance of decides its status.
STATUS_BY_ERROR: tuple[tuple[type[AccordingtoError], int], ...] = (
    (InputTooLargeError, 413),
    (InputError, 422),
    # The text was fine but a component crashed on it: a fault of ours, which the client cannot fix.
    (AnalysisFailedError, 500),
    (ModelError, 503),
    # The client went away and its analysis was stopped: nginx's "client closed request"; nobody reads it.
    (AnalysisCancelledError, 499),
    (StoreError, 503),
)


def status_for(error: AccordingtoError) -> int:
    for kind, status in STATUS_BY_ERROR:
        if isinstance(error, kind):
            return status
    return 500


def error_response(status: int, detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status)


async def _domain_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, AccordingtoError)
    status = status_for(error)
    if status >= 500:
        logger.error("request failed: %s", error)
    return error_response(status, str(error))


async def _validation_error(_request: Request, error: Exception) -> JSONResponse:
    """Pydantic's error list, flattened into one readable line (the list stays under ``errors``)."""
    assert isinstance(error, RequestValidationError)
    problems = []
    for item in error.errors():
        where = ".".join(str(part) for part in item.get("loc", ()) if part != "body") or "body"
        problems.append(f"{where}: {item.get('msg', 'invalid')}")
    detail = "; ".join(problems) or "invalid request"
    errors = [
        {"loc": list(item.get("loc", ())), "msg": item.get("msg"), "type": item.get("type")} for item in error.errors()
    ]
    return JSONResponse({"detail": detail, "errors": errors}, status_code=422)


async def _http_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    if error.status_code == 400 and error.__cause__ is not None:
        # FastAPI answers 400 to a body its JSON parser gave up on with something other than a decode error
        # (arrays nested thousands deep: RecursionError); it is malformed JSON like any other, a documented 422.
        return error_response(422, "body: JSON that cannot be read (nested too deeply, or not JSON)")
    return JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=error.headers)


async def _unexpected(_request: Request, error: Exception) -> JSONResponse:
    logger.exception("unexpected error", exc_info=error)
    return error_response(500, "internal error: the analysis could not be completed")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AccordingtoError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
