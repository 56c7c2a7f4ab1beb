#!/usr/bin/env python3
"""Check src/treatywatch/portal/mapdata/world.json (standard library only).

Prints the number of features, how many are flagged small, the file size raw
and gzip-compressed (level 9), and exits 1 if any of the 193 UN Member States
or the two observer States (Holy See 336, State of Palestine 275) is missing,
or if a feature is malformed.

    python3 tools/map/check.py [path/to/world.json]
"""

import gzip
import json
import re
import sys
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "src/treatywatch/portal/mapdata/world.json"

# 193 UN Member States + 2 observer States (336 Holy See, 275 State of Palestine),
# as 3-digit M49 codes.
REQUIRED = """
004 008 012 020 024 028 032 051 036 040 031 044 048 050 052 112 056 084 204 064
068 070 072 076 096 100 854 108 132 116 120 124 140 148 152 156 170 174 178 188
384 191 192 196 203 408 180 208 262 212 214 218 818 222 226 232 233 748 231 242
246 250 266 270 268 276 288 300 308 320 324 624 328 332 340 348 352 356 360 364
368 372 376 380 388 392 400 398 404 296 414 417 418 428 422 426 430 434 438 440
442 450 454 458 462 466 470 584 478 480 484 583 492 496 499 504 508 104 516 520
524 528 554 558 562 566 807 578 512 586 585 591 598 600 604 608 616 620 634 410
498 642 643 646 659 662 670 882 674 678 682 686 688 690 694 702 703 705 090 706
710 728 724 144 729 740 752 756 760 762 764 626 768 776 780 788 792 795 798 800
804 784 826 834 840 858 860 548 862 704 887 894 716 336 275
""".split()

PATH_RE = re.compile(r"^[MmLlZz0-9.\- ]*$")


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    raw = path.read_bytes()
    data = json.loads(raw)
    features = data["features"]
    errors: list[str] = []

    assert len(REQUIRED) == len(set(REQUIRED)) == 195

    w, h = data["width"], data["height"]
    if data["viewBox"] != f"0 0 {w} {h}":
        errors.append(f"viewBox {data['viewBox']!r} does not match width/height {w}x{h}")

    seen: dict[str, dict] = {}
    for f in features:
        code = f.get("m49")
        if not isinstance(code, str) or not re.fullmatch(r"\d{3}", code):
            errors.append(f"bad m49 key {code!r}")
            continue
        if code in seen:
            errors.append(f"duplicate m49 {code}")
        seen[code] = f
        d = f.get("d")
        if not isinstance(d, str) or not PATH_RE.match(d):
            errors.append(f"{code}: bad path data")
        if not isinstance(f.get("small"), bool):
            errors.append(f"{code}: 'small' is not a bool")
        if not d and not f.get("small"):
            errors.append(f"{code}: empty path but not flagged small")
        cx, cy = f.get("cx"), f.get("cy")
        if not all(isinstance(v, (int, float)) for v in (cx, cy)):
            errors.append(f"{code}: missing cx/cy")
        elif not (0 <= cx <= w and 0 <= cy <= h):
            errors.append(f"{code}: centre ({cx}, {cy}) outside the map")

    missing = [c for c in REQUIRED if c not in seen]
    required = set(REQUIRED)
    others = sorted(c for c in seen if c not in required)

    path_bytes = sum(len(f["d"]) for f in features)
    unkeyed = data.get("unkeyed", [])
    unkeyed_bytes = sum(len(u["d"]) for u in unkeyed)
    small = [f["m49"] for f in features if f["small"]]

    print(f"file: {path}")
    print(f"features: {len(features)}")
    print(f"small: {len(small)}")
    print(f"required states present: {len(REQUIRED) - len(missing)}/{len(REQUIRED)}"
          f" (visible paths: {sum(1 for c in REQUIRED if c in seen and not seen[c]['small'])},"
          f" small: {sum(1 for c in REQUIRED if c in seen and seen[c]['small'])})")
    print(f"other keyed features (not UN member/observer States): {len(others)}: {' '.join(others)}")
    print(f"unkeyed features: {len(unkeyed)}: {', '.join(u['name'] for u in unkeyed)}")
    print(f"path data bytes: {path_bytes} (+ {unkeyed_bytes} unkeyed)")
    print(f"total bytes: {len(raw)}")
    print(f"gzip bytes: {len(gzip.compress(raw, compresslevel=9, mtime=0))}")

    if missing:
        errors.append(f"missing M49 codes: {' '.join(missing)}")
    for e in errors:
        print(f"ERROR: {e}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
