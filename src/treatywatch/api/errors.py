"""Errors of the open-data edge, answered as JSON that names the parameter at fault.

    Problem                        a request the client can fix; carries status 400 or 404
    ├── BadParameter  (400)        a malformed or unknown query parameter ("as_of", "page", "colour")
    └── NotFound      (404)        a treaty, State or page that does not exist

Every body has the same shape, e.g.
``{"error": "bad_parameter", "parameter": "as_of", "expected": "a date YYYY-MM-DD", "got": "2020-13-01"}``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any, ParamSpec

from django.http import HttpResponse

__all__ = ["BadParameter", "NotFound", "Problem", "answers_problems", "problem_response"]

P = ParamSpec("P")


class Problem(Exception):
    status = 400
    error = "bad_parameter"

    def __init__(self, parameter: str, expected: str, got: object = None) -> None:
        self.parameter = parameter
        self.expected = expected
        self.got = None if got is None else str(got)[:200]
        super().__init__(f"{parameter}: expected {expected}, got {self.got!r}")

    def body(self) -> dict[str, Any]:
        return {"error": self.error, "parameter": self.parameter, "expected": self.expected, "got": self.got}


class BadParameter(Problem):
    status = 400
    error = "bad_parameter"


class NotFound(Problem):
    status = 404
    error = "not_found"


def problem_response(problem: Problem) -> HttpResponse:
    response = HttpResponse(
        json.dumps(problem.body(), ensure_ascii=False).encode(),
        status=problem.status,
        content_type="application/json; charset=utf-8",
    )
    # Errors are cheap to recompute and must not outlive a fix of the record.
    response["Cache-Control"] = "no-store"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def answers_problems(view: Callable[P, HttpResponse]) -> Callable[P, HttpResponse]:
    """For plain Django views (downloads, badge): turn a ``Problem`` into its JSON answer."""

    @wraps(view)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        try:
            return view(*args, **kwargs)
        except Problem as problem:
            return problem_response(problem)

    return wrapper
