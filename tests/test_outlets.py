"""One name per outlet, and a site's name for an article that gives none."""

from __future__ import annotations

import pytest

from linimasa.outlets import outlet_name, site


@pytest.mark.parametrize("given, url, name", [
    ("cnn indonesia", None, "CNN Indonesia"),
    ("CNN Indonesia", "https://www.cnnindonesia.com/nasional/x", "CNN Indonesia"),
    (None, "https://www.cnnindonesia.com/nasional/x", "CNN Indonesia"),
    ("detik", "https://news.detik.com/berita/d-1/x", "detikcom"),
    (None, "https://www.republika.co.id/berita/x", "Republika"),
    ("Harian Kampung", None, "Harian Kampung"),
    (None, "https://berita.contoh.or.id/a", "contoh.or.id"),
    (None, None, None),
])
def test_an_outlet_has_one_name(given, url, name):
    assert outlet_name(given, url) == name


def test_a_site_is_the_registered_domain_and_a_bad_url_has_none():
    assert site("https://news.detik.com/x") == "detik.com"
    assert site("http://[::1") is None and site("not a url") is None
