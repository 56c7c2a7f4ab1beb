"""The gunicorn worker ``treatywatch serve`` runs: uvicorn's, with uvloop and httptools, no ``Server`` header."""

from typing import Any, ClassVar

from uvicorn_worker import UvicornWorker  # type: ignore[import-untyped]

__all__ = ["Worker"]


class Worker(UvicornWorker):  # type: ignore[misc]
    CONFIG_KWARGS: ClassVar[dict[str, Any]] = {"loop": "auto", "http": "auto", "server_header": False}
