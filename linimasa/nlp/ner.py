"""Named entities (PER, ORG, LOC) in Indonesian news: a linear-chain CRF over rich token features.

The shipped model lives in ``linimasa/nlp/models/``: the CRF weights (``ner-id.crfsuite``), word clusters
induced from Indonesian news (``ner-id-clusters.tsv``), a token gazetteer (``ner-id-gazetteer.tsv``) and a
card (``ner-id.json``) with its version, training command and measured scores, and the model's attribute
list (``ner-id-attributes.txt.gz``, so a process need not dump the model to learn it).
``scripts/train_ner.py`` rebuilds all five from ``../shared/data``.

Features are computed per word type once and cached, then shifted into each position's window, which keeps
tagging fast enough for the pipeline budget (tens of thousands of tokens per second on one core).
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import IO

import pycrfsuite

from linimasa import yamldata
from linimasa.config import Settings
from linimasa.model import Article, Mention
from linimasa.nlp.crf import CrfModel
from linimasa.nlp.ner_features import (  # noqa: F401  (TokenFeatures and word_shape are used from here)
    CONTEXT_OFFSETS,
    EDGE_FEATURES,
    TokenFeatures,
    word_shape,
)
from linimasa.nlp.ner_scores import StateScores

MODEL_DIR = resources.files("linimasa.nlp") / "models"
DATA_DIR = resources.files("linimasa.nlp") / "data"
MODEL_NAME = "ner-id"
ENTITY_LABELS = ("PER", "ORG", "LOC")
SCORE_DIGITS = 6  # marginals past this depend on the order features are summed in, not on the text

@functools.cache
def label_map() -> dict[str, str]:
    """Corpus entity type -> PER/ORG/LOC (``data/ner_labels.yaml``); types not in it map to O."""
    groups = yamldata.safe_load(DATA_DIR.joinpath("ner_labels.yaml").read_text(encoding="utf-8"))
    return {source: target for target, sources in groups.items() for source in sources}


def map_label(label: str) -> str:
    """A corpus BIO label ("B-PERSON", "I-PLC", "B-TIME", "O") as a linimasa BIO label."""
    if label == "O" or "-" not in label:
        return "O"
    prefix, kind = label.split("-", 1)
    target = label_map().get(kind)
    return f"{prefix}-{target}" if target and prefix in ("B", "I") else "O"


def read_table(name: str) -> dict[str, tuple[str, ...]]:
    """A model TSV (``word<TAB>value<TAB>...``) as word -> values."""
    table: dict[str, tuple[str, ...]] = {}
    with MODEL_DIR.joinpath(name).open(encoding="utf-8") as handle:
        for line in handle:
            word, *values = line.rstrip("\n").split("\t")
            table[word] = tuple(values)
    return table


def entity_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first, end, type) token spans of BIO labels; an I- that does not continue an entity starts one."""
    spans = []
    start, kind = None, None
    for i, label in enumerate(list(labels) + ["O"]):
        prefix, _, this_kind = label.partition("-")
        continues = prefix == "I" and this_kind == kind
        if start is not None and not continues:
            spans.append((start, i, kind))
            start, kind = None, None
        if prefix in ("B", "I") and not continues:
            start, kind = i, this_kind
    return spans


def entity_scores(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> dict[str, float]:
    """Entity-level precision, recall and F1 in percent (exact span and type, as seqeval/conlleval count)."""
    true_positive = n_gold = n_predicted = 0
    for gold_labels, predicted_labels in zip(gold, predicted, strict=True):
        gold_spans, predicted_spans = set(entity_spans(gold_labels)), set(entity_spans(predicted_labels))
        true_positive += len(gold_spans & predicted_spans)
        n_gold += len(gold_spans)
        n_predicted += len(predicted_spans)
    precision = true_positive / n_predicted if n_predicted else 0.0
    recall = true_positive / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(100 * precision, 1), "recall": round(100 * recall, 1), "f1": round(100 * f1, 1)}


class NerTagger:
    """Tags token sequences with BIO labels B-PER/I-PER/B-ORG/I-ORG/B-LOC/I-LOC/O."""

    def __init__(self, model_path: str, features: TokenFeatures, card: dict | None = None):
        self.model_path = model_path
        self.features = features
        self.card = card or {}
        # Trained with per-corpus annotation styles, the model tags in the style its card names as default.
        self.style: str | None = self.card.get("default_style")
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(model_path)
        self._state_scores: StateScores | None = None  # read from the model file when first needed

    @property
    def version(self) -> str | None:
        return self.card.get("version")

    def attributes(self) -> frozenset[str]:
        """The feature strings the model has a weight for."""
        return frozenset(attribute for attribute, _ in self._tagger.info().state_features)

    @property
    def styles(self) -> tuple[str, ...]:
        """The corpora whose annotation conventions the model can tag in."""
        return tuple(self.card.get("styles", ()))

    def tag(self, tokens: list[str], style: str | None = None) -> list[str]:
        """BIO labels, in the model's default style or in ``style`` (one of ``styles``)."""
        if not tokens:
            return []
        return self._tagger.tag(self.features.sequence(tokens, style or self.style))

    def tag_sentences(self, sentences: list[list[str]], style: str | None = None) -> list[list[str]]:
        return [self.tag(tokens, style) for tokens in sentences]

    def tag_with_scores(self, tokens: list[str]) -> tuple[list[str], list[float]]:
        """Labels and, per token, the model's marginal probability of its label."""
        return self.tag_sentences_with_scores([tokens])[0]

    def tag_sentences_with_scores(self, sentences: list[list[str]]) -> list[tuple[list[str], list[float]]]:
        """Per sentence, in the default style: labels and, per token, the model's marginal probability of
        its label (1.0 for O). The labels are :meth:`tag`'s; all sentences are scored and decoded together
        from weight sums kept per word type (:mod:`linimasa.nlp.ner_scores`), which is several times
        faster than crfsuite's tagger on an article's sentences."""
        if self._state_scores is None:
            model = CrfModel.read(self.model_path)
            self._state_scores = StateScores(model, self.features, self.style, CONTEXT_OFFSETS, EDGE_FEATURES)
        decoded = self._state_scores.model.decode(self._state_scores.of(sentences))
        return [(labels, [1.0 if label == "O" else p for label, p in zip(labels, marginals)])
                for labels, marginals in decoded]


@functools.cache
def load_tagger() -> NerTagger:
    """The shipped NER model, loaded once per process."""
    card = json.loads(MODEL_DIR.joinpath(MODEL_NAME + ".json").read_text(encoding="utf-8"))
    features = TokenFeatures(read_table(MODEL_NAME + "-clusters.tsv"), read_table(MODEL_NAME + "-gazetteer.tsv"))
    with resources.as_file(MODEL_DIR.joinpath(MODEL_NAME + ".crfsuite")) as path:
        tagger = NerTagger(str(path), features, card)
        attributes_path = path.with_name(MODEL_NAME + ATTRIBUTES_SUFFIX)
        features.known = read_attributes(attributes_path, path) if attributes_path.exists() else None
    if features.known is None:
        features.known = tagger.attributes()
    return tagger


ATTRIBUTES_SUFFIX = "-attributes.txt.gz"


def model_digest(model_path: str | Path) -> str:
    return hashlib.sha256(Path(model_path).read_bytes()).hexdigest()


def write_attributes(tagger: NerTagger, path: str | Path) -> None:
    """The model's attribute set next to it: crfsuite can only list it by dumping the whole model as text
    and parsing that (most of a second at every start), so training writes it once. The first line holds
    the model's digest, so a list left from another model is never used."""
    lines = [f"# sha256 {model_digest(tagger.model_path)}", *sorted(tagger.attributes())]
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as handle:
        handle.write("\n".join(lines) + "\n")


def read_attributes(path: str | Path, model_path: str | Path) -> frozenset[str] | None:
    """The attribute set written by :func:`write_attributes`, or None when it belongs to another model."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        header, *attributes = handle.read().splitlines()
    if header != f"# sha256 {model_digest(model_path)}":
        return None
    return frozenset(attributes)


class NerStage:
    """Stage ``ner``: appends a Mention (label PER/ORG/LOC, source "ner", score) per entity found."""

    name = "ner"

    def __init__(self, settings: Settings):
        pass  # takes no options; the pipeline runs it only on articles in the languages it serves

    def __call__(self, article: Article) -> Article:
        tagger = load_tagger()
        text = article.working_text
        tagged = tagger.tag_sentences_with_scores([[t.text for t in sentence.tokens] for sentence in article.sentences])
        for sentence, (labels, scores) in zip(article.sentences, tagged, strict=True):
            if labels.count("O") == len(labels):
                continue  # most sentences: no entity
            tokens = sentence.tokens
            for first, end, kind in entity_spans(labels):
                start, stop = tokens[first].start, tokens[end - 1].end
                score = round(min(scores[first:end]), SCORE_DIGITS)
                article.mentions.append(Mention(start, stop, text[start:stop], kind, source="ner", score=score))
        return article


def conll_command(in_stream: IO[str], out_stream: IO[str], style: str | None = None) -> None:
    """``linimasa ner --conll FILE``: ``token<TAB>predicted label`` per input token, blank lines kept.

    Each input line holds a token, optionally followed by whitespace and a gold label (ignored); blank
    lines separate sentences and are copied through as they are. ``style`` tags in the annotation
    conventions of one training corpus (see ``NerTagger.styles``) instead of the model's default.
    """
    tagger = load_tagger()
    if style is not None and style not in tagger.styles:
        raise ValueError(f"unknown NER style {style!r}; the model knows {', '.join(tagger.styles) or 'none'}")
    sentence: list[str] = []

    def flush() -> None:
        for token, label in zip(sentence, tagger.tag(sentence, style=style)):
            out_stream.write(f"{token}\t{label}\n")
        sentence.clear()

    for line in in_stream:
        fields = line.split()
        if fields:
            sentence.append(fields[0])
        else:
            flush()
            out_stream.write("\n")
    flush()
