"""A treaty's record: its ledger checked against its rules, and every question asked of it as of a day.

``TreatyRecord`` is built once from a definition and a ledger (order does not matter) and answers
``status(day)``, ``participants(day)``, ``history(state, day)``, ``obligations(day)`` and ``timeline()``.
It is the only place a treaty rule is computed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .dates import Span
from .errors import LedgerError, RecordProblem
from .kinds import ActionKind
from .ledger import Action, in_order, positions, structure_ok, structure_problems
from .results import Due, Participant, ProcedureStatus, StateHistory, Status, Term, TimelinePoint, new_term
from .states import StateRegistry
from .tally import Tally
from .treaty import EnlargementTrigger, LaterStates, Treaty

__all__ = ["TreatyRecord"]

_DECLARING = (ActionKind.DECLARATION, ActionKind.RESERVATION)
_WITHDRAWING = {
    ActionKind.DECLARATION_WITHDRAWAL: ActionKind.DECLARATION,
    ActionKind.RESERVATION_WITHDRAWAL: ActionKind.RESERVATION,
}
# The kinds as sets for the loops over every action (a kind hashes by identity, in C).
_WITHDRAWAL_KINDS = frozenset(_WITHDRAWING)
_SIGNING = frozenset(kind for kind in ActionKind if kind.is_signature)
_CONSENTING = frozenset(kind for kind in ActionKind if kind.is_consent)
_DECLARING_KINDS = frozenset(_DECLARING)
_NEEDS_SIGNATURE = frozenset({ActionKind.RATIFICATION, ActionKind.ACCEPTANCE, ActionKind.APPROVAL})
_TERM_KINDS = _CONSENTING | {ActionKind.DENUNCIATION}
"""The kinds that open or close a State's term."""
_REMAINING_KINDS = _DECLARING_KINDS | _WITHDRAWAL_KINDS


@dataclass(frozen=True, slots=True)
class _Tallies:
    """A record's counts by day (``Tally``), read by ``status``, ``committee_size`` and ``procedure_status``."""

    contracting: Tally
    """States bound (consent given), from consent to exit."""
    in_force: Tally
    """States for which the treaty is in force, from their own entry into force to exit."""
    counted: Tally
    """The instruments that count towards entry into force, by day of deposit."""
    signatories: Tally
    """States that signed and are not yet bound."""
    signed: Tally
    """Signatures, by day."""
    procedures: dict[str, Tally]
    """Declarations in effect under each optional-procedure article."""
    changes: dict[str, list[date]]
    """The days each procedure's count of declarations certainly in effect can change, latest first."""


class TreatyRecord:
    """A validated ledger of one treaty, with everything the rules derive from it."""

    def __init__(
        self,
        treaty: Treaty,
        actions: Iterable[Action],
        states: StateRegistry,
        today: date,
        parent: TreatyRecord | None = None,
    ) -> None:
        self.treaty = treaty
        self.states = states
        self.parent = parent
        # Sorted once, by index (the keys of the actions sharing a day and kind serve the duplicate check); then
        # the columns the checks and the building read, each once (C loops: a load builds records of hundreds of
        # thousands of actions).
        given = actions if isinstance(actions, list) else list(actions)
        order, tied_keys = in_order(given)
        self.actions: tuple[Action, ...] = tuple(map(given.__getitem__, order))
        codes = [a.state for a in self.actions]
        kinds = [a.kind for a in self.actions]
        spans: list[Span] = [a.date.span for a in self.actions]
        acting = dict.fromkeys(codes)  # the States, in the order of their first action
        structural: list[RecordProblem] = []
        if not structure_ok(treaty, self.actions, states, today, tied_keys, (codes, kinds, spans, acting.keys())):
            structural = structure_problems(treaty, self.actions, states, today)
        del given, order, tied_keys
        if structural:
            # Set those records aside and go on, so one error report lists every record at fault.
            at_fault = {p.where for p in structural}
            self.actions = tuple(a for a in self.actions if a.where not in at_fault)
            codes = [a.state for a in self.actions]
            kinds = [a.kind for a in self.actions]
            spans = [a.date.span for a in self.actions]
            acting = dict.fromkeys(codes)
        # Each action's possible days (Action.span): an open start narrowed to the opening. Only a span that
        # starts before the opening changes; the actions are in order, so the first has the earliest start.
        lowest = spans[0].earliest if spans else None
        if lowest is not None and lowest < treaty.opened:
            spans = [span.from_opening(treaty.opened) for span in spans]
        if lowest == date.min:  # an open start ("../2014-10-26")
            spans = self._narrow_open_starts(codes, kinds, spans)
        # The spans in the order of the actions; by action (``span``) only when a query asks.
        self._span_list = spans
        self._spans_built: dict[int, Span] | None = None
        # Each State's first signature and its span, in the order of the States' first signatures.
        signing = positions(kinds, ActionKind.SIGNATURE)
        if ActionKind.SUCCESSION_TO_SIGNATURE in kinds:
            signing = sorted(signing + positions(kinds, ActionKind.SUCCESSION_TO_SIGNATURE))
        first = dict(zip(map(codes.__getitem__, reversed(signing)), reversed(signing), strict=True))
        signers = dict.fromkeys(map(codes.__getitem__, signing))
        self.signatures: dict[str, Action] = {code: self.actions[first[code]] for code in signers}
        self._signature_spans: dict[str, Span] = {code: spans[first[code]] for code in signers}
        self._by_state_built: dict[str, list[Action]] | None = None
        problems: list[RecordProblem] = list(structural)
        self._threshold_span, self.entry_into_force = self._compute_entry_into_force(kinds, spans)
        self.terms: dict[str, list[Term]] = self._build_terms(acting, kinds, spans, problems)
        self._declarations: dict[str, list[tuple[Action, Span, Span | None]]] = self._build_declarations(
            spans, problems
        )
        self._check_remaining(kinds, spans, problems)
        if problems:
            raise LedgerError(problems)
        self._tallies_built: _Tallies | None = None

    @property
    def _by_state(self) -> dict[str, list[Action]]:
        """Each State's actions, in order; built on first use (``participants``), not at load."""
        if self._by_state_built is None:
            by_state: dict[str, list[Action]] = defaultdict(list)
            for action in self.actions:
                by_state[action.state].append(action)
            self._by_state_built = by_state
        return self._by_state_built

    # ----------------------------------------------------------------------------------------------------
    # building

    def span(self, action: Action) -> Span:
        return self._spans[id(action)]

    @property
    def _spans(self) -> dict[int, Span]:
        """Each action's span by ``id``; built on first use (queries other than ``status``), not at load."""
        if self._spans_built is None:
            self._spans_built = dict(zip(map(id, self.actions), self._span_list, strict=True))
        return self._spans_built

    def _narrow_open_starts(self, codes: list[str], kinds: list[ActionKind], spans: list[Span]) -> list[Span]:
        """An undated declaration ("../2014-10-26") was made no earlier than the State's first act.

        ``codes``, ``kinds`` and ``spans`` are the actions' States, kinds and spans, in the order of the actions;
        gives the spans narrowed."""
        first: dict[str, date] = {}
        for code, kind, span in zip(codes, kinds, spans, strict=True):
            if kind in _SIGNING or kind in _CONSENTING:
                first.setdefault(code, span.earliest)
        return [
            span.clamp_start(first[action.state]) if action.date.open_start and action.state in first else span
            for action, span in zip(self.actions, spans, strict=True)
        ]

    def _compute_entry_into_force(self, kinds: list[ActionKind], spans: list[Span]) -> tuple[Span | None, Span | None]:
        """Art. 87(1)-style: the threshold instrument's day run through the rule; never before the parent's.

        ``kinds`` and ``spans`` are the actions' kinds and spans, in the order of ``self.actions``."""
        rule = self.treaty.entry_into_force
        counted = Tally()
        counts = rule.counts
        counted.add_starts([span for span, kind in zip(spans, kinds, strict=True) if kind in counts])
        counted.freeze()
        threshold = counted.nth_start(rule.threshold)
        if threshold is None:
            return None, None
        eif = threshold.map(rule.rule)
        if self.treaty.parent is not None:
            parent_eif = self.parent.entry_into_force if self.parent is not None else None
            if parent_eif is None:
                return threshold, None
            eif = eif.later(parent_eif)
        return threshold, eif

    def _state_entry_into_force(self, consent: Action, deposit: Span) -> Span | None:
        """Art. 87(2)-style: the treaty's date for early States, the State's own clock for later ones.

        ``deposit`` is the consent's span (``self.span(consent)``)."""
        treaty_eif, threshold = self.entry_into_force, self._threshold_span
        if treaty_eif is None or threshold is None:
            return None
        if consent.kind is ActionKind.SUCCESSION and consent.effective is not None:
            # A succession takes effect from the date of the succession of States, not before the treaty.
            return consent.effective.span.later(treaty_eif)
        rule = self.treaty.entry_into_force
        after_eif = rule.later_states is LaterStates.AFTER_ENTRY_INTO_FORCE
        later = rule.later_rule

        def one(day: date, eif: date, reached: date) -> date:
            if after_eif:
                return eif if day < eif else later.apply(day)
            return eif if day <= reached else max(eif, later.apply(day))

        a = one(deposit.earliest, treaty_eif.earliest, threshold.earliest)
        if deposit.exact and treaty_eif.exact and threshold.exact:
            return Span(a, a)
        b = one(deposit.latest, treaty_eif.latest, threshold.latest)
        return Span(min(a, b), max(a, b))

    def _state_entry_into_force_rule(self) -> Callable[[Action, Span], Span | None]:
        """``_state_entry_into_force`` with what it reads of the record and the rule looked up once; an exact
        deposit under an exact threshold and entry into force (the common case) computed on the spot."""
        treaty_eif, threshold = self.entry_into_force, self._threshold_span
        if treaty_eif is None or threshold is None:
            return self._state_entry_into_force
        if not (treaty_eif.exact and threshold.exact):
            return self._state_entry_into_force
        rule = self.treaty.entry_into_force
        after_eif = rule.later_states is LaterStates.AFTER_ENTRY_INTO_FORCE
        later = rule.later_rule.landing()
        eif, reached = treaty_eif.earliest, threshold.earliest
        general = self._state_entry_into_force
        succession = ActionKind.SUCCESSION

        def exact(consent: Action, deposit: Span) -> Span | None:
            day = deposit.earliest
            if deposit.latest != day or (consent.kind is succession and consent.effective is not None):
                return general(consent, deposit)
            if after_eif:
                return treaty_eif if day < eif else later(day)
            if day <= reached:
                return treaty_eif
            own = later(day)
            return own if own.earliest > eif else treaty_eif

        return exact

    def _build_terms(
        self, acting: Iterable[str], kinds: list[ActionKind], spans: list[Span], problems: list[RecordProblem]
    ) -> dict[str, list[Term]]:
        """Each State's terms: from a consent to its denunciation, or to the end of the State.

        ``acting``: the States in the order of their first action; ``kinds`` and ``spans`` are the actions'
        kinds and spans, in the order of the actions."""
        terms: dict[str, list[Term]] = {}
        denounce = self.treaty.denunciation
        signed = self._signature_spans
        state_entry_into_force = self._state_entry_into_force_rule()
        # Only consents and denunciations open and close terms: the others are not walked here.
        by_state: dict[str, list[tuple[Action, Span]]] = {}
        terming = _TERM_KINDS
        for pair in [(a, span) for a, span, kind in zip(self.actions, spans, kinds, strict=True) if kind in terming]:
            own_pairs = by_state.get(pair[0].state)
            if own_pairs is None:
                by_state[pair[0].state] = [pair]
            else:
                own_pairs.append(pair)
        # The States in the order of their first action, whatever it is.
        registry = self.states.codes
        ended = self.states.ended
        denunciation, needs_signature = ActionKind.DENUNCIATION, _NEEDS_SIGNATURE
        for code in acting:
            pairs = by_state.get(code)
            if pairs is None:
                continue
            if len(pairs) == 1 and code not in ended:
                # The common case at once: a State's one consent, after its own signature where one is needed,
                # is one open term (what the walk below gives it).
                action, span = pairs[0]
                kind = action.kind
                if kind is not denunciation and (
                    kind not in needs_signature
                    or ((signature := signed.get(code)) is not None and signature.earliest <= span.latest)
                ):
                    terms[code] = [new_term(code, action, span, state_entry_into_force(action, span), None, None, "")]
                    continue
            state = registry[code]
            own: list[Term] = []
            open_term: Term | None = None
            for action, span in pairs:
                kind = action.kind
                if kind is not ActionKind.DENUNCIATION:  # a consent
                    if open_term is not None and (open_term.exit is None or span.latest < open_term.exit.earliest):
                        pending = f" taking effect on {open_term.exit}" if open_term.exit is not None else ""
                        problems.append(
                            RecordProblem(
                                action.where,
                                "kind",
                                f"{state.name()} already gave its consent ({open_term.consent.kind.value} of "
                                f"{open_term.consent.date}); consent twice without a denunciation{pending} in between",
                            )
                        )
                        continue
                    if kind in _NEEDS_SIGNATURE:
                        signature = signed.get(code)
                        # The common case (its own signature before) first, before walking the lineage.
                        if signature is None or signature.earliest > span.latest:
                            self._check_signed(action, span, problems)
                    open_term = new_term(code, action, span, state_entry_into_force(action, span), None, None, "")
                    own.append(open_term)
                else:
                    if open_term is None or open_term.exit is not None or open_term.consent_span.earliest > span.latest:
                        problems.append(
                            RecordProblem(action.where, "kind", f"denunciation by {state.name()}, which is not a party")
                        )
                        continue
                    if denounce is None:
                        problems.append(
                            RecordProblem(action.where, "kind", f"{self.treaty.id} has no denunciation clause")
                        )
                        continue
                    too_early = self._too_early(open_term, span)
                    if too_early:
                        problems.append(
                            RecordProblem(
                                action.where, "date", f"denunciation of {action.date} is too early: {too_early}"
                            )
                        )
                        continue
                    closed = Term(
                        code,
                        open_term.consent,
                        open_term.consent_span,
                        open_term.entry_into_force,
                        action,
                        span.map(denounce.rule),
                        "denunciation",
                    )
                    own[-1] = closed
                    open_term = closed
            if state.ended is not None and own and own[-1].exit is None:
                end = Span.day(state.ended + timedelta(days=1))
                last = own[-1]
                own[-1] = Term(
                    code, last.consent, last.consent_span, last.entry_into_force, None, end, "succession of States"
                )
            if own:
                terms[code] = own
        return terms

    def _too_early(self, term: Term, received: Span) -> str:
        """Why a denunciation received in ``received`` comes too early under the clause, or "" (art. 89(1))."""
        denounce = self.treaty.denunciation
        eif = term.entry_into_force
        if eif is None:
            return "the treaty is not yet in force for the State"
        if denounce is None or denounce.not_before is None:
            return ""
        earliest = denounce.not_before.after(eif.earliest)
        if received.latest < earliest:
            return (
                f"not before {earliest} ({denounce.not_before} after entry into force for the State, "
                f"art. {denounce.article})"
            )
        return ""

    def _check_signed(self, action: Action, span: Span, problems: list[RecordProblem]) -> None:
        """Ratification, acceptance and approval follow a signature by the State or its predecessor (art. 86)."""
        own = self._signature_spans.get(action.state)
        if own is not None and own.earliest <= span.latest:
            return  # the common case, before walking the lineage (which begins with the State itself)
        for code in self.states.lineage(action.state):
            signature = self._signature_spans.get(code)
            if signature is not None and signature.earliest <= span.latest:
                return
        if not action.note.strip():
            problems.append(
                RecordProblem(
                    action.where,
                    "kind",
                    f"{action.kind.value} without a prior signature by {self.states.get(action.state).name()} or a "
                    "predecessor: record it as an accession, or add a note saying why",
                )
            )

    def _contracting_from(self, code: str, day_span: Span) -> Term | None:
        """The term during which ``code`` could have been bound at some day of ``day_span``."""
        for term in self.terms.get(code, []):
            if term.consent_span.earliest <= day_span.latest and (
                term.exit is None or term.exit.latest > day_span.earliest
            ):
                return term
        return None

    def _build_declarations(
        self, spans: list[Span], problems: list[RecordProblem]
    ) -> dict[str, list[tuple[Action, Span, Span | None]]]:
        """Declarations under an optional-procedure article, each with its possible days and its stop.

        ``spans`` are the actions' spans, in the order of the actions."""
        articles = {p.article for p in self.treaty.procedures}
        found: dict[str, list[tuple[Action, Span, Span | None]]] = {a: [] for a in articles}
        if not articles:
            return found
        open_ones: dict[tuple[str, str], int] = {}
        chosen = [(a, span) for a, span in zip(self.actions, spans, strict=True) if a.article in articles]
        for action, own_span in chosen:
            if action.kind is ActionKind.DECLARATION:
                term = self._contracting_from(action.state, own_span)
                if term is None:
                    problems.append(
                        RecordProblem(
                            action.where,
                            "state",
                            f"declaration under article {action.article} by {self.states.get(action.state).name()}, "
                            "which is not a party",
                        )
                    )
                    continue
                if (action.state, action.article) in open_ones:
                    problems.append(
                        RecordProblem(
                            action.where, "kind", f"a declaration under article {action.article} is already in effect"
                        )
                    )
                    continue
                span = own_span.clamp_start(term.consent_span.earliest)
                open_ones[(action.state, action.article)] = len(found[action.article])
                found[action.article].append((action, span, term.exit))
            elif action.kind is ActionKind.DECLARATION_WITHDRAWAL:
                index = open_ones.pop((action.state, action.article), None)
                if index is None:
                    problems.append(
                        RecordProblem(
                            action.where,
                            "kind",
                            f"withdrawal of a declaration under article {action.article} that was never made",
                        )
                    )
                    continue
                made, span, stop = found[action.article][index]
                withdrawn = own_span
                found[action.article][index] = (made, span, withdrawn if stop is None else min(stop, withdrawn))
        return found

    def _check_remaining(self, kinds: list[ActionKind], spans: list[Span], problems: list[RecordProblem]) -> None:
        """Reservations, other declarations, withdrawals and objections: made by a State that has acted.

        ``kinds`` and ``spans`` are the actions' kinds and spans, in the order of ``self.actions``."""
        articles = {p.article for p in self.treaty.procedures}
        made: dict[tuple[str, ActionKind, str], int] = defaultdict(int)
        signed = self._signature_spans
        chosen = [
            (a, span, kind)
            for a, span, kind in zip(self.actions, spans, kinds, strict=True)
            if kind in _REMAINING_KINDS
        ]
        # What was made is counted only for the States that withdraw something: only a withdrawal reads it.
        withdrawing = {a.state for a, _, kind in chosen if kind in _WITHDRAWAL_KINDS}
        for action, span, kind in chosen:
            if kind in _DECLARING_KINDS and action.article not in articles:
                signature = signed.get(action.state)
                unsigned = signature is None or signature.earliest > span.latest
                if unsigned and self._contracting_from(action.state, span) is None:
                    problems.append(
                        RecordProblem(
                            action.where,
                            "state",
                            f"{action.kind.value} by {self.states.get(action.state).name()}, which has neither signed "
                            "nor become a party",
                        )
                    )
                if action.state in withdrawing:
                    made[(action.state, kind, action.article)] += 1
            elif kind in _WITHDRAWAL_KINDS and action.article not in articles:
                key = (action.state, _WITHDRAWING[kind], action.article)
                if made[key] == 0:
                    problems.append(
                        RecordProblem(
                            action.where, "kind", f"{action.kind.value} of something {action.state} never made"
                        )
                    )
                else:
                    made[key] -= 1

    @property
    def _tallies(self) -> _Tallies:
        """The counts by day the queries read; built on the first query that needs them, not at load (they are
        indexes, not checks: a record that loads is valid without them)."""
        if self._tallies_built is None:
            self._tallies_built = self._build_tallies()
        return self._tallies_built

    def _build_tallies(self) -> _Tallies:
        contracting, in_force, counted, signatories, signed = Tally(), Tally(), Tally(), Tally(), Tally()
        procedure_tallies: dict[str, Tally] = {}
        procedure_changes: dict[str, list[date]] = {}
        every = [term for terms in self.terms.values() for term in terms]
        consents = [term.consent_span for term in every]
        exits = [term.exit for term in every]
        contracting.add_all(consents, exits)
        # A succession may take effect before its notification; it counts once notified.
        in_force.add_all(
            [eif.later(term.consent_span) for term in every if (eif := term.entry_into_force) is not None],
            [term.exit for term in every if term.entry_into_force is not None],
        )
        counts = self.treaty.entry_into_force.counts
        counted.add_starts([term.consent_span for term in every if term.consent.kind in counts])
        # A signatory until its first consent, or until the State ceased to exist.
        first_consent = {code: terms[0].consent_span for code, terms in self.terms.items()}
        ended = self.states.ended
        starts = list(self._signature_spans.values())
        stops = [
            first_consent.get(code) or (Span.day(ended[code] + timedelta(days=1)) if code in ended else None)
            for code in self.signatures
        ]
        signatories.add_all(starts, stops)
        signed.add_starts(starts)
        for article, items in self._declarations.items():
            tally = Tally()
            tally.add_all([span for _, span, _ in items], [stop for _, _, stop in items])
            procedure_tallies[article] = tally.freeze()
            # The days the count of declarations certainly in effect can change, latest first.
            changes = {s.latest for _, s, _ in items}
            changes |= {max(t.earliest, s.latest) for _, s, t in items if t is not None}
            procedure_changes[article] = sorted(changes, reverse=True)
        return _Tallies(
            contracting.freeze(),
            in_force.freeze(),
            counted.freeze(),
            signatories.freeze(),
            signed.freeze(),
            procedure_tallies,
            procedure_changes,
        )

    # ----------------------------------------------------------------------------------------------------
    # queries

    def known_entry_into_force(self, day: date) -> Span | None:
        """The treaty's entry-into-force date if the record as of ``day`` already fixes it."""
        if self._threshold_span is None or self._threshold_span.latest > day or self.entry_into_force is None:
            return None
        if self.parent is not None and self.parent.known_entry_into_force(day) is None:
            return None
        return self.entry_into_force

    def committee_size(self, day: date) -> int | None:
        committee = self.treaty.committee
        eif = self.known_entry_into_force(day)
        if committee is None or eif is None or eif.latest > day:
            return None
        size = committee.initial_size
        for step in committee.enlargements:
            tally = (
                self._tallies.in_force
                if step.trigger is EnlargementTrigger.ENTRY_INTO_FORCE_FOR_NTH_PARTY
                else self._tallies.contracting
            )
            if tally.started(day) >= step.n:
                size = step.size
        return size

    def procedure_status(self, day: date) -> tuple[ProcedureStatus, ...]:
        in_force = (eif := self.known_entry_into_force(day)) is not None and eif.latest <= day
        out = []
        for procedure in self.treaty.procedures:
            tally = self._tallies.procedures[procedure.article]
            certain, maybe = tally.count(day)
            items = self._declarations[procedure.article]
            declarants = tuple(
                a.state for a, span, stop in items if span.earliest <= day and (stop is None or stop.earliest > day)
            )
            operative = in_force and certain >= procedure.threshold
            since = None
            if operative and eif is not None:
                changes = self._tallies.changes[procedure.article]
                since = _operative_since(tally, changes, procedure.threshold, day, eif)
            out.append(
                ProcedureStatus(
                    id=procedure.id,
                    article=procedure.article,
                    title=procedure.title,
                    threshold=procedure.threshold,
                    declarations=certain,
                    declarations_uncertain=maybe,
                    operative=operative,
                    operative_since=since,
                    declarants=declarants,
                    declarations_recorded=self.treaty.record_as_of is None or certain > 0 or maybe > 0,
                )
            )
        return tuple(out)

    def status(self, day: date) -> Status:
        tallies = self._tallies
        contracting, contracting_maybe = tallies.contracting.count(day)
        parties, parties_maybe = tallies.in_force.count(day)
        signatories, signatories_maybe = tallies.signatories.count(day)
        counted = tallies.counted.started(day)
        threshold = self.treaty.entry_into_force.threshold
        eif = self.known_entry_into_force(day)
        return Status(
            treaty=self.treaty.id,
            as_of=day,
            contracting_states=contracting,
            contracting_states_uncertain=contracting_maybe,
            parties_in_force=parties,
            parties_in_force_uncertain=parties_maybe,
            signatories_not_bound=signatories,
            signatories_not_bound_uncertain=signatories_maybe,
            signatories=tallies.signed.started(day),
            instruments_counted=counted,
            instruments_needed=max(0, threshold - counted),
            threshold=threshold,
            threshold_reached=self._threshold_span if eif is not None else None,
            in_force=eif is not None and eif.latest <= day,
            entry_into_force=eif,
            committee_size=self.committee_size(day),
            procedures=self.procedure_status(day),
            record_as_of=self.treaty.record_as_of,
        )

    def _term_on(self, code: str, day: date) -> Term | None:
        """The term that has possibly begun by ``day``, latest first."""
        for term in reversed(self.terms.get(code, [])):
            if term.consent_span.earliest <= day:
                return term
        return None

    def position(self, code: str, day: date) -> tuple[str, bool]:
        """(party | contracting | signatory | withdrawn | none, whether partial dates leave it uncertain)."""
        position, uncertain, _ = self.standing(code, day)
        return position, uncertain

    def standing(self, code: str, day: date) -> tuple[str, bool, Span | None]:
        """``position`` with the days its date may be: entry into force for the State (party), its consent
        (contracting), the day it ceased to be bound (withdrawn), its signature (signatory); None for none."""
        term = self._term_on(code, day)
        if term is not None:
            uncertain = term.consent_span.latest > day
            if term.exit is not None and term.exit.earliest <= day:
                return "withdrawn", uncertain or term.exit.latest > day, term.exit
            eif = term.entry_into_force if self.known_entry_into_force(day) is not None else None
            if eif is not None and eif.earliest <= day:
                return "party", uncertain or eif.latest > day, eif
            return "contracting", uncertain, term.consent_span
        signature = self.signatures.get(code)
        ended = self.states.get(code).ended
        if signature is not None and self.span(signature).earliest <= day and (ended is None or day <= ended):
            span = self.span(signature)
            return "signatory", span.latest > day, span
        return "none", False, None

    def standings(self, day: date) -> dict[str, tuple[str, bool, Span | None]]:
        """``standing`` of every State that had signed or consented by ``day``; the others are "none"."""
        found = {}
        for code in self.terms.keys() | self.signatures.keys():
            standing = self.standing(code, day)
            if standing[0] != "none":
                found[code] = standing
        return found

    def participants(self, day: date) -> list[Participant]:
        """Every State that had acted by ``day``, in the order of the UN's English names."""
        rows = []
        spans = self._spans
        for code, actions in self._by_state.items():
            known = [a for a in actions if spans[id(a)].earliest <= day]
            if not known:
                continue
            position, uncertain = self.position(code, day)
            term = self._term_on(code, day)
            eif = None
            if term is not None and self.known_entry_into_force(day) is not None:
                eif = term.entry_into_force
            # The signature and the denunciation are actions of this State: "known" is a test of their day (a
            # valid record has no two equal actions), not a search of the list.
            signature = self.signatures.get(code)
            denunciation = term.denunciation if term is not None else None
            denounced = denunciation is not None and spans[id(denunciation)].earliest <= day
            rows.append(
                Participant(
                    state=code,
                    position=position,
                    uncertain=uncertain,
                    signature=signature if signature is not None and spans[id(signature)].earliest <= day else None,
                    consent=term.consent if term is not None else None,
                    entry_into_force=eif,
                    denunciation=denunciation if denounced else None,
                    withdrawal_effective=term.exit if term is not None and denounced else None,
                    declarations=tuple(a for a in known if a.kind is ActionKind.DECLARATION),
                    reservations=tuple(a for a in known if a.kind is ActionKind.RESERVATION),
                    objections=tuple(a for a in known if a.kind is ActionKind.OBJECTION),
                )
            )
        rows.sort(key=lambda r: self.states.get(r.state).name("en"))
        return rows

    def obligations(self, day: date, code: str | None = None) -> list[Due]:
        """Reports due under the reporting article, up to ``day`` and the next one, for each State Party."""
        reporting = self.treaty.reporting
        if reporting is None or self.known_entry_into_force(day) is None:
            return []
        dues: list[Due] = []
        codes = [code] if code is not None else sorted(self.terms)
        for state in codes:
            for term in self.terms.get(state, []):
                if term.entry_into_force is None or term.consent_span.earliest > day:
                    continue
                due = term.entry_into_force.after(reporting.initial)
                number = 1
                while True:
                    if term.exit is not None and due.earliest >= term.exit.latest:
                        break
                    dues.append(Due(state, number, due, due.latest < day))
                    if due.earliest > day:
                        break
                    due = due.after(reporting.periodic)
                    number += 1
        dues.sort(key=lambda d: (d.due.earliest, self.states.get(d.state).name("en")))
        return dues

    def history(self, code: str, day: date) -> StateHistory:
        state = self.states.get(code)
        lineage = self.states.lineage(state.code)
        actions = tuple(a for a in self.actions if a.state in lineage and self.span(a).earliest <= day)
        terms = tuple(t for t in self.terms.get(state.code, []) if t.consent_span.earliest <= day)
        position, _ = self.position(state.code, day)
        possible_from = None
        denounce = self.treaty.denunciation
        if terms and terms[-1].exit is None and terms[-1].entry_into_force is not None and denounce is not None:
            eif = terms[-1].entry_into_force
            if self.known_entry_into_force(day) is not None:
                possible_from = eif.after(denounce.not_before) if denounce.not_before else eif
        return StateHistory(
            treaty=self.treaty.id,
            state=state.code,
            as_of=day,
            position=position,
            actions=actions,
            terms=terms,
            dues=tuple(self.obligations(day, state.code)),
            denunciation_possible_from=possible_from,
        )

    def timeline(self, until: date | None = None) -> list[TimelinePoint]:
        """The counts after every day on which something changed, oldest first."""
        days: set[date] = set()
        for action in self.actions:
            days.add(self.span(action).latest)
        for terms in self.terms.values():
            for term in terms:
                if term.entry_into_force is not None:
                    days.add(term.entry_into_force.latest)
                if term.exit is not None:
                    days.add(term.exit.latest)
        on_day: dict[date, list[Action]] = defaultdict(list)
        for action in self.actions:
            on_day[self.span(action).latest].append(action)
        points: list[TimelinePoint] = []
        for day in sorted(d for d in days if until is None or d <= until):
            s = self.status(day)
            point = TimelinePoint(
                day,
                s.contracting_states,
                s.parties_in_force,
                s.signatories_not_bound,
                s.instruments_needed,
                s.in_force,
                tuple(on_day.get(day, ())),
            )
            points.append(point)
        return points


def _operative_since(tally: Tally, changes: list[date], threshold: int, day: date, eif: Span) -> Span:
    """First day of the run, up to ``day``, with ``threshold`` declarations certainly in effect; not before the
    treaty's entry into force (a withdrawal that brought the count under the threshold restarts the run).

    ``tally`` counts the declarations (its certain count is the number certainly in effect on a day) and
    ``changes`` are the days that count can change, latest first: a few binary searches per change day."""
    start = next(c for c in changes if c <= day and tally.count(c - timedelta(days=1))[0] < threshold)
    return Span.day(start).later(eif)
