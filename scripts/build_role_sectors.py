"""Build linimasa/kb/data/role_sectors.csv: the CAMEO agent codes (Phoenix's GOV, MIL, COP, JUD, LEG ...) of
every office in roles.csv that is not an office of an organisation (those take the organisation's codes,
organisation_sectors.csv).

    python scripts/build_role_sectors.py

Source: the Phoenix agents dictionary (../shared/reference/phoenix-actors/Phoenix.agents.txt, MIT), whose
entries name an agent word and its codes: ``DEFENCE_MINIST [~GOVMIL]``, ``CHIEF_JUSTICE [~JUD]``. An office
takes the codes of the longest entry that starts its title ("Defence Minister" -> DEFENCE_MINIST), else of
the institution its title is "of" ("Chief of the Indonesian National Police" -> NATIONAL_POLICE), else of
the word it is headed by ("Commander of ..." -> COMMANDER); the row says which entry. Offices the
dictionary has no entry for are coded in HAND below, each with its reason. A role in roles.csv that is in
neither stops the script, so a new office cannot ship without codes.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AGENTS = ROOT / ".." / "shared" / "reference" / "phoenix-actors" / "Phoenix.agents.txt"
ROLES = ROOT / "linimasa" / "kb" / "data" / "roles.csv"
OUT = ROOT / "linimasa" / "kb" / "data" / "role_sectors.csv"

ENTRY = re.compile(r"^([A-Z0-9_'!.-]+)\s*(?:\{[^}]*\})?\s*\[~([A-Z]+)\]")
# Ministers of these portfolios: the dictionary lists the portfolio words, not always as "X_MINIST".
PORTFOLIO_CODES = {
    "ADMINISTRATIVE_AND_BUREAUCRATIC_REFORM": "GOV", "AGRARIAN_AFFAIRS_AND_SPATIAL_PLANNING": "GOVDEV",
    "COMMUNICATION_AND_INFORMATION_TECHNOLOGY": "GOVMED", "COOPERATIVES": "GOVBUS",
    "ENERGY_AND_MINERAL_RESOURCES": "GOVBUS", "ENVIRONMENT_AND_FORESTRY": "GOVENV", "FORESTRY": "GOVENV",
    "HOME_AFFAIRS": "GOV", "HUMAN_RIGHTS": "GOVHRI", "IMMIGRATION_AND_CORRECTIONS": "GOV", "INVESTMENT": "GOVBUS",
    "LAW_AND_HUMAN_RIGHTS": "GOVJUD", "MARITIME_AFFAIRS_AND_FISHERIES": "GOVAGR",
    "NATIONAL_DEVELOPMENT_PLANNING": "GOVDEV", "PUBLIC_WORKS_AND_HOUSING": "GOVDEV", "RELIGIOUS_AFFAIRS": "GOVREL",
    "SOCIAL_AFFAIRS": "GOV", "STATE-OWNED_ENTERPRISES": "GOVBUS", "VILLAGE": "GOVDEV",
    "YOUTH_AND_SPORTS": "GOV",
}
# Head words too general to code an office by ("Minister of ..." says nothing of the ministry).
GENERIC_HEADS = {"MINISTER", "SECRETARY", "CHAIRMAN", "CHIEF", "HEAD", "DEPUTY", "STATE", "VILLAGE"}
# Offices the dictionary has no entry for: (codes, reason).
HAND = {
    "Brotherly Leader and Guide of the Revolution": ("GOV", "head of state of Libya (1969-2011)"),
    "Chairman of the State Peace and Development Council": ("GOVMIL", "head of Myanmar's military government"),
    "Chief Adviser": ("GOV", "head of Bangladesh's interim government"),
    "Chief of Presidential Staff": ("GOV", "head of the Indonesian president's staff office"),
    "Commander-in-Chief of Defence Services": ("MIL", "head of Myanmar's armed forces"),
    "Coordinating Minister for Community Empowerment": ("GOV", "a minister of Indonesia's cabinet"),
    "Coordinating Minister for Economic Affairs": ("GOVBUS", "a minister of Indonesia's cabinet"),
    "Coordinating Minister for Food Affairs": ("GOVAGR", "a minister of Indonesia's cabinet"),
    "Coordinating Minister for Human Development and Culture": ("GOV", "a minister of Indonesia's cabinet"),
    "Coordinating Minister for Infrastructure and Regional Development": ("GOVDEV", "a minister of Indonesia's cabinet"),
    "Coordinating Minister for Legal, Immigration and Corrections": ("GOVJUD", "a minister of Indonesia's cabinet"),
    "Coordinating Minister for Legal, Human Rights, Immigration and Corrections": ("GOVJUD",
                                                                                   "a minister of Indonesia's cabinet"),
    "Higher Education, Science and Technology Minister": ("GOVEDU", "Phoenix EDUCATION_MINIST [~GOVEDU]"),
    "Speaker of the People's Consultative Assembly": ("LEG", "Phoenix SPEAKER_OF_PARLIAMENT [~LEG]: Indonesia's MPR"),
    "Speaker of the Regional Representative Council": ("LEG", "Phoenix SPEAKER_OF_PARLIAMENT [~LEG]: Indonesia's DPD"),
    "Coordinating Minister for Maritime Affairs and Investment": ("GOVBUS", "a minister of Indonesia's cabinet"),
    "Coordinating Minister for People's Welfare": ("GOV", "a minister of Indonesia's cabinet"),
    "Coordinating Minister for Political and Security Affairs": ("GOVMIL", "a minister of Indonesia's cabinet"),
    "Governor of Bank Indonesia": ("GOVBUS", "Phoenix CENTRAL_BANK_GOVERNOR [~GOVBUS]"),
    "Chairman of the Corruption Eradication Commission": ("GOVJUD", "head of Indonesia's anti-corruption agency"),
    "Secretary of the Security Council": ("GOVMIL", "secretary of Russia's Security Council"),
    "Special Envoy to the Middle East": ("GOV", "an envoy of a government"),
    "State Counsellor": ("GOV", "head of Myanmar's government (2016-2021)"),
    "State Secretary": ("GOV", "Indonesia's Minister of State Secretariat"),
    "Trade Representative": ("GOVBUS", "the United States Trade Representative, a cabinet office"),
    "Vice President": ("GOV", "Phoenix lists no VICE_PRESIDENT, as PRESIDENT [~GOV]"),
    "Transportation Minister": ("GOV", "Phoenix's TRANSPORTATION_MINISTER [~GOVMED] read as a slip (MED is media)"),
    "Pope": ("REL", "head of the Catholic Church (Phoenix codes the Vatican's clergy REL)"),
    "Sultan": ("GOV", "a reigning monarch (Phoenix KING [~GOV])"),
    "Emir": ("GOV", "a reigning monarch (Phoenix KING [~GOV])"),
    "Queen": ("GOV", "a reigning monarch (Phoenix KING [~GOV])"),
}


def agent_entries(path: Path) -> dict[str, str]:
    """Phoenix agent phrase (upper case, words joined by "_", substitution sets expanded) -> codes."""
    text = path.read_text(encoding="latin-1")
    sets = {name: [w.strip() for w in words.split(",")]
            for name, words in re.findall(r"^(![A-Z]+!)\s*=\s*(.+)$", text, flags=re.M)}
    entries: dict[str, str] = {}
    for line in text.splitlines():
        match = ENTRY.match(line.strip())
        if not match:
            continue
        phrase, codes = match.groups()
        expanded = [phrase]
        for name, words in sets.items():
            expanded = [e.replace(name, w) for e in expanded for w in (words if name in e else [""])]
        for item in expanded:
            entries.setdefault(item.rstrip("_"), codes)
    return entries


def key(title: str) -> str:
    return re.sub(r"[^A-Z0-9'-]+", "_", title.upper()).strip("_")


def phoenix_codes(title: str, entries: dict[str, str]) -> tuple[str, str] | None:
    """(codes, the entry) for an office title, or None: the entry that is the whole title (a stem such as
    DEFENCE_MINIST may end mid-word), else the ministry's portfolio, else the institution the office is of,
    else the longest entry that starts the title."""
    words = key(title)
    whole = [p for p in entries if words == p or (p.endswith(("MINIST", "MINISTR")) and words.startswith(p)
                                                 and "_" not in words[len(p):])]
    if whole:
        phrase = max(whole, key=len)
        return entries[phrase], phrase
    if words.endswith("_MINISTER") and words.removesuffix("_MINISTER") in PORTFOLIO_CODES:
        portfolio = words.removesuffix("_MINISTER")
        return PORTFOLIO_CODES[portfolio], f"linimasa: the ministry's portfolio ({portfolio})"
    if "_OF_" in words:  # the institution an office is of: "CHIEF_OF_THE_INDONESIAN_NATIONAL_POLICE"
        head, institution = words.split("_OF_", 1)
        parts = institution.removeprefix("THE_").split("_")
        for i in range(len(parts)):
            candidate = "_".join(parts[i:])
            if candidate in entries:
                return entries[candidate], candidate
        if head in entries:
            return entries[head], head
    starts = [p for p in entries if words.startswith(p + "_") and p not in GENERIC_HEADS]
    if starts:
        phrase = max(starts, key=len)
        return entries[phrase], phrase
    return None


def main() -> int:
    entries = agent_entries(AGENTS)
    with ROLES.open(encoding="utf-8", newline="") as handle:
        roles = sorted({row["role"] for row in csv.DictReader(handle) if not row["organisation"]})
    rows, missing = [], []
    for role in roles:
        if role in HAND:
            codes, reason = HAND[role]
            rows.append({"role": role, "codes": codes, "source": f"linimasa: {reason}"})
            continue
        found = phoenix_codes(role, entries)
        if found is None:
            missing.append(role)
            continue
        codes, entry = found
        source = entry if "(" in entry else f"Phoenix.agents.txt: {entry} [~{codes}]"
        rows.append({"role": role, "codes": codes, "source": source})
    if missing:
        print("offices with no agent codes (add them to HAND):", *missing, sep="\n  ", file=sys.stderr)
        return 1
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# CAMEO agent codes of offices (scripts/build_role_sectors.py; codes in docs/data-dictionary.md)\n")
        writer = csv.DictWriter(handle, fieldnames=["role", "codes", "source"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} offices -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
