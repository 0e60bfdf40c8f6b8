"""Turn annotators' quote-based records into stored annotations (offsets, never text), or check them.

    python scripts/annotation/align.py --check RAW.jsonl [RAW.jsonl ...]
    python scripts/annotation/align.py RAW.jsonl ... --pass a --annotator NAME --out OUT.jsonl

Annotators write one JSON object an article (see docs/annotation.md, "How the corpus was made"), with
verbatim quotes: the evidence, each participant's mention, the place and the date as written, every
rejected candidate. This script finds each quote in the shared article (whitespace-insensitively; the
occurrence nearest the evidence wins) and writes the record with character offsets instead of quotes.
`--check` only lists the quotes that are not found and the fields that are not in the guide's form, so an
annotator can mend them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from linimasa.evaluation.articles import read_articles  # noqa: E402
from linimasa.evaluation.convert import RawRecordError, convert_raw  # noqa: E402


def read_raw(path: Path):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as error:
            yield number, RawRecordError([f"not a JSON line: {error}"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("raw", nargs="+", type=Path)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--pass", dest="pass_name", default="a")
    parser.add_argument("--annotator", default=None)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    articles = read_articles()
    problems, converted = 0, []
    for path in args.raw:
        for number, raw in read_raw(path):
            if isinstance(raw, RawRecordError):
                problems += 1
                print(f"{path}:{number}: {raw.problems[0]}")
                continue
            try:
                record = convert_raw(raw, articles, pass_name=args.pass_name,
                                     annotator=args.annotator or path.stem)
            except RawRecordError as error:
                for problem in error.problems:
                    problems += 1
                    print(f"{path}:{number} {raw.get('article_id')}: {problem}")
                continue
            converted.append(record)
    if args.check:
        print(f"{len(converted)} articles ok, {problems} problems")
        return 1 if problems else 0
    if args.out:
        with args.out.open("w", encoding="utf-8") as handle:
            for record in converted:
                handle.write(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")
    print(f"{len(converted)} articles written, {problems} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
