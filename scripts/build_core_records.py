"""Turn the 2013-2015 UNTC scrape of the core human-rights treaties into the package's ledgers.

Input: shared/reference/core_treaties_untc_scrape_2013_2015.csv (participant tables of 18 chapter-IV instruments as
scraped from UNTC by github.com/zmjones/untreaties; one row per participant: signature and consent cells).
Output: src/treatywatch/data/records/<short_name>.csv for the 17 instruments beside the Migrant Workers Convention
(its own ledger, built from better sources by build_icrmw_record.py, is left alone), and the source rows this script
cites in src/treatywatch/data/sources.csv.

Run by hand when the reference changes; the output is reviewed and committed like code.
    .venv/bin/python scripts/build_core_records.py           # write
    .venv/bin/python scripts/build_core_records.py --check   # exit 1 if the committed files differ

What the scrape cannot say is added here only with a citation (predecessor instruments) or derived from the
package's own historical_states.csv (the date a succession of States took effect); the rest is listed as a gap in
docs/data-quality.md. A cell this script does not understand stops it: nothing is guessed.
"""

from __future__ import annotations

import csv
import io
import sys
from collections import defaultdict
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from treatywatch.catalogue import LEDGER_COLUMNS, read_states  # noqa: E402
from treatywatch.engine import StateRegistry, UnknownState  # noqa: E402

REFERENCE = ROOT.parent / "shared" / "reference" / "core_treaties_untc_scrape_2013_2015.csv"
DATA = ROOT / "src" / "treatywatch" / "data"
SKIP_TREATIES = {"ICRMW"}

# Names UNTC used in 2013-2015 that the UN has changed since (the States file holds today's UN short names):
# Czechia (2016), Eswatini (2018), North Macedonia (2019), Netherlands (Kingdom of the) (2022), Türkiye (2022),
# Naoero (UNTERM's current short name for Nauru); "St." is the scrape's abbreviation of "Saint".
ALIASES = {
    "Czech Republic": "CZE",
    "Swaziland": "SWZ",
    "The former Yugoslav Republic of Macedonia": "MKD",
    "Netherlands": "NLD",
    "Turkey": "TUR",
    "Nauru": "NRU",
    "St. Kitts and Nevis": "KNA",
    "St. Lucia": "LCA",
    "St. Vincent and the Grenadines": "VCT",
}

# Participants that are not States: their actions cannot go into a State ledger (docs/data-quality.md).
NOT_STATES = {"European Union"}

CONSENT_TYPES = {
    "ratification": "ratification",
    "accession": "accession",
    "succession": "succession",
    "acceptance": "acceptance",
    "approval": "approval",
    "formal confirmation": "formal_confirmation",
}
# The mark UNTC puts after a date in the consent column; no mark means ratification.
MARKS = {
    "": "ratification",
    "a": "accession",
    "d": "succession",
    "A": "acceptance",
    "AA": "approval",
    "c": "formal_confirmation",
}

# A succession takes effect on the date of the succession of States. Where that day is the day after the
# predecessor's last day in historical_states.csv, it is derived from there: the dissolution of Czechoslovakia
# (1 January 1993), Montenegro's separation from Serbia and Montenegro (3 June 2006), and the Federal Republic of
# Yugoslavia (carried by Serbia) from 27 April 1992. Bosnia and Herzegovina, Croatia, North Macedonia and Slovenia
# became independent before Yugoslavia's last day, on dates the reference does not give: left empty.
EFFECTIVE_AFTER_END_OF = {"CZE": "CSK", "SVK": "CSK", "MNE": "SCG", "SRB": "YUG"}

# Instruments of predecessor States, which current UNTC tables show only in footnotes, added where the reference
# cites them. Each: (treaty, state, kind, date, note, source). Not added for want of a date: see data-quality.md.
PREDECESSOR_INSTRUMENTS = [
    (
        "ICCPR",
        "CSK",
        "ratification",
        "1975-12-23",
        "Czechoslovakia's instrument, the thirty-fifth (UNTS vol. 999 footnote); current UNTC tables show it only in "
        "a footnote; its signature is not in the reference",
        "unts-999",
    ),
    (
        "CEDAW",
        "DDR",
        "ratification",
        "1980",
        "German Democratic Republic's instrument, known to the year only; current UNTC tables show it only in a "
        "footnote; its signature and the kind of instrument are to be verified",
        "core-eif-notes",
    ),
    (
        "ICCPR-OP2",
        "DDR",
        "ratification",
        "1990/1990-10-02",
        "German Democratic Republic's instrument, known to the year only, and made before the State's end on "
        "2 October 1990; current UNTC tables show it only in a footnote; its signature and the kind of instrument "
        "are to be verified",
        "core-eif-notes",
    ),
]

SCRAPE_CITATION = "UN Treaty Collection status table as scraped on {day} (github.com/zmjones/untreaties)"
OTHER_SOURCES = {
    "unts-999": "UNTS vol. 999, p. 172, footnote to the International Covenant on Civil and Political Rights: in "
    "force 23 March 1976, three months after the deposit of the thirty-fifth instrument; Czechoslovakia's deposit "
    "of 23 December 1975 listed (copies at electionjudgments.org and jamesrqclark.com, cited in "
    "shared/reference/core_treaties_eif.csv)",
    "core-eif-notes": "shared/reference/core_treaties_eif.csv, consistency notes: the German Democratic Republic's "
    "instruments to CEDAW (1980) and to the Second Optional Protocol to the ICCPR (1990), missing from current UNTC "
    "tables, make Saint Vincent and the Grenadines the twentieth and Spain the tenth",
    "historical-states": "src/treatywatch/data/historical_states.csv: the date of the succession of States (the day "
    "after the predecessor's last day), from UNTC Historical Information",
}

SIGNING_KINDS = {"ratification", "acceptance", "approval"}


def source_id(scrape_day: str) -> str:
    return f"untc-scrape-{scrape_day}"


def state_code(name: str, registry: StateRegistry, line: int) -> str:
    if name in ALIASES:
        return ALIASES[name]
    try:
        return registry.get(name).code
    except UnknownState:
        raise SystemExit(f"{REFERENCE.name}:{line}: participant {name!r} is no known State; add an alias") from None


def mark(raw: str) -> str:
    """The trailing mark of a UNTC cell ("5 Jan 1999 a" -> "a"; "3 Oct 1975" -> "")."""
    parts = raw.split()
    return parts[-1] if len(parts) == 4 else ""


def consent_kind(row: dict[str, str], line: int) -> str:
    by_mark = MARKS.get(mark(row["raw_consent_cell"]))
    if by_mark is None:
        raise SystemExit(f"{REFERENCE.name}:{line}: unknown mark in consent cell {row['raw_consent_cell']!r}")
    if not row["consent_type"]:
        return by_mark
    kind = CONSENT_TYPES.get(row["consent_type"])
    if kind is None:
        raise SystemExit(f"{REFERENCE.name}:{line}: unknown consent type {row['consent_type']!r}")
    if kind != by_mark:
        raise SystemExit(f"{REFERENCE.name}:{line}: consent type {kind} but cell {row['raw_consent_cell']!r}")
    return kind


def signature_kind(row: dict[str, str], line: int) -> str:
    succeeded = row["signature_note"] == "succession to signature"
    if row["signature_note"] and not succeeded:
        raise SystemExit(f"{REFERENCE.name}:{line}: unknown signature note {row['signature_note']!r}")
    if succeeded != (mark(row["raw_signature_cell"]) == "d"):
        raise SystemExit(f"{REFERENCE.name}:{line}: signature note and cell {row['raw_signature_cell']!r} disagree")
    return "succession_to_signature" if succeeded else "signature"


def read_reference(registry: StateRegistry) -> tuple[dict[str, list[dict[str, str]]], list[str]]:
    """The ledger rows per treaty, and the rows left out because the participant is not a State."""
    ledgers: dict[str, list[dict[str, str]]] = defaultdict(list)
    left_out: list[str] = []
    with REFERENCE.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            treaty = row["treaty"]
            if treaty in SKIP_TREATIES:
                continue
            if row["participant"] in NOT_STATES:
                left_out.append(f"{REFERENCE.name}:{line}: {treaty} {row['participant']}")
                continue
            code = state_code(row["participant"], registry, line)
            source = source_id(row["scrape_commit_date"])
            if row["signature_date"]:
                ledgers[treaty].append(
                    {"state": code, "kind": signature_kind(row, line), "date": row["signature_date"], "source": source}
                )
            if row["consent_date"]:
                action = {"state": code, "kind": consent_kind(row, line), "date": row["consent_date"], "source": source}
                if action["kind"] == "succession" and code in EFFECTIVE_AFTER_END_OF:
                    action.update(succession_effective(code, registry))
                    action["source"] += ";historical-states"
                ledgers[treaty].append(action)
            elif row["consent_type"] or row["raw_consent_cell"]:
                raise SystemExit(f"{REFERENCE.name}:{line}: a consent cell without a date")
    for treaty, code, kind, day, note, source in PREDECESSOR_INSTRUMENTS:
        ledgers[treaty].append({"state": code, "kind": kind, "date": day, "note": note, "source": source})
    return ledgers, left_out


def succession_effective(code: str, registry: StateRegistry) -> dict[str, str]:
    predecessor = registry.get(EFFECTIVE_AFTER_END_OF[code])
    if predecessor.code not in registry.lineage(code) or predecessor.ended is None:
        raise SystemExit(f"{code}: {predecessor.code} is not an ended predecessor in historical_states.csv")
    day = predecessor.ended + timedelta(days=1)
    return {
        "effective": day.isoformat(),
        "note": f"effective: the date of the succession of States (day after {predecessor.name()} ended)",
    }


def explain_unsigned(rows: list[dict[str, str]], registry: StateRegistry) -> None:
    """A ratification, acceptance or approval without a prior signature gets a note saying why (engine rule)."""
    signed = {r["state"] for r in rows if r["kind"] in ("signature", "succession_to_signature")}
    for row in rows:
        if row["kind"] not in SIGNING_KINDS or row["state"] in signed or row.get("note"):
            continue
        by = [c for c in registry.lineage(row["state"])[1:] if c in signed]
        row["note"] = (
            f"signed by predecessor {registry.get(by[0]).name()}" if by else "signature not in the scraped table"
        )


def ledger_text(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, LEDGER_COLUMNS, lineterminator="\n", restval="")
    writer.writeheader()
    writer.writerows(sorted(rows, key=lambda r: (r["state"], r["date"], r["kind"])))
    return out.getvalue()


def sources_text(current: str, scrape_days: set[str]) -> str:
    """sources.csv with this script's rows put in (replaced or appended); every other line kept byte for byte."""
    ours = {source_id(day): SCRAPE_CITATION.format(day=day) for day in sorted(scrape_days)} | OTHER_SOURCES
    lines = current.splitlines()
    index = {next(csv.reader([line]))[0]: i for i, line in enumerate(lines) if line}
    for ident, citation in ours.items():
        line = f'{ident},"{citation.replace(chr(34), chr(34) * 2)}"'
        if ident in index:
            lines[index[ident]] = line
        else:
            lines.append(line)
    return "\n".join(lines) + "\n"


def build() -> tuple[dict[Path, str], list[str]]:
    """Every file this script writes, with its text; and the reference rows it had to leave out."""
    registry = read_states(DATA / "states.csv", DATA / "historical_states.csv")
    ledgers, left_out = read_reference(registry)
    files: dict[Path, str] = {}
    scrape_days: set[str] = set()
    for treaty, rows in sorted(ledgers.items()):
        explain_unsigned(rows, registry)
        for row in rows:
            row["treaty"] = treaty
            scrape_days.update(s.removeprefix("untc-scrape-") for s in row["source"].split(";") if "scrape" in s)
        files[DATA / "records" / f"{treaty}.csv"] = ledger_text(rows)
    sources = DATA / "sources.csv"
    files[sources] = sources_text(sources.read_text(encoding="utf-8"), scrape_days)
    return files, left_out


def main() -> None:
    files, left_out = build()
    if "--check" in sys.argv:
        stale = [p for p, text in files.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)}", file=sys.stderr)
        sys.exit(1 if stale else 0)
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}: {text.count(chr(10)) - 1} rows", file=sys.stderr)
    for item in left_out:
        print(f"left out (not a State; see docs/data-quality.md): {item}", file=sys.stderr)


if __name__ == "__main__":
    main()
