"""Talks held over a telephone or video link are calls, however the report names them."""

from __future__ import annotations

from test_events_consult_senses import ADI, BUDI, asserted
from test_events_frames import consult, extract  # noqa: F401 (extract is the module's fixture)


def test_talks_over_a_telephone_line_are_a_call():
    text = "Adi Nugroho melakukan pembicaraan melalui sambungan telepon dengan Budi Santoso, Senin (6/3/2017)."
    assert [e.mode for e in asserted(text, [ADI, BUDI])] == ["phone"]


def test_a_meeting_held_virtually_is_a_call():
    text = "Adi Nugroho bertemu secara virtual dengan Budi Santoso, Senin (6/3/2017)."
    assert [e.mode for e in asserted(text, [ADI, BUDI])] == ["phone"]


def test_a_meeting_in_a_room_stays_a_meeting():
    text = "Adi Nugroho bertemu dengan Budi Santoso di ruang rapat, Senin (6/3/2017)."
    assert [e.mode for e in asserted(text, [ADI, BUDI])] == ["meet"]


def test_a_channel_in_another_clause_is_not_the_meeting_s():
    text = ("Adi Nugroho bertemu dengan Budi Santoso, Senin (6/3/2017), sebelum berpidato melalui siaran "
            "video di depan mahasiswa.")
    assert [e.mode for e in asserted(text, [ADI, BUDI])] == ["meet"]


def test_a_call_received_from_a_leader_is_a_call_with_the_caller(extract):
    found = consult(extract("Presiden Joko Widodo menerima telepon dari Presiden Prancis Emmanuel Macron, "
                            "Senin (6/3/2017)."))
    assert [e.mode for e in found] == ["phone"]
    assert {p.name for p in found[0].participants} == {"Joko Widodo", "Emmanuel Macron"}
