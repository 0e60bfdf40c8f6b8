"""Who reports, judges or condemns an event takes no part in it: the subject of a reporting verb ("Kremlin
menyebut ...", "Polisi menduga ...") or of a verb of condemning ("Prabowo mengutuk serangan ...") is not a party
of the event its clause tells, through the real stages (NER, knowledge base, dates)."""

from __future__ import annotations

import pytest

from linimasa.config import Settings
from linimasa.model import Article
from linimasa.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    settings = Settings()
    return Pipeline(settings.prepare + settings.extract, settings)


def parties(pipeline, text: str, kind: str) -> list[list[str]]:
    article = pipeline(Article(id="own", text=text, title="Judul", published="2025-10-20"))
    return [sorted(p.name for p in e.participants) for e in article.events
            if e.type == kind and e.modality == "asserted"]


@pytest.mark.parametrize("text", [
    "Kremlin menyebut Putin dan Trump telah berbicara melalui telepon selama dua jam, Senin (20/10).",
    "Istana Kepresidenan Rusia mengaku Putin dan Trump berbicara melalui telepon, Senin (20/10).",
])
def test_the_subject_of_a_reporting_verb_does_not_take_part_in_the_talks_it_reports(pipeline, text):
    assert parties(pipeline, text, "CONSULT") == [["Donald Trump", "Vladimir Putin"]]


def test_the_police_suspecting_an_attack_are_not_its_attackers(pipeline):
    found = parties(pipeline, "Polisi menduga massa FPI membakar kantor GMBI di Bogor, Jumat (13/1).", "ASSAULT")
    assert found == [["Gerakan Masyarakat Bawah Indonesia", "Islamic Defenders Front"]]


def test_a_reporter_with_no_subject_after_it_is_still_the_subject_of_what_it_reports(pipeline):
    found = parties(pipeline, "Menlu Retno Marsudi mengaku telah bertemu Menlu Belanda Bert Koenders di Den Haag, "
                              "Senin (20/10).", "CONSULT")
    assert found == [["Bert Koenders", "Retno Marsudi"]]


@pytest.mark.parametrize("text", [
    "Presiden Prabowo Subianto mengutuk serangan udara Israel ke Qatar, Selasa (9/9/2025).",
    "Presiden Joko Widodo mengecam serangan militer Israel ke Gaza, Senin (20/10).",
])
def test_who_condemns_an_attack_is_not_its_attacker(pipeline, text):
    assert all("Prabowo Subianto" not in p and "Joko Widodo" not in p for p in parties(pipeline, text, "ASSAULT"))


def test_an_attack_told_without_a_condemnation_keeps_its_subject(pipeline):
    found = parties(pipeline, "Militer Israel melancarkan serangan udara ke Qatar, Selasa (9/9/2025).", "ASSAULT")
    assert found and all(any("Israel" in name for name in p) for p in found)


def sides(pipeline, text: str, kind: str) -> list[dict[str, str]]:
    article = pipeline(Article(id="own", text=text, title="Judul", published="2025-10-20"))
    return [{p.name: p.side for p in e.participants} for e in article.events if e.type == kind]


def test_who_did_what_a_noun_names_after_oleh_is_its_actor(pipeline):
    found = sides(pipeline, "Menteri Luar Negeri Sugiono menyesalkan penangkapan warga Indonesia oleh polisi "
                            "Malaysia, Senin (20/10).", "COERCE")
    assert found and all(parties.get("Malaysia police") == "actor" for parties in found)


def test_a_passive_verb_keeps_its_agent_after_oleh_as_the_actor(pipeline):
    found = sides(pipeline, "Aktivis Budi Santoso ditangkap oleh Polda Metro Jaya di Jakarta, Senin (20/10).", "COERCE")
    assert found and all(side == "actor" for parties in found for name, side in parties.items() if "Police" in name)


def test_who_judges_an_event_takes_no_part_in_it(pipeline):
    found = parties(pipeline, "Pengamat hukum Universitas Andalas, Feri Amsari, menilai KPK menangkap Bupati Kolaka "
                              "Timur Abdul Azis secara sah, Senin (20/10).", "COERCE")
    assert found and all("Feri Amsari" not in p for p in found)


def test_a_judgement_that_is_itself_the_accusation_keeps_the_judge(pipeline):
    found = parties(pipeline, "Formappi menilai kinerja DPR tahun ini sangat buruk, Senin (20/10).", "ACCUSE")
    assert found and all("Formappi" in " ".join(p) for p in found)


@pytest.mark.parametrize("text, expected", [
    ("Presiden Joko Widodo bertemu Perdana Menteri Jepang Shinzo Abe di Tokyo, Senin (20/10). Menurut pernyataan "
     "Kementerian Luar Negeri, pembicaraan mencakup kerja sama maritim.", ["Joko Widodo", "Shinzo Abe"]),
    ("Presiden Joko Widodo bertemu Perdana Menteri Jepang Shinzo Abe di Tokyo, Senin (20/10).\n\nMenurut keterangan "
     "resmi Gedung Putih, pembicaraan kedua pemimpin berlangsung hangat.", ["Joko Widodo", "Shinzo Abe"]),
    ("Presiden Prabowo Subianto menerima Perdana Menteri Malaysia Anwar Ibrahim di Istana Bogor, Senin (20/10). "
     "Menurut pernyataan Kemlu, pembicaraan mencakup perbatasan.", ["Anwar Ibrahim", "Prabowo Subianto"]),
])
def test_the_body_whose_statement_tells_of_talks_is_their_source_not_a_party(pipeline, text, expected):
    assert parties(pipeline, text, "CONSULT") == [expected]
