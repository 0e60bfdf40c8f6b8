"""Mentions a sentence names that take no part in its event, whatever their place in the clause.

- **Sources**: the outlet or agency a statement is credited to ("dilansir AFP", "ditemui detikBali",
  "kumparan.com", "kepada wartawan"). A news outlet is known by name (``linimasa/data/outlets.csv``, the
  cleaner's wire list) or by an outlet's name with a desk after it ("detikBali"); any mention after a
  credit cue ("dilansir", "mengutip" ... through "dari laman", "kantor berita") is a source too.
- **Affiliations**: the organisation or country in a person's title, before the name ("anggota Komisi I DPR RI,
  Elnino Husein Mohi", "Ketua DK OJK Muliaman D. Hadad", "kepala GNA, Fayez al-Sarraj", "Duta Besar Korut
  untuk PBB, ..."): the person takes
  part, the body they belong to is only how they are introduced. The rules drop it only when another party
  is known to the knowledge base (``CandidateFinder``): an unknown name keeps the body it was introduced with
  as the known party an event needs ("Anggota Komisi VII DPR RI Bambang Haryo ... mendesak pemerintah").
- **Countries in a name**: a country that closes an organisation's name, right after the organisation
  ("Kementerian Sosial RI", "Komisi I DPR RI") or before its acronym in brackets ("Perhimpunan Advokat
  Indonesia (Peradi)"): the organisation takes part, not the state.
- **Parent bodies in a name**: an organisation right after another ("Bareskrim Mabes Polri", "Badan Legislasi
  DPR") is the body the unit belongs to: the unit takes part, written with its parent.
- **Aliases**: a name given again for the person just named ("Edward Omar Sharif Hiariej atau Eddy
  Hiariej", "KH Maksum Faqih atau Gus Maksum"): the first carries the party.
- **Descriptions of a person**: the words that describe someone before the name they are then given
  ("pelaku pencurian motor milik X bernama Y", "pria berinisial AS": the owner and the noun are only how Y is
  described), and a common noun set beside a person's name ("Budi (35), warga Desa Sukamaju", "aktivis
  mahasiswa asal Bandung, Budi"): the person takes part, the group noun is what they are; so is a country
  set beside the name ("Budi (43), warga Nigeria", "Budi, imam Indonesia di ..."): where the person is from. Like a body in a
  title, a description stays on the candidate as its known party when nothing else is known.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from linimasa.lang.id.morphology import looks_like_verb
from linimasa.model import Mention

_SQUASH = re.compile(r"[\s.\-]+")
DESCRIPTION_WORDS = 10  # words between a described noun and "bernama"/"berinisial"
APPOSITION_WORDS = 4  # words between a group noun and the comma before the name it describes
TITLE_REACH = 8
PARENT_GAP = 1  # capitalised words between a unit and the body it belongs to ("Bareskrim Mabes Polri")
CHAINED_TITLES = frozenset({"sekaligus"})  # a second title follows the first, then the name
NATIONALITY_WORDS = 2  # lower-case nouns between a person's comma and the country they are from ("warga negara")
# Words that carry a clause on after a person's comma, not a noun that describes them ("Budi, dan Indonesia").
NOT_NOUNS = frozenset({"dan", "atau", "serta", "bersama", "dengan", "kepada", "ke", "di", "dari", "oleh", "juga",
                       "yang", "dalam", "pada", "untuk", "bagi", "sementara", "kini", "saat", "selaku", "sebagai"})  # words of a title (a body named in it counts as one) between its role word and the name


@functools.cache
def outlet_names() -> frozenset[str]:
    """News outlets and wire agencies, folded and without spaces, dots or hyphens."""
    from linimasa.clean.credits import load_credit_rules
    from linimasa.outlets import known_outlets

    names = set()
    for key, name in known_outlets().items():
        names.update((_squashed(key), _squashed(name)))
    names.update(_squashed(wire) for wire in load_credit_rules().wires)
    return frozenset(n for n in names if len(n) >= 2)


def _squashed(text: str) -> str:
    return _SQUASH.sub("", text.casefold())


@dataclass(frozen=True)
class NonParties:
    cues: frozenset[str] = frozenset()
    fillers: frozenset[str] = frozenset()
    alias_words: frozenset[str] = frozenset()
    staff: frozenset[str] = frozenset()  # "wartawan BBC": the outlet is whom the person works for
    roles: frozenset[str] = frozenset()  # "anggota", "ketua", "kepala" ...: a title is being told
    links: frozenset[str] = frozenset()  # words a title runs on through ("dari fraksi", "untuk", "RI")
    journalists: str = "journalists"
    naming: frozenset[str] = frozenset()  # "bernama", "berinisial": the name of who was just described follows
    origins: frozenset[str] = frozenset()  # "asal": the country a person named right after comes from

    @classmethod
    def of(cls, lexicon) -> NonParties:
        args = lexicon.arguments
        return cls(frozenset(args.get("source_cues") or ()), frozenset(args.get("source_fillers") or ()),
                   frozenset(args.get("alias_words") or ()), frozenset(args.get("outlet_staff") or ()),
                   frozenset(args.get("affiliation_roles") or ()), frozenset(args.get("affiliation_links") or ()),
                   naming=frozenset(args.get("naming_words") or ()), origins=frozenset(args.get("origin_words") or ()))

    def excluded(self, view, m: Mention) -> bool:
        """Never a party: a source or an alias."""
        return self.is_source(view, m) or self.is_alias(view, m)

    def is_description(self, view, m: Mention) -> bool:
        """Part of the words that describe a person named right after them ("pelaku pencurian motor milik X
        bernama Y": the noun and X), through at most DESCRIPTION_WORDS words with no comma, clause or verb
        between; or, for a group noun, set beside a person's name ("Y (35), warga ...", "aktivis asal
        Bandung, Y")."""
        if self._naming_word(view, m) is not None:
            return True
        if m.kind == "country":
            return self._nationality(view, m) or self._origin_of_name_after(view, m) or self._origin_of_group(view, m)
        return m.kind == "agent" and (self._beside_name_before(view, m) or self._beside_name_after(view, m))

    def _nationality(self, view, m: Mention) -> bool:
        """ "Y (43), warga Nigeria", "Y, imam Indonesia di masjid ...": a country set beside a person's name,
        after a comma and at most NATIONALITY_WORDS lower-case nouns, tells where the person is from; the state
        takes no part through it."""
        words = view.words
        i = view.token_index(m.start) - 1
        nouns = 0
        while i >= 0 and nouns < NATIONALITY_WORDS and words[i].isalpha() and not view.capitalised(i) \
                and words[i] not in self.links and not looks_like_verb(words[i]) and words[i] not in NOT_NOUNS:
            i, nouns = i - 1, nouns + 1
        return nouns > 0 and i >= 1 and words[i] == "," and self._person_ends(view, i - 1, m)

    def _origin_of_name_after(self, view, m: Mention) -> bool:
        """ "pendiri e-commerce raksasa asal China, Jack Ma": a country right after an origin word, with a person's
        name right after it or its comma, tells where that person is from."""
        words = view.words
        first, k = view.token_index(m.start), view.token_index(m.end - 1) + 1
        if first == 0 or words[first - 1] not in self.origins:
            return False
        if k < len(words) and words[k] == ",":
            k += 1
        return any(view.token_index(p.start) == k and _named(p) == "person" and p.label != "TITLE"
                   for p in view.mentions if p.start >= m.end)

    def _origin_of_group(self, view, m: Mention) -> bool:
        """ "mendeportasi dua WNA asal Nigeria", "menangkap imigran gelap asal Somalia": a country right after an
        origin word that follows a group noun tells where the group is from; the state takes no part."""
        first = view.token_index(m.start)
        if first < 2 or view.words[first - 1] not in self.origins:
            return False
        return any(p.kind == "agent" and view.token_index(p.end - 1) == first - 2 for p in view.mentions
                   if p.end <= m.start)

    def _person_ends(self, view, i: int, before: Mention) -> bool:
        """Whether a person's name ends at word ``i``, or before its age in brackets ("Y (43)")."""
        words = view.words
        if words[i] == ")" and i >= 2 and words[i - 1].isdigit() and words[i - 2] == "(":
            i -= 3
        return any(view.token_index(p.end - 1) == i and _named(p) == "person" and p.label != "TITLE"
                   for p in view.mentions if p.end <= before.start)

    def described_person(self, view, m: Mention) -> Mention | None:
        """The person whose description ``m`` belongs to, named right after "bernama"/"berinisial"."""
        k = self._naming_word(view, m)
        if k is None:
            return None
        return next((p for p in view.mentions if view.token_index(p.start) == k + 1 and _named(p) == "person"
                     and p.label != "TITLE"), None)

    def _naming_word(self, view, m: Mention) -> int | None:
        """The index of the naming word that closes the description ``m`` stands in, if it stands in one."""
        if not self.naming:
            return None
        words = view.words
        last = view.token_index(m.end - 1)
        k = last + 1
        while k < len(words) and k - last <= DESCRIPTION_WORDS:
            word = words[k]
            if word in self.naming:
                return k
            if word == "," and k + 1 < len(words) and words[k + 1] in self.naming:  # "dua tersangka, yakni S"
                return k + 1
            if word == "," or not word.isalnum() and word not in "()" or looks_like_verb(word):
                return None
            k += 1
        return None

    def _beside_name_before(self, view, m: Mention) -> bool:
        """ "Y (35), warga Desa Sukamaju": a group noun right after a person's name, its age and a comma."""
        words = view.words
        i = view.token_index(m.start) - 1
        if i < 1 or words[i] != ",":
            return False
        i -= 1
        if words[i] == ")" and i >= 2 and words[i - 1].isdigit() and words[i - 2] == "(":
            i -= 3
        return any(view.token_index(p.end - 1) == i and _named(p) == "person" for p in view.mentions if p.end <= m.start)

    def _beside_name_after(self, view, m: Mention) -> bool:
        """ "Aktivis mahasiswa asal Bandung, Y ditangkap", "pakar hukum pidana Y": a group noun opening a phrase
        that a person's name closes, right after the phrase's words or after a comma. Not the comma's case when a verb
        or "oleh" comes right before the noun ("ditangkap polisi, Y ..." is who arrested Y)."""
        words = view.words
        first, last = view.token_index(m.start), view.token_index(m.end - 1)
        after_verb = first > 0 and (looks_like_verb(words[first - 1]) or words[first - 1] == "oleh")

        def named_at(k: int) -> bool:
            return any(view.token_index(p.start) == k and _named(p) == "person" and p.label != "TITLE"
                       for p in view.mentions)

        for k in range(last + 1, min(last + 1 + APPOSITION_WORDS, len(words) - 1)):
            if words[k] == ",":
                return not after_verb and named_at(k + 1)
            if named_at(k):  # "(oleh) pakar hukum pidana Romli Atmasasmita": the noun and its words are a title
                return True
            if not words[k].isalnum() or looks_like_verb(words[k]):
                return False
        return False

    def is_name_part(self, view, m: Mention) -> bool:
        """A country closing an organisation's name: right after an organisation's mention ("Kementerian Sosial
        RI"), or after a capitalised word of the name and before the organisation's acronym in brackets
        ("Gerakan Masyarakat Bawah Indonesia (GMBI)")."""
        if _organisation(m):
            return self.unit_of(view, m) is not None
        if m.kind != "country":
            return False
        words = view.words
        first, last = view.token_index(m.start), view.token_index(m.end - 1)
        if first == 0:
            return False
        if any(_organisation(p) and p.end <= m.start and view.token_index(p.end - 1) == first - 1
               for p in view.mentions):
            return True
        if last + 2 >= len(words) or words[last + 1] != "(":
            return False
        acronym = any(_organisation(p) and view.token_index(p.start) == last + 2 for p in view.mentions)
        offset = view.sentence.start
        before = view.sentence.text[view.starts[first - 1] - offset : view.ends[first - 1] - offset]
        return acronym and before[:1].isupper() and before.isalpha()

    def unit_of(self, view, m: Mention) -> Mention | None:
        """The organisation whose name ``m`` closes as the body it belongs to: "Bareskrim Mabes Polri", "Badan
        Legislasi DPR" (``m`` right after it, through at most PARENT_GAP capitalised words no mention covers)."""
        if not _organisation(m):
            return None
        first = view.token_index(m.start)
        for p in view.mentions:
            if p is m or not _organisation(p) or p.end > m.start:
                continue
            gap = range(view.token_index(p.end - 1) + 1, first)
            if len(gap) <= PARENT_GAP and all(view.capitalised(k) for k in gap):
                return p
        return None

    def without_affiliations(self, view, participants: list) -> tuple[list, frozenset[tuple[int, int]]]:
        """A candidate's (participant, mention) pairs without the bodies named only in a person's title
        ("anggota Komisi I DPR RI, Elnino Husein Mohi"), the countries and parent bodies closing a name and the
        words that only describe a person ("pelaku ... bernama Y"), when another party is known to the
        knowledge base; else the body stays as the known party, and the offsets of its mention are returned
        with the parties so that the event told leaves it out unless named again (the person takes part)."""
        inside = view.sentence.start, view.sentence.end
        titled = {id(m) for _, m in participants if inside[0] <= m.start < inside[1]
                  and (self.is_affiliation(view, m) or self.is_name_part(view, m) or self.is_description(view, m))}
        bodies = [m for _, m in participants if id(m) in titled]
        participants = [(self._written_with_parent(view, p, m, bodies), m) for p, m in participants]
        if titled and any(p.kb_id for p, m in participants if id(m) not in titled):
            return [(p, m) for p, m in participants if id(m) not in titled], frozenset()
        return participants, frozenset((m.start, m.end) for _, m in participants if id(m) in titled)

    def _written_with_parent(self, view, participant, mention: Mention, bodies: list[Mention]):
        """A unit's participant as the article writes it with the body closing its name ("Bareskrim Mabes
        Polri"): the body is no party of its own, but it is part of how the unit is named."""
        for body in bodies:
            if self.unit_of(view, body) is mention:
                offset = view.sentence.start
                written = view.sentence.text[mention.start - offset : body.end - offset]
                return dataclasses.replace(participant, mention=written)
        return participant

    def is_affiliation(self, view, m: Mention) -> bool:
        """An organisation or country inside a title that a person's name closes: a role word before it
        (through the title's own words: links, capitalised words, other bodies named in the title, as in
        "anggota Komisi V DPR dari fraksi PAN", "Kepala Manajemen PBB", "Duta Besar Korut untuk PBB") and the
        name after it, with only the title's words, other names, commas and brackets in between."""
        if not self.roles or not (m.kind in ("organisation", "country") or (m.kind is None and m.label == "ORG")):
            return False
        words = view.words
        first, last = view.token_index(m.start), view.token_index(m.end - 1)
        bodies = {k for p in view.mentions if p is not m and (_organisation(p) or p.kind == "country")
                  for k in range(view.token_index(p.start), view.token_index(p.end - 1) + 1)}
        i, steps = first - 1, 0
        while i >= 0 and steps < TITLE_REACH and words[i] not in self.roles and (
                words[i] in self.links or i in bodies or view.capitalised(i)):
            if i not in bodies or i + 1 not in bodies:  # a body named in the title counts as one word
                steps += 1
            i -= 1
        if i < 0 or words[i] not in self.roles:
            return False
        covered = {k for p in view.mentions if p is not m
                   for k in range(view.token_index(p.start), view.token_index(p.end - 1) + 1)}
        k, steps, chained = last + 1, 0, False
        while k < len(words) and steps < TITLE_REACH:
            person = next((p for p in view.mentions if view.token_index(p.start) == k and _named(p) == "person"
                           and p.label != "TITLE"), None)
            if person is not None:
                return True
            chained = chained or words[k] in CHAINED_TITLES  # "anggota Komisi I DPR sekaligus Ketua Fraksi ..."
            in_title = chained and (words[k] in self.roles or view.capitalised(k))
            if not (words[k] in self.links or words[k] in ",()" or in_title
                    or (k in covered and words[k] not in self.roles)):
                return False
            if k not in covered or k - 1 not in covered:  # a body named in the title counts as one word
                steps += 1
            k += 1
        return False

    def is_source(self, view, m: Mention) -> bool:
        """The outlet, agency or reporters a statement is credited to."""
        if m.kind == "agent":
            return m.name == self.journalists and _word_before(view, m, self.fillers) in ("kepada", *self.cues)
        if m.kind in ("person", "country", "place"):
            return False
        before = _word_before(view, m, self.fillers)
        if before in self.staff:  # "mantan wartawan BBC": the journalist's outlet, who may well be a party
            return False
        return before in self.cues or is_outlet(m.text) or bool(m.name and is_outlet(m.name))

    def is_alias(self, view, m: Mention) -> bool:
        """A person's name right after another person's name and "atau"/"alias" ("X atau Y"), or in brackets
        after it ("X (Y)"). Organisations are left alone: an acronym in brackets is often the one the
        knowledge base knows."""
        i = view.token_index(m.start)
        if i < 2 or _named(m) != "person":
            return False
        words = view.words
        if words[i - 1] in self.alias_words:
            before = i - 2 if words[i - 2] != "," else i - 3
        elif words[i - 1] == "(":
            before = i - 2
        else:
            return False
        return before >= 0 and any(view.token_index(p.end - 1) == before and _named(p) for p in view.mentions
                                   if p is not m and _named(p) == "person" and p.end <= m.start)


def is_outlet(text: str) -> bool:
    """A news outlet or agency by name ("AFP", "kumparan.com"), or an outlet's desk ("detikBali")."""
    squashed = _squashed(text)
    names = outlet_names()
    if squashed in names:
        return True
    words = text.split()
    if len(words) != 1:
        return False
    for cut in range(3, len(text) - 1):  # "detikBali", "detikNews": the outlet and a capitalised desk
        if text[cut].isupper() and text[:cut].islower() and text[:cut] in names:
            return True
    return False


def _organisation(m: Mention) -> bool:
    return m.kind == "organisation" or (m.kind is None and m.label == "ORG")


def _named(m: Mention) -> str:
    """The kind of thing a mention names, as far as an alias must agree: a person, or something else."""
    return "person" if m.kind == "person" or (m.kind is None and m.label in ("PER", "TITLE")) else "other"


def _word_before(view, m: Mention, fillers: frozenset[str]) -> str | None:
    i = view.token_index(m.start) - 1
    while i >= 0 and view.words[i] in fillers:
        i -= 1
    return view.words[i] if i >= 0 else None
