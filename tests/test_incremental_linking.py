"""Incremental linking: a run links only what its articles changed, and the store then holds exactly what
linking every stored mention from scratch (`linimasa relink`) gives: the same events, sources, participants,
stories and story of each event, however the articles came in (one run, many, revisions that change or
remove an article's events, re-runs that add nothing)."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

from linimasa.config import Settings
from linimasa.engine.corpus import link_changes, reachable, relink
from linimasa.link_index import BlockIndex, blocking_keys
from linimasa.link_rule import Cluster
from linimasa.model import Article, Event, Evidence, Location, Participant, Span, to_dict
from linimasa.store import Outcome, open_store

PEOPLE = [
    Participant("Joko Widodo", "Jokowi", "IDN", "President", "person", "Q1"),
    Participant("Retno Marsudi", "Retno", "IDN", "Foreign Minister", "person", "Q2"),
    Participant("Anthony Albanese", "Albanese", "AUS", "Prime Minister", "person", "Q3"),
    Participant("Penny Wong", "Wong", "AUS", "Foreign Minister", "person", "Q4"),
    Participant("Lee Hsien Loong", "Lee", "SGP", "Prime Minister", "person", "Q5"),
    Participant("Kepala Desa Sukamaju", None, None, None, "person", None),
    Participant("Japan", None, "JPN", None, "country", "country:JPN"),
]
PLACES = [Location("Jakarta", "Jakarta", "IDN", -6.2, 106.8, "p:jakarta"), Location("Canberra", "Canberra", "AUS", -35.3, 149.1, "p:canberra"),
          Location("Indonesia", None, "IDN", None, None, "country:IDN"), None]
TOPICS = ["trade", "security", "climate", "health"]
WORDS = ["bertemu", "presiden", "menteri", "kerja", "sama", "dagang", "istana", "kunjungan", "bilateral", "iklim",
         "keamanan", "perbatasan", "investasi", "pelabuhan", "nelayan"]
ENTITIES = ["Q1", "Q2", "Q3", "Q4", "Q5", "country:JPN", "p:jakarta", "p:canberra"]


def random_event(rng: random.Random, article_id: str, number: int) -> Event:
    year = rng.choice((2019, 2020, 2021, 2022))
    date = rng.choice((f"{year}-03-1{rng.randint(0, 3)}", f"{year}-03", str(year), None))
    start = 100 * number
    return Event(
        id=f"{article_id}#e{number}", type=rng.choice(("CONSULT", "CONSULT", "AGREE")),
        mode=rng.choice(("meet", "meet", "phone")), modality=rng.choice(("asserted",) * 4 + ("planned",)),
        date=date, date_basis=rng.choice(("clause", "sentence", "published")),
        location=rng.choice(PLACES), participants=rng.sample(PEOPLE, rng.randint(1, 3)),
        topics=rng.sample(TOPICS, rng.randint(0, 2)), summary=f"ringkasan {article_id} {number}",
        article_id=article_id, trigger=Span(start, start + 7, "bertemu"),
        evidence=[Evidence(article_id, "trigger", "bertemu dengan", start, start + 14)],
        confidence=round(rng.uniform(0.5, 1.0), 2),
        signature={"title": rng.sample(WORDS, 3), "words": rng.sample(WORDS, 8), "entities": rng.sample(ENTITIES, 2),
                   "published": f"{year}-03-1{rng.randint(0, 4)}", "outlet": rng.choice(("Warta", "Kabar"))},
    )


def article(rng: random.Random, article_id: str, version: int = 1, events: int | None = None) -> Article:
    text = f"Berita {article_id} versi {version}."
    found = Article(id=article_id, text=text, title=f"Judul {article_id}", outlet="Warta", lang="id",
                    published="2021-03-12", source=f"test:{article_id}")
    found.compute_hash()
    found.clean_text = text
    found.events = [random_event(rng, article_id, n) for n in range(rng.randint(0, 3) if events is None else events)]
    return found


def random_batches(seed: int, batches: int = 7):
    """Batches of new articles and revisions of stored ones (other events, fewer, or none at all)."""
    rng = random.Random(seed)
    versions: dict[str, int] = {}
    for _ in range(batches):
        outcomes = []
        for _ in range(rng.randint(1, 8)):
            article_id = f"a{len(versions)}"
            versions[article_id] = 1
            found = article(rng, article_id)
            outcomes.append(Outcome("new", found.source, found, article_id))
        for article_id in rng.sample(sorted(versions), min(len(versions), rng.randint(0, 3))):
            versions[article_id] += 1
            found = article(rng, article_id, versions[article_id], events=rng.choice((0, 1, 2, None)))
            outcomes.append(Outcome("revised", found.source, found, article_id))
        yield outcomes


def linking_by(decision) -> Settings | None:
    """Settings whose link stage links by ``decision`` ([stages.link] decision: true, the shipped model; false
    the rule alone); None, the default settings."""
    return Settings(options={"link": {"decision": decision}}) if decision is not None else None


def store_batch(db: str, outcomes: list[Outcome], decision=None) -> None:
    store = open_store(db)
    run = store.begin_run("run", ["test"])
    store.save_chunk(run, outcomes)
    link_changes(store, linking_by(decision))
    store.finish_run(run, "finished", None, None)
    store.close()


def snapshot(db: str) -> dict:
    store = open_store(db, readonly=True)

    def rows(sql: str) -> list:
        return sorted(tuple(r.values()) if isinstance(r, dict) else tuple(r) for r in store.execute(sql))

    result = {
        "events": [to_dict(e) for e in store.iter_events()],
        "stories": [to_dict(s) for s in store.iter_stories()],
        "story_of": rows("SELECT id, story_id FROM events"),
        "sources": rows("SELECT event_id, article_id, mention_id FROM event_sources"),
        "participants": rows("SELECT event_id, name, country, role, kind, kb_id, side FROM event_participants"),
        "event_of": rows("SELECT id, event_id FROM event_mentions"),
        "blocks": rows("SELECT mention_id, block, year FROM mention_blocks"),
        "unit_keys": rows("SELECT id, unit_key FROM event_mentions"),
        "story_keys": rows("SELECT event_id, key FROM story_keys"),
        "queue": rows("SELECT mention_id FROM link_queue"),
    }
    store.close()
    return result


def relinked_copy(db: str, tmp_path: Path, decision=None) -> dict:
    copy = str(tmp_path / "relinked.db")
    store = open_store(db)
    store.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    shutil.copyfile(db, copy)
    store = open_store(copy)
    relink(store, linking_by(decision))
    store.close()
    return snapshot(copy)


@pytest.mark.parametrize("seed,decision", [(seed, False) for seed in range(10)] + [(seed, None) for seed in range(5)])
def test_runs_of_new_and_revised_articles_leave_what_a_full_relink_gives(tmp_path: Path, seed: int, decision):
    db = str(tmp_path / "store.db")
    for batch, outcomes in enumerate(random_batches(seed)):
        store_batch(db, outcomes, decision)
        assert snapshot(db) == relinked_copy(db, tmp_path, decision), f"batch {batch}"
    assert snapshot(db)["events"], "the corpus links into events"
    assert snapshot(db)["stories"], "and threads into stories"


def test_one_run_and_many_runs_of_the_same_articles_store_the_same(tmp_path: Path):
    rng = random.Random(42)
    articles = [article(rng, f"a{n}") for n in range(40)]
    one, many = str(tmp_path / "one.db"), str(tmp_path / "many.db")
    store_batch(one, [Outcome("new", a.source, a, a.id) for a in articles])
    for start in range(0, len(articles), 3):
        store_batch(many, [Outcome("new", a.source, a, a.id) for a in articles[start:start + 3]])
    assert snapshot(many) == snapshot(one)


def test_a_link_step_with_nothing_queued_reads_and_writes_nothing(tmp_path: Path):
    db = str(tmp_path / "store.db")
    rng = random.Random(1)
    store_batch(db, [Outcome("new", f"x{n}", a, a.id) for n, a in enumerate(article(rng, f"a{n}", events=2) for n in range(10))])
    before = snapshot(db)
    store = open_store(db)
    totals = link_changes(store)
    store.close()
    assert totals.relinked == 0 and totals.events == len(before["events"])
    assert snapshot(db) == before


def test_a_change_relinks_only_the_mentions_it_can_reach(tmp_path: Path):
    db = str(tmp_path / "store.db")
    rng = random.Random(3)
    store_batch(db, [Outcome("new", a.source, a, a.id) for a in (article(rng, f"a{n}", events=2) for n in range(30))])
    lonely = Article(id="lonely", text="Berita lain.", title="Lain", lang="id", source="test:lonely")
    lonely.compute_hash()
    lonely.clean_text = lonely.text
    lonely.events = [Event(id="lonely#e0", type="SANCTION", date="2010-01-02", article_id="lonely",
                           participants=[Participant("Negara Jauh", kind="country", kb_id="country:XXX")],
                           trigger=Span(0, 6, "sanksi"), evidence=[Evidence("lonely", "trigger", "sanksi", 0, 6)])]
    store = open_store(db)
    run = store.begin_run("run", ["test"])
    store.save_chunk(run, [Outcome("new", "test:lonely", lonely, "lonely")])
    assert link_changes(store).relinked == 1  # a new type and party: nothing else to relink
    store.close()


def test_the_stored_blocks_reach_every_event_linking_would_compare_a_mention_with():
    """What incremental linking relies on: a mention is compared with an event only if one of the event's
    members shares a block with it, as the store files them."""
    rng = random.Random(9)
    mentions = [random_event(rng, f"a{n}", k) for n in range(60) for k in range(2)]
    index = BlockIndex()
    clusters = []
    for mention in mentions[:60]:
        cluster = Cluster([mention])
        clusters.append(cluster)
        index.add(cluster, mention)
    for mention in mentions[60:]:
        compared = {id(c) for c in index.candidates(mention)}
        reached = {id(c) for c in clusters if any(_meet(mention, member) for member in c.members)}
        assert compared == reached


def _meet(a: Event, b: Event) -> bool:
    from linimasa.link_index import years_searched

    for block_a, year_a in blocking_keys(a):
        for block_b, year_b in blocking_keys(b):
            years = years_searched(year_a)
            if block_a == block_b and (year_b is None or years is None or year_b in years):
                return True
    return False


def test_reachable_follows_blocks_across_years_and_undated_mentions(tmp_path: Path):
    db = str(tmp_path / "store.db")
    jokowi = PEOPLE[0]

    def one(article_id: str, date: str | None, who: Participant) -> Article:
        found = Article(id=article_id, text=article_id, lang="id", source=article_id)
        found.compute_hash()
        found.clean_text = article_id
        found.events = [Event(id=f"{article_id}#e0", type="CONSULT", date=date, article_id=article_id,
                              participants=[who], trigger=Span(0, 1, "x"),
                              evidence=[Evidence(article_id, "trigger", "x", 0, 1)])]
        return found

    chain = [one("y2015", "2015-01-01", jokowi), one("y2016", "2016", jokowi), one("y2018", "2018", jokowi),
             one("other", "2016", PEOPLE[2])]
    store_batch(db, [Outcome("new", a.source, a, a.id) for a in chain])
    store = open_store(db)
    assert reachable(store, {"y2015#e0"}, set()) == {"y2015#e0"}
    assert reachable(store, set(), {("CONSULT\tQ1", 2015)}) == {"y2015#e0", "y2016#e0"}
    store_batch(db, [Outcome("new", "undated", one("undated", None, jokowi), "undated")])
    assert reachable(store, {"undated#e0"}, {("CONSULT\tQ1", None)}) == {"undated#e0", "y2015#e0", "y2016#e0", "y2018#e0"}
    store.close()


def test_a_store_linked_before_the_state_was_kept_is_relinked_once(tmp_path: Path):
    db = str(tmp_path / "store.db")
    rng = random.Random(5)
    store_batch(db, [Outcome("new", a.source, a, a.id) for a in (article(rng, f"a{n}", events=2) for n in range(12))])
    expected = snapshot(db)
    store = open_store(db)
    with store.transaction() as conn:  # as migration 5 leaves a store whose events were linked before it
        for table in ("mention_blocks", "story_keys", "link_queue"):
            conn.execute(f"DELETE FROM {table}")
        conn.execute("UPDATE event_mentions SET event_id = NULL")
        conn.execute("INSERT INTO state(key, value) VALUES ('link.full_relink', ?)", (json.dumps("pending"),))
    assert link_changes(store).relinked == len(expected["event_of"])
    store.close()
    assert snapshot(db) == expected


def test_linimasa_relink_rebuilds_everything_and_changes_nothing_a_run_linked(tmp_path: Path):
    from click.testing import CliRunner

    from linimasa.cli import cli

    db = str(tmp_path / "store.db")
    for outcomes in random_batches(seed=2, batches=4):
        store_batch(db, outcomes)
    before = snapshot(db)
    result = CliRunner().invoke(cli, ["relink", "--db", db])
    assert result.exit_code == 0, result.output
    assert f"{len(before['events']):,} events" in result.output and f"{len(before['stories']):,} stories" in result.output
    assert snapshot(db) == before


def linked_by_the_rule(tmp_path: Path, seed: int, articles: int) -> str:
    """A store of ``articles`` random articles of two events each, linked by the rule; its path."""
    db = str(tmp_path / "store.db")
    rng = random.Random(seed)
    batch = (article(rng, f"a{n}", events=2) for n in range(articles))
    store_batch(db, [Outcome("new", a.source, a, a.id) for a in batch], decision=False)
    return db


def test_a_store_linked_by_the_rule_is_relinked_whole_by_the_learned_decision_and_back(tmp_path: Path):
    db = linked_by_the_rule(tmp_path, seed=5, articles=20)
    store = open_store(db)
    assert link_changes(store, linking_by(True)).relinked == 40  # nothing queued, but linked by the rule: all
    assert link_changes(store, linking_by(True)).relinked == 0
    store.close()
    assert snapshot(db) == relinked_copy(db, tmp_path, True)
    store = open_store(db)
    assert link_changes(store, linking_by(False)).relinked == 40
    store.close()
    assert snapshot(db) == relinked_copy(db, tmp_path, False)
    store = open_store(db)
    assert link_changes(store).relinked == 40  # the default is the learned decision
    store.close()


def test_a_store_linked_by_an_earlier_version_of_linking_is_relinked_whole_once(tmp_path: Path):
    from linimasa.store import link_state

    store = open_store(linked_by_the_rule(tmp_path, seed=6, articles=10))
    assert link_changes(store, linking_by(False)).relinked == 0  # linked by this rule and version: nothing to do
    with store.transaction():
        link_state.set_linked_by(store, "rule")  # what a store linked before linking had versions says
    assert link_changes(store, linking_by(False)).relinked == 20
    assert link_changes(store, linking_by(False)).relinked == 0
    store.close()


def report(article_id: str, date: str | None, parties: list[Participant], published: str = "2021-03-12") -> Article:
    """An article reporting one meeting of ``parties`` on ``date``, worded as the other reports of it."""
    found = Article(id=article_id, text=f"Berita {article_id}.", title=f"Judul {article_id}", outlet="Warta",
                    lang="id", published=published, source=f"test:{article_id}")
    found.compute_hash()
    found.clean_text = found.text
    found.events = [Event(
        id=f"{article_id}#e0", type="CONSULT", mode="meet", date=date, date_basis="clause" if date else None,
        location=PLACES[1], participants=list(parties), summary=f"ringkasan {article_id}", article_id=article_id,
        trigger=Span(10, 17, "bertemu"), evidence=[Evidence(article_id, "trigger", "bertemu dengan", 10, 24)],
        signature={"title": ["presiden", "bertemu", "bilateral"], "words": WORDS[:8], "entities": ["Q1", "Q3"],
                   "published": published, "outlet": "Warta"})]
    return found


@pytest.mark.parametrize("decision", [False, None])
def test_a_new_report_of_a_known_event_is_the_only_mention_compared_again(tmp_path: Path, decision):
    """A run keeps the choices of the stored mentions its change cannot alter (linimasa/link_replay.py): a
    new report of a known event is compared with its candidates, and so is a mention that comes after it
    in linking's order and meets the event it joined; the others keep their events without a comparison,
    and the store still holds what a full relink gives."""
    db = str(tmp_path / "store.db")
    pair = [PEOPLE[0], PEOPLE[2]]
    stored = [report("c1", "2021-03-12", pair), report("c2", "2021-03-12", pair),
              report("b1", "2021-06-01", pair, "2021-06-01"), report("b2", "2021-06-01", pair, "2021-06-01"),
              report("u1", None, pair)]  # undated, naming both: it ties March and June into one unit
    store_batch(db, [Outcome("new", a.source, a, a.id) for a in stored], decision)
    store = open_store(db)
    run = store.begin_run("run", ["test"])
    store.save_chunk(run, [Outcome("new", "test:d1", report("d1", "2021-03-12", pair), "d1")])
    totals = link_changes(store, linking_by(decision))
    store.close()
    assert totals.relinked == 6  # the unit: every mention the undated one ties together
    assert totals.decided == 2  # d1, and u1 after it (undated mentions come last), which meets d1's event
    assert snapshot(db) == relinked_copy(db, tmp_path, decision)
    if decision is False:
        articles: dict[str, set[str]] = {}
        for event_id, article_id, _ in snapshot(db)["sources"]:
            articles.setdefault(event_id, set()).add(article_id)
        assert {"c1", "c2", "d1"} in articles.values(), "d1 joined the March meeting"


@pytest.mark.parametrize("seed,decision", [(seed, False) for seed in range(10, 16)] + [(seed, None) for seed in range(10, 13)])
def test_long_runs_of_small_batches_keep_what_a_full_relink_gives(tmp_path: Path, seed: int, decision):
    """Many batches on a dense corpus (7 parties, 4 years): the stored choices replayed run after run, with
    events that change membership, lose members to revisions and gain new ones, stay exact."""
    db = str(tmp_path / "store.db")
    for batch, outcomes in enumerate(random_batches(seed, batches=12)):
        store_batch(db, outcomes, decision)
    assert snapshot(db) == relinked_copy(db, tmp_path, decision)


def test_a_store_linked_before_unit_keys_were_kept_gets_them_from_the_link_steps_that_reach_its_mentions(tmp_path: Path):
    """Migration 8 adds ``event_mentions.unit_key`` empty to a store linked before: a link step computes the
    key of each mention it reaches and files it, and links as it would have with the keys kept."""
    db = str(tmp_path / "store.db")
    batches = list(random_batches(seed=8, batches=4))
    for outcomes in batches[:3]:
        store_batch(db, outcomes)
    store = open_store(db)
    with store.transaction():
        store.execute("UPDATE event_mentions SET unit_key = NULL")
    store.close()
    store_batch(db, batches[3])
    after, relinked = snapshot(db), relinked_copy(db, tmp_path)
    filed = dict(after.pop("unit_keys"))
    assert after == {k: v for k, v in relinked.items() if k != "unit_keys"}
    assert any(filed.values()), "the step filed the keys of the mentions it reached"
    assert all(filed[m] == key for m, key in relinked["unit_keys"] if filed[m] is not None)


def test_the_first_link_step_after_migration_8_files_every_unit_key_once(tmp_path: Path):
    db = str(tmp_path / "store.db")
    for outcomes in random_batches(seed=11, batches=3):
        store_batch(db, outcomes)
    expected = snapshot(db)
    store = open_store(db)
    with store.transaction():  # as migration 8 leaves a store linked before it
        store.execute("UPDATE event_mentions SET unit_key = NULL")
        store.execute("INSERT INTO state(key, value) VALUES ('link.unit_keys', ?)", (json.dumps("pending"),))
    assert link_changes(store).relinked == 0  # nothing queued: nothing relinked, but every key filed
    assert store.get_state("link.unit_keys") is None
    store.close()
    assert snapshot(db) == expected


def test_a_store_linked_with_other_linking_parameters_is_relinked_whole_once(tmp_path: Path, monkeypatch):
    """A change to the rule's thresholds (or another parameter linking decides by) is seen without a new
    LINKING_VERSION: the store remembers the parameters it was linked with."""
    from linimasa import link

    store = open_store(linked_by_the_rule(tmp_path, seed=7, articles=10))
    assert link_changes(store, linking_by(False)).relinked == 0
    before = link.decision_name(None)
    monkeypatch.setitem(link.RULE, "borrowed_window_days", link.RULE["borrowed_window_days"] + 1)
    assert link.decision_name(None) != before
    assert link_changes(store, linking_by(False)).relinked == 20
    assert link_changes(store, linking_by(False)).relinked == 0
    store.close()
