"""The world map as inline SVG: geometry read once, coloured per request by class attributes.

The geometry (``mapdata/world.json``, built by ``tools/map``) is keyed by M49 code. States are drawn with their
status class (``p`` bound, ``s`` signatory, ``n`` neither; colours and the signatory hatching live in site.css),
a ``<title>`` with the UN name in the page language, and a link to the State page. States too small to see are
drawn again as circles on top so that every State can be found. Features that are not States in the record
(territories, disputed areas) are one neutral path underneath.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path

from django.utils.safestring import SafeString, mark_safe

__all__ = ["MapFeature", "geometry", "world_map"]

_DATA = Path(__file__).resolve().parent / "mapdata" / "world.json"
SMALL_RADIUS = 2.6
"""Radius of the circle drawn for a small State, in map units (the map is 960 wide)."""


@dataclass(frozen=True, slots=True)
class MapFeature:
    m49: str
    d: str
    cx: float
    cy: float
    small: bool


@dataclass(frozen=True, slots=True)
class Geometry:
    view_box: str
    features: tuple[MapFeature, ...]
    unkeyed: str
    """The path data of land that carries no M49 code (disputed areas), drawn as neutral land."""


@cache
def geometry() -> Geometry:
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    features = tuple(
        MapFeature(f["m49"], f["d"], float(f["cx"]), float(f["cy"]), bool(f["small"])) for f in data["features"]
    )
    return Geometry(data["viewBox"], features, "".join(u["d"] for u in data["unkeyed"]))


def _number(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def world_map(
    classes: Mapping[str, str],
    titles: Mapping[str, str],
    links: Mapping[str, str],
) -> SafeString:
    """The map for States keyed by M49 code: their class, their ``<title>`` text and their link.

    Features whose code is not in ``titles`` are drawn as neutral land. The SVG is hidden from assistive
    technology (``aria-hidden``, links out of the tab order): the page gives the same facts as a table.
    """
    geo = geometry()
    neutral = [geo.unkeyed]
    shapes: list[str] = []
    dots: list[str] = []
    for f in geo.features:
        if f.m49 not in titles:
            neutral.append(f.d)
            continue
        cls = classes.get(f.m49, "n")
        open_link = f'<a href="{escape(links[f.m49])}" tabindex="-1"><title>{escape(titles[f.m49])}</title>'
        if f.small:
            if f.d:
                shapes.append(f'<path class="{cls}" d="{f.d}"/>')
            dots.append(
                f'{open_link}<circle id="m{f.m49}" class="{cls}" cx="{_number(f.cx)}" cy="{_number(f.cy)}" '
                f'r="{SMALL_RADIUS}"/></a>'
            )
        else:
            shapes.append(f'{open_link}<path id="m{f.m49}" class="{cls}" d="{f.d}"/></a>')
    parts = [
        f'<svg class="wmap" viewBox="{geo.view_box}" aria-hidden="true" focusable="false">',
        '<defs><pattern id="hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">',
        '<rect width="5" height="5" fill="#d4e4f4"/><rect width="2" height="5" fill="#2b6cb0"/></pattern></defs>',
        f'<path class="t" d="{"".join(neutral)}"/>',
        *shapes,
        *dots,
        "</svg>",
    ]
    return mark_safe("".join(parts))  # noqa: S308  # nosec B308 B703 - geometry is our data; every text is escaped above
