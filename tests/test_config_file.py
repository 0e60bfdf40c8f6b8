"""`--config linimasa.toml` and $LINIMASA_CONFIG: the file sets Settings and the stages' options over the
defaults, the command line wins over the file, and a key linimasa does not know is an error that names the
key and the file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from linimasa.cli import cli
from linimasa.config import Settings
from linimasa.config_file import ConfigError, load_settings, stage_option_kinds
from linimasa.pipeline import Pipeline
from linimasa.stages import STAGES

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample"


def write(tmp_path: Path, text: str, name: str = "linimasa.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_empty_file_is_the_defaults(tmp_path):
    assert load_settings(write(tmp_path, "# nothing set\n")) == Settings()


def test_the_file_sets_settings_and_stage_options(tmp_path):
    settings = load_settings(write(tmp_path, """
workers = 3
chunk_size = 64
near_duplicates = false
supported_languages = ["id", "ms"]
extract = ["langid", "sentences"]
corpus = []

[stages.clean]
min_articles = 7
min_share = 1

[stages.kb]
paths = ["my-kb"]

[stages.events]
decision = true
"""))
    assert (settings.workers, settings.chunk_size, settings.near_duplicates) == (3, 64, False)
    assert settings.supported_languages == ("id", "ms") and settings.extract == ("langid", "sentences")
    assert settings.prepare == Settings().prepare and settings.corpus == ()
    assert settings.options["clean"] == {"min_articles": 7, "min_share": 1.0}
    assert settings.options["kb"] == {"paths": (tmp_path.resolve() / "my-kb",)}  # beside the file
    assert settings.options["events"] == {"decision": True}
    assert settings.stage_options("events").decision is True and settings.stage_options("clean").min_outlet_articles is None


def test_stage_options_reach_the_stages(tmp_path):
    settings = load_settings(write(tmp_path, "[stages.clean]\nmin_articles = 7\nmin_outlet_articles = 2\n"))
    templates = Pipeline(("clean",), settings).stage("clean").templates
    assert (templates.min_articles, templates.min_outlet_articles) == (7, 2)


@pytest.mark.parametrize(("text", "complaint"), [
    ("chunksize = 10\n", "unknown key 'chunksize'"),
    ("[stages.clean]\nmin_article = 3\n", "unknown option 'min_article' in [stages.clean]"),
    ("[stages.ner]\nmodel = 'x'\n", "unknown option 'model' in [stages.ner] (it takes no options)"),
    ("[stages.cleaner]\nmin_articles = 3\n", "[stages.cleaner] names no stage"),
    ("extract = ['sentences', 'events2']\n", "'extract' names no stage 'events2'"),
    ("corpus = ['link', 'clean']\n", "'corpus' names no stage 'clean'"),
    ("workers = '4'\n", "'workers' must be a whole number, not '4'"),
    ("workers = 0\n", "'workers' must be at least 1, not 0"),
    ("near_duplicates = 1\n", "'near_duplicates' must be true or false"),
    ("supported_languages = 'id'\n", "'supported_languages' must be a list of strings"),
    ("options = {}\n", "unknown key 'options'"),
    ("[stages.events]\nrequire_known_party = 'yes'\n", "'stages.events.require_known_party' must be true or false"),
    ("workers = [\n", "is not valid TOML"),
    ("[stages.link]\ndecision = 'learned'\n", "'stages.link.decision' names the model file"),
])
def test_a_bad_file_is_an_error_naming_the_key_and_the_file(tmp_path, text, complaint):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as raised:
        load_settings(path)
    assert complaint in str(raised.value) and str(path) in str(raised.value)


def test_options_from_a_stages_table_reach_the_events_stage(tmp_path):
    (tmp_path / "my-decision.json").write_text("{}", encoding="utf-8")
    settings = load_settings(write(tmp_path, "[stages.events]\nrequire_known_party = false\ndecision = false\n"))
    events = Pipeline(("events",), settings, after=("sentences", "ner")).stage("events")
    assert events.decision is None and events._require_known() is False
    settings = load_settings(write(tmp_path, "[stages.events]\ndecision = 'my-decision.json'\n"))
    assert Pipeline(("events",), settings, after=("sentences", "ner")).stage("events").options.decision == (
        tmp_path.resolve() / "my-decision.json")


def test_options_from_a_stages_table_reach_the_kb_stage(tmp_path):
    settings = load_settings(write(tmp_path, "[stages.kb]\npaths = ['mine', 'theirs']\n"))
    kb = Pipeline(("kb",), settings).stage("kb")
    assert kb.extra_paths == (str(tmp_path.resolve() / "mine"), str(tmp_path.resolve() / "theirs"))


def _events(db: str) -> list[dict]:
    result = CliRunner().invoke(cli, ["events", "--db", db, "--all"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_run_takes_the_file_from_the_option_or_the_environment(tmp_path):
    no_events = write(tmp_path, 'extract = ["langid", "sentences"]\ncorpus = []\n')
    by_option = str(tmp_path / "option.db")
    result = CliRunner().invoke(cli, ["run", str(SAMPLE), "--db", by_option, "-q", "--config", str(no_events)])
    assert result.exit_code == 0, result.output
    assert "events" not in result.output and _events(by_option) == []
    by_environment = str(tmp_path / "environment.db")
    result = CliRunner().invoke(cli, ["run", str(SAMPLE), "--db", by_environment, "-q"],
                                env={"LINIMASA_CONFIG": str(no_events)})
    assert result.exit_code == 0, result.output
    assert _events(by_environment) == []
    defaults = str(tmp_path / "defaults.db")
    assert CliRunner().invoke(cli, ["run", str(SAMPLE), "--db", defaults, "-q"]).exit_code == 0
    assert _events(defaults)


def test_a_bad_file_stops_the_command_before_it_touches_the_store(tmp_path):
    bad = write(tmp_path, "[stages.events]\ndecison = true\n")
    db = tmp_path / "never.db"
    result = CliRunner().invoke(cli, ["run", str(SAMPLE), "--db", str(db), "--config", str(bad)])
    assert result.exit_code == 2
    assert "unknown option 'decison' in [stages.events]" in result.output and str(bad) in result.output
    assert not db.exists()


def test_the_command_line_wins_over_the_file(tmp_path):
    from linimasa.commands.common import settings_for

    path = write(tmp_path, "workers = 3\nchunk_size = 64\n")
    assert (settings_for(path, workers=None, chunk_size=None).workers, settings_for(path).chunk_size) == (3, 64)
    assert settings_for(path, workers=1, chunk_size=None).workers == 1


def test_the_documented_example_is_a_valid_file(tmp_path):
    page = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", page, re.S).group(1)
    settings = load_settings(write(tmp_path, example))
    assert settings.options and settings != Settings()
    documented = {name for stage in STAGES for name in stage_option_kinds(stage)}
    assert all(f"`{name}`" in page for name in documented)
