"""The project's YAML data files (word lists, patterns, knowledge), parsed with libyaml's C parser when
PyYAML was built with it: several times faster than the pure-Python one, which every worker process
otherwise pays at start-up. Both accept the same documents and build the same values."""

from __future__ import annotations

from typing import Any

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506 (a safe loader, C or Python)
