"""The Secretary-General's report on the status of the Convention: content, rendering, drafts and issued reports.

``content`` computes what the report says from the engine (pure, no Django); ``html``, ``pdf`` and ``word``
render it; ``models`` and ``issuing`` keep drafts and frozen issued versions.
"""
