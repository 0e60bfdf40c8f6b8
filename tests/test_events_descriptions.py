"""People named by initials, and the words that only describe a person: the developers' own sentences."""

from __future__ import annotations

from test_events_parties import events


def parties(found) -> list[set[tuple[str, str]]]:
    return [{(p.name, p.side) for p in e.participants} for e in found]


def test_initials_after_berinisial_are_a_person():
    found = events("Polisi menangkap seorang pria berinisial JS (35) di Bekasi pada Senin.", [], "COERCE",
                   require_known_party=False)
    assert parties(found) == [{("police", "actor"), ("JS", "recipient")}]


def test_every_initial_of_a_list_is_a_person_even_when_taken_for_a_country():
    text = "Kejaksaan Andalas menahan tiga tersangka berinisial S, ARM, dan HS pada Senin."
    found = events(text, [("Kejaksaan Andalas", "ORG", "organisation", "org:ka"), ("ARM", "LOC", "country", "country:ARM")],
                   "COERCE")
    assert parties(found) == [{("Kejaksaan Andalas", "actor"), ("S", "recipient"), ("ARM", "recipient"),
                               ("HS", "recipient")}]


def test_capitals_before_an_age_are_a_person():
    found = events("Polisi menangkap RO (53) karena mencuri sepeda motor.", [("RO", "ORG", None, None)], "COERCE",
                   require_known_party=False)
    assert [{(p.name, p.kind) for p in e.participants} for e in found] == [{("police", "agent"), ("RO", "person")}]


def test_who_a_description_names_takes_part_not_the_words_describing_them():
    text = "Polisi menangkap pelaku pencurian motor milik Siti Aminah (40) bernama Joko Susilo di Bekasi."
    found = events(text, [("Siti Aminah", "PER", None, None), ("Joko Susilo", "PER", None, None)], "COERCE",
                   require_known_party=False)
    assert parties(found) == [{("police", "actor"), ("Joko Susilo", "recipient")}]


def test_a_group_noun_set_beside_a_name_is_what_the_person_is():
    text = "Polisi menangkap Joko Susilo (35), warga Sukamaju, karena mencuri motor."
    found = events(text, [("Joko Susilo", "PER", None, None)], "COERCE", require_known_party=False)
    assert parties(found) == [{("police", "actor"), ("Joko Susilo", "recipient")}]
    text = "Aktivis mahasiswa asal Bandung, Joko Susilo ditahan polisi pada Senin."
    found = events(text, [("Joko Susilo", "PER", None, None)], "COERCE", require_known_party=False)
    assert parties(found) == [{("Joko Susilo", "recipient"), ("police", "actor")}]


def test_a_group_noun_after_a_passive_verb_is_who_acted_not_a_description():
    text = "Joko Susilo ditangkap polisi, Siti Aminah ditahan jaksa."
    found = events(text, [("Joko Susilo", "PER", None, None), ("Siti Aminah", "PER", None, None)], "COERCE",
                   require_known_party=False)
    assert ("police", "actor") in set().union(*parties(found))


def test_authorities_and_unknown_assailants_are_groups_that_take_part():
    found = events("Pihak otoritas di negara itu menahan Adi Nugroho pada Senin.", [("Adi Nugroho", "PER", None, None)],
                   "COERCE", require_known_party=False)
    assert parties(found) == [{("authorities", "actor"), ("Adi Nugroho", "recipient")}]


def test_suspects_named_by_initials_in_the_next_sentence_are_who_was_held():
    text = ("Kejaksaan Andalas menahan dua tersangka kasus korupsi pada Senin. "
            "Kedua tersangka berinisial S dan DP itu ditahan selama 20 hari.")
    found = events(text, [("Kejaksaan Andalas", "ORG", "organisation", "org:ka")], "COERCE")
    assert ("S", "recipient") in parties(found)[0] and ("DP", "recipient") in parties(found)[0]
    assert all(p.kind != "agent" for p in found[0].participants)


def test_who_accompanied_a_leader_in_talks_referred_back_to_took_part():
    text = ("Adi Nugroho bertemu Budi Santoso di Jakarta pada Senin. "
            "Dalam pertemuan itu, Adi didampingi Menteri Andalas Cici Lestari dan Duta Besar untuk Jerman Dodi Wirawan.")
    found = events(text, [("Adi Nugroho", "PER", "person", "p:adi"), ("Budi Santoso", "PER", "person", "p:budi"),
                          ("Adi", "PER", None, None), ("Cici Lestari", "PER", None, None),
                          ("Dodi Wirawan", "PER", None, None)], "CONSULT")
    assert {p.name for p in found[0].participants} == {"Adi Nugroho", "Budi Santoso", "Cici Lestari", "Dodi Wirawan"}


def test_a_title_told_again_with_itu_is_the_person_told_before():
    text = ("Adi Nugroho tiba di Jakarta pada Senin. Ia disambut Cici Lestari. "
            "Wakil Ketua Dewan Andalas itu kemudian mendesak Bank Sentral Andalas membuka data.")
    found = events(text, [("Adi Nugroho", "PER", "person", "p:adi"), ("Cici Lestari", "PER", "person", "p:cici"),
                          ("Dewan Andalas", "ORG", "organisation", "org:da"),
                          ("Bank Sentral Andalas", "ORG", "organisation", "org:bsa")], "REQUEST")
    assert [e.evidence for e in found] and any(ev.text == "Wakil Ketua Dewan Andalas itu" for ev in found[0].evidence)


def test_suspects_listed_after_yakni_are_who_was_held():
    text = "Kejaksaan Andalas menahan dua tersangka, yakni S dan DP, pada Senin."
    found = events(text, [("Kejaksaan Andalas", "ORG", "organisation", "org:ka")], "COERCE")
    assert parties(found) == [{("Kejaksaan Andalas", "actor"), ("S", "recipient"), ("DP", "recipient")}]
