"""The server's floor for ``bench/opendata.py``: an ASGI app answering fixed bytes with fixed headers.

gunicorn serves it exactly as ``treatywatch serve`` serves treatywatch (same workers, same worker class, same
bytes and headers as our status answer), so its figures are the best any application could reach on this machine
under this load.
"""

from __future__ import annotations

import json
import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

_SAVED = json.loads(Path(os.environ["TREATYWATCH_BENCH_ANSWER"]).read_text(encoding="utf-8"))
_BODY = bytes.fromhex(_SAVED["body"])
_HEADERS = [(str(k).lower().encode("latin1"), str(v).encode("latin1")) for k, v in _SAVED["headers"]]


async def application(
    scope: dict[str, Any],
    receive: Callable[[], Awaitable[dict[str, Any]]],
    send: Callable[[dict[str, Any]], Awaitable[None]],
) -> None:
    if scope["type"] == "lifespan":
        while (await receive())["type"] != "lifespan.shutdown":
            await send({"type": "lifespan.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})
        return
    await send({"type": "http.response.start", "status": 200, "headers": _HEADERS})
    await send({"type": "http.response.body", "body": _BODY})
