"""The server's floor for ``bench/opendata.py``: a WSGI app answering fixed bytes with fixed headers.

gunicorn serves it exactly as it serves treatywatch (same workers, same bytes and headers as our status answer),
so its figures are the best any application could reach on this machine under this load.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

_SAVED = json.loads(Path(os.environ["TREATYWATCH_BENCH_ANSWER"]).read_text(encoding="utf-8"))
_BODY = bytes.fromhex(_SAVED["body"])
_HEADERS = [(str(k), str(v)) for k, v in _SAVED["headers"]]


def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    start_response("200 OK", _HEADERS)
    return [_BODY]
