"""`linimasa eval`: annotations in, the report out, from a fresh run or from an existing store."""

from __future__ import annotations

from pathlib import Path

from linimasa.config import Settings
from linimasa.evaluation.articles import read_articles
from linimasa.evaluation.gold import AnnotationError, load_gold
from linimasa.evaluation.pairs import load_pairs
from linimasa.evaluation.predictions import read_store, run_articles
from linimasa.evaluation.scores import score


def evaluate(annotations: list[Path], article_files: list[Path] | None = None, pairs: list[Path] = (),
             store=None, settings: Settings | None = None) -> dict:
    """Score linimasa on annotated articles: run it on them, or read what ``store`` holds of them."""
    articles = read_articles(article_files)
    gold = load_gold(annotations, articles)
    pair_list = load_pairs(list(pairs))
    needed = {g.article_id for g in gold} | {p.a for p in pair_list} | {p.b for p in pair_list}
    missing = sorted(i for i in needed if i not in articles)
    if missing:
        raise AnnotationError(f"{len(missing)} paired articles are not in the article files given, e.g. {missing[0]}")
    if store is not None:
        predictions = read_store(store)
        absent = [i for i in needed if i not in predictions.status]
        if absent:
            raise AnnotationError(f"{len(absent)} annotated articles are not in the store, e.g. {absent[0]}: "
                                  "run them into it first, or evaluate without --db")
    else:
        published = {g.article_id: g.published for g in gold}
        predictions = run_articles([articles[i] for i in sorted(needed)], published, settings)
    report = score(gold, predictions, pair_list)
    report["annotations"] = [str(p) for p in annotations]
    report["pairs"] = [str(p) for p in pairs]
    return report


def render_text(report: dict, errors: int = 15) -> str:
    """The report for a reader: scores per type, fields, linking, then the first errors of each kind."""
    lines = [f"linimasa eval: {report['articles']} annotated articles ({', '.join(report['annotations'])})", ""]
    lines.append(f"{'type':<10} {'articles':>8} {'gold':>5} {'found':>5} {'pred':>5} {'right':>5} "
                 f"{'P':>6} {'R':>6} {'F1':>6}")
    for kind, row in report["types"].items():
        if not (row["gold"] or row["predicted"]):
            continue
        lines.append(f"{kind:<10} {row['articles']:>8} {row['gold']:>5} {row['found']:>5} {row['predicted']:>5} "
                     f"{row['correct']:>5} {_f(row['precision'])} {_f(row['recall'])} {_f(row['f1'])}")
    if report.get("other_types_macro_f1") is not None:
        lines.append(f"other types, macro F1: {report['other_types_macro_f1']:.3f}")
    for kind, fields in report["fields"].items():
        shown = ", ".join(f"{name} {v['right']}/{v['of']}" + (f" ({v['accuracy']:.2f})" if v["of"] else "")
                          for name, v in fields.items())
        lines.append(f"fields {kind} (matched primary events): {shown}")
    modality = report["modality"]
    if modality["mentions_reported"]:
        lines.append(f"modality: {modality['mentions_reported']} annotated non-asserted mentions reported as events; "
                     f"not asserted {modality['not_asserted']:.2f}, same modality {modality['exact']:.2f}")
    link = report["linking"]
    if link["same_event_pairs"] or link["hard_negatives"]:
        lines.append(f"linking: same-event pairs sharing an event {link['linked']}/{link['same_event_pairs']}"
                     + (f" ({link['recall']:.2f})" if link["recall"] is not None else "")
                     + f", both sides with events {link['pairs_with_events_on_both_sides']}, with the pair's type "
                       f"{link['pairs_with_the_event_on_both_sides']} (of which linked "
                       f"{link['linked_where_both_sides_have_the_event']}); hard negatives kept "
                       f"apart {link['kept_apart']}/{link['hard_negatives']}"
                     + (f" ({link['separation']:.2f})" if link["separation"] is not None else ""))
    for kind, title in (("misses", "missed"), ("false_positives", "false positives"),
                        ("wrongly_asserted", "reported as happened, annotated otherwise"), ("linking", "linking errors"),
                        ("fields", "wrong fields of matched events")):
        items = report["errors"].get(kind) or []
        if not items or not errors:
            continue
        lines += ["", f"{title} (first {min(errors, len(items))} of {len(items)}):"]
        for item in items[:errors]:
            lines.append("  " + _error_line(item))
    lines.append(f"\n{report['seconds']:.1f} s")
    return "\n".join(lines)


def _f(value: float | None) -> str:
    return f"{value:>6.3f}" if value is not None else f"{'-':>6}"


def _error_line(item: dict) -> str:
    if "field" in item:
        return (f"{item['article_id']}: {item['type']} {item['field']}: annotated {item['annotated']}, "
                f"given {item['given']} \"{(item.get('evidence') or '')[:120]}\"")
    if "a" in item:
        shared = "; ".join(f"{e['type']} {e['date'] or '-'} [{', '.join(e['participants'][:3])}]"
                           for e in item.get("shared") or [])
        return f"{item['kind']}: {item['a']} ~ {item['b']}: {item.get('event', '')}" + (
            f" (shared: {shared})" if shared else "")
    who = ", ".join(item.get("participants") or [])
    what = f"{item['type']}/{item.get('mode') or item.get('annotated') or '-'} {item.get('date') or ''}".strip()
    evidence = item.get("evidence") or ""
    return f"{item['article_id']}: {what} [{who}] \"{evidence[:160]}\""
