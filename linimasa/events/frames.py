"""Talks told as the frame of what a sentence tells, and who held them.

"..., kata Purbaya usai melakukan pertemuan dengan Menteri PU", "Prabowo menyampaikan pernyataan setelah
menggelar pertemuan dengan ...", "Pada saat sidang kabinet paripurna ..., Prabowo memberikan arahan": a frame
word (``reference_before``, ``frame_words``), through at most one light verb, before a meeting noun makes the
talks the time or setting of the sentence's statement; whoever states it held them
(:mod:`linimasa.events.candidates` decides when such a frame is a meeting of its own).
"""

from __future__ import annotations

import dataclasses

from linimasa.events.arguments import Party, SentenceView, spoken_by
from linimasa.events.detect import TriggerMatch
from linimasa.events.lexicon import Lexicon
from linimasa.model import Mention

# At most this many capitalised words of a title stand between the comma closing an opening frame and the
# subject's name ("Pada saat sidang kabinet, Presiden Prabowo ...").
SUBJECT_TITLE_WORDS = 3


def after_reference_word(words: list[str], first: int, lexicon: Lexicon) -> bool:
    """ "setelah pertemuan", "dalam sesi pertama pembicaraan"."""
    modifiers = lexicon.words("reference_modifiers")
    i = first - 1
    while i >= 0 and words[i] in modifiers:
        i -= 1
    return i >= 0 and words[i] in lexicon.words("reference_before")


def framed_by_time_word(words: list[str], first: int, lexicon: Lexicon) -> bool:
    """ "usai (melakukan) pertemuan", "setelah menggelar pertemuan", "saat rapat": the talks are the time
    frame of what the sentence tells, through at most one light verb."""
    i = first - 1
    if i >= 0 and words[i] in lexicon.words("light_verbs"):
        i -= 1
    return after_reference_word(words, i + 1, lexicon) or (i >= 0 and words[i] in lexicon.words("frame_words"))


def speaker_just_before(view: SentenceView, match: TriggerMatch, lexicon: Lexicon) -> bool:
    """ "..., kata Atnike rapat bersama Komisi XIII": the speaker named right before the talks held them. Not
    across a comma: "Selain membawa pesan, kata Erwan, kunjungan AHY juga bertujuan ..." credits to Erwan a
    clause that names its own parties."""
    reporting = lexicon.words("reporting_verbs")
    for m in view.mentions:
        last = view.token_index(m.end - 1)
        first = view.token_index(m.start)
        if 0 < match.first - last <= 2 and first > 0 and view.words[first - 1] in reporting \
                and "," not in view.words[last + 1 : match.first]:
            return True
    return False


def frame_subject(view: SentenceView, match: TriggerMatch, lexicon: Lexicon) -> Party | None:
    """Who held talks told as the frame of a statement: "..., kata Purbaya usai melakukan pertemuan dengan
    Menteri PU" (the speaker before the frame word), "Prabowo menyampaikan pernyataan setelah menggelar
    pertemuan dengan ..." (the person the sentence opens with). None when no person precedes the frame."""
    reporting = lexicon.words("reporting_verbs")
    before = [m for m in view.mentions if view.token_index(m.end - 1) < match.first and m.names_a_person_or_title]
    said = [i for i in range(match.first) if view.words[i] in reporting]
    if said and view.words[said[-1]] in lexicon.words("speaker_after"):
        # "kata Ketua Ikahi, Suhardi, setelah bertemu dengan Presiden": the speaker named after the verb
        speakers = [m for m in before if view.token_index(m.start) > said[-1] and m.kind == "person"]
        if speakers:
            return Party(speakers[-1], "actor")
    spoken = [m for m in before if spoken_by(view, m, lexicon)]
    if spoken:
        return Party(spoken[-1], "actor")
    agent = passive_agent_before(view, match, before, lexicon)
    if agent is not None:  # "Ajakan Prabowo kepada Jokowi ... disinggung Jokowi ketika membuka Kongres ..."
        return Party(agent, "actor")
    opening = [m for m in before if not any(view.words[i] in reporting for i in range(0, view.token_index(m.start)))]
    if opening:
        return Party(opening[0], "actor")
    body = next((m for m in view.mentions if view.token_index(m.start) == 0 and m.kind == "organisation"
                 and view.token_index(m.end - 1) < match.first), None)
    if body is not None:  # "Badan Pengawas Pemilu telah menyampaikan ... kala bertemu Menko Polhukam": the body
        return Party(body, "actor")
    restated = restated_statement(view, lexicon)
    if restated is not None and view.speaker_before is not None:
        # "Hal itu diungkapkan olehnya usai beraudiensi dengan Gubernur ...": whoever made the statement the
        # sentence tells again, the speaker told before, held the talks
        return Party(dataclasses.replace(view.speaker_before, start=view.starts[0], end=view.ends[restated],
                                         source="coreference"), "actor")
    return None


def frame_word_at(words: list[str], match: TriggerMatch, lexicon: Lexicon) -> int | None:
    """The index of the frame word of talks told as a frame ("usai (melakukan) pertemuan", "saat bertemu"),
    through one light verb and the modifiers of a meeting noun; None when there is none."""
    i = match.first - 1
    if i >= 0 and words[i] in lexicon.words("light_verbs"):
        i -= 1
    modifiers = lexicon.words("reference_modifiers")
    while i >= 0 and words[i] in modifiers:
        i -= 1
    if i >= 0 and (words[i] in lexicon.words("reference_before") or words[i] in lexicon.words("frame_words")):
        return i
    return None


def frame_holders(view: SentenceView, match: TriggerMatch, lexicon: Lexicon) -> list[Party]:
    """Who held framed talks together, named as the statement's agents right before the frame: "Kesepakatan itu
    disampaikan Andre Rosiade bersama Bupati Agam Benni Warlis, saat bertemu di rumah dinas bupati", "tutur Retno
    di hadapan Menlu Malaysia Anifah Aman usai melakukan pertemuan bilateral". The names, their titles, commas and
    the words that join a companion (``frame_companion_links``) run back from the frame to a reporting verb, a
    passive verb (and "oleh") or the sentence's start; the first person or body of the run holds the talks, each
    one after a link is a companion. Empty unless both are named: a name after another word (a verb's object)
    is another clause's."""
    words = view.words
    frame = frame_word_at(words, match, lexicon)
    if frame is None:
        return []
    links = lexicon.words("frame_companion_links")
    covered: dict[int, Mention] = {}
    for m in view.mentions:
        for i in range(view.token_index(m.start), view.token_index(m.end - 1) + 1):
            covered[i] = m
    i = frame - 1
    while i >= 0 and (i in covered or words[i] in links or words[i] == "," or view.capitalised(i)
                      or (words[i] == "di" and i + 1 < frame and words[i + 1] in links)):
        i -= 1
    if i >= 0 and words[i] in lexicon.words("by_words"):
        i -= 1
    opener = words[i] if i >= 0 else ""
    if i >= 0 and opener not in lexicon.words("reporting_verbs") and not (
            opener.startswith("di") and len(opener) > 4 and opener.isalpha()):
        return []
    groups: list[list[Mention]] = [[]]
    for j in range(i + 1, frame):
        m = covered.get(j)
        if words[j] in links and m is None:
            groups.append([])
        elif m is not None and (m.names_a_person_or_title or m.kind == "organisation") and m not in groups[-1]:
            groups[-1].append(m)
    # each stretch names one party, its title and name: the name where there is one ("Wakil Ketua Komisi VI DPR
    # Andre Rosiade" is Andre Rosiade)
    named = [next((m for m in reversed(g) if m.label != "TITLE"), g[-1]) for g in groups if g]
    if len(named) != len(groups):
        return []
    holders = [Party(named[0], "actor")] + [Party(m, "recipient") for m in named[1:]]
    return holders if len(holders) >= 2 else []


def restated_statement(view: SentenceView, lexicon: Lexicon) -> int | None:
    """The index of the last word of a statement told again that a sentence opens with, passive and with no
    agent named ("Hal itu disampaikan pada ...", "Hal tersebut diungkapkan olehnya usai ..."), if it opens with
    one: a statement noun, a determiner (news sometimes drops it: "Hal diungkapkan usai bertemu ..."), a verb of
    the di- passive, and "olehnya" or no agent after it."""
    words = view.words
    if len(words) < 4 or words[0] not in lexicon.words("statement_nouns"):
        return None
    k = 2 if words[1] in lexicon.words("determiners") else 1
    verb = words[k]
    if not (verb.startswith("di") and len(verb) > 4 and verb.isalpha()):
        return None
    if words[k + 1] == "olehnya":
        return k + 1
    if words[k + 1] in lexicon.words("by_words") or any(view.token_index(m.start) == k + 1 for m in view.mentions):
        return None  # "Hal itu disampaikan (oleh) Prabowo": the agent is named
    return k


def passive_agent_before(view: SentenceView, match: TriggerMatch, before: list[Mention],
                         lexicon: Lexicon) -> Mention | None:
    """The agent of a passive verb right before the frame of talks ("disinggung Jokowi ketika membuka Kongres",
    "disampaikan oleh Erick usai rapat"): the person named after the verb ("oleh" between them or not), with only
    the frame word and a light verb between that person and the talks."""
    if not before:
        return None
    m = before[-1]
    first, last = view.token_index(m.start), view.token_index(m.end - 1)
    between = view.words[last + 1 : match.first]
    frames = lexicon.words("reference_before") | lexicon.words("frame_words") | lexicon.words("light_verbs")
    if not between or len(between) > 2 or any(w not in frames for w in between):
        return None
    verb = first - 1
    if verb >= 0 and view.words[verb] in lexicon.words("by_words"):
        verb -= 1
    word = view.words[verb] if verb >= 0 else ""
    return m if word.startswith("di") and len(word) > 4 and word.isalpha() else None


def opening_frame_subjects(view: SentenceView, match: TriggerMatch, lexicon: Lexicon) -> list[Party]:
    """Who held talks a sentence opens with as its frame: "Pada saat sidang kabinet paripurna ... , Prabowo
    memberikan arahan", "saat rapat di Istana Senin (20/10), Purbaya dan Luhut sempat tak saling menyapa": the
    people the main clause opens with after the comma that closes the frame (joined by "dan" or commas), when
    the frame word opens the sentence or follows a comma. Empty when it does not."""
    words = view.words
    frame = match.first - 1
    modifiers = lexicon.words("reference_modifiers")
    while frame >= 0 and words[frame] in modifiers:
        frame -= 1
    if frame < 0 or words[frame] not in lexicon.words("reference_before"):
        return []
    opener = frame - 1 if frame > 0 and words[frame - 1] in lexicon.words("frame_words") else frame
    if opener > 0 and words[opener - 1] != ",":
        return []
    stops = lexicon.words("clause_breaks") | lexicon.words("reporting_verbs")
    end = next((i for i in range(match.last, len(words)) if words[i] in stops), len(words))
    people = sorted((m for m in view.mentions if match.last < view.token_index(m.start) < end and m.names_a_person_or_title),
                    key=lambda m: m.start)
    # the frame runs on through its place and date ("di Istana Negara, Jakarta, Senin (20/10)"): the main
    # clause starts at the first comma a person follows, through the few capitalised words of a title
    subjects: list[Party] = []
    at = None
    for m in people:
        first = view.token_index(m.start)
        if not subjects:
            comma = first - 1
            while comma > match.last and first - comma <= SUBJECT_TITLE_WORDS + 1 and view.capitalised(comma):
                comma -= 1
            if words[comma] != "," or spoken_by(view, m, lexicon):
                continue
        elif any(words[i] not in (",", "dan") for i in range(at, first)):
            break
        subjects.append(Party(m, "actor"))
        at = view.token_index(m.end - 1) + 1
    return subjects
