"""Depositary notifications produced when staff record an action: listed on the portal, newest first."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import render

from treatywatch.treaties import models

from .caching import page
from .context import PageContext
from .formatting import current_language


@page
def notifications(request: HttpRequest, ctx: PageContext) -> HttpResponseBase:
    lang = current_language()
    items = [
        {
            "reference": n.reference,
            "treaty": n.treaty_id,
            "state": n.action.state_id,
            "issued": n.issued_at.date(),
            # The depositary writes its notifications in English and French; other languages get the English.
            "text": n.text_fr if lang == "fr" else n.text_en,
            "text_lang": "fr" if lang == "fr" else "en",
        }
        for n in models.Notification.objects.select_related("action").order_by("-issued_at", "-number")[:100]
    ]
    return render(request, "portal/notifications.html", {**ctx.base(), "items": items})
