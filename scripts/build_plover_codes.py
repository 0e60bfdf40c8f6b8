"""Build linimasa/data/plover_codes.csv: for every PLOVER type and mode, the CAMEO code, quad class and
conflict-cooperation intensity event-data users expect.

    python scripts/build_plover_codes.py

Sources (../shared/reference/plover): the CAMEO-to-PLOVER conversion table (the CAMEO code of a type and
mode is the most general code the table maps to it: "042 Make a visit" for CONSULT/visit, "04" for the type)
and the manual's "PLOVER conflict--cooperation scores" table (Goldstein-style, -10..10). Quad classes are
the manual's. linimasa's CONSULT mode "meet" (talks in person, PLOVER's default) takes "040 Consult".
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / ".." / "shared" / "reference" / "plover"
OUT = ROOT / "linimasa" / "data" / "plover_codes.csv"

# Each type's own "Quad category" section of the manual (its summary table lists SANCTION among the verbal
# conflicts; the SANCTION section, the web view and this table say material conflict).
QUADS = {
    "AGREE": (1, "verbal_cooperation"), "CONSULT": (1, "verbal_cooperation"), "SUPPORT": (1, "verbal_cooperation"),
    "CONCEDE": (1, "verbal_cooperation"), "COOPERATE": (2, "material_cooperation"), "AID": (2, "material_cooperation"),
    "RETREAT": (2, "material_cooperation"), "REQUEST": (3, "verbal_conflict"), "ACCUSE": (3, "verbal_conflict"),
    "REJECT": (3, "verbal_conflict"), "THREATEN": (3, "verbal_conflict"), "SANCTION": (4, "material_conflict"),
    "PROTEST": (4, "material_conflict"), "MOBILIZE": (4, "material_conflict"), "COERCE": (4, "material_conflict"),
    "ASSAULT": (4, "material_conflict"),
}
# The manual prints ACCUSE's type-level score as 3 while each of its modes scores -2 to -3.5 and CAMEO's
# accusations are negative on Goldstein's scale: a sign slip, read as -3.
CORRECTIONS = {("ACCUSE", ""): -3.0}
EXTRA_MODES = {("CONSULT", "meet"): "040"}


def cameo_codes() -> dict[tuple[str, str], str]:
    codes: dict[tuple[str, str], str] = {}
    for line in (REFERENCE / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        found = re.match(r"^(\d+):\s*([A-Z]+)\s*(?:,\s*([^,#]*))?", line)
        if not found:
            continue
        code, kind, mode = found[1], found[2], (found[3] or "").strip().lower()
        for key in ((kind, mode), (kind, "")) if mode else ((kind, ""),):
            best = codes.get(key)
            if best is None or (len(code), code) < (len(best), best):
                codes[key] = code
    codes.update(EXTRA_MODES)
    return codes


def scores() -> dict[tuple[str, str], float]:
    lines = (REFERENCE / "PLOVER_MANUAL.tex").read_text(encoding="utf-8").splitlines()
    tex = "\n".join(line for line in lines if not line.lstrip().startswith("%"))  # an older table is commented out
    table = tex[tex.index("PLOVER conflict--cooperation scores"):tex.index("label{tab:ploverscores}", tex.index(
        "PLOVER conflict--cooperation scores"))]
    found: dict[tuple[str, str], float] = {}
    for cell_name, cell_score in re.findall(r"(?:\\cellcolor\{gray!25\})?([A-Z]+(?::\s*[A-Za-z-]+)?)\s*&\s*"
                                            r"(?:\\cellcolor\{gray!25\})?\s*(-?\d+(?:\.\d+)?)", table):
        kind, _, mode = cell_name.partition(":")
        found[(kind.strip(), mode.strip().lower())] = float(cell_score)
    found.update(CORRECTIONS)
    found.setdefault(("CONSULT", "meet"), found[("CONSULT", "")])
    return found


def main() -> int:
    if not REFERENCE.is_dir():
        sys.exit(f"{REFERENCE} not found: the PLOVER reference is needed")
    codes, intensity = cameo_codes(), scores()
    keys = sorted(set(intensity) | {k for k in codes if k[0] in QUADS}, key=lambda k: (list(QUADS).index(k[0]), k[1]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["type", "mode", "cameo", "quad_class", "quad", "intensity"])
        for kind, mode in keys:
            quad, quad_name = QUADS[kind]
            cameo = codes.get((kind, mode)) or codes.get((kind, ""), "")
            score = intensity.get((kind, mode), intensity.get((kind, "")))
            writer.writerow([kind, mode, cameo, quad_name, quad, "" if score is None else score])
    print(f"{len(keys)} rows -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
