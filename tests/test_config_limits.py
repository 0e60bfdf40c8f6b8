"""The limits on inputs and text are settings: a [limits] table in linimasa.toml sets them, checked, with the
shipped values as defaults; a run enforces what the file says, and a rejection names the limit it met."""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import fields
from pathlib import Path

import pytest
from click.testing import CliRunner

from linimasa.cli import cli
from linimasa.config import Settings
from linimasa.config_file import ConfigError, load_settings
from linimasa.limits import DEFAULT_LIMITS, LIMIT_RANGES, Limits
from linimasa.nlp.tokens import tokenize
from linimasa.store import open_store

from badinput import GOOD

REPO = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "linimasa.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_limits_are_the_documented_ones():
    assert Settings().limits == DEFAULT_LIMITS == Limits(
        article_chars=2_000_000, input_bytes=16_000_000, line_bytes=16_000_000, gzip_expansion=200,
        gzip_check_bytes=64 * 1024 * 1024, folder_depth=100, field_depth=64, sentence_tokens=250, event_triggers=400)
    assert set(LIMIT_RANGES) == {f.name for f in fields(Limits)}
    page = (REPO / "docs" / "limits.md").read_text(encoding="utf-8")
    assert all(f"`{f.name}`" in page for f in fields(Limits)), "every limit is documented"
    configuration = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert all(f"`{f.name}`" in configuration for f in fields(Limits))


def test_a_limits_table_sets_the_limits_it_names(tmp_path):
    settings = load_settings(write(tmp_path, "[limits]\narticle_chars = 5000\ngzip_expansion = 50\nfolder_depth = 0\n"))
    assert (settings.limits.article_chars, settings.limits.gzip_expansion, settings.limits.folder_depth) == (5000, 50.0, 0)
    assert settings.limits.line_bytes == DEFAULT_LIMITS.line_bytes
    assert load_settings(write(tmp_path, "workers = 2\n")).limits == DEFAULT_LIMITS


@pytest.mark.parametrize(("text", "complaint"), [
    ("[limits]\narticle_char = 5\n", "unknown limit 'article_char' in [limits] (the limits are: article_chars, "),
    ("[limits]\narticle_chars = '5'\n", "'limits.article_chars' must be a whole number, not '5'"),
    ("[limits]\narticle_chars = 5.5\n", "'limits.article_chars' must be a whole number"),
    ("[limits]\nsentence_tokens = true\n", "'limits.sentence_tokens' must be a whole number, not True"),
    ("[limits]\nline_bytes = 0\n", "'limits.line_bytes' must be at least 1, not 0"),
    ("[limits]\nfield_depth = 900\n", "'limits.field_depth' must be from 1 to 256, not 900"),
    ("[limits]\ngzip_expansion = 'big'\n", "'limits.gzip_expansion' must be a number"),
    ("limits = 3\n", "'limits' must be a table ([limits])"),
])
def test_a_bad_limit_is_an_error_naming_it_and_the_file(tmp_path, text, complaint):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as raised:
        load_settings(path)
    assert complaint in str(raised.value) and str(path) in str(raised.value)


def test_a_run_enforces_the_limits_of_its_file_and_names_them(tmp_path):
    inputs = tmp_path / "in"
    (inputs / "a" / "b").mkdir(parents=True)
    records = [
        {"id": "long", "text": GOOD * 3},  # past article_chars
        {"id": "deep", "text": GOOD, "extra": [[[["x"]]]]},  # past field_depth
        {"id": "ok", "text": GOOD},
    ]
    (inputs / "records.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    line = json.dumps({"id": "wide", "text": GOOD + " " + "kata " * 400})
    (inputs / "wide.jsonl").write_text(line + "\n", encoding="utf-8")  # past line_bytes
    (inputs / "page.txt").write_text("Judul\n" + GOOD + " " + "kata " * 400, encoding="utf-8")  # past input_bytes
    (inputs / "a" / "b" / "deeper.txt").write_text("Judul\n" + GOOD + " Dalam.", encoding="utf-8")  # past folder_depth
    zeros = gzip.compress(json.dumps({"id": "z", "text": GOOD + " Nol."}).encode() + b"\n" + b"0" * 400_000)
    (inputs / "bomb.jsonl.gz").write_bytes(zeros)  # past gzip_expansion after gzip_check_bytes
    config = write(tmp_path, f"""
extract = ["langid", "sentences"]
corpus = []
[limits]
article_chars = {len(GOOD) + 50}
field_depth = 3
line_bytes = 1200
input_bytes = 1200
folder_depth = 1
gzip_expansion = 20
gzip_check_bytes = 100000
sentence_tokens = 8
""")
    db = str(tmp_path / "limited.db")
    result = CliRunner().invoke(cli, ["run", str(inputs), "--db", db, "--config", str(config), "--workers", "1"])
    assert result.exit_code == 1, result.output
    with open_store(db, readonly=True) as store:
        run_id = max(r["run_id"] for r in store.iter_articles())
        reasons = dict(store.rejections(run_id))
        ok = store.article("ok")
        assert store.article("z")["status"] == "processed"  # the line before the bomb stands
    named = {re.search(r"\[limits\] (\w+)", reason).group(1) for reason in reasons.values()}
    assert named == {"article_chars", "field_depth", "line_bytes", "input_bytes", "folder_depth", "gzip_expansion"}
    assert reasons[str(inputs / "a" / "b")].startswith("folder nested more than 1 levels deep")
    spans = json.loads(ok["annotations"])["sentences"]
    lengths = [len(tokenize(ok["text_clean"][s["start"]:s["end"]])) for s in spans]
    assert max(lengths) == 8 and len(spans) > 3  # the shipped 250 leaves the good text three sentences


def test_the_same_run_without_the_file_accepts_those_inputs(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "records.jsonl").write_text(json.dumps({"id": "long", "text": GOOD * 3}) + "\n", encoding="utf-8")
    db = str(tmp_path / "shipped.db")
    result = CliRunner().invoke(cli, ["run", str(inputs), "--db", db, "-q", "--workers", "1"])
    assert result.exit_code == 0, result.output
