"""Where a body sits: the town of its headquarters.

A report of a ministry's hearing, a parliament's session or a police resort's arrest often names no place:
the reader knows where the body sits. The events stage uses a party's seat only when the text gives no place
(``location_basis`` ``seat``, linimasa/events/places.py), so a seat is a default, never a reading of the text.

Listed bodies have their seat in ``seats.csv`` (kb_id, city, country). Regional bodies are composed, not
listed (:mod:`linimasa.kb.local_bodies`), and so are their seats: a provincial body ("Kejati Jawa Tengah",
"Polda Jabar", "DPRD Jawa Timur") sits in its province's capital (``admin1.csv``), any other in the town its
region is named for ("Polres Jember", "Pemkot Surabaya", "Pengadilan Negeri Jakarta Selatan": Jakarta, a
direction after the town's name dropped), if the knowledge base knows that town in Indonesia; "Polres Sumba
Timur" (whose town is Waingapu) has none.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from linimasa.kb.local_bodies import COUNTRY, KB_PREFIX, region_slug

LOCAL, PROVINCIAL, NATIONAL = 0, 1, 2  # how local a body is (Seats.rank)


class Seats:
    """The seat of a body by its kb_id, as the name of a place and its country (resolved by the knowledge base)."""

    def __init__(self, listed: Mapping[str, tuple[str, str]], capitals: Mapping[str, str],
                 directions: Iterable[str]) -> None:
        self.listed = dict(listed)  # kb_id -> (city, country)
        self.capitals = {region_slug(province): city for province, city in capitals.items()}  # province slug -> capital
        self.directions = {d.casefold() for d in directions}

    def names(self, kb_id: str) -> list[tuple[str, str]]:
        """The (place name, country) a body's seat may be written as, most specific first: its listed seat;
        a regional body's province capital, or its region's name (and that name without a direction after
        it: "jakarta selatan", "jakarta")."""
        if kb_id in self.listed:
            return [self.listed[kb_id]]
        parts = kb_id.split(":")
        if len(parts) != 3 or parts[0] != KB_PREFIX:
            return []
        region = parts[2]
        if region in self.capitals:
            return [(self.capitals[region], COUNTRY)]
        words = region.split("-")
        names = [(" ".join(words), COUNTRY)]
        if len(words) > 1 and words[-1] in self.directions:
            names.append((" ".join(words[:-1]), COUNTRY))
        return names

    def rank(self, kb_id: str) -> int:
        """How local a body is: 0 a city's or regency's, 1 a province's (or a listed regional body's: "Polda
        Metro Jaya"), 2 any other listed body (a ministry, a parliament)."""
        parts = kb_id.split(":")
        if len(parts) != 3 or parts[0] != KB_PREFIX:
            return NATIONAL
        return PROVINCIAL if parts[2] in self.capitals or kb_id in self.listed else LOCAL

