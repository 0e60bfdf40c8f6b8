"""Participants: who a party mention is, at the event's date.

A mention the knowledge base resolved is its person, organisation or country, with the role the person
held on the event's date; a title without a name is its holder on that date; a surname alone is the full
name mentioned elsewhere in the article; a collective noun before a country ("delegasi Rusia") is an
organisation of that country; an unresolved name stays as written, with no country, never guessed.
"""

from __future__ import annotations

import datetime as dt

from linimasa.events.arguments import Party, is_adjacent
from linimasa.events.detect import TriggerMatch
from linimasa.kb.local_bodies import KB_PREFIX as LOCAL_PREFIX
from linimasa.model import Article, Mention, Participant


# Words from an office to the name it titles ("Duta Besar Republik Korea untuk Indonesia Lee Sang-deok").
OFFICE_REACH = 6


class ParticipantResolver:
    def __init__(self, kb, offices: frozenset[str] = frozenset(), predicative: frozenset[str] = frozenset()):
        self.kb = kb
        self.offices = offices  # office words whose title names the holder's country or city after them
        self.predicative = predicative  # words after which an office says what someone named is ("menjabat")

    def participant(self, party: Party, on: dt.date | None, article: Article, people, view) -> Participant | None:
        text, mentions = article.working_text, article.mentions
        m = party.mention
        if m.label == "TITLE" and m.kind != "person":
            following = next((p for p in view.mentions if p.label == "PER" and is_adjacent(text, m, p)), None)
            if following is not None:
                return None  # the name that follows carries the person; the title only confirms the role
            person = self.kb.holder(m.text, on, mentions) if self.kb is not None else None
            if person is None:
                return self.office_only(m, party.side, view)
            return self.person(person.kb_id, person.name, person.country, m.text, party.side, on)
        if party.collective and m.country:  # "pemerintahan Biden": the administration, not the person
            return Participant(name=party.collective.format(country=country_name(self.kb, m.country)),
                               mention=m.text, country=m.country, kind="organisation",
                               kb_id=f"collective:{m.country}", side=party.side)
        if m.kind == "person" and m.kb_id:
            return self.person(m.kb_id, m.name or m.text, m.country, m.text, party.side, on, m.role)
        if m.kind is None and any(p.kind == "person" and is_adjacent(text, m, p) for p in view.mentions):
            return None  # "Menteri Luar Negeri RI Retno Marsudi": the unresolved words only precede the name
        if m.label == "PER" and m.kind is None:
            full = people.get(surname(m.text)) or people.get(spelling_variant(surname(m.text)))
            # the person told elsewhere by the same surname: the knowledge base's, or a fuller name; never the
            # shorter words the tagger took out of this name ("Eddy Pramono" of "Irjen Gatot Eddy Pramono")
            if full is not None and full is not m and (full.kb_id or len(full.text) >= len(m.text)):
                return self.person(full.kb_id, full.name or full.text, full.country, m.text, party.side, on, full.role)
            # the title right before an unknown name says whose office it holds ("Bupati Agam Andri Warman")
            title = next((t for t in view.mentions if t.label == "TITLE" and is_adjacent(text, t, m)), None)
            return Participant(name=m.text, mention=m.text, kind="person", side=party.side,
                               country=self._office_country(view, m) or (title.country if title else None),
                               role=title.role if title else None)
        if m.kind == "country" or (party.side == "recipient" and m.kind == "place"):
            iso3 = m.country
            if not iso3:
                return None
            name = m.name if m.kind == "country" and m.name else country_name(self.kb, iso3)
            if party.collective and m.kind == "country":
                return Participant(name=party.collective.format(country=name), mention=m.text, country=iso3,
                                   kind="organisation", side=party.side)
            return Participant(name=name, mention=m.text, country=iso3, kind="country",
                               kb_id=f"country:{iso3}", side=party.side)
        if m.kind == "agent":  # "polisi", "ratusan mahasiswa": a group or office named by a common noun
            return Participant(name=m.name or m.text, mention=m.text, kind="agent", side=party.side)
        if m.kind == "organisation" or m.label == "ORG":
            return Participant(name=m.name or m.text, mention=m.text, country=m.country, kind="organisation",
                               kb_id=m.kb_id, side=party.side)
        return None

    def office_only(self, m: Mention, side: str, view) -> Participant | None:
        """A title whose holder the knowledge base cannot name on the event's day ("Menlu Iran" in an undated
        report; an envoy of a small country): the office itself, with its country and no name, never a
        guessed person (the annotation guide's role-only participant). Not a title the sentence writes on
        in capitals past the words the knowledge base read ("Ketua DPD Golkar Purwakarta" heads a party's
        regional board, not the Regional Representative Council)."""
        if not m.role or not m.country:
            return None
        if view is not None and self.predicative:
            first = view.token_index(m.start)
            if first > 0 and view.words[first - 1] in self.predicative:
                return None  # "Nyono, yang juga menjabat Bupati Jombang": Nyono's office, not a party
        if view is not None:
            after = view.token_index(m.end - 1) + 1
            if after < len(view.words) and view.starts[after] >= m.end and view.capitalised(after):
                return None
        # a role that says what it is of ("Regent of Agam") is named as it is
        says_of_what = m.country == "IGO" or " of " in m.role
        name = m.role if says_of_what else f"{m.role} of {country_name(self.kb, m.country)}"
        return Participant(name=name, mention=m.text, country=m.country, role=m.role, kind="role", side=side)

    def _office_country(self, view, m) -> str | None:
        """The country of a person the knowledge base does not know, from the office that titles them right
        before their name: the first country or place named after a capitalised office word ("Duta Besar
        Australia Penny Williams": Australia; "Wali Kota Surabaya Eri Cahyadi": Indonesia; an envoy's country
        comes before the "untuk" of where they are sent). Officials of other years and places are what the
        knowledge base misses most; their country is what event data users aggregate by."""
        if not self.offices or view is None:
            return None
        first = view.token_index(m.start)
        opened = None
        for i in range(first - 1, max(-1, first - 1 - OFFICE_REACH), -1):
            if not (view.capitalised(i) or view.words[i] == "untuk"):
                return None  # the title is unbroken capitalised words up to the name
            if view.words[i] in self.offices:
                opened = i
                break
        if opened is None:
            return None
        named = [p for p in view.mentions if p.kind in ("country", "place") and p.country
                 and opened < view.token_index(p.start) < first]
        return min(named, key=lambda p: p.start).country if named else None

    def person(self, kb_id, name, country, mention, side, on, fallback_role=None) -> Participant:
        role = None
        if kb_id and self.kb is not None and on is not None:
            period = self.kb.role_at(kb_id, on)
            role = period.role if period else None
            country = country or (period.country if period else None)
        elif on is None:
            role = fallback_role
        return Participant(name=name, mention=mention, country=country, role=role, kind="person", kb_id=kb_id,
                           side=side)


    def session_body(self, template: str, chair: Participant, match: TriggerMatch, article: Article):
        """The body a session is held with, of the chair's country, as a party read from the session's words."""
        name = template.format(country=country_name(self.kb, chair.country))
        mention = Mention(match.start, match.end, article.working_text[match.start:match.end], "ORG", source="kb",
                          kind="organisation", name=name, country=chair.country)
        return (Participant(name=name, mention=mention.text, country=chair.country, kind="organisation",
                            kb_id=f"body:{name}", side=chair.side), mention)


    def session_chair(self, title: str, country: str | None, side: str, on, match: TriggerMatch, article: Article):
        """Who chaired a session on the event's date: the holder of ``title`` of ``country``, as a party read
        from the session's words; None when the knowledge base does not say."""
        if self.kb is None or not title or not country:
            return None
        phrase = f"{title} {country_name(self.kb, country)}"
        person = self.kb.holder(phrase, on, article.mentions)
        if person is None:
            return None
        mention = Mention(match.start, match.end, article.working_text[match.start:match.end], "PER", source="kb",
                          kind="person", kb_id=person.kb_id, name=person.name, country=person.country)
        return self.person(person.kb_id, person.name, person.country, mention.text, side, on), mention


def vouches(p: Participant) -> bool:
    """Whether a party makes its event known to the knowledge base: a listed person, organisation or country.
    A regional body it only composes from a unit and a region ("Polres Jember", kb_id ``local:...``) is named
    and coded, but vouches for no event: crime news names one in nearly every sentence, and the events it
    would let through are mostly ones the clause gives too few parties (dev macro F1 0.1661 with them,
    0.1682 without)."""
    return bool(p.kb_id) and not p.kb_id.startswith(f"{LOCAL_PREFIX}:")


def generic(p: Participant) -> bool:
    return p.kind == "country" or (p.kb_id or "").startswith("collective:")


def outermost(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


def surname(text: str) -> str:
    parts = text.split()
    return parts[-1].casefold() if parts else ""


def people_by_surname(mentions: list[Mention]) -> dict[str, Mention]:
    """People named in full somewhere in the article, by the last word of their mention and of their
    canonical name ("Lavrov"), and by any other word of the name that no other person of the article shares
    ("Purbaya", "Perry", "Bhima": Indonesian news often names a person by the first word after the first
    mention). Resolved people first; an unresolved full name still links its words ("Sergei Lavrov" ...
    "Lavrov")."""
    people: dict[str, Mention] = {}
    full = [m for m in mentions if m.kind == "person" and m.kb_id]
    full += [m for m in mentions if m.label == "PER" and m.kind is None and len(m.text.split()) > 1]
    for m in full:
        for text in (m.text, m.name or ""):
            if text:
                people.setdefault(surname(text), m)
    given: dict[str, Mention | None] = {}
    for m in full:
        for text in (m.text, m.name or ""):
            for word in text.split()[:-1]:
                word = word.casefold()
                if len(word) < 3 or not word.isalpha():
                    continue
                known = given.get(word, m)
                given[word] = m if known is m or _same_person(known, m) else None
    for word, m in given.items():
        if m is not None:
            people.setdefault(word, m)
    spelled: dict[str, Mention | None] = {}
    for word, m in people.items():
        variant = spelling_variant(word)
        if variant != word and variant not in people:
            known = spelled.get(variant, m)
            spelled[variant] = m if known is m or _same_person(known, m) else None
    people.update((variant, m) for variant, m in spelled.items() if m is not None)
    return people


# Indonesian names are written in the old spelling and the new ("Soeharto" / "Suharto", "Djarot" / "Jarot",
# "Tjahjo" / "Cahyo") and with "i" or "y" ("Prasetio" / "Prasetyo"): one person, by the same folded form.
_SPELLINGS = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("sj", "sy"), ("y", "i"))


def spelling_variant(word: str) -> str:
    """A word of a name folded to one spelling of its old and new forms."""
    for old, new in _SPELLINGS:
        word = word.replace(old, new)
    return word


def _same_person(a: Mention | None, b: Mention) -> bool:
    if a is None:
        return False
    if a.kb_id or b.kb_id:
        return a.kb_id == b.kb_id
    return a.text.casefold() == b.text.casefold()


def key(p: Participant) -> str:
    return p.kb_id or f"{p.kind}:{p.name.casefold()}"


def contains(words: list[str], phrase: tuple[str, ...]) -> bool:
    """Whether the phrase occurs in the words; only positions holding its first word are compared."""
    n, first = len(phrase), phrase[0]
    if first not in words:
        return False
    return any(word == first and tuple(words[i : i + n]) == phrase for i, word in enumerate(words))


def country_name(kb, iso3: str | None) -> str | None:
    if not iso3:
        return None
    found = kb.country(iso3) if kb is not None else None
    if found is not None:
        return found.name
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3)
    return getattr(country, "common_name", None) or (country.name if country else iso3)


