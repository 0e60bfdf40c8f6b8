"""Language identification per article with py3langid (its model ships in the package).

Indonesian and Malay share most of their vocabulary, and short Indonesian news texts often score as
Malay: on IndoSum's first 200 characters py3langid says "ms" for 54 of 3,463 articles, while genuine Malay
news gives Indonesian a probability under 0.07. So when Malay wins but Indonesian keeps a fair share of
the probability, the article is Indonesian (see docs/cleaning.md for the measurements). Reports about Malaysia
("Perdana Menteri Malaysia Anwar Ibrahim ...") can leave Indonesian less than that share; then the words only
one of the two languages writes decide (``linimasa/lang/id/malay_markers.yaml``: "Kamis" / "Khamis",
"pemerintah" / "kerajaan").
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from linimasa import yamldata
from linimasa.model import Article

MALAY_MARKERS = Path(__file__).resolve().parents[1] / "lang" / "id" / "malay_markers.yaml"
WORD = re.compile(r"[a-z]+")

UNDETERMINED = "und"
MIN_LETTERS = 30  # below this, a language guess is noise
SAMPLE_CHARS = 600  # stable on IndoSum from 400 characters on; the rest of a long article only costs time
INDONESIAN_SHARE_OVER_MALAY = 0.2


@functools.cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@functools.cache
def _markers() -> tuple[frozenset[str], frozenset[str]]:
    data = yamldata.safe_load(MALAY_MARKERS.read_text(encoding="utf-8"))
    return frozenset(data["indonesian_only"]), frozenset(data["malay_only"])


def _more_indonesian_than_malay(sample: str) -> bool:
    """Whether the sample writes more words only Indonesian writes than words only Malay writes."""
    indonesian, malay = _markers()
    words = WORD.findall(sample.lower())
    return sum(w in indonesian for w in words) > sum(w in malay for w in words)


def identify(text: str) -> tuple[str, float]:
    """The ISO 639-1 code of the text's language and its probability ("und", 0.0 when too short)."""
    sample = text[:SAMPLE_CHARS]
    letters = sum(map(str.isalpha, sample))
    if letters < MIN_LETTERS:
        return UNDETERMINED, 0.0
    if sum(map(str.isupper, sample)) > letters / 2:
        sample = sample.lower()  # the model learned from mixed-case text; all-caps transcripts confuse it
    ranked = _identifier().rank(sample)
    lang, score = ranked[0]
    if lang == "ms":
        indonesian = next((p for code, p in ranked[:5] if code == "id"), 0.0)
        if indonesian >= INDONESIAN_SHARE_OVER_MALAY or _more_indonesian_than_malay(sample):
            return "id", float(indonesian)
    return lang, float(score)


class LanguageStage:
    """Sets ``lang`` when the input gave none; records the guess (``metadata["lang_detected"]``,
    ``metadata["lang_score"]``) and whether the extractors understand the article's language
    (``metadata["lang_supported"]``), so unsupported articles are stored, marked and not extracted."""

    name = "langid"

    def __init__(self, settings=None):
        self.supported = tuple(settings.supported_languages) if settings is not None else ("id",)

    def __call__(self, article: Article) -> Article:
        lang, score = identify(article.working_text)
        article.metadata["lang_score"] = round(score, 4)
        article.metadata["lang_detected"] = lang
        if not article.lang:
            article.lang = lang
        article.metadata["lang_supported"] = article.lang in self.supported
        return article
