"""Exact and near-duplicate detection, and the grouping rule (re-ingest vs. syndicated copy)."""

import json
import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from linimasa.dedup import NearDuplicateIndex, apply_match, content_key
from linimasa.model import Article, content_hash

REPORT = (
    "Presiden Joko Widodo meresmikan Bendungan Jlantah di Karanganyar, Jawa Tengah, pada Senin. "
    "Bendungan itu diharapkan mengairi sekitar seribu hektare sawah di tiga kecamatan dan menjadi sumber "
    "air baku bagi warga. Menurut Kementerian PUPR, pembangunan bendungan memakan waktu empat tahun dengan "
    "biaya lebih dari satu triliun rupiah. Presiden meminta pemerintah daerah merawat saluran irigasi agar "
    "manfaat bendungan terasa hingga petani di hilir."
)
REWRITE = REPORT.replace("pada Senin", "Senin lalu").replace("Menurut Kementerian PUPR, p", "P") + (
    " Warga menyambut kedatangan Presiden di lokasi."
)
OTHER = (
    "Harga cabai rawit di pasar induk turun tajam pekan ini karena panen raya di sejumlah daerah penghasil. "
    "Pedagang mengatakan pasokan melimpah sejak awal bulan sehingga harga kembali ke tingkat normal dan "
    "pembeli dari luar kota mulai berdatangan lagi."
)


def test_content_hash_folds_every_unicode_whitespace_as_the_stored_hashes_did():
    import hashlib
    import re
    import sys
    import unicodedata

    from linimasa.model import content_hash

    spaces = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())
    text = f" Presiden{spaces}meresmikan\u00a0bendungan\n\n{spaces}"

    def as_stored_before(part: str) -> str:  # the regular expression the hashes were first made with
        return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", part)).strip().casefold()

    expected = hashlib.sha256(f"{as_stored_before('Judul')}\n{as_stored_before(text)}".encode()).hexdigest()
    assert content_hash("Judul", text) == expected


def test_content_key_ignores_case_and_spacing_but_not_words():
    a = Article(id="a", text="x", clean_text="Presiden  meresmikan\nbendungan.")
    b = Article(id="b", text="y", clean_text="presiden meresmikan bendungan.")
    c = Article(id="c", text="y", clean_text="presiden meresmikan jembatan.")
    assert content_key(a) == content_key(b) != content_key(c)


def test_syndicated_copy_from_another_outlet_is_grouped_and_kept():
    index = NearDuplicateIndex()
    assert index.add("first", REPORT, "kantor-a") is None
    match = index.add("copy", REWRITE, "kantor-b")
    assert match.article_id == "first" and match.group == "first"
    assert 0.5 <= match.jaccard < 1.0
    article = apply_match(Article(id="copy", text=REWRITE), match)
    assert article.status == "processed" and article.near_duplicate_of == "first"


def test_same_outlet_identical_copy_is_a_reingest():
    index = NearDuplicateIndex()
    index.add("first", REPORT, "kantor-a")
    match = index.add("again", REPORT, "kantor-a")
    assert match.is_reingest
    article = apply_match(Article(id="again", text=REPORT), match)
    assert article.status == "duplicate" and article.duplicate_of == "first"
    assert len(index) == 1


def test_same_outlet_rewrite_with_new_content_is_kept_grouped():
    index = NearDuplicateIndex()
    index.add("first", REPORT, "kantor-a")
    update = REPORT + " Dalam kesempatan itu Presiden juga meninjau pasar tradisional dan membagikan bantuan sosial kepada warga sekitar bendungan."
    match = index.add("update", update, "kantor-a")
    assert match is not None and not match.is_reingest
    assert apply_match(Article(id="update", text=update), match).near_duplicate_of == "first"


def test_unrelated_and_very_short_texts_do_not_match():
    index = NearDuplicateIndex()
    index.add("first", REPORT, "kantor-a")
    assert index.add("other", OTHER, "kantor-a") is None
    assert index.add("short", "Presiden meresmikan bendungan.", "kantor-b") is None


def test_groups_chain_to_the_first_article():
    index = NearDuplicateIndex()
    index.add("first", REPORT, "a")
    index.add("second", REWRITE, "b")
    third = index.add("third", REWRITE + " Acara ditutup dengan doa bersama.", "c")
    assert third.group == "first"


def test_index_survives_state_and_pickle():
    index = NearDuplicateIndex()
    index.add("first", REPORT, "kantor-a")
    state = json.loads(json.dumps(index.state()))
    for restored in (NearDuplicateIndex.from_state(state), pickle.loads(pickle.dumps(index))):
        assert restored.query(REWRITE).article_id == "first"
        assert restored.query(OTHER) is None


def test_truncated_copy_from_the_same_outlet_is_a_reingest():
    index = NearDuplicateIndex()
    index.add("full", REPORT + " " + OTHER, "kantor-a")
    match = index.add("truncated", REPORT, "kantor-a")
    assert match.jaccard < 0.9 and match.containment >= 0.95
    assert match.is_reingest
    elsewhere = index.add("truncated-elsewhere", REPORT, "kantor-b")
    assert not elsewhere.is_reingest


def test_judge_applies_the_grouping_rule_to_articles():
    index = NearDuplicateIndex()
    first = index.judge(Article(id="a", text=REPORT, outlet="Kantor A"))
    copy = index.judge(Article(id="b", text=REWRITE, outlet="Kantor B"))
    again = index.judge(Article(id="c", text=REPORT, outlet="kantor a"))
    assert (first.status, first.near_duplicate_of) == ("processed", None)
    assert (copy.status, copy.near_duplicate_of) == ("processed", "a")
    assert (again.status, again.duplicate_of) == ("duplicate", "a")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("aB é\u00a0\u2003\t\n\u3000ﬁ1."), max_size=40))
def test_content_key_is_the_models_content_hash_of_the_clean_text(text):
    assert content_key(Article(id="k", text="", clean_text=text)) == content_hash(None, text)
