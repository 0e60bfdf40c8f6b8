"""Modality: whether a trigger reports an event as having happened (asserted), as planned (future), as
possible (hypothetical) or as not having happened (negated)."""

from __future__ import annotations

from linimasa.events.detect import TriggerMatch
from linimasa.events.lexicon import Lexicon

CLAUSE_ENDS = frozenset({".", ";", "!", "?", '"', "“", "”"})


QUOTES = frozenset({'"', "“", "”", "'"})
SENTENCE_ENDS = frozenset({".", "!", "?"})


def classify_modality(words: list[str], match: TriggerMatch, lexicon: Lexicon) -> str:
    """The modality of the trigger at ``match`` in a sentence's lower-cased ``words``.

    The nearest cue before the trigger decides (scanning back at most ``window`` words and never past a
    new clause); failing that, a modal with a verb of happening later in the clause ("pertemuan ... mungkin
    akan berlangsung"); failing that, a noun trigger marked as another meeting ("pertemuan lain") is future.
    """
    window = lexicon.modality["window"]
    if _nobody_did(words, match.first, lexicon):
        return "negated"
    if _hearsay(words, match.first, lexicon) or _asked(words, match, lexicon):
        return "hypothetical"
    if _conditional_clause(words, match.first, lexicon):
        return "hypothetical"
    for i in range(match.first - 1, max(-1, match.first - 1 - window), -1):
        word = words[i]
        if word in lexicon.stop_words:
            break
        cue = lexicon.before_cues.get(word)
        if cue and not _envoy_for(words, i, match.first, lexicon):
            return cue
    framing = _framing_predicate(words, match, lexicon)
    if framing:
        return framing
    if _opens_with_later(words, match.first, lexicon):
        return "future"
    if not _takes_a_complement(match, lexicon):
        after = _after_clause_modality(words, match.last, lexicon)
        if after:
            return after
    if match.rule.pos == "noun" and match.last < len(words) and words[match.last] in lexicon.modality["another"]:
        return "future"
    return "asserted"


def _envoy_for(words: list[str], at: int, first: int, lexicon: Lexicon) -> bool:
    """Whether ``words[at]`` is the "untuk" of an envoy's title ("Duta Besar Korea Utara untuk PBB Ja Song-nam
    menuding ...", "Utusan Khusus PBB untuk Suriah"): the body or country the envoy is sent to, no purpose. A
    purpose stands right before its verb ("mengirim utusan untuk bertemu Presiden"), a title's body does not."""
    envoys = lexicon.modality.get("envoy_titles", ())
    return (words[at] == "untuk" and at + 1 < first
            and any(w in envoys for w in words[max(0, at - 4) : at]))


def _conditional_clause(words: list[str], first: int, lexicon: Lexicon) -> bool:
    """ "apabila Menteri Keuangan Sri Mulyani Indrawati betul-betul mundur": a clause opened by a condition is
    hypothetical however long its subject (a title and a name), so the condition is looked for back to the
    clause's start, past the few words the nearest-cue scan reads."""
    conditions = lexicon.modality.get("conditions", ())
    for i in range(first - 1, max(-1, first - 1 - lexicon.modality.get("condition_window", 0)), -1):
        if words[i] in lexicon.stop_words:
            return False
        if words[i] in conditions:
            return True
    return False


def _opens_with_later(words: list[str], first: int, lexicon: Lexicon) -> bool:
    """ "Nanti di Manado, saya bulan Juli ada pertemuan 6 negara": a sentence (or a quote's sentence the splitter
    left whole) that opens with a word of later tells what is to come, whatever clause the trigger is in."""
    start = next((i + 1 for i in range(first - 1, -1, -1) if words[i] in SENTENCE_ENDS), 0)
    opening = next((w for w in words[start:first] if w not in QUOTES), None)
    return opening in lexicon.modality.get("opening_future", ())


def _asked(words: list[str], match: TriggerMatch, lexicon: Lexicon) -> bool:
    """ "Hakim bertanya apakah dia melakukan pertemuan di hotel itu", "Pertemuan Anda dengan Diah itu terjadi saat
    pelantikan?": a question asks whether talks were held, it does not report them. Its sentence (or, in a quote
    the splitter left whole, the quote's sentence around the trigger) ends with a question mark, or a question
    word stands before the trigger in it."""
    start = next((i + 1 for i in range(match.first - 1, -1, -1) if words[i] in SENTENCE_ENDS), 0)
    end = next((i for i in range(match.last, len(words)) if words[i] in SENTENCE_ENDS), None)
    if end is not None and words[end] == "?":
        return True
    asking = lexicon.modality.get("question_words", ())
    return any(w in asking for w in words[start : match.first])


def _hearsay(words: list[str], first: int, lexicon: Lexicon) -> bool:
    """ "berhembus kabar yang menyebut X mendatangi Y", "beredar isu bahwa keduanya bertemu": what a rumour
    says happened is not reported as having happened."""
    nouns = lexicon.modality.get("hearsay", ())
    links = lexicon.modality.get("hearsay_links", ())
    return any(words[i] in nouns and any(w in links for w in words[i + 1 : i + 3]) for i in range(first))


def _framing_predicate(words: list[str], match: TriggerMatch, lexicon: Lexicon) -> str | None:
    """ "tidak akan dibahas dalam Munaslub", "siap hadir dalam rapat dengar pendapat": talks named after
    "dalam"/"pada" are the setting of the verb before them, and are as planned or as possible as that verb.
    Only those two carry over: "tidak dibahas dalam pertemuan" denies the talk about it, not the meeting."""
    settings = lexicon.modality.get("setting_words", ())
    first = match.first
    if match.rule.pos != "noun" or first == 0 or words[first - 1] not in settings:
        return None
    modals = lexicon.modality.get("setting_modals", {})
    reach = lexicon.modality.get("setting_window", lexicon.modality["window"])
    for i in range(first - 2, max(-1, first - 2 - reach), -1):
        word = words[i]
        if word in lexicon.stop_words:
            break
        for kind, cues in modals.items():
            if word in cues:
                return kind
    return None


def _takes_a_complement(match: TriggerMatch, lexicon: Lexicon) -> bool:
    """A verb that threatens, promises, asks or refuses tells a future act after it ("mengancam akan menutup
    perbatasan"): a modal there is the act's, not the trigger's."""
    return match.rule.pos == "verb" and match.rule.type in lexicon.modality.get("complement_types", ())


def _nobody_did(words: list[str], first: int, lexicon: Lexicon) -> bool:
    """ "tak ada anggota DPR yang mengancamnya": a relative clause under "no one"."""
    if first == 0 or words[first - 1] != "yang":
        return False
    before = words[max(0, first - 1 - lexicon.modality["window"]) : first - 1]
    return any(a in lexicon.modality["nobody"] and b == "ada" for a, b in zip(before, before[1:]))


def _after_clause_modality(words: list[str], start: int, lexicon: Lexicon) -> str | None:
    after = lexicon.modality["after"]
    reporting = lexicon.words("reporting_verbs")
    for word in words[start : start + after["alone_window"]]:
        if word in lexicon.stop_words or word in reporting:
            break
        if word in after["alone"]:
            return lexicon.after_modals.get(word, "future")
    for i in range(start, len(words)):
        word = words[i]
        if word in CLAUSE_ENDS or word in reporting:
            # what a reporting verb introduces is another predicate: "Trump dan Moon lewat panggilan telepon
            # menyatakan akan terus bekerja sama" tells a call that happened
            return None
        kind = lexicon.after_modals.get(word)
        if kind and any(w in lexicon.happen_verbs for w in words[i + 1 : i + 3]):
            return kind
    return None


def is_recalled(words: list[str], match: TriggerMatch, lexicon: Lexicon) -> bool:
    """True when a word near the trigger marks it as recalled from earlier ("pernah bertemu")."""
    cues = lexicon.modality["background"]
    near = words[max(0, match.first - lexicon.modality["window"]) : match.last + 3]
    return any(w in cues for w in near)


def is_habitual(words: list[str], match: TriggerMatch, lexicon: Lexicon) -> bool:
    """True when the clause tells a habit or a going-on ("kerap mengecam", "masih terus berkoordinasi",
    "lima kali berkunjung", "selama ini menuding"), not one event."""
    modality = lexicon.modality
    start = max(0, match.first - modality["window"])
    near = words[start : match.first]
    if any(w in modality["habitual"] for w in near):
        return True
    if match.first > 0 and words[match.first - 1] in modality.get("habitual_adjacent", ()):
        return True
    counts = modality.get("habitual_counts", ())
    for i in range(start, match.first):
        if words[i] == "kali" and i > 0 and (words[i - 1] in counts or words[i - 1].isdigit()):
            return True
    pairs = modality.get("habitual_pairs", ())
    return any([a, b] in pairs for a, b in zip(near, near[1:])) or _ongoing_process(words, match, lexicon)


def _ongoing_process(words: list[str], match: TriggerMatch, lexicon: Lexicon) -> bool:
    """ "tengah melakukan negosiasi dengan ...", "terus menjalin komunikasi yang intens", "negosiasi antara
    Indonesia dan AS masih terus berlangsung", "perundingan ... mandek pada 2014": coordinating, communicating or
    negotiating told as going on, or as stalled, is no single meeting. The words before count up to a new clause; after the trigger, an aspect word right
    after it, or one followed by a verb of going on before the clause ends."""
    modality = lexicon.modality
    if " ".join(match.rule.words) not in modality.get("process_triggers", ()):
        return False
    ongoing = modality["ongoing"]
    for i in range(match.first - 1, max(-1, match.first - 1 - modality["window"]), -1):
        if words[i] in lexicon.stop_words:
            break
        if words[i] in ongoing:
            return True
    if match.last < len(words) and words[match.last] in ongoing:
        return True
    going_on = modality["ongoing_after"]
    stalled = modality.get("stalled", ())
    for i in range(match.last, len(words)):
        if words[i] in CLAUSE_ENDS:
            break
        if words[i] in stalled or (words[i] in ongoing and any(w in going_on for w in words[i + 1 : i + 3])):
            return True
    return False
