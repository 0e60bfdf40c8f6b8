"""Indonesia's regional bodies, named by a unit word and the region they serve.

News of crime, courts and local politics names its bodies this way: "Polda Metro Jaya", "Polres Jember",
"Kepolisian Sektor Sukowono", "Kejati Jateng", "Pengadilan Negeri Jakarta Selatan", "Kodam IV/Diponegoro",
"DPRD Provinsi Banten". There are thousands of them (a police resort in every regency, a sector in every
district), so they are composed from the units of ``local_bodies_id.yaml`` and the region's name as written,
not listed: one organisation per unit and region (``local:polres:jember``), of Indonesia, named in English
("Jember Police"), its short forms the same body ("Polresta" and "Kepolisian Resor" are "Polres"; "Jateng"
is Jawa Tengah, Central Java).

The region is one to three capitalised words (or a unit number with a slash: "IV/Diponegoro", "0402/OKI")
right after the unit, through a bracketed short form ("Kejaksaan Negeri (Kejari) Sikka"), ended by any other
word, a rank, title or day (``region_stops``). A unit with no region after it ("kata Polres", "Polda
setempat") is not composed: which body it is the text does not say here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from linimasa.kb.records import Organisation

COUNTRY = "IDN"
KB_PREFIX = "local"  # kb_id local:<key>:<region>: composed, not listed
_WORD = r"(?:[A-Z][a-z]+(?:['’-][A-Za-z]+)*|[A-Z]{2,5})"
_NUMBERED = r"(?:[IVXL]+|\d{2,4})\s?/\s?[A-Z][A-Za-z'’-]*"


@dataclass(frozen=True, slots=True)
class LocalUnit:
    key: str  # kb_id part: local:<key>:<region>
    name: str  # English name with {region}


class LocalBodies:
    """Finds and names the regional bodies of a text."""

    def __init__(self, units: Iterable[tuple[str, LocalUnit]], region_aliases: Mapping[str, str],
                 region_names: Mapping[str, str], region_stops: Iterable[str], offices: Iterable[str] = ()) -> None:
        self.units = {_spaced(phrase): unit for phrase, unit in units}
        # the words of the offices that title a regional official before the region ("Bupati", "Wali Kota"),
        # folded: linimasa/kb/region_names.py
        self.offices = frozenset(w.casefold() for phrase in offices for w in phrase.split())
        self.region_aliases = {_spaced(k): v for k, v in region_aliases.items()}
        self.region_names = dict(region_names)  # Indonesian province name -> English
        phrases = sorted(self.units, key=len, reverse=True)
        if not phrases:
            self._pattern = None
            return
        unit = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
        stops = "|".join(re.escape(s) for s in sorted(set(region_stops), key=len, reverse=True))
        word = rf"(?!(?:{stops})\b){_WORD}" if stops else _WORD
        region = rf"{_NUMBERED}|{word}(?:[ \t]+{word}){{0,2}}"
        self._pattern = re.compile(rf"(?<![\w-])(?P<unit>{unit})(?:[ \t]*\([A-Z][A-Za-z]*\))?[ \t]+"
                                   rf"(?P<region>{region})(?![\w'’-])")

    def find(self, text: str) -> list[tuple[int, int]]:
        """The (start, end) of every regional body the text names."""
        if self._pattern is None:
            return []
        return [match.span() for match in self._pattern.finditer(text)]

    def organisation(self, name: str) -> Organisation | None:
        """The body a name denotes when the whole name is a unit and a region ("Polres Jember"), else None."""
        match = self._pattern.fullmatch(name.strip()) if self._pattern is not None else None
        if match is None:
            return None
        unit = self.units[_spaced(match.group("unit"))]
        region = _spaced(match.group("region"))
        region = self.region_aliases.get(region, region)
        english = self.region_names.get(region, region)
        return Organisation(kb_id=f"{KB_PREFIX}:{unit.key}:{region_slug(region)}",
                            name=unit.name.format(region=english),
                            country=COUNTRY, aliases=[_spaced(name)],
                            source="composed from the regional unit and its region")


def _spaced(text: str) -> str:
    return " ".join(text.split())


def region_slug(text: str) -> str:
    """A region as the last part of a composed kb_id: "Jawa Tengah" -> "jawa-tengah"."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
