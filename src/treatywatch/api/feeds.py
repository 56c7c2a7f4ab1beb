"""Atom feeds of depositary actions, in the language of the address: every action, one treaty's, one State's.

    /<lang>/feeds/actions.atom
    /<lang>/feeds/treaties/<ID>.atom
    /<lang>/feeds/states/<ISO3>.atom

Newest first. Each entry links to the action on its State's page (``/<lang>/states/MEX/#action-<id>``, the id of
the stored action) and, as a related link, to the State's page. Titles use gettext for the words and the UN name
of the State in the language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time
from html import escape
from typing import TYPE_CHECKING, Any

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext

from treatywatch.engine import Action, State
from treatywatch.portal.formatting import bcp47, data_language, partial_text
from treatywatch.portal.labels import action_label

from . import params
from .caching import cached_response
from .documents import Snapshot, snapshot
from .errors import Problem, answers_problems

__all__ = ["ActionFeed", "FeedItem", "all_actions", "state_actions", "treaty_actions"]

MAX_ENTRIES = 100
ATOM_TYPE = "application/atom+xml; charset=utf-8"


@dataclass(frozen=True, slots=True)
class FeedItem:
    pk: int
    action: Action
    state: State
    lang: str

    @property
    def state_path(self) -> str:
        return f"/{self.lang}/states/{self.state.code}/"


@dataclass(frozen=True, slots=True)
class Scope:
    """What a feed covers: every action, one treaty's (``treaty``) or one State's (``state``)."""

    snap: Snapshot
    lang: str
    treaty: str | None = None
    state: State | None = None


class ActionGenerator(Atom1Feed):
    """Atom with a related link to the State's page, and a stable feed date when a feed has no entry."""

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        handler.addQuickElement("link", "", {"rel": "related", "href": item["state_link"], "title": item["state"]})

    def latest_post_date(self) -> datetime:
        if not self.items:
            fallback: datetime = self.feed["fallback_updated"]
            return fallback
        return super().latest_post_date()


if TYPE_CHECKING:
    _Feed = Feed[FeedItem, Scope]
else:  # Feed is generic only in django-stubs
    _Feed = Feed


class ActionFeed(_Feed):
    feed_type = ActionGenerator

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Scope:
        return kwargs["scope"]  # type: ignore[no-any-return]

    def title(self, obj: Scope) -> str:
        if obj.state is not None:
            return gettext("Depositary actions of %(state)s") % {"state": obj.state.name(data_language(obj.lang))}
        if obj.treaty is not None:
            return gettext("Depositary actions relating to the treaty %(treaty)s") % {"treaty": obj.treaty}
        return gettext("Depositary actions")

    def subtitle(self, obj: Scope) -> str:
        return gettext(
            "Signatures, instruments, declarations, withdrawals, objections and denunciations, newest first."
        )

    def link(self, obj: Scope) -> str:
        if obj.state is not None:
            return f"/{obj.lang}/states/{obj.state.code}/"
        if obj.treaty is not None:
            return f"/{obj.lang}/treaties/{obj.treaty}/"
        return f"/{obj.lang}/"

    def feed_url(self, obj: Scope) -> str:
        if obj.state is not None:
            return f"/{obj.lang}/feeds/states/{obj.state.code}.atom"
        if obj.treaty is not None:
            return f"/{obj.lang}/feeds/treaties/{obj.treaty}.atom"
        return f"/{obj.lang}/feeds/actions.atom"

    def feed_extra_kwargs(self, obj: Scope) -> dict[str, Any]:
        changed = obj.snap.stamp.changed or datetime(1990, 12, 18, tzinfo=UTC)
        return {"fallback_updated": changed}

    def items(self, obj: Scope) -> list[FeedItem]:
        found = []
        for pk, a in obj.snap.ordered:
            if (obj.treaty and a.treaty != obj.treaty) or (obj.state and a.state != obj.state.code):
                continue
            found.append((obj.snap.cat.record(a.treaty).span(a).latest, pk, a))
        found.sort(key=lambda r: (r[0], r[1]), reverse=True)
        return [FeedItem(pk, a, obj.snap.cat.states.get(a.state), obj.lang) for _, pk, a in found[:MAX_ENTRIES]]

    def item_title(self, item: FeedItem) -> str:
        return gettext("%(state)s: %(action)s, %(treaty)s") % {
            "state": item.state.name(data_language(item.lang)),
            "action": action_label(item.action),
            "treaty": item.action.treaty,
        }

    def item_description(self, item: FeedItem) -> str:
        a = item.action
        lines = [gettext("Date: %(date)s") % {"date": partial_text(a.date, item.lang)}]
        if a.effective is not None:
            lines.append(gettext("Effective: %(date)s") % {"date": partial_text(a.effective, item.lang)})
        if a.reference:
            lines.append(gettext("Depositary notification: %(reference)s") % {"reference": a.reference})
        if a.text:
            lines.append(a.text)
        return "<br>".join(escape(line) for line in lines)

    def item_link(self, item: FeedItem) -> str:
        return f"{item.state_path}#action-{item.pk}"

    def item_updateddate(self, item: FeedItem) -> datetime:
        return datetime.combine(item.action.date.span.latest, time(0), tzinfo=UTC)

    def item_pubdate(self, item: FeedItem) -> datetime:
        return self.item_updateddate(item)

    def item_extra_kwargs(self, item: FeedItem) -> dict[str, Any]:
        site = getattr(self, "_site", "")
        return {"state_link": site + item.state_path, "state": item.state.name(data_language(item.lang))}

    def get_feed(self, obj: Scope, request: HttpRequest) -> Any:
        self._site = request.build_absolute_uri("/").rstrip("/")
        return super().get_feed(obj, request)


def _serve(request: HttpRequest, treaty: str | None = None, code: str | None = None) -> HttpResponse:
    params.only(request)
    lang = translation.get_language() or "en"

    def build(stamp: Any) -> bytes:
        snap = snapshot(stamp)
        try:
            ident = params.treaty(snap.cat, treaty).treaty.id if treaty is not None else None
            state = params.state(snap.cat, code) if code is not None else None
        except Problem as problem:
            raise Http404(str(problem)) from None
        response = ActionFeed()(request, scope=Scope(snap, lang, ident, state))
        return bytes(response.content)

    response = cached_response(request, build, ATOM_TYPE, language=data_language(lang))
    response["Content-Language"] = bcp47(lang)
    return response


@answers_problems
def all_actions(request: HttpRequest) -> HttpResponse:
    return _serve(request)


@answers_problems
def treaty_actions(request: HttpRequest, treaty: str) -> HttpResponse:
    return _serve(request, treaty=treaty)


@answers_problems
def state_actions(request: HttpRequest, code: str) -> HttpResponse:
    return _serve(request, code=code)
