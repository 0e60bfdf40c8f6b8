"""Who arrested, when the arrest's own sentence does not name the body: the one the article names.

Crime and corruption news names the arresting body once ("Polres Bogor menangkap dua pencuri ...", "Kejaksaan
Negeri Sikka menetapkan dua tersangka ...") and then tells the arrest in the passive without an agent
("Kedua tersangka diamankan di rumahnya", "Para tersangka ditahan selama 20 hari") or by a common noun
("ditangkap petugas", "penyidik menahan ..."). The annotation guide codes the body as the actor of such an
arrest, as a reader does. So, for the types of ``enforcer_types`` (arguments_id.yaml):

- a generic agent that only says what kind of body acted ("polisi", "petugas", "penyidik", "jaksa":
  ``enforcer_agents``) is the body of that kind the article names, the nearest before the trigger (else the
  first after it);
- a passive trigger (or an action noun) whose clause names who was arrested but nobody who arrested has that
  body as its actor.

A body is an organisation mention whose knowledge-base id is one of ``enforcer_bodies`` (a police force,
a prosecution service, the anti-corruption commission). An article that names no such body keeps its
parties as the sentence gives them: the rules never guess a body.
"""

from __future__ import annotations

from dataclasses import dataclass

from linimasa.events.arguments import Party
from linimasa.events.coreference import QUOTES
from linimasa.model import Mention


@dataclass(frozen=True)
class EnforcerCues:
    types: frozenset[str]  # the event types whose actor may be the article's body
    agents: dict[str, str]  # English name of a generic agent -> the kind of body it stands for ("police", "any")
    bodies: dict[str, tuple[str, ...]]  # kind of body -> knowledge-base id prefixes
    not_after: frozenset[str]  # words before a passive trigger after which no body is added as its actor
    modes: frozenset  # the modes of the acts a body is added to (arrests, seizures; None: a trigger with no mode)
    not_lemmas: frozenset[str]  # triggers of those modes done by others than the article's body (a deportation)
    acts: dict[str, str]  # a trigger's lemma -> the kinds of body that do it ("" for any other lemma)

    @classmethod
    def of(cls, arguments: dict) -> EnforcerCues | None:
        if not arguments.get("enforcer_types"):
            return None
        return cls(frozenset(arguments["enforcer_types"]), dict(arguments.get("enforcer_agents") or {}),
                   {kind: tuple(prefixes) for kind, prefixes in (arguments.get("enforcer_bodies") or {}).items()},
                   frozenset(arguments.get("enforcer_not_after") or ()),
                   frozenset(arguments.get("enforcer_modes") or ()),
                   frozenset(arguments.get("enforcer_not_lemmas") or ()),
                   {str(lemma or ""): kinds for lemma, kinds in (arguments.get("enforcer_acts") or {}).items()})

    def kind_of(self, m: Mention) -> str | None:
        """The kind of body an organisation mention is ("police", "prosecution"), or None."""
        if m.kind != "organisation" or not m.kb_id:
            return None
        return next((kind for kind, prefixes in self.bodies.items() if m.kb_id.startswith(prefixes)), None)


def article_bodies(views: list, cues: EnforcerCues) -> list[tuple[Mention, str]]:
    """The enforcement bodies the article's sentences name, in text order, with their kind."""
    return [(m, kind) for view in views for m in view.mentions if (kind := cues.kind_of(m)) is not None]


def nearest_body(bodies: list[tuple[Mention, str]], offset: int, wanted: str) -> Mention | None:
    """The body of a wanted kind ("police", "police prosecution"; "any": every kind) named last before
    ``offset``, else first after it."""
    kinds = wanted.split()
    fitting = [m for m, kind in bodies if "any" in kinds or kind in kinds]
    before = [m for m in fitting if m.end <= offset]
    if before:
        return before[-1]
    return fitting[0] if fitting else None


def with_enforcer(parties: list[Party], match, words: list[str], bodies: list[tuple[Mention, str]],
                  cues: EnforcerCues) -> list[Party]:
    """``parties`` of an arrest with its generic agents named as the article's body, and the body as the
    actor of a passive arrest whose clause names only who was arrested. Not after the words of
    ``enforcer_not_after`` ("pejabat yang ditangkap" describes whom the sentence talks about, "tetap ditahan"
    a detention going on): the mention before such a trigger is seldom the one arrested."""
    if not bodies:
        return parties
    found: list[Party] = []
    for party in parties:
        m = party.mention
        wanted = cues.agents.get(m.name or "") if m.kind == "agent" and party.side == "actor" else None
        body = nearest_body(bodies, match.start, wanted) if wanted else None
        if body is None:
            found.append(party)
        elif all(body is not p.mention for p in found + parties):  # "polisi dari Polres X": X is there already
            found.append(Party(body, party.side))
    rule = match.rule
    sides = {p.side for p in found}
    if ((rule.voice == "passive" or rule.pos == "noun") and "actor" not in sides and "recipient" in sides
            and rule.mode in cues.modes and rule.lemma not in cues.not_lemmas
            and sum(1 for w in words[: match.first] if w in QUOTES) % 2 == 0
            and cues.not_after.isdisjoint(words[max(0, match.first - 3) : match.first])):
        body = nearest_body(bodies, match.start, cues.acts.get(rule.lemma, cues.acts.get("", "any")))
        if body is not None:
            found.append(Party(body, "actor"))
    return found
