from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from treatywatch.catalogue import Catalogue
from treatywatch.engine import ActionKind
from treatywatch.portal.formatting import data_language, state_name
from treatywatch.portal.labels import kind_label


class ActionForm(forms.Form):
    treaty = forms.ChoiceField(label=_("Treaty"))
    state = forms.ChoiceField(label=_("State"))
    kind = forms.ChoiceField(label=_("Action"))
    date = forms.CharField(
        label=_("Date of signature, deposit or receipt"),
        help_text=_("YYYY-MM-DD; or YYYY-MM / YYYY when only that much is known. Shown publicly."),
        max_length=32,
    )
    article = forms.CharField(label=_("Article (for a declaration)"), required=False, max_length=16)
    target = forms.CharField(label=_("State objected to (ISO code, for an objection)"), required=False, max_length=3)
    reference = forms.CharField(
        label=_("Depositary notification"),
        required=False,
        max_length=64,
        help_text=_("Leave empty to number a new one (C.N.<n>.<year>.TREATIES-...)."),
    )
    text = forms.CharField(label=_("Text (declaration, reservation, objection)"), required=False, widget=forms.Textarea)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea)
    source = forms.CharField(label=_("Source"), required=False, max_length=200)

    def __init__(self, cat: Catalogue, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        treaty_field = self.fields["treaty"]
        state_field = self.fields["state"]
        kind_field = self.fields["kind"]
        assert isinstance(treaty_field, forms.ChoiceField) and isinstance(state_field, forms.ChoiceField)
        assert isinstance(kind_field, forms.ChoiceField)
        # Names in the staff member's language; the values are the codes the ledger stores.
        lang = data_language()
        treaty_field.choices = [
            (t.id, f"{t.id}: {t.title(lang)}") for t in sorted(cat.treaties.values(), key=lambda t: t.id)
        ]
        states = sorted(cat.states, key=lambda s: state_name(s).casefold())
        state_field.choices = [(s.code, f"{state_name(s)} ({s.code})") for s in states]
        kind_field.choices = [(k.value, kind_label(k)) for k in ActionKind]


class CorrectionForm(ActionForm):
    reason = forms.CharField(
        label=_("Reason for the correction"), widget=forms.Textarea, help_text=_("Shown publicly.")
    )
    retract = forms.BooleanField(label=_("Retract the entry without replacing it"), required=False)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Ledger CSV file"))
    dry_run = forms.BooleanField(label=_("Check only (dry run)"), required=False, initial=True)
