"""Declared stages: the pipeline checks, when it is built, that every stage has what it requires from a stage
before it; it runs a stage only on articles in the languages the stage serves, saying why it skipped one; and
it finds the stages that learn across the corpus by their interface, keeping what each learned under its name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from linimasa.cli import cli
from linimasa.config import Settings
from linimasa.engine.local import LocalRunner
from linimasa.model import Article
from linimasa.pipeline import Pipeline, PipelineError, check_run
from linimasa.stages import PREPARE, STAGES, LearnsFromCorpus, StageSpec, check_order
from linimasa.store import open_store

EXTRACTION = ("langid", "sentences", "ner", "kb", "times", "events")
INDONESIAN = ("Presiden Joko Widodo bertemu Perdana Menteri Jepang Shinzo Abe di Tokyo, Jepang, pada Senin "
              "(11/5/2015). Keduanya membahas kerja sama perdagangan dan investasi.")
ENGLISH = ("President Joko Widodo met Japanese Prime Minister Shinzo Abe in Tokyo on Monday. The two leaders "
           "discussed trade and investment and agreed to meet again next year.")


def test_a_pipeline_whose_linking_stage_has_no_event_provider_is_refused_naming_both(db_path):
    settings = Settings(extract=("langid", "sentences"), corpus=("link", "stories"), workers=1)
    with pytest.raises(PipelineError) as refused:
        LocalRunner(open_store(db_path), settings)
    message = str(refused.value)
    assert "stage 'link' requires 'events'" in message and "the stage 'events' provides it" in message


def test_stories_without_linking_are_refused_naming_the_linking_stage():
    with pytest.raises(PipelineError, match=r"stage 'stories' requires 'store.events'.*the stage 'link' provides it"):
        check_run(Settings(corpus=("stories",)))


def test_a_stage_placed_before_its_provider_is_refused():
    with pytest.raises(PipelineError, match=r"stage 'ner' requires 'sentences'.*the stage 'sentences' provides it"):
        Pipeline(("ner", "sentences"), Settings())
    with pytest.raises(PipelineError, match=r"stage 'events' requires 'mentions'.*'ner' or 'kb' provide it"):
        check_order(("sentences", "times", "events"))


def test_the_shipped_pipeline_and_ingest_pass_the_check():
    from linimasa.config import ingest_only

    check_run(Settings())
    check_run(ingest_only())
    check_run(Settings(near_duplicates=False, corpus=("link",)))


def test_run_refuses_a_configuration_whose_linking_has_no_events_and_says_what_to_do(tmp_path):
    config = tmp_path / "linimasa.toml"
    config.write_text('extract = ["langid", "sentences"]\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", str(Path(__file__).parents[1] / "sample"), "--db",
                                      str(tmp_path / "x.db"), "-q", "--config", str(config)])
    assert result.exit_code != 0
    assert "stage 'link' requires 'events'" in result.output and "leave 'link' out" in result.output


def test_a_stage_for_indonesian_is_skipped_for_an_english_article_with_the_reason_recorded():
    article = Pipeline(EXTRACTION, Settings())(Article(id="en", text=ENGLISH, published="2015-05-11"))
    assert article.lang == "en"  # the language stage serves every language
    assert (article.sentences, article.mentions, article.times, article.events, article.anchor) == ([], [], [], [], None)
    skipped = article.metadata["skipped_stages"]
    assert list(skipped) == ["sentences", "ner", "kb", "times", "events"]
    assert skipped["events"] == "the article's language is 'en'; the stage serves id"


def test_an_indonesian_article_goes_through_every_stage():
    article = Pipeline(EXTRACTION, Settings())(Article(id="id", text=INDONESIAN, published="2015-05-11"))
    assert article.lang == "id" and "skipped_stages" not in article.metadata
    assert article.sentences and article.mentions and article.times and article.events


def test_the_configured_languages_are_the_ones_the_extraction_stages_serve():
    malay = Article(id="ms", text=INDONESIAN, published="2015-05-11", lang="ms")
    assert Pipeline(("sentences",), Settings())(malay).sentences == []
    assert Pipeline(("sentences",), Settings(supported_languages=("id", "ms")))(malay).sentences


class _CountsOutlets(LearnsFromCorpus):
    """A stage that learns across the corpus: how many articles of each outlet it has seen."""

    name = "counter"

    def __init__(self, settings):
        self.seen: dict[str, int] = {}
        self.counted: set[str] = set()
        self.loaded: dict[str, int] = {}

    def observe(self, articles):
        for article in articles:
            self.seen[article.outlet] = self.seen.get(article.outlet, 0) + 1
            self.counted.add(article.outlet)

    def learned_for(self, articles):
        return {a.outlet: self.seen[a.outlet] for a in articles}

    def adopt(self, learned):
        self.seen.update(learned)

    def load_learned(self, state):
        self.loaded = state.get("seen") or {}
        self.seen = dict(self.loaded)

    def save_learned(self, state):
        if self.counted:
            state.set({"seen": self.seen})
            self.counted.clear()

    def __call__(self, article):
        article.metadata["outlet_seen"] = self.seen[article.outlet]
        return article


def test_a_stage_that_learns_across_the_corpus_keeps_what_it_learned_under_its_own_name(tmp_path, monkeypatch, db_path):
    monkeypatch.setitem(STAGES, "counter", StageSpec("counter", _CountsOutlets, PREPARE, requires=("outlet",)))
    settings = Settings(prepare=("counter",), extract=(), corpus=(), near_duplicates=False, workers=1)
    source = tmp_path / "a.jsonl"
    source.write_text("".join(json.dumps({"id": f"a{i}", "outlet": "warta", "text": f"Berita nomor {i}."}) + "\n"
                              for i in range(3)), encoding="utf-8")
    store = open_store(db_path)
    LocalRunner(store, settings).run([str(source)])
    assert store.get_state("counter.seen") == {"warta": 3}
    second = LocalRunner(store, settings)
    assert second.prepare.stage("counter").loaded == {"warta": 3}  # asked for by the runner, not by name
    store.close()


def test_a_run_without_the_stories_stage_links_events_and_threads_no_stories(tmp_path):
    sample = Path(__file__).parents[1] / "sample" / "articles.jsonl"
    linked_only = open_store(str(tmp_path / "linked.db"))
    summary = LocalRunner(linked_only, Settings(corpus=("link",), workers=1)).run([str(sample)])
    assert summary.events > 0 and summary.stories == 0
    assert linked_only.execute("SELECT count(*) AS n FROM story_keys").fetchone()["n"] == 0
    from linimasa.engine.corpus import relink

    both = relink(linked_only)  # the shipped corpus stages: link again, and thread the stories
    assert both.events == summary.events and both.stories > 0
    linked_only.close()


def test_the_documented_requires_and_provides_are_the_declarations():
    import re

    page = (Path(__file__).parents[1] / "docs" / "pipeline.md").read_text(encoding="utf-8")
    for spec in STAGES.values():
        row = re.search(rf"^\| `{spec.name}` \| (.*?) \| (.*?) \|$", page, re.M)
        assert row, f"docs/pipeline.md has no row for the stage '{spec.name}'"
        requires, provides = (re.findall(r"`([^`]+)`", cell) for cell in row.groups())
        assert (tuple(requires), tuple(provides)) == (spec.requires, spec.provides), spec.name


def test_eval_refuses_a_pipeline_whose_stories_have_no_linking_stage(tmp_path):
    config = tmp_path / "linimasa.toml"
    config.write_text('corpus = ["stories"]\n', encoding="utf-8")
    annotations = Path(__file__).parents[1] / "data" / "annotations" / "dev.jsonl"
    result = CliRunner().invoke(cli, ["eval", str(annotations), "--config", str(config)])
    assert result.exit_code == 1
    assert "stage 'stories' requires 'store.events'" in result.output and "'link' provides it" in result.output


def test_the_stages_command_lists_the_run_in_order_and_refuses_what_cannot_run(tmp_path):
    shown = CliRunner().invoke(cli, ["stages"], env={"COLUMNS": "200"})
    assert shown.exit_code == 0 and "every stage has what it requires" in shown.output
    rows = [line for line in shown.output.splitlines() if line.startswith("│")]
    assert [row.split("│")[2].strip() for row in rows] == [
        "clean", "near_duplicates", "langid", "sentences", "ner", "kb", "times", "events", "link", "stories"]
    config = tmp_path / "linimasa.toml"
    config.write_text('extract = ["langid", "ner"]\n', encoding="utf-8")
    refused = CliRunner().invoke(cli, ["stages", "--config", str(config)], env={"COLUMNS": "200"})
    assert refused.exit_code == 1 and "stage 'ner' requires 'sentences'" in refused.output


def test_relink_runs_the_corpus_stages_of_the_configuration_and_no_others(tmp_path):
    sample = Path(__file__).parents[1] / "sample" / "articles.jsonl"
    db = str(tmp_path / "x.db")
    store = open_store(db)
    LocalRunner(store, Settings(workers=1)).run([str(sample)])
    store.close()
    config = tmp_path / "linimasa.toml"
    config.write_text('corpus = ["link"]\n', encoding="utf-8")
    store = open_store(db)
    threaded = store.execute("SELECT count(*) AS n FROM events WHERE story_id IS NOT NULL").fetchone()["n"]
    events = store.execute("SELECT count(*) AS n FROM events").fetchone()["n"]
    store.close()
    result = CliRunner().invoke(cli, ["relink", "--db", db, "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert f": {events:,} events" in result.output
    store = open_store(db)  # the events were written again by the link stage alone: none is threaded into a story
    assert threaded and store.execute("SELECT count(*) AS n FROM events WHERE story_id IS NOT NULL").fetchone()["n"] == 0
    store.close()
