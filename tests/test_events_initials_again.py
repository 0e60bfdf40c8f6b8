"""Initials the article introduced as a person once are that person where they stand alone again
(linimasa/events/initials.py initials_again)."""

from __future__ import annotations

from test_events_enforcers import POLICE, sides
from test_events_parties import events

def test_initials_introduced_once_are_the_person_where_they_stand_alone_again():
    text = ("Seorang pria berinisial RZ (31) mencuri sepeda motor milik warga di Desa Sukamaju. "
            "Kepolisian Daerah Andalas kemudian menerima laporan korban. Namun RZ akhirnya dibekuk polisi.")
    found = events(text, [POLICE], "COERCE")
    assert ("recipient", "RZ") in sides(found)


def test_capitals_the_article_never_introduced_as_a_person_stay_what_they_were():
    text = ("Kepolisian Daerah Andalas menerima laporan korban pencurian. "
            "Namun RZ akhirnya dibekuk polisi.")
    assert ("recipient", "RZ") not in sides(events(text, [POLICE], "COERCE", require_known_party=False))
