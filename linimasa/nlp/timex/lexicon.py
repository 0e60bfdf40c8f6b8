"""The Indonesian temporal vocabulary (``linimasa/nlp/data/timex_id.yaml``) and the patterns built from it.

Everything here is built once per process (:func:`load_lexicon` is cached); the recogniser only runs the
compiled patterns.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from linimasa import yamldata

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "timex_id.yaml"

_SPACES = re.compile(r"\s+")
_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+")  # "1.000": a thousand, not one and a bit

WORD_START = r"(?<![\w])"
WORD_END = r"(?![\w])"


def _alternation(words, case_insensitive: bool = True) -> str:
    """A regex alternation of ``words``, longest first so that "yang lalu" wins over "lalu"."""
    escaped = [re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)]
    body = "|".join(escaped)
    return f"(?i:{body})" if case_insensitive else f"(?:{body})"


def _capitalised_forms(words) -> list[str]:
    forms = []
    for word in words:
        forms += [word[:1].upper() + word[1:], word.upper()]
    return forms


@dataclass
class Lexicon:
    weekdays: dict[str, int]
    months: dict[str, int]
    number_units: dict[str, int]
    number_single: dict[str, int]
    fractions: dict[str, float]
    vague_quantities: set[str]
    units: dict[str, dict]
    one_unit_words: dict[str, str]
    reduplicated_units: dict[str, str]
    past_markers: set[str]
    future_markers: set[str]
    present_markers: set[str]
    period_markers: set[str]
    event_relative_markers: set[str]
    year_time_words: frozenset[str]
    year_time_after: frozenset[str]
    relative_days: dict[str, int]
    relative_day_parts: dict[str, dict]
    day_parts: dict[str, str]
    afternoon_parts: set[str]
    period_modifiers: dict[str, str]
    vague_references: dict[str, str]
    number_blockers: set[str]
    zones: dict[str, str]
    year_parts: dict[str, str]
    year_part_ordinals: dict[str, int]
    year_quantity_nouns: set[str]
    year_blockers: set[str]
    weekday_name_prefixes: set[str]
    date_name_prefixes: frozenset[str]
    citation_cues: list[str]
    future_cues: list[str]
    attribution_opener: re.Pattern | None = None  # "Hal itu disampaikan ...": a sentence dating the one before
    year_cues: set[str] = field(default_factory=set)
    patterns: list[tuple[str, re.Pattern]] = field(default_factory=list)
    starters: dict[str, list[int]] = field(default_factory=dict)  # token -> indices into patterns
    citation_pattern: re.Pattern | None = None
    # "kata X" / "X mengatakan": a verb reporting a person's words, before or after the speaker's name
    speaker_before_pattern: re.Pattern | None = None
    recall_opener: re.Pattern | None = None  # "Sebelumnya, ...": a sentence recalling the past
    speaker_after_pattern: re.Pattern | None = None
    future_cue_pattern: re.Pattern | None = None

    def month(self, word: str) -> int | None:
        return self.months.get(word.lower().rstrip("."))

    def weekday(self, word: str) -> int | None:
        return self.weekdays.get(word.lower())

    def unit(self, word: str) -> dict:
        return self.units[normal_words(word)]

    def number(self, text: str) -> float | None:
        """The value of a count written in digits or words; None for a vague one ("beberapa")."""
        text = normal_words(text)
        if text in self.vague_quantities:
            return None
        if text[0].isdigit():
            if _THOUSANDS.fullmatch(text):
                return float(text.replace(".", ""))
            return float(text.replace(",", "."))
        if text in self.fractions:
            return self.fractions[text]
        total, current = 0.0, 0.0
        for word in text.split(" "):
            if word in self.number_units:
                current += self.number_units[word]
            elif word in self.number_single:
                value = self.number_single[word]
                if value >= 100:
                    total += value
                else:
                    current += value
            elif word == "belas":
                current += 10
            elif word == "puluh":
                current *= 10
            elif word == "ratus":
                total += current * 100
                current = 0
            elif word in self.fractions:
                current += self.fractions[word]
        return total + current


def _build_patterns(lx: Lexicon, data: dict) -> list[tuple[str, re.Pattern]]:
    wd = _alternation(_capitalised_forms(data["weekdays"]), case_insensitive=False)
    month_full = _alternation(_capitalised_forms(data["months"]), case_insensitive=False)
    month_abbr = _alternation(_capitalised_forms(data["month_abbreviations"]), case_insensitive=False)
    month_any = f"(?:{month_full}|{month_abbr}\\.?)"
    day = r"(?:3[01]|[12]\d|0?[1-9])"
    month_num = r"(?:1[0-2]|0?[1-9])"
    units = _alternation(data["units"])
    one_unit = _alternation(data["one_unit_words"])
    redup = _alternation(data["reduplicated_units"])
    unit_words = "|".join(data["number_units"])
    number_word = (
        rf"(?:(?:{unit_words})\s+(?:puluh|ratus)(?:\s+(?:sebelas|sepuluh|(?:{unit_words})(?:\s+belas)?))?"
        rf"|(?:{unit_words})\s+belas|sepuluh|sebelas|seratus|seribu|{unit_words})"
        rf"(?:\s+(?:setengah|seperempat))?|tiga\s+perempat|setengah|seperempat"
    )
    number = rf"(?:\d+(?:[.,]\d+)?|(?i:{number_word})|{_alternation(data['vague_quantities'])})"
    modifier = _alternation(data["period_modifiers"])
    past = _alternation(data["past_markers"])
    future = _alternation(data["future_markers"])
    present = _alternation(data["present_markers"])
    period = _alternation(data["period_markers"])
    event_rel = _alternation(data["event_relative_markers"])
    direction = _alternation(data["past_markers"] + data["future_markers"] + data["present_markers"])
    day_parts = _alternation(data["day_parts"])
    zones = _alternation(data["zones"], case_insensitive=False)
    set_q = _alternation(data["set_quantifiers"])
    year = r"(?:19|20)\d{2}"
    not_number_after = r"(?![.,]\d|\d|[^\W\d_])"
    rel_units = r"(?:minggu|(?i:pekan|bulan|tahun|dekade|dasawarsa|abad))"
    clock_cue = _alternation(data["clock_cues"])

    specs = [
        ("date_paren",
         rf"(?:(?:(?i:hari)\s+)?(?P<wd>{wd})\s*,?\s*)?\(\s*(?:(?P<d>{day})\s*/\s*(?P<m>{month_num})"
         rf"(?:\s*/\s*(?P<y>\d{{4}}|\d{{2}}))?|(?P<d2>{day})\s+(?P<mn>{month_any})(?:\s+(?P<y2>{year}))?)\s*\)"
         rf"(?:\s+(?P<part>{day_parts}){WORD_END})?"),
        ("date_text",
         rf"(?:(?P<wd>{wd})\s*,?\s*)?(?<![\d.,/])(?P<d>{day})\s+(?P<mn>{month_any})"
         rf"(?:\s+(?P<y>\d{{4}}))?(?:\s+(?P<dir>{past}|{future}|{present}))?{WORD_END}"),
        ("date_range_start",
         rf"(?<![\d.,/])(?P<d>{day})\s*[-–]\s*(?={day}\s+(?P<mn>{month_any})(?:\s+(?P<y>{year}))?{WORD_END})"),
        ("date_numeric",
         rf"(?:(?P<wd>{wd})\s*,?\s*)?(?<![\d/.,])(?P<d>{day})(?P<sep>[/.-])(?P<m>{month_num})(?P=sep)"
         rf"(?P<y>{year})(?![\d/])"),
        ("date_iso", rf"(?<![\d-])(?P<y>{year})-(?P<m>1[0-2]|0[1-9])-(?P<d>3[01]|[12]\d|0[1-9])(?![\d-])"),
        ("month",
         rf"(?:(?P<mod>{modifier})\s+)?(?:(?i:bulan)\s+)?(?:(?P<mn>{month_full})|(?P<ma>{month_abbr})\.?(?=\s+{year}))"
         rf"(?:\s+(?P<y>{year}))?(?:\s+(?P<dir>{direction}))?{WORD_END}"),
        ("year",
         rf"(?:{WORD_START}(?P<mod>{modifier})\s+(?:(?i:tahun)\s+)?|{WORD_START}(?P<tahun>(?i:tahun|era|dekade))\s+)?"
         rf"(?<![\d.,/-])(?P<y>{year})(?P<decade>-?an)?{not_number_after}"
         rf"(?:\s+(?P<dir>{past}|{present}|{future}))?"),
        ("modified_unit",
         rf"{WORD_START}(?P<mod>{modifier})\s+(?P<unit>(?i:tahun|bulan|pekan|minggu))(?:\s+(?P<dir>{direction}))?{WORD_END}"),
        ("relative_unit", rf"{WORD_START}(?P<unit>{rel_units})\s+(?P<dir>{direction}){WORD_END}"),
        ("counted_relative",
         rf"{WORD_START}(?:(?P<n>{number})\s+(?P<unit>{units})|(?P<one>{one_unit}))\s+"
         rf"(?P<dir>{past}|{future}|{period}|{event_rel}){WORD_END}"),
        ("duration",
         rf"{WORD_START}(?:(?P<n>{number})\s+(?P<unit>{units})(?:\s+(?:(?i:dan|lebih)\s+)?(?P<n2>{number})\s+"
         rf"(?P<unit2>{units}))?|(?P<one>{one_unit})|(?P<redup>{redup})){WORD_END}"),
        ("relative_day_part", rf"{WORD_START}(?P<rel>{_alternation(data['relative_day_parts'])}){WORD_END}"),
        ("relative_day", rf"{WORD_START}(?P<rel>{_alternation(data['relative_days'])}){WORD_END}"),
        ("weekday",
         rf"(?:{WORD_START}(?P<hari>(?i:hari))\s+)?{WORD_START}(?P<wd>{wd})(?:\s+(?P<part>{day_parts}))?"
         rf"(?:\s+(?P<week>(?i:pekan|minggu))\s+(?P<wdir>{past}|{future})|\s+(?P<dir>{past}|{future}|{present}))?{WORD_END}"),
        ("clock",
         rf"(?:{WORD_START}(?P<cue>{clock_cue})\s*(?P<h>[01]?\d|2[0-4])(?:[.:](?P<mi>[0-5]\d))?"
         rf"|(?<![\d.,:])(?P<h2>[01]?\d|2[0-4])[.:](?P<mi2>[0-5]\d)(?=\s*{zones}))"
         rf"(?:\s*(?P<zone>{zones}){WORD_END})?(?:\s+(?P<part>{day_parts}){WORD_END})?"),
        ("year_part",
         rf"{WORD_START}(?P<part>{_alternation(data['year_parts'])})\s+(?P<ordinal>{_alternation(data['year_part_ordinals'])})"
         rf"(?:(?:\s*[-/]\s*|\s+)(?:(?i:tahun)\s+)?(?P<y>{year})|\s+(?i:tahun)\s+(?P<dir>{direction}))?{not_number_after}"),
        ("set_every",
         rf"{WORD_START}(?P<q>{set_q})\s+(?:(?P<n>{number})\s+)?(?:(?:(?i:hari)\s+)?(?P<wd>{wd})"
         rf"|(?:(?i:bulan)\s+)?(?P<mn>{month_full})|(?P<unit>{units}|(?i:pagi|siang|sore|malam))){WORD_END}"),
        ("set_frequency",
         rf"{WORD_START}(?P<n>{number})\s+(?i:kali)\s+(?:(?i:dalam|per|tiap|setiap)\s+)?"
         rf"(?:(?P<one>{one_unit})|(?P<unit>{units})){WORD_END}"),
        ("set_per", rf"{WORD_START}(?i:per)\s+(?P<unit>(?i:hari|pekan|minggu|bulan|tahun|jam|menit)){WORD_END}"),
        ("vague", rf"{WORD_START}(?P<ref>{_alternation(data['vague_references'])}){WORD_END}"),
    ]
    return [(name, re.compile(WORD_START + regex)) for name, regex in specs]


DIGIT = "<digit>"
OPEN_PARENTHESIS = "("


def _first_words(words) -> list[str]:
    return [re.match(r"\w+", w).group().lower() for w in words]


def _build_starters(data: dict) -> dict[str, list[str]]:
    """For each pattern, the tokens an expression of it can start with (lower case; DIGIT for any number).

    The recogniser tries a pattern only where one of its starting tokens stands, instead of scanning the
    whole text once per pattern.
    """
    weekdays = _first_words(data["weekdays"])
    months = _first_words(list(data["months"]) + list(data["month_abbreviations"]))
    modifiers = list(data["period_modifiers"])
    numbers = (list(data["number_units"]) + list(data["number_single"]) + _first_words(data["fractions"])
               + list(data["vague_quantities"]) + list(data["one_unit_words"]) + [DIGIT])
    return {
        "date_paren": weekdays + ["hari", OPEN_PARENTHESIS],
        "date_text": weekdays + [DIGIT],
        "date_range_start": [DIGIT],
        "date_numeric": weekdays + [DIGIT],
        "date_iso": [DIGIT],
        "month": modifiers + months + ["bulan"],
        "year": modifiers + ["tahun", "era", "dekade", DIGIT],
        "modified_unit": modifiers,
        "relative_unit": ["minggu", "pekan", "bulan", "tahun", "dekade", "dasawarsa", "abad"],
        "counted_relative": numbers,
        "duration": numbers + _first_words(data["reduplicated_units"]),
        "relative_day_part": _first_words(data["relative_day_parts"]),
        "relative_day": _first_words(data["relative_days"]),
        "weekday": weekdays + ["hari"],
        "clock": _first_words(data["clock_cues"]) + [DIGIT],
        "year_part": list(data["year_parts"]),
        "set_every": _first_words(data["set_quantifiers"]),
        "set_frequency": numbers,
        "set_per": ["per"],
        "vague": _first_words(data["vague_references"]),
    }


@functools.cache
def load_lexicon() -> Lexicon:
    data = yamldata.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    months = dict(data["months"]) | dict(data["month_abbreviations"])
    lx = Lexicon(
        weekdays=dict(data["weekdays"]),
        months=months,
        number_units=dict(data["number_units"]),
        number_single=dict(data["number_single"]),
        fractions=dict(data["fractions"]),
        vague_quantities=set(data["vague_quantities"]),
        units=dict(data["units"]),
        one_unit_words=dict(data["one_unit_words"]),
        reduplicated_units=dict(data["reduplicated_units"]),
        past_markers=set(data["past_markers"]),
        future_markers=set(data["future_markers"]),
        present_markers=set(data["present_markers"]),
        period_markers=set(data["period_markers"]),
        event_relative_markers=set(data["event_relative_markers"]),
        year_time_words=frozenset(data["year_time_words"]),
        year_time_after=frozenset(data["year_time_after"]),
        relative_days=dict(data["relative_days"]),
        relative_day_parts=dict(data["relative_day_parts"]),
        day_parts=dict(data["day_parts"]),
        afternoon_parts=set(data["afternoon_parts"]),
        period_modifiers=dict(data["period_modifiers"]),
        vague_references=dict(data["vague_references"]),
        number_blockers={w.lower() for w in data["number_blockers"]},
        zones=dict(data["zones"]),
        year_parts=dict(data["year_parts"]),
        year_part_ordinals={str(k).lower(): v for k, v in data["year_part_ordinals"].items()},
        year_quantity_nouns=set(data["year_quantity_nouns"]),
        year_blockers={w.lower() for w in data["year_blockers"]},
        weekday_name_prefixes=set(data["weekday_name_prefixes"]),
        date_name_prefixes=frozenset(w.lower() for w in data["date_name_prefixes"]),
        citation_cues=list(data["citation_cues"]),
        future_cues=list(data["future_cues"]),
    )
    lx.year_cues = {w.lower() for w in data["year_cues"]}
    lx.patterns = _build_patterns(lx, data)
    starters = _build_starters(data)
    for index, (name, _) in enumerate(lx.patterns):
        for token in sorted(set(starters[name])):
            lx.starters.setdefault(token, []).append(index)
    lx.attribution_opener = re.compile(
        rf"\W*{_alternation(data['attribution_nouns'])}\s+{_alternation(data['attribution_demonstratives'])}"
        rf"(?:\s+(?:juga|pun|sendiri))?\s+{_alternation(data['attribution_verbs'])}{WORD_END}", re.IGNORECASE)
    lx.citation_pattern = re.compile(rf"{WORD_START}{_alternation(lx.citation_cues)}{WORD_END}")
    lx.speaker_before_pattern = re.compile(
        rf"{WORD_START}{_alternation(data['speaker_verbs_before'])}{WORD_END}")
    lx.speaker_after_pattern = re.compile(
        rf"{WORD_START}{_alternation(data['speaker_verbs_after'])}{WORD_END}")
    lx.recall_opener = re.compile(rf"\W*{_alternation(data['recall_openers'])}{WORD_END}")
    lx.future_cue_pattern = re.compile(rf"{WORD_START}{_alternation(lx.future_cues)}{WORD_END}")
    return lx


def normal_words(text: str) -> str:
    """Lower case with single spaces, the form the lexicon's keys are written in."""
    return _SPACES.sub(" ", text.strip().lower())
