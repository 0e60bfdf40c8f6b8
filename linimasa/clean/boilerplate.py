"""Known widget and navigation lines of Indonesian news sites, and "Baca juga" related-article links.

The lists live in ``boilerplate_id.yaml``; this module only compiles and applies them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from linimasa import yamldata
from linimasa.clean.text import normalise_line

DATA_FILE = Path(__file__).with_name("boilerplate_id.yaml")
MAX_WIDGET_CHARS = 300  # widget lines are short; longer lines are prose (or scripts, found by marker)


@dataclass(frozen=True)
class BoilerplateList:
    exact_lines: frozenset[str]
    pattern: re.Pattern  # every listed pattern, as one alternation
    related_link_label: re.Pattern  # every listed label, as one alternation
    script_marker: re.Pattern  # any listed script marker
    inline_related_link: re.Pattern  # "(Baca: ...)" closing a paragraph

    def is_widget(self, line: str, normal: str | None = None) -> bool:
        """Whether a whole line is a known widget, navigation or promotion line.

        ``normal`` is the line's :func:`normalise_line` form when the caller has it.
        """
        normal = normalise_line(line) if normal is None else normal
        if normal in self.exact_lines or self.script_marker.search(normal):
            return True
        return len(normal) <= MAX_WIDGET_CHARS and self.pattern.fullmatch(normal) is not None

    def related_link(self, line: str) -> str | None:
        """The linked article's title when the line is a "Baca juga" link ("" for a bare label), else None."""
        match = self.related_link_label.match(line)
        return line[match.end():].strip() if match else None

    def closing_related_link(self, paragraph: str) -> re.Match | None:
        """A bracketed "(Baca: title)" ending a paragraph; its ``title`` group is the linked headline."""
        return self.inline_related_link.search(paragraph) if paragraph.endswith(")") else None


@functools.cache
def load_boilerplate(path: Path = DATA_FILE) -> BoilerplateList:
    data = yamldata.safe_load(path.read_text(encoding="utf-8"))
    return BoilerplateList(
        exact_lines=frozenset(normalise_line(line) for line in data["exact_lines"]),
        pattern=re.compile("|".join(f"(?:{p})" for p in data["patterns"])),
        related_link_label=re.compile(
            r"\s*(?:" + "|".join(f"(?:{label})" for label in data["related_link_labels"]) + r")\s*", re.IGNORECASE
        ),
        script_marker=re.compile("|".join(map(re.escape, data["script_markers"]))),
        inline_related_link=re.compile(data["inline_related_link"], re.IGNORECASE),
    )
