"""Server-rendered SVG charts: counts over time as step lines, mirrored for right-to-left pages.

Text anchors are logical ("start", "end") and inherit the page's direction, so once the x axis is mirrored for
Arabic the labels fall on the correct side without further work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from django.utils.safestring import SafeString, mark_safe

from .formatting import number

__all__ = ["Series", "nice_step", "step_chart"]

WIDTH, HEIGHT = 720, 260
START_MARGIN, END_MARGIN, TOP, BOTTOM = 46, 18, 16, 34


@dataclass(frozen=True, slots=True)
class Series:
    label: str
    css_class: str
    points: Sequence[tuple[date, int]]
    """(day, value after that day), oldest first; the value before the first point is 0."""


def nice_step(top: int, most: int = 6) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50... that divides [0, top] into at most ``most`` intervals."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            if top <= step * most:
                return step
        magnitude *= 10


def _fmt(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


class _Frame:
    """Maps days and counts to SVG coordinates; mirrors x when the page is right-to-left."""

    def __init__(self, start: date, end: date, top: int, rtl: bool) -> None:
        self.start, self.end, self.top, self.rtl = start, end, max(top, 1), rtl
        self.days = max((end - start).days, 1)
        self.left, self.right = START_MARGIN, WIDTH - END_MARGIN
        self.upper, self.lower = TOP, HEIGHT - BOTTOM

    def x_raw(self, day: date) -> float:
        fraction = min(max((day - self.start).days / self.days, 0.0), 1.0)
        return self.left + fraction * (self.right - self.left)

    def x(self, day: date) -> float:
        raw = self.x_raw(day)
        return WIDTH - raw if self.rtl else raw

    def edge(self, logical: float) -> float:
        """A logical x (distance from the start side) as an SVG x."""
        return WIDTH - logical if self.rtl else logical

    def y(self, value: float) -> float:
        return self.lower - value / self.top * (self.lower - self.upper)


def _step_path(frame: _Frame, points: Sequence[tuple[date, int]]) -> str:
    out = [f"M{_fmt(frame.x(frame.start))} {_fmt(frame.y(0))}"]
    for day, value in points:
        if day < frame.start or day > frame.end:
            continue
        out.append(f"H{_fmt(frame.x(day))}V{_fmt(frame.y(value))}")
    out.append(f"H{_fmt(frame.x(frame.end))}")
    return "".join(out)


def _year_ticks(start: date, end: date) -> list[int]:
    years = end.year - start.year
    step = next(s for s in (1, 2, 5, 10, 20, 50) if years <= s * 8)
    first = start.year + 1 if (start.month, start.day) != (1, 1) else start.year
    first += (-first) % step
    return list(range(first, end.year + 1, step))


def step_chart(
    series: Sequence[Series],
    start: date,
    end: date,
    *,
    title: str,
    description: str,
    rtl: bool,
    marker: tuple[date, str] | None = None,
    threshold: tuple[int, str] | None = None,
) -> SafeString:
    """A step chart of counts from ``start`` to ``end`` with an optional dated marker and a threshold line."""
    top_value = max([v for s in series for _, v in s.points] + [threshold[0] if threshold else 0, 1])
    step = nice_step(top_value)
    top = step * -(-top_value // step)
    frame = _Frame(start, end, top, rtl)
    e = escape
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="chart-t chart-d">',
        f'<title id="chart-t">{e(title)}</title><desc id="chart-d">{e(description)}</desc>',
    ]
    for value in range(0, top + 1, step):
        y = _fmt(frame.y(value))
        parts.append(
            f'<line class="grid" x1="{_fmt(frame.edge(frame.left))}" x2="{_fmt(frame.edge(frame.right))}" '
            f'y1="{y}" y2="{y}"/><text x="{_fmt(frame.edge(frame.left - 6))}" y="{_fmt(frame.y(value) + 4)}" '
            f'text-anchor="end">{e(number(value))}</text>'
        )
    base = _fmt(frame.lower)
    for year in _year_ticks(start, end):
        x = _fmt(frame.x(date(year, 1, 1)))
        parts.append(
            f'<line class="axis" x1="{x}" x2="{x}" y1="{base}" y2="{_fmt(frame.lower + 5)}"/>'
            f'<text x="{x}" y="{_fmt(frame.lower + 19)}" text-anchor="middle">{year}</text>'
        )
    parts.append(
        f'<line class="axis" x1="{_fmt(frame.edge(frame.left))}" x2="{_fmt(frame.edge(frame.right))}" '
        f'y1="{base}" y2="{base}"/>'
    )
    if threshold is not None:
        y = _fmt(frame.y(threshold[0]))
        parts.append(
            f'<line class="thr" x1="{_fmt(frame.edge(frame.left))}" x2="{_fmt(frame.edge(frame.right))}" '
            f'y1="{y}" y2="{y}"/><text class="note" x="{_fmt(frame.edge(frame.right - 4))}" '
            f'y="{_fmt(frame.y(threshold[0]) + 14)}" text-anchor="end">{e(threshold[1])}</text>'
        )
    if marker is not None and start <= marker[0] <= end:
        mx = frame.x(marker[0])
        late = frame.x_raw(marker[0]) > frame.left + 0.6 * (frame.right - frame.left)
        # Past 60% of the width the label goes before the line rather than after it.
        offset = -4 if late != rtl else 4
        anchor = "end" if late else "start"
        parts.append(
            f'<line class="mark" x1="{_fmt(mx)}" x2="{_fmt(mx)}" y1="{_fmt(frame.upper)}" y2="{base}"/>'
            f'<text class="note" x="{_fmt(mx + offset)}" y="{_fmt(frame.upper + 10)}" '
            f'text-anchor="{anchor}">{e(marker[1])}</text>'
        )
    for s in series:
        parts.append(f'<path class="{s.css_class}" d="{_step_path(frame, s.points)}"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  # nosec B308 B703 - coordinates are numbers; every text is escaped above
