"""Verbal acts told in news of sport or show business (issue 19, precision on articles nobody tuned on): what a
rider, a coach, a club or a singer asks, backs, criticises or refuses is no act of public life unless a party
of public life or of the law takes part; acts of the law stay whoever they concern. The developers' own
sentences, through the whole pipeline."""

from __future__ import annotations

import pytest

from linimasa.config import Settings
from linimasa.model import Article
from linimasa.pipeline import Pipeline


@pytest.fixture(scope="module")
def extract():
    settings = Settings()
    pipeline = Pipeline(settings.prepare + settings.extract, settings)
    return lambda text, title: pipeline(Article(id="own", text=text, title=title, published="2019-09-06"))


def told(article, kind):
    return [e for e in article.events if e.type == kind and e.modality == "asserted"]


RACE_REPORT = ("Pembalap Yamaha finis ketiga pada balapan MotoGP di Sirkuit Misano, Minggu (1/9/2019). "
               "Ia kini tertinggal 40 poin di klasemen sementara MotoGP. ")
MATCH_REPORT = ("Timnas Indonesia bermain imbang 1-1 melawan Vietnam dalam laga uji coba di Bekasi, Kamis (5/9/2019). "
                "Gol Indonesia dicetak pada babak pertama. ")


@pytest.mark.parametrize("kind, text, title", [
    ("ACCUSE", RACE_REPORT + "Seusai balapan, Marco Bezzecchi mengkritik Fabio Quartararo karena terlalu agresif.",
     "Bezzecchi Kesal pada Quartararo"),
    ("REQUEST", MATCH_REPORT + "Kapten tim Andik Vermansah meminta rekan-rekannya bermain lebih tenang melawan Malaysia.",
     "Timnas Ditahan Imbang Vietnam"),
    ("ACCUSE", RACE_REPORT + "Seusai balapan, Marco Bezzecchi menuding Fabio Quartararo sengaja menabraknya.",
     "Bezzecchi Kesal pada Quartararo"),
])
def test_a_verbal_act_between_people_of_sport_is_no_event(extract, kind, text, title):
    assert told(extract(text, title), kind) == []


def test_a_minister_asking_a_federation_in_news_of_sport_is_still_a_request(extract):
    text = MATCH_REPORT + "Presiden Joko Widodo meminta PSSI segera membenahi tata kelola federasi."
    asked = told(extract(text, "Timnas Ditahan Imbang Vietnam"), "REQUEST")
    assert len(asked) == 1 and "Joko Widodo" in {p.name for p in asked[0].participants}


def test_the_police_naming_a_suspect_in_news_of_show_business_is_still_an_accusation(extract):
    text = ("Konser penyanyi dangdut Via Vallen di Surabaya batal digelar, Kamis (5/9/2019). Penonton konser kecewa "
            "karena konser dibatalkan mendadak. Polrestabes Surabaya menetapkan promotor Rudi Hartono sebagai "
            "tersangka penipuan, Kamis (5/9/2019).")
    named = told(extract(text, "Konser Via Vallen Batal"), "ACCUSE")
    assert len(named) == 1 and "Rudi Hartono" in {p.name for p in named[0].participants}


def test_a_rider_criticising_a_rider_outside_news_of_sport_is_left_to_the_other_rules(extract):
    # the same sentence in an article that is not about sport: the article-level rule does not apply
    text = ("Anggota DPR Fadli Zon mengkritik Menteri Pemuda dan Olahraga Imam Nahrawi karena lamban mencairkan "
            "dana Asian Games, Senin (2/9/2019).")
    assert len(told(extract(text, "Fadli Kritik Menpora"), "ACCUSE")) == 1
