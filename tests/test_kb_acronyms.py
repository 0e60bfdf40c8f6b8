"""An acronym the knowledge base knows as an organisation names a place when local government stands
before it or the article defines it as a regency (linimasa/kb/acronyms.py). The developers' own sentences."""

from __future__ import annotations

import pytest

from linimasa.kb import load_kb
from linimasa.kb.acronyms import local_acronyms
from linimasa.model import Mention


def oki_mentions(text):
    """Every "OKI" of the text, linked as the knowledge base links it alone."""
    kb = load_kb()
    mentions = []
    start = text.find("OKI")
    while start >= 0:
        mention = Mention(start, start + 3, "OKI", "ORG", source="kb")
        kb.resolve(mention, None, [])
        mentions.append(mention)
        start = text.find("OKI", start + 3)
    local_acronyms(mentions, text, kb)
    return mentions


@pytest.mark.parametrize("text", [
    "Pemkab OKI menyalurkan bantuan beras kepada warga.",
    "Kepala Kejari OKI menahan dua pejabat dinas.",
    "Tim gabungan meminta pengawalan ke Kodim 0402/OKI.",
])
def test_an_acronym_after_local_government_is_the_regency(text):
    assert [m.kb_id for m in oki_mentions(text)] == [None]


def test_an_acronym_the_article_defines_as_a_regency_is_the_regency_throughout():
    text = "Bupati Ogan Komering Ilir (OKI) meresmikan pasar. Warga OKI menyambut baik pasar itu."
    assert [m.kb_id for m in oki_mentions(text)] == [None, None]


@pytest.mark.parametrize("text", [
    "Para menteri luar negeri anggota OKI bertemu di Jeddah.",
    "Indonesia mendukung sikap Organisasi Kerja Sama Islam (OKI) soal Palestina.",
    "Presiden menghadiri KTT OKI di Istanbul.",
])
def test_the_organisation_stays_where_nothing_says_otherwise(text):
    assert [m.kb_id for m in oki_mentions(text)] == ["org:oic"]
