"""Write src/treatywatch/data/states.csv from the UN "Countries & Territories Taxonomy" in hdx-python-country.

The taxonomy is maintained by OCHA from UN DGACM/UNTERM and M49 (MIT-licensed package, data from the UN).
We take its 197 UNTERM entries (193 Member States, the Holy See, the State of Palestine, the Cook Islands and
Niue) with their UN short names in the six official languages, M49 and ISO codes, M49 region and centroid.
Run: .venv/bin/python scripts/build_states.py  (needs the dev extra; tests check the file matches the package)
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "treatywatch" / "data" / "states.csv"
COLUMNS = [
    "code",
    "m49",
    "member",
    "region",
    "subregion",
    "latitude",
    "longitude",
    "name_ar",
    "name_zh",
    "name_en",
    "name_fr",
    "name_ru",
    "name_es",
]


def taxonomy_path() -> Path:
    import hdx.location.country as country

    matches = list(Path(country.__file__).parent.glob("Countries & Territories Taxonomy*.csv"))
    if len(matches) != 1:
        raise SystemExit(f"expected one taxonomy CSV beside hdx.location.country, found {matches}")
    return matches[0]


def build() -> str:
    rows = []
    with taxonomy_path().open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["Appears in UNTERM list"] != "Y":
                continue
            region = row["Region Name"]
            subregion = row["Intermediate Region Name"] or row["Sub-region Name"]
            rows.append(
                {
                    "code": row["ISO 3166-1 Alpha 3-Codes"],
                    "m49": row["m49 numerical code"].zfill(3),
                    "member": "yes" if row["Appears in DGACM list"] == "Y" else "no",
                    "region": region,
                    "subregion": subregion,
                    "latitude": f"{float(row['Latitude']):.3f}",
                    "longitude": f"{float(row['Longitude']):.3f}",
                    "name_ar": row["Arabic Short"],
                    "name_zh": row["Chinese Short"],
                    "name_en": row["English Short"],
                    "name_fr": row["French Short"],
                    "name_ru": row["Russian Short"],
                    "name_es": row["Spanish Short"],
                }
            )
    rows.sort(key=lambda r: r["code"])
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


if __name__ == "__main__":
    text = build()
    if "--check" in sys.argv:
        sys.exit(0 if OUT.read_text(encoding="utf-8") == text else 1)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - 1} States)")
