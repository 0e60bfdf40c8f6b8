"""Build linimasa/kb/data/organisation_sectors.csv: the CAMEO actor codes (without the country) of every
organisation the knowledge base knows, of every organisation kind ("Kemlu Jepang"), and of the collective
parties the events stage names ("Russia military", "Government of Japan").

    python scripts/build_organisation_sectors.py

An organisation the Phoenix actor dictionaries name (../shared/reference/phoenix-actors, MIT) by its name or
an alias takes Phoenix's code without the country: NATO [IGOWSTNAT], Pentagon [USAMIL] -> MIL. The others
are coded in HAND below with the reason. Legislatures are LEG throughout (Phoenix's agent word PARLIAMENT
[~LEG]), though Phoenix's named entries code some as GOVLEG, so that legislatures are one sector. An
organisation of organisations.csv in neither stops the script.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PHOENIX = ROOT / ".." / "shared" / "reference" / "phoenix-actors"
DATA = ROOT / "linimasa" / "kb" / "data"
OUT = DATA / "organisation_sectors.csv"

CODE = re.compile(r"\[([A-Z]{3,})(?:\s[^\]]*)?\]")
IGO_PREFIXES = ("IGO", "NGO", "IMG", "MNC")

MINISTRY = "a ministry of the government"
PARTY = "a political party"
SOE = "a state-owned enterprise"
NEWS = "a news agency (Phoenix codes news agencies MED: Reuters, Xinhua)"
LEGISLATURE = "a legislature (Phoenix PARLIAMENT [~LEG])"
HAND: dict[str, tuple[str, str]] = {
    # international organisations the dictionaries lack
    "org:unga": ("IGOUNO", "an organ of the United Nations (Phoenix UNITED_NATIONS [IGOUNO])"),
    "org:wto": ("IGOBUS", "an intergovernmental trade organisation"),
    "org:euco": ("IGOEUREEC", "an institution of the European Union (Phoenix EUROPEAN_UNION [IGOEUREEC])"),
    "org:ecb": ("IGOEUREEC", "an institution of the European Union (Phoenix EUROPEAN_UNION [IGOEUREEC])"),
    "org:aiib": ("IGOBUS", "an intergovernmental development bank"),
    "org:g20": ("IGOBUS", "a forum of governments on the economy (Phoenix GROUP_OF_EIGHT [IGOBUSGOE])"),
    "org:g7": ("IGOBUS", "a forum of governments on the economy (Phoenix GROUP_OF_EIGHT [IGOBUSGOE])"),
    "org:apec": ("IGOBUS", "an intergovernmental economic forum"),
    "org:brics": ("IGOBUS", "an intergovernmental economic forum"),
    "org:arctic-council": ("IGO", "an intergovernmental forum"),
    "org:au": ("IGO", "an intergovernmental union"),
    "org:gcc": ("IGO", "an intergovernmental union"),
    "org:sco": ("IGOCAS", "Phoenix SHANGHAI_COOPERATION_ORGANIZATION [IGOCAS]"),
    "org:unrwa": ("IGOUNOREF", "the UN's agency for Palestinian refugees (Phoenix UNHCR [IGOUNOREFHCR])"),
    "org:osce": ("IGO", "Phoenix ORGANIZATION_FOR_SECURITY_AND_CO-OPERATION_IN_EUROPE [IGO]"),
    # national institutions
    "org:us-congress": ("LEG", LEGISLATURE + ", Phoenix codes it USAGOVLEG"),
    "org:us-senate": ("LEG", LEGISLATURE),
    "org:duma": ("LEG", LEGISLATURE),
    "org:bundestag": ("LEG", LEGISLATURE + ", Phoenix codes it DEUGOVLEG"),
    "org:knesset": ("LEG", LEGISLATURE + ", Phoenix codes it ISRGOVLEG"),
    "org:dpr": ("LEG", LEGISLATURE),
    "org:mpr": ("LEG", LEGISLATURE),
    "org:dpd": ("LEG", LEGISLATURE),
    "org:rus-mfa": ("GOV", MINISTRY), "org:rus-mod": ("GOVMIL", "a ministry of defence (Phoenix DEFENCE_MINIST [~GOVMIL])"),
    "org:zhongnanhai": ("GOV", "the seat of China's government"), "org:chn-mfa": ("GOV", MINISTRY),
    "org:downing-street": ("GOV", "the seat of the British government"),
    "org:elysee": ("GOV", "the seat of the French presidency"), "org:mofa-jpn": ("GOV", MINISTRY),
    "org:hamas": ("REB", "an armed movement (also Gaza's de facto government since 2007)"),
    "org:hezbollah": ("REB", "an armed movement (also a party in Lebanon's parliament)"),
    "org:taliban": ("REB", "an armed movement (Afghanistan's government from 2021-08-15, one code per organisation)"),
    "org:houthis": ("REB", "an armed movement"), "org:opm": ("REB", "an armed separatist movement"),
    "org:gam": ("REB", "an armed separatist movement (disarmed in 2005)"),
    "org:ji": ("REB", "an armed militant group"), "org:jad": ("REB", "an armed militant group"),
    "org:irgc": ("MIL", "a branch of Iran's armed forces"), "org:tatmadaw": ("MIL", "Myanmar's armed forces"),
    "org:fatah": ("PTY", PARTY), "org:nld-party": ("PTY", PARTY), "org:umno": ("PTY", PARTY),
    "org:wpk": ("GOV", "the ruling party of a one-party state (as Phoenix codes the Chinese Communist Party CHNGOV)"),
    "org:cpv": ("GOV", "the ruling party of a one-party state (as Phoenix codes the Chinese Communist Party CHNGOV)"),
    "org:kemlu": ("GOV", MINISTRY), "org:kemhan": ("GOVMIL", "a ministry of defence (Phoenix DEFENCE_MINIST [~GOVMIL])"),
    "org:kemenkeu": ("GOV", MINISTRY), "org:kemendagri": ("GOV", MINISTRY), "org:istana": ("GOV", "the presidential palace"),
    "org:kpk": ("GOVJUD", "Indonesia's anti-corruption agency (investigates and prosecutes)"),
    "org:tni": ("MIL", "Indonesia's armed forces"), "org:tni-ad": ("MIL", "Indonesia's army"),
    "org:tni-al": ("MIL", "Indonesia's navy"), "org:tni-au": ("MIL", "Indonesia's air force"),
    "org:polri": ("COP", "Indonesia's police (Phoenix NATIONAL_POLICE [~COP])"),
    "org:densus88": ("COP", "a police counter-terrorism unit"), "org:bareskrim": ("COP", "a police criminal investigation agency"),
    "org:bin": ("SPY", "an intelligence agency (Phoenix CENTRAL_INTELLIGENCE_AGENCY [USASPY])"),
    "org:bnpt": ("GOV", "a government agency"), "org:bnpb": ("GOV", "a government agency"),
    "org:bmkg": ("GOV", "a government agency"), "org:bpk": ("GOV", "a state audit body"),
    "org:bps": ("GOV", "a government agency"), "org:kpu": ("GOV", "an election commission"),
    "org:bawaslu": ("GOV", "an election supervisory agency"), "org:basarnas": ("GOV", "a government agency"),
    "org:bpkp": ("GOV", "a government agency"), "org:djp": ("GOV", "a directorate of the finance ministry"),
    "org:bea-cukai": ("GOV", "a directorate of the finance ministry"),
    "org:bi": ("GOVBUS", "a central bank (Phoenix FEDERAL_RESERVE [USAGOVBUS])"),
    "org:ojk": ("GOVBUS", "a financial regulator"), "org:lps": ("GOVBUS", "a state deposit insurer"),
    "org:bkpm": ("GOVBUS", "a government investment board"), "org:danantara": ("GOVBUS", "a sovereign wealth fund"),
    "org:bappenas": ("GOVDEV", "a development planning ministry"),
    "org:mk": ("JUD", "a court"), "org:ma": ("JUD", "a court"),
    "org:kejagung": ("JUD", "a prosecution service (Phoenix ATTORNEY-GENERAL [~JUD])"),
    "org:komnas-ham": ("GOVHRI", "a state human rights commission"),
    "org:pertamina": ("BUS", SOE), "org:pln": ("BUS", SOE), "org:bulog": ("BUS", SOE), "org:garuda": ("BUS", SOE),
    "org:kai": ("BUS", SOE), "org:bank-mandiri": ("BUS", SOE), "org:bri": ("BUS", SOE), "org:bni": ("BUS", SOE),
    "org:nu": ("REL", "a Muslim mass organisation"), "org:muhammadiyah": ("REL", "a Muslim mass organisation"),
    "org:mui": ("REL", "a council of Muslim clerics"),
    "org:kementan": ("GOVAGR", MINISTRY), "org:kemenkes": ("GOVHLH", MINISTRY), "org:kemendikbud": ("GOVEDU", MINISTRY),
    "org:kemendikdasmen": ("GOVEDU", MINISTRY), "org:kemenag": ("GOVREL", MINISTRY), "org:kemenhub": ("GOV", MINISTRY),
    "org:kemensos": ("GOV", MINISTRY), "org:kemendag": ("GOVBUS", MINISTRY), "org:kemenperin": ("GOVBUS", MINISTRY),
    "org:kkp": ("GOVAGR", MINISTRY), "org:kemenbumn": ("GOVBUS", MINISTRY), "org:kemenkumham": ("GOVJUD", MINISTRY),
    "org:kominfo": ("GOVMED", MINISTRY), "org:kemenpora": ("GOV", MINISTRY), "org:klhk": ("GOVENV", MINISTRY),
    "org:kemnaker": ("GOVLAB", MINISTRY), "org:kemenparekraf": ("GOV", MINISTRY),
    "org:kemenko-polkam": ("GOVMIL", "a coordinating ministry for politics and security"),
    "org:kemenko-ekon": ("GOVBUS", "a coordinating ministry for the economy"), "org:kemensetneg": ("GOV", MINISTRY),
    "org:kementerian-esdm": ("GOVBUS", MINISTRY), "org:kemenpupr": ("GOVDEV", MINISTRY),
    "org:antara": ("MED", NEWS), "org:bloomberg": ("MED", NEWS), "org:tass": ("MED", NEWS),
    "org:ria-novosti": ("MED", NEWS), "org:yonhap": ("MED", NEWS), "org:kcna": ("MED", NEWS),
    "org:fpi": ("REL", "a hard-line Islamic mass organisation (disbanded in 2020)"),
    "org:gmbi": ("CVL", "a mass organisation"), "org:gp-ansor": ("REL", "the youth wing of Nahdlatul Ulama"),
    "org:banser": ("REL", "the paramilitary wing of GP Ansor (Nahdlatul Ulama)"),
    "org:presidium-alumni-212": ("REL", "an Islamist movement"), "org:walhi": ("ENV", "an environmental organisation"),
    "org:brimob": ("COP", "a police paramilitary corps (Phoenix POLICE [~COP])"),
    "org:bnn": ("COP", "a narcotics law-enforcement agency (Phoenix POLICE [~COP])"),
    "org:bkn": ("GOV", "a government agency"), "org:bpom": ("GOVHLH", "a drug and food regulator"),
    "org:bkf": ("GOV", "an agency of the finance ministry"), "org:kssk": ("GOVBUS", "a financial stability committee"),
    "org:komisi-yudisial": ("JUD", "a judicial oversight commission"), "org:dewan-pers": ("MED", "a press council"),
    "org:otorita-ikn": ("GOV", "a government authority"), "org:kemenpan-rb": ("GOV", MINISTRY),
    "org:partai-idaman": ("PTY", PARTY), "org:arsa": ("REB", "an armed insurgent group"),
    "org:sdf": ("REB", "an armed alliance"), "org:qassam": ("REB", "the armed wing of Hamas"),
    "org:mcc": ("GOV", "a government foreign-aid agency"),
    "org:minusca": ("IGOUNO", "a United Nations peacekeeping mission (Phoenix UNITED_NATIONS [IGOUNO])"),
    "org:icrc": ("NGOHLHIRC", "Phoenix INTERNATIONAL_COMMITTEE_OF_THE_RED_CROSS [NGOHLHIRC]"),
}
PARTIES = ("pdip", "golkar", "gerindra", "pkb", "nasdem", "demokrat", "pks", "pan", "ppp", "psi", "perindo", "hanura")
HAND.update({f"org:{key}": ("PTY", PARTY) for key in PARTIES})
HAND.update({f"org:dpr-komisi-{n}": ("LEG", "a commission of Indonesia's House of Representatives") for n in range(1, 14)})
# Organisations named by a kind and a country ("Kemlu Jepang": org:mfa:JPN), by organisation_kinds_id.yaml key.
KINDS = {
    "mfa": ("GOV", MINISTRY), "mod": ("GOVMIL", "a ministry of defence (Phoenix DEFENCE_MINIST [~GOVMIL])"),
    "mof": ("GOV", MINISTRY), "interior": ("GOV", MINISTRY), "trade": ("GOVBUS", MINISTRY),
    "health": ("GOVHLH", MINISTRY), "embassy": ("GOV", "Phoenix EMBASSY [~GOV]"),
    "consulate": ("GOV", "Phoenix EMBASSY [~GOV]"), "parliament": ("LEG", LEGISLATURE),
    "central-bank": ("GOVBUS", "a central bank (Phoenix CENTRAL_BANK_GOVERNOR [~GOVBUS])"),
    "supreme-court": ("JUD", "a court"), "army": ("MIL", "Phoenix ARMY [~MIL]"), "navy": ("MIL", "Phoenix NAVY [~MIL]"),
    "air-force": ("MIL", "Phoenix AIR_FORCE [~MIL]"), "armed-forces": ("MIL", "Phoenix ARMED_FORCES [~MIL]"),
}
# Indonesia's regional bodies composed from a unit and a region ("Polres Jember": local:polres:jember), by
# local_bodies_id.yaml key.
POLICE = "Phoenix POLICE [~COP]"
LOCAL_UNITS = {
    "polda": ("COP", POLICE), "polres": ("COP", POLICE), "polsek": ("COP", POLICE),
    "kejati": ("JUD", "a prosecution service (Phoenix ATTORNEY-GENERAL [~JUD])"),
    "kejari": ("JUD", "a prosecution service (Phoenix ATTORNEY-GENERAL [~JUD])"),
    "district-court": ("JUD", "a court"), "high-court": ("JUD", "a court"),
    "kodam": ("MIL", "a regional military command (Phoenix MILITARY [~MIL])"),
    "korem": ("MIL", "a military area command (Phoenix MILITARY [~MIL])"),
    "kodim": ("MIL", "a military district command (Phoenix MILITARY [~MIL])"),
    "provincial-government": ("GOV", "a provincial government (Phoenix GOVERNMENT [~GOV])"),
    "regency-government": ("GOV", "a local government (Phoenix GOVERNMENT [~GOV])"),
    "city-government": ("GOV", "a local government (Phoenix GOVERNMENT [~GOV])"),
    "dprd": ("LEG", "a regional legislature (Phoenix PARLIAMENT [~LEG])"),
    "satpol-pp": ("GOV", "a local government's public order agency"),
}
# Collective parties of the events stage (linimasa/events/arguments_id.yaml), by their name template.
COLLECTIVES = {
    "Government of {country}": ("GOV", "Phoenix GOVERNMENT [~GOV]"), "{country} delegation": ("GOV", "an official delegation"),
    "{country} military": ("MIL", "Phoenix MILITARY [~MIL]"), "{country} armed forces": ("MIL", "Phoenix ARMED_FORCES [~MIL]"),
    "{country} ministry": ("GOV", MINISTRY), "{country} embassy": ("GOV", "Phoenix EMBASSY [~GOV]"),
    "{country} police": ("COP", "Phoenix POLICE [~COP]"), "{country} parliament": ("LEG", LEGISLATURE),
    "Cabinet of {country}": ("GOV", "Phoenix CABINET [~GOV]"),
}


def phoenix_actors() -> dict[str, str]:
    """Actor name (upper case, "_" for spaces) -> its first code, from both actor dictionaries."""
    actors: dict[str, str] = {}
    for name in ("Phoenix.International.actors.txt", "Phoenix.Countries.actors.txt"):
        names: list[str] = []
        for line in (PHOENIX / name).read_text(encoding="latin-1").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            head = re.match(r"^\+?([^\s\[#]+)", line.strip())
            if not line.startswith((" ", "\t", "+")) and head:
                names = [head.group(1).strip("_")]
            elif line.startswith("+") and head:
                names.append(head.group(1).strip("_"))
            for code in CODE.findall(line)[:1]:
                for actor in names:
                    actors.setdefault(actor, code)
    return actors


def key(name: str) -> str:
    return re.sub(r"[^A-Z0-9'-]+", "_", name.upper()).strip("_")


def without_country(code: str) -> str:
    return code if code.startswith(IGO_PREFIXES) or len(code) == 3 else code[3:]


def main() -> int:
    actors = phoenix_actors()
    rows, missing = [], []
    with (DATA / "organisations.csv").open(encoding="utf-8", newline="") as handle:
        organisations = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    for org in organisations:
        if org["kb_id"] in HAND:
            codes, reason = HAND[org["kb_id"]]
            rows.append({"organisation": org["kb_id"], "codes": codes, "source": f"linimasa: {reason}"})
            continue
        names = [org["name"], *[a for a in org["aliases"].split("|") if a]]
        found = next(((n, actors[key(n)]) for n in names if key(n) in actors), None)
        if found is None:
            missing.append(org["kb_id"])
            continue
        name, code = found
        rows.append({"organisation": org["kb_id"], "codes": without_country(code),
                     "source": f"Phoenix: {key(name)} [{code}]"})
    for kind, (codes, reason) in KINDS.items():
        rows.append({"organisation": f"org:{kind}:*", "codes": codes, "source": f"linimasa: {reason}"})
    for kind, (codes, reason) in LOCAL_UNITS.items():
        rows.append({"organisation": f"local:{kind}:*", "codes": codes, "source": f"linimasa: {reason}"})
    for template, (codes, reason) in COLLECTIVES.items():
        rows.append({"organisation": template, "codes": codes, "source": f"linimasa: {reason}"})
    if missing:
        print("organisations with no codes (add them to HAND):", *missing, sep="\n  ", file=sys.stderr)
        return 1
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# CAMEO actor codes of organisations without their country (scripts/build_organisation_sectors.py);\n"
                     "# a row is a kb_id, a kind of organisation (org:KIND:*), a kind of regional body (local:KIND:*) or a collective party's name template\n")
        writer = csv.DictWriter(handle, fieldnames=["organisation", "codes", "source"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} rows -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
