"""Settings from a TOML file (`--config linimasa.toml`, or `$LINIMASA_CONFIG`).

Top-level keys are the fields of :class:`~linimasa.config.Settings`; a ``[stages.NAME]`` table holds the
options of stage NAME (the fields of the options dataclass :mod:`linimasa.stages` declares for it), and the ``[limits]`` table the bounds on
inputs and text (:class:`~linimasa.limits.Limits`). What the file does not set keeps its
default, so an empty file is the defaults. A key linimasa does not know, a value of the wrong kind or a
stage that does not exist is an error naming the key and the file: a misspelt setting must not be
silently ignored. Paths in stage options are read relative to the file's folder. See
docs/configuration.md.
"""

from __future__ import annotations

import dataclasses
import tomllib
import types
import typing
from pathlib import Path
from typing import Any

from .config import Settings
from .limits import DEFAULT_LIMITS, LIMIT_NAMES, LIMIT_RANGES, Limits
from .stages import CORPUS, EXTRACT, PREPARE, STAGES

# Tables of the file read apart from the top-level keys: [stages.NAME] (Settings.options) and [limits].
TABLES = ("stages", "limits")
# Settings fields that count things and must be at least this.
MINIMUM = {"workers": 1, "chunk_size": 1}
# Which stage names each stage list may hold: per-article stages in the first two, corpus stages in the last.
# (The near-duplicate stage is switched by ``near_duplicates``: it runs where it must, between the two.)
_ARTICLE_STAGES = tuple(name for name, spec in STAGES.items() if spec.kind in (PREPARE, EXTRACT))
STAGE_LISTS = {"prepare": _ARTICLE_STAGES, "extract": _ARTICLE_STAGES,
               "corpus": tuple(name for name, spec in STAGES.items() if spec.kind == CORPUS)}
# The kinds of option value, by the type of the options dataclass's field (None allowed: the stage's default).
_KINDS = {int: "int", float: "float", bool: "bool", Path: "path", tuple[Path, ...]: "paths", bool | Path: "bool_or_path"}


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names the file and the key."""


def load_settings(path: str | Path) -> Settings:
    """The settings a TOML file gives, over the defaults."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"cannot read the configuration file {path}: {exc.strerror or exc}") from None
    return settings_from_table(data, path)


def settings_from_table(data: dict[str, Any], path: Path) -> Settings:
    """The settings a parsed configuration table gives (``path`` names the file in errors and anchors
    relative paths)."""
    hints = typing.get_type_hints(Settings)
    fields = [f.name for f in dataclasses.fields(Settings) if f.name not in ("options", "limits")]
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key in TABLES:
            continue
        if key not in fields:
            raise ConfigError(f"{path}: unknown key '{key}' (the keys are: {', '.join(fields)}; [stages.NAME] "
                              "tables for the options of a stage, and a [limits] table)")
        values[key] = _field_value(key, value, hints[key], path)
    stages = data.get("stages", {})
    if not isinstance(stages, dict):
        raise ConfigError(f"{path}: 'stages' must be a table of [stages.NAME] tables, one per stage")
    values["options"] = {name: _stage_options(name, options, path) for name, options in stages.items()}
    values["limits"] = _limits(data.get("limits", {}), path)
    return Settings(**values)


def _limits(table: Any, path: Path) -> Limits:
    """The [limits] table: each a number in its range (:data:`~linimasa.limits.LIMIT_RANGES`), the rest as
    shipped."""
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: 'limits' must be a table ([limits]) of limits")
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in LIMIT_RANGES:
            raise ConfigError(f"{path}: unknown limit '{key}' in [limits] (the limits are: {', '.join(LIMIT_NAMES)})")
        whole = isinstance(getattr(DEFAULT_LIMITS, key), int)
        if isinstance(value, bool) or not isinstance(value, int if whole else (int, float)):
            raise ConfigError(f"{path}: 'limits.{key}' must be {'a whole number' if whole else 'a number'}, "
                              f"not {value!r}")
        low, high = LIMIT_RANGES[key]
        if value < low or (high is not None and value > high):
            within = f"from {low:g} to {high:g}" if high is not None else f"at least {low:g}"
            raise ConfigError(f"{path}: 'limits.{key}' must be {within}, not {value}")
        values[key] = value if whole else float(value)
    return Limits(**values)


def _field_value(key: str, value: Any, hint: Any, path: Path) -> Any:
    if key in STAGE_LISTS:
        names = _strings(key, value, path)
        unknown = [name for name in names if name not in STAGE_LISTS[key]]
        if unknown:
            raise ConfigError(f"{path}: '{key}' names no stage '{unknown[0]}' (the stages are: "
                              f"{', '.join(STAGE_LISTS[key])})")
        return names
    kinds = {arg for arg in typing.get_args(hint) if arg is not type(None)} or {hint}
    if kinds == {bool}:
        if not isinstance(value, bool):
            raise ConfigError(f"{path}: '{key}' must be true or false, not {value!r}")
        return value
    if kinds == {int}:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{path}: '{key}' must be a whole number, not {value!r}")
        if key in MINIMUM and value < MINIMUM[key]:
            raise ConfigError(f"{path}: '{key}' must be at least {MINIMUM[key]}, not {value}")
        return value
    if typing.get_origin(hint) is tuple:
        return _strings(key, value, path)
    raise ConfigError(f"{path}: '{key}' cannot be set from a file")


def _strings(key: str, value: Any, path: Path) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{path}: '{key}' must be a list of strings, e.g. {key} = [\"...\"]")
    return tuple(value)


def stage_option_kinds(stage: str) -> dict[str, str]:
    """The options stage ``stage`` takes, each with the kind of value (int, float, bool, path, paths,
    bool_or_path), from the field types of its declared options dataclass."""
    declared = STAGES[stage].options
    if declared is None:
        return {}
    hints = typing.get_type_hints(declared)
    kinds = {}
    for option in dataclasses.fields(declared):
        hint = hints[option.name]
        if typing.get_origin(hint) is typing.Union or isinstance(hint, types.UnionType):
            kept = [arg for arg in typing.get_args(hint) if arg is not type(None)]
            hint = kept[0] if len(kept) == 1 else hint
        kinds[option.name] = _KINDS[hint]
    return kinds


def _stage_options(stage: str, options: Any, path: Path) -> dict[str, Any]:
    if stage not in STAGES:
        raise ConfigError(f"{path}: [stages.{stage}] names no stage (the stages are: {', '.join(STAGES)})")
    if not isinstance(options, dict):
        raise ConfigError(f"{path}: 'stages.{stage}' must be a table ([stages.{stage}]) of that stage's options")
    known = stage_option_kinds(stage)
    read: dict[str, Any] = {}
    for key, value in options.items():
        if key not in known:
            takes = f"its options are: {', '.join(known)}" if known else "it takes no options"
            raise ConfigError(f"{path}: unknown option '{key}' in [stages.{stage}] ({takes})")
        read[key] = _option_value(f"stages.{stage}.{key}", value, known[key], path)
    return read


def _option_value(key: str, value: Any, kind: str, path: Path) -> Any:
    base = path.resolve().parent
    if kind == "int" and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind == "float" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if kind == "bool" and isinstance(value, bool):
        return value
    if kind == "path" and isinstance(value, str):
        return base / value
    if kind == "paths" and isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(base / item for item in value)
    if kind == "bool_or_path" and isinstance(value, bool):
        return value
    if kind == "bool_or_path" and isinstance(value, str):  # a model file: refused now, not mid-run
        model = base / value
        if not model.is_file():
            raise ConfigError(f"{path}: '{key}' names the model file {model}, which does not exist: give the path of "
                              "a model file (relative to this file), true for the shipped model or false for none")
        return model
    wanted = {"int": "a whole number", "float": "a number", "bool": "true or false", "path": "a path (a string)",
              "paths": "a list of paths", "bool_or_path": "true, false or a path"}[kind]
    raise ConfigError(f"{path}: '{key}' must be {wanted}, not {value!r}")
