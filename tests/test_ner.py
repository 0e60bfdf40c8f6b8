import io
from pathlib import Path

import pytest

from linimasa.config import Settings
from linimasa.model import Article
from linimasa.nlp.ner import (
    NerStage,
    conll_command,
    entity_scores,
    entity_spans,
    load_tagger,
    map_label,
    word_shape,
)
from linimasa.nlp.sentences import SentenceStage

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
LABELS = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}


def test_corpus_labels_map_onto_per_org_loc():
    assert map_label("B-PERSON") == "B-PER"
    assert map_label("I-PPL") == "I-PER"
    assert map_label("B-ORGANISATION") == "B-ORG"
    assert map_label("I-IND") == "I-ORG"
    assert map_label("B-PLACE") == "B-LOC"
    assert map_label("I-PLC") == "I-LOC"
    assert map_label("B-TIME") == "O"
    assert map_label("I-QUANTITY") == "O"
    assert map_label("O") == "O"


def test_entity_spans_follow_bio_and_start_an_entity_at_a_stray_inside_label():
    labels = ["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG", "I-PER"]
    assert entity_spans(labels) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 6, "ORG"), (6, 7, "PER")]


def test_word_shape_folds_repeated_character_classes():
    assert word_shape("Jakarta") == "Xx"
    assert word_shape("KPK") == "X"
    assert word_shape("12/5") == "d/d"
    assert word_shape("e-KTP") == "x-X"


def test_tagger_finds_people_and_places_in_a_news_sentence():
    tokens = "Presiden Joko Widodo bertemu Perdana Menteri Malaysia Anwar Ibrahim di Jakarta pada Senin .".split()
    labels = load_tagger().tag(tokens)
    assert set(labels) <= LABELS
    found = {(" ".join(tokens[a:b]), kind) for a, b, kind in entity_spans(labels)}
    assert ("Joko Widodo", "PER") in found
    assert ("Anwar Ibrahim", "PER") in found
    assert ("Jakarta", "LOC") in found


def test_batched_tagging_matches_one_by_one():
    sentences = [["Ketua", "KPK", "datang", "ke", "Surabaya", "."], [], ["Kerry", "tiba", "di", "Sochi", "."]]
    tagger = load_tagger()
    assert tagger.tag_sentences(sentences) == [tagger.tag(s) for s in sentences]
    assert tagger.tag([]) == []


def test_stage_appends_mentions_whose_spans_point_into_the_clean_text():
    text = "Menteri Luar Negeri Rusia Sergei Lavrov bertemu John Kerry di Sochi, Rusia, Selasa (12/5)."
    article = Article(id="a", text=text, lang="id")
    settings = Settings()
    article = NerStage(settings)(SentenceStage(settings)(article))
    assert article.mentions
    for mention in article.mentions:
        assert text[mention.start : mention.end] == mention.text
        assert mention.source == "ner" and mention.label in {"PER", "ORG", "LOC"}
        assert 0.0 < mention.score <= 1.0
    assert ("Sergei Lavrov", "PER") in {(m.text, m.label) for m in article.mentions}


def test_conll_command_writes_a_label_per_token_and_keeps_blank_lines():
    source = "Joko\tB-PER\nWidodo\tI-PER\ntiba\tO\n\n\nDi\nBandung\n"
    out = io.StringIO()
    conll_command(io.StringIO(source), out)
    lines = out.getvalue().split("\n")
    assert [line.split("\t")[0] for line in lines] == ["Joko", "Widodo", "tiba", "", "", "Di", "Bandung", ""]
    for line in lines:
        if line:
            assert line.split("\t")[1] in LABELS


def test_shipped_model_card_names_its_version_and_training_command():
    card = load_tagger().card
    assert card["version"]
    assert card["command"].startswith("python scripts/train_ner.py")


def test_entity_scores_count_exact_spans_and_types():
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O"]]
    predicted = [["B-PER", "I-PER", "O", "B-ORG"], ["B-ORG", "B-LOC"]]
    assert entity_scores(gold, predicted) == {"precision": 50.0, "recall": 66.7, "f1": 57.1}


def read_dev_split(path: Path) -> tuple[list[list[str]], list[list[str]]]:
    sentences, labels = [[]], [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if fields:
            sentences[-1].append(fields[0])
            labels[-1].append(map_label(fields[-1]))
        elif sentences[-1]:
            sentences.append([])
            labels.append([])
    return [s for s in sentences if s], [lab for lab in labels if lab]


@pytest.mark.parametrize(
    "folder, filename, style, floor",
    [
        ("indolem-nerugm", "dev.tsv", None, 74.0),
        ("indolem-nerui", "dev.tsv", None, 89.0),
        ("idner-news-2k", "dev.txt", None, 79.0),
        ("indolem-nerugm", "dev.tsv", "nerugm", 82.0),
        ("idner-news-2k", "dev.txt", "idner", 86.0),
    ],
)
def test_shipped_model_keeps_its_held_out_f1(folder, filename, style, floor):
    path = SHARED / "data" / "ner" / folder / filename
    if not path.exists():
        pytest.skip(f"../shared not found: {path}")
    sentences, gold = read_dev_split(path)
    assert entity_scores(gold, load_tagger().tag_sentences(sentences, style))["f1"] >= floor


def test_cli_ner_command_tags_a_conll_file(tmp_path):
    from click.testing import CliRunner

    from linimasa.cli import cli

    path = tmp_path / "input.conll"
    path.write_text("Presiden\nJoko\nWidodo\ntiba\ndi\nBandung\n.\n\nKPK\nmemeriksa\nsaksi\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ner", "--conll", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.output.split("\n")
    assert lines[1:3] == ["Joko\tB-PER", "Widodo\tI-PER"]
    assert lines[7] == ""
    assert len(lines) == 12 and all(line.split("\t")[1] in LABELS for line in lines if line)


def test_cli_ner_command_rejects_an_unknown_style(tmp_path):
    from click.testing import CliRunner

    from linimasa.cli import cli

    path = tmp_path / "input.conll"
    path.write_text("Jakarta\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ner", "--conll", str(path), "--style", "no-such-corpus"])
    assert result.exit_code == 1


def test_the_shipped_attribute_list_is_the_models_own(tmp_path):
    from linimasa.nlp import ner

    tagger = load_tagger()
    shipped = ner.MODEL_DIR.joinpath(ner.MODEL_NAME + ner.ATTRIBUTES_SUFFIX)
    assert ner.read_attributes(shipped, tagger.model_path) == tagger.attributes() == tagger.features.known


def test_an_attribute_list_left_from_another_model_is_not_used(tmp_path):
    from linimasa.nlp import ner

    tagger = load_tagger()
    listed = tmp_path / "attributes.txt.gz"
    ner.write_attributes(tagger, listed)
    other_model = tmp_path / "other.crfsuite"
    other_model.write_bytes(Path(tagger.model_path).read_bytes() + b"\0")
    assert ner.read_attributes(listed, tagger.model_path) is not None
    assert ner.read_attributes(listed, other_model) is None
