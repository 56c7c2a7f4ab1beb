"""Turn the gathered ICRMW participants table into the package's ledger (one row per action).

Input: shared/reference/icrmw_participants.csv (one row per State, gathered from UNTC copies; see its README).
Output: src/treatywatch/data/records/ICRMW.csv and the ICRMW rows of src/treatywatch/data/sources.csv.
Run once by hand when the reference changes; the output is reviewed and committed like code.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "reference" / "icrmw_participants.csv"
OUT = ROOT / "src" / "treatywatch" / "data" / "records" / "ICRMW.csv"

# Source texts of the reference mapped to short ids (citations in data/sources.csv).
SOURCE_IDS = [
    ("zmjones/untreaties treaties/4-13.csv", "untc-2014"),
    ("UNTC MTDSG iv-13.en.xml", "untc-2024"),
    ("UNESCO webarchive", "unesco-2009"),
    ("world-politics-datalab", "wpdl"),
    ("CMW/C/SR.496", "cmw-sr-496"),
    ("CMW consid", "cmw-stp"),
    ("UN Geneva meeting summary, CMW 40th", "ungeneva-cmw40"),
    ("Togo National Assembly", "togo-2020"),
]
DECLARATIONS_KNOWN_BY = "../2014-10-26"  # the UNTC declarations text of the 2014 scrape lists them; no dates.
DECLARANTS = {"76": ["SLV", "GTM"], "77": ["SLV", "GTM", "MEX", "URY"]}

# Declarations under art. 92(2) (not bound by the arbitration clause), from shared/reference/icrmw_final_clauses.md.
ARTICLE_92 = {
    "ARG": "As provided for in article 92 (2), the Republic of Argentina does not consider itself bound by the "
    "provisions of article 92 (1)",
    "DZA": "",
    "SLV": "",
    "MAR": "",
}

COLUMNS = ["treaty", "state", "kind", "date", "article", "target", "effective", "reference", "text", "note", "source"]


def sources_of(text: str) -> str:
    ids = [sid for needle, sid in SOURCE_IDS if needle in text]
    if not ids:
        raise SystemExit(f"unmapped source: {text}")
    return ";".join(ids)


def main() -> None:
    rows = []
    with REFERENCE.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code, src, note = row["iso3"], sources_of(row["source"]), row["notes"]
            if row["signature_date"]:
                rows.append({"state": code, "kind": "signature", "date": row["signature_date"], "source": src})
            if row["action"]:
                date = row["ratification_or_accession_date"]
                if not date:  # party known, exact deposit date not: keep the precision the notes give
                    date = {"VEN": "2016", "STP": "2017", "TGO": "2020", "ZWE": "2024-11"}[code]
                rows.append(
                    {
                        "state": code,
                        "kind": row["action"],
                        "date": date,
                        "note": note if row["confidence"] != "high" else "",
                        "source": src,
                    }
                )
    for article, codes in DECLARANTS.items():
        for code in codes:
            rows.append(
                {
                    "state": code,
                    "kind": "declaration",
                    "date": DECLARATIONS_KNOWN_BY,
                    "article": article,
                    "note": "date of the declaration not found; "
                    "it was in the UNTC declarations text by 26 October 2014",
                    "source": "untc-decl-2014",
                }
            )
    for code, text in ARTICLE_92.items():
        rows.append(
            {
                "state": code,
                "kind": "declaration",
                "date": DECLARATIONS_KNOWN_BY,
                "article": "92",
                "text": text,
                "note": "not bound by article 92(1); date not found" + ("" if text else "; full text not retrieved"),
                "source": "untc-decl-2014;final-clauses",
            }
        )
    for row in rows:
        row["treaty"] = "ICRMW"
    rows.sort(key=lambda r: (r["state"], r["date"].lstrip("."), r["kind"]))
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {OUT}: {len(rows)} actions", file=sys.stderr)


if __name__ == "__main__":
    main()
