"""One name per outlet: "cnn indonesia", "cnnindonesia.com" and "CNN Indonesia" are CNN Indonesia, and an
article with no outlet is credited to its URL's site. Names from linimasa/data/outlets.csv (add an outlet
there); an outlet not listed keeps the name its input gave."""

from __future__ import annotations

import csv
import functools
from pathlib import Path
from urllib.parse import urlsplit

OUTLETS_FILE = Path(__file__).parent / "data" / "outlets.csv"
# Second-level suffixes under which a site's name is the third label ("republika.co.id").
SECOND_LEVEL = frozenset({"co", "or", "go", "ac", "web", "my", "com", "net", "org"})


@functools.cache
def known_outlets() -> dict[str, str]:
    """Every outlet linimasa/data/outlets.csv lists: folded key -> its one name."""
    with OUTLETS_FILE.open(encoding="utf-8", newline="") as handle:
        return {row["key"].strip().casefold(): row["name"].strip() for row in csv.DictReader(handle)}


def site(url: str | None) -> str | None:
    """The registered site of a URL: "news.detik.com" -> "detik.com", "www.republika.co.id" -> "republika.co.id"."""
    try:
        host = (urlsplit(url or "").hostname or "").casefold().rstrip(".")
    except ValueError:
        return None
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2:
        return None
    keep = 3 if len(labels) >= 3 and labels[-2] in SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def outlet_name(outlet: str | None, url: str | None = None) -> str | None:
    """The outlet's one name: by its name as given or its URL's site, else the name given, else the site."""
    names = known_outlets()
    given = (outlet or "").strip()
    if given and given.casefold() in names:
        return names[given.casefold()]
    domain = site(url)
    if domain and domain in names:
        return names[domain]
    return given or domain
