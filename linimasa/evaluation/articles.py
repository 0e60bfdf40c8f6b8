"""The annotated articles' texts, read from the shared news files by id.

Annotations hold article ids and character offsets, never article text, so every use of them joins with
the article files. An id may occur on several lines (IndoSum repeats articles across its folds, some with
truncated text); the longest text of an id is the article, so the join does not depend on file order.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from hashlib import sha1
from pathlib import Path

# Where the shared data lives relative to the repository, unless $LINIMASA_SHARED says otherwise.
DEFAULT_SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def shared_root() -> Path:
    return Path(os.environ.get("LINIMASA_SHARED") or DEFAULT_SHARED).resolve()


def default_article_files() -> list[Path]:
    """The contract-JSONL article files of ``shared/data/news``."""
    news = shared_root() / "data" / "news"
    return sorted(news.glob("indosum-dev/*.articles.jsonl")) + sorted(news.glob("detik-2025/articles.jsonl"))


@dataclass(frozen=True, slots=True)
class SourceArticle:
    """One article as the shared files hold it (the raw input, before linimasa cleans it)."""

    id: str
    text: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    category: str | None
    file: str

    @property
    def text_sha1(self) -> str:
        return text_digest(self.text)

    def field(self, name: str) -> str:
        """The text of a field spans can point into: ``text`` or ``title``."""
        if name == "text":
            return self.text
        if name == "title":
            return self.title or ""
        raise ValueError(f"spans point into 'text' or 'title', not {name!r}")

    def as_input(self) -> dict:
        """The article as a contract JSONL input row."""
        row = {"id": self.id, "text": self.text, "title": self.title, "url": self.url, "outlet": self.outlet,
               "published": self.published}
        return {key: value for key, value in row.items() if value is not None}


def text_digest(text: str) -> str:
    return sha1(text.encode("utf-8")).hexdigest()[:16]


class ArticleFilesMissing(FileNotFoundError):
    pass


def read_articles(paths: list[Path] | None = None) -> dict[str, SourceArticle]:
    """Every article of the given contract-JSONL files (default: the shared news), by id."""
    paths = list(paths) if paths else default_article_files()
    if not paths:
        raise ArticleFilesMissing(
            f"no article files found under {shared_root() / 'data' / 'news'}; pass --articles PATH or set "
            "$LINIMASA_SHARED to the folder that holds data/news")
    articles: dict[str, SourceArticle] = {}
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise ArticleFilesMissing(f"{path}: no such article file")
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as error:
                    raise ValueError(f"{path}:{number}: not a JSON line ({error})") from None
                article_id = row.get("id")
                text = row.get("text")
                if not article_id or not isinstance(text, str):
                    continue
                known = articles.get(article_id)
                if known is not None and len(known.text) >= len(text):
                    continue
                articles[article_id] = SourceArticle(
                    id=article_id, text=text, title=row.get("title"), url=row.get("url"),
                    outlet=row.get("outlet"), published=row.get("published"), category=row.get("category"),
                    file=str(path))
    return articles
