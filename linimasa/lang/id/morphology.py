"""Indonesian derivational morphology, generative: from a root and the derivations it takes, the surface
forms of one lexeme (active, passive and nominal), so that one entry of the trigger lexicon covers
"bertemu", "menemui", "ditemui" and "pertemuan".

The rules are the standard ones of Indonesian grammar (Sneddon, *Indonesian: A Comprehensive Grammar*):
the nasal of meN- and peN- assimilates to the root's first sound, and voiceless k, p, t, s drop after it
("temu" -> "menemui", "sambut" -> "menyambut", "kunjung" -> "mengunjungi", "pukul" -> "memukul"); ber-
and per- lose their r before a root that starts with r ("runding" -> "berunding", "perundingan").
Generation, not analysis: the forms are listed once, when the lexicon loads, and looked up per token. The
one exception is :func:`looks_like_verb`, the cheap guess the party rules use to find where a noun phrase ends.
"""

from __future__ import annotations

from dataclasses import dataclass

VOWELS = frozenset("aeiou")
VERB_PREFIXES = ("me", "di", "ber", "ter")


def looks_like_verb(word: str) -> bool:
    """A word with a verb's prefix ("menangkap", "ditahan", "berhasil", "terjadi"): where a noun phrase
    ends. A guess (a few nouns start so too: "direktur"), good enough to stop a phrase, not to tag one."""
    return word.startswith(VERB_PREFIXES) and len(word) > 4


@dataclass(frozen=True, slots=True)
class Form:
    word: str
    derivation: str  # the derivation that made it, e.g. "meN-i"
    pos: str  # verb | noun
    voice: str  # active | passive


def nasal(root: str, prefix: str = "me") -> str:
    """meN- (or peN-, with ``prefix="pe"``) joined to a root, the nasal assimilated."""
    first = root[0]
    if root.startswith(("sy", "kh")):
        return prefix + "n" + root if root.startswith("sy") else prefix + "ng" + root
    if first in VOWELS or first in "gh":
        return prefix + "ng" + root
    if first == "k":
        return prefix + "ng" + root[1:]
    if first in "bfv":
        return prefix + "m" + root
    if first == "p":
        return prefix + "m" + root[1:]
    if first in "dcjz":
        return prefix + "n" + root
    if first == "t":
        return prefix + "n" + root[1:]
    if first == "s":
        return prefix + "ny" + root[1:]
    return prefix + root  # l, m, n, r, w, y: "melawat", "merampas"


def _ber(root: str, prefix: str = "ber") -> str:
    return prefix[:-1] + root if root.startswith("r") else prefix + root


# derivation -> (how the word is built, part of speech, voice)
DERIVATIONS = {
    "ber": (lambda r: _ber(r), "verb", "active"),
    "ber-an": (lambda r: _ber(r) + "an", "verb", "active"),  # "bertemuan" is rare; "berdekatan"
    "meN": (lambda r: nasal(r), "verb", "active"),
    "meN-i": (lambda r: nasal(r) + "i", "verb", "active"),
    "meN-kan": (lambda r: nasal(r) + "kan", "verb", "active"),
    "memper-kan": (lambda r: "memper" + r + "kan", "verb", "active"),  # "mempertanyakan", "memperingatkan"
    "diper-kan": (lambda r: "diper" + r + "kan", "verb", "passive"),
    "di": (lambda r: "di" + r, "verb", "passive"),
    "di-i": (lambda r: "di" + r + "i", "verb", "passive"),
    "di-kan": (lambda r: "di" + r + "kan", "verb", "passive"),
    "ter": (lambda r: "ter" + r, "verb", "passive"),
    "-an": (lambda r: r + "an", "noun", "active"),
    "ke-an": (lambda r: "ke" + r + "an", "noun", "active"),
    "per-an": (lambda r: _ber(r, "per") + "an", "noun", "active"),
    "peN-an": (lambda r: nasal(r, "pe") + "an", "noun", "active"),
    "root": (lambda r: r, "verb", "active"),
    # the object voice after a pronoun agent, "-kan" without a prefix: "kami sarankan pemerintah ..."
    "root-kan": (lambda r: r + "kan", "verb", "active"),
    "root-noun": (lambda r: r, "noun", "active"),
}


def forms(root: str, derivations: list[str]) -> list[Form]:
    """The surface forms of ``root`` for each named derivation (see :data:`DERIVATIONS`)."""
    made = []
    for name in derivations:
        try:
            build, pos, voice = DERIVATIONS[name]
        except KeyError:
            raise ValueError(f"unknown derivation {name!r} for root {root!r}; known: {', '.join(DERIVATIONS)}") from None
        made.append(Form(build(root.lower()), name, pos, voice))
    return made
