from __future__ import annotations

Phrase = str | dict[str, str]
"""A string with ``{named}`` fields, or plural forms keyed by CLDR category (``other`` is the fallback)."""

NB = "\u00a0"
"""No-break space: French puts one before : and ;"""
