"""The events lexicons (``triggers_id.yaml``, ``modality_id.yaml``, ``arguments_id.yaml``), compiled once
per process into lookup tables keyed by token."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from linimasa import yamldata
from linimasa.nlp.phrases import PhraseIndex

DATA_DIR = Path(__file__).parent
# The Indonesian lexemes: roots with their derivations, expanded into triggers by the morphology.
LEXEMES = Path(__file__).resolve().parents[1] / "lang" / "id" / "lexemes.yaml"
CLITICS = ("nya", "lah", "kah", "pun")
# How far after a trigger a word its rule requires `near` may come: "menetapkan Wali Kota Madiun Bambang
# Irianto sebagai tersangka" is eight words.
NEAR_WINDOW = 8


@dataclass(frozen=True, slots=True)
class TriggerRule:
    type: str
    words: tuple[str, ...]
    pos: str = "verb"  # verb | noun
    mode: str | None = None
    subject: str = "actor"  # the side the words before the trigger take
    voice: str = "active"
    next: frozenset[str] = frozenset()
    not_next: frozenset[str] = frozenset()
    head: bool = True  # False: names a setting (a summit), never an event of its own
    not_prev: frozenset[str] = frozenset()
    prev: frozenset[str] = frozenset()  # one of these must precede it ("saya telepon dia": a pronoun agent)
    next_mention: bool = False  # a name or title must follow the trigger
    near: frozenset[str] = frozenset()  # one of these must follow within near_window words ("menetapkan ... tersangka")
    near_window: int = NEAR_WINDOW  # how far after the trigger a ``near`` word may come (per type: near_window_by_type)
    near_before: frozenset[str] = frozenset()  # or one of these in the NEAR_WINDOW words before ("pelaku diamankan")
    not_near_before: frozenset[str] = frozenset()  # none of these in the clause's NEAR_WINDOW words before ("surat itu diterima")
    lemma: str = ""  # the lexeme's root ("temu" for "ditemui"), else the trigger's words
    with_only: bool = False  # the other party comes only after "dengan"/"bersama" ("membicarakan X dengan Y")


@dataclass(frozen=True)
class Lexicon:
    triggers: PhraseIndex[TriggerRule]  # the rules by their words, longest first
    modality: dict
    arguments: dict
    before_cues: dict[str, str]  # cue word -> modality
    stop_words: frozenset[str]
    after_modals: dict[str, str]
    happen_verbs: frozenset[str]
    _sets: dict = field(default_factory=dict, compare=False, repr=False)  # word lists made sets, once each

    def words(self, name: str) -> frozenset[str]:
        """A word list of ``arguments_id.yaml`` as a set."""
        found = self._sets.get(name)
        if found is None:
            found = self._sets[name] = frozenset(self.arguments[name])
        return found

    def phrases(self, name: str) -> PhraseIndex:
        """A phrase list of ``arguments_id.yaml`` as a :class:`PhraseIndex` of lower-case words, each phrase its
        own value (a word tuple); or the phrases a mapping of it keys, with their values. Built once."""
        found = self._sets.get(("phrases", name))
        if found is None:
            data = self.arguments[name]
            if isinstance(data, dict):
                found = PhraseIndex.of((str(phrase).lower().split(), value) for phrase, value in data.items())
            else:
                found = PhraseIndex.of_phrases(str(phrase) for phrase in data)
            self._sets[("phrases", name)] = found
        return found

    @functools.cached_property
    def nonparties(self):
        """Who never takes part (sources, aliases, affiliations): :class:`linimasa.events.nonparties.NonParties`
        of these arguments, built once per lexicon."""
        from linimasa.events.nonparties import NonParties

        return NonParties.of(self)


def normal(word: str) -> str:
    return word.lower()


@functools.lru_cache(maxsize=65536)
def without_clitic(word: str) -> str | None:
    """The word without an enclitic ("pertemuannya" -> "pertemuan"), or None when it has none."""
    for clitic in CLITICS:
        if word.endswith(clitic) and len(word) > len(clitic) + 3:
            return word[: -len(clitic)].rstrip("-")
    return None


def lexeme_entries(data: dict, written: dict) -> dict[str, list[dict]]:
    """Trigger entries for every form of every lexeme (``linimasa/lang/id/lexemes.yaml``) that the written
    trigger lexicon does not already list for that type: one root covers its active, passive and nominal
    forms."""
    from linimasa.lang.id.morphology import forms

    made: dict[str, list[dict]] = {}
    for event_type, lexemes in (data or {}).items():
        known = {tuple(entry["words"]) for entry in written.get(event_type, [])}
        for lexeme in lexemes:
            conditions = {k: v for k, v in lexeme.items() if k not in ("root", "derivations")}
            for form in forms(lexeme["root"], lexeme["derivations"]):
                if (form.word,) in known:
                    continue
                known.add((form.word,))
                entry = dict(conditions, words=[form.word], pos=form.pos, lemma=lexeme["root"])
                if form.voice == "passive":
                    entry["voice"] = "passive"
                made.setdefault(event_type, []).append(entry)
    return made


def lexeme_roots(data: dict) -> dict[tuple[str, tuple[str, ...]], str]:
    """(type, words) -> root for every form of every lexeme: a written trigger that is one of a lexeme's forms
    ("mendukung") belongs to that lexeme ("dukung") too."""
    from linimasa.lang.id.morphology import forms

    return {(event_type, (form.word,)): lexeme["root"] for event_type, lexemes in (data or {}).items()
            for lexeme in lexemes for form in forms(lexeme["root"], lexeme["derivations"])}


def _rules(data: dict, windows: dict[str, int] | None = None) -> PhraseIndex[TriggerRule]:
    """The trigger rules by their words; ``windows``: a type's own reach for its ``near`` words."""
    rules: list[TriggerRule] = []
    for event_type, entries in data.items():
        for entry in entries:
            rule = TriggerRule(
                type=event_type,
                words=tuple(w.lower() for w in entry["words"]),
                pos=entry.get("pos", "verb"),
                mode=entry.get("mode"),
                subject=entry.get("subject", "actor"),
                voice=entry.get("voice", "active"),
                next=frozenset(entry.get("next", ())),
                not_next=frozenset(entry.get("not_next", ())),
                head=entry.get("head", True),
                not_prev=frozenset(entry.get("not_prev", ())),
                prev=frozenset(entry.get("prev", ())),
                next_mention=entry.get("next_mention", False),
                near=frozenset(entry.get("near", ())),
                near_window=int(entry.get("near_window", (windows or {}).get(event_type, NEAR_WINDOW))),
                near_before=frozenset(entry.get("near_before", ())),
                not_near_before=frozenset(entry.get("not_near_before", ())),
                with_only=entry.get("with_only", False),
                lemma=entry.get("lemma") or " ".join(w.lower() for w in entry["words"]),
            )
            rules.append(rule)
    return PhraseIndex.of((rule.words, rule) for rule in rules)


@functools.cache
def load_lexicon(folder: str | None = None) -> Lexicon:
    base = Path(folder) if folder else DATA_DIR

    def read(name):
        return yamldata.safe_load((base / name).read_text(encoding="utf-8"))

    modality = read("modality_id.yaml")
    before = {w: kind for kind, words in modality["before"].items() for w in words}
    after = {w: kind for kind, words in modality["after"]["modal"].items() for w in words}
    written = read("triggers_id.yaml")
    lexemes_file = base / "lexemes_id.yaml" if folder else LEXEMES
    lexemes = yamldata.safe_load(lexemes_file.read_text(encoding="utf-8")) if lexemes_file.exists() else {}
    roots = lexeme_roots(lexemes)
    triggers = {kind: [dict(entry, lemma=roots.get((kind, tuple(entry["words"])), entry.get("lemma")))
                       for entry in entries] for kind, entries in written.items()}
    for kind, entries in lexeme_entries(lexemes, written).items():
        triggers.setdefault(kind, []).extend(entries)
    arguments = read("arguments_id.yaml")
    return Lexicon(
        triggers=_rules(triggers, arguments.get("near_window_by_type")),
        modality=modality,
        arguments=arguments,
        before_cues=before,
        stop_words=frozenset(modality["stop"]),
        after_modals=after,
        happen_verbs=frozenset(modality["after"]["happen"]),
    )
