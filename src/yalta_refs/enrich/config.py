"""The enrichment settings file (TOML), kept small::

    [enrich]
    mailto = "you@example.org"
    sources = ["openlibrary", "loc", "crossref"]
    min_score = 0.85

    [sources.crossref]
    url = "https://api.crossref.org"
    key = "..."

Looked up at ``--config PATH``, else ``$YALTA_REFS_CONFIG``, else
``config.toml`` in the user config directory (``platformdirs``'
``user_config_dir("yalta_refs")``, e.g. ``~/.config/yalta_refs``). A missing
default file is no error; a missing explicit file or a bad value is a
:class:`ConfigError`. ``$YALTA_REFS_MAILTO`` overrides ``mailto``.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError

__all__ = ["EnrichConfig", "default_config_path", "load_config"]


@dataclass(frozen=True)
class EnrichConfig:
    """Settings read from the config file (None: not set there)."""

    mailto: str | None = None
    sources: tuple[str, ...] | None = None
    min_score: float | None = None
    source_options: dict[str, dict[str, str]] = field(default_factory=dict)
    path: str | None = None


def default_config_path() -> Path:
    """``config.toml`` in the user config directory."""
    try:
        from platformdirs import user_config_dir
    except ImportError:  # pragma: no cover - platformdirs is normally present
        base = os.environ.get("XDG_CONFIG_HOME") or os.path.expanduser("~/.config")
        return Path(base) / "yalta_refs" / "config.toml"
    return Path(user_config_dir("yalta_refs")) / "config.toml"


def _table(data: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"[{key}] must be a table", file=where)
    return value


def _parse(data: dict[str, Any], where: str) -> EnrichConfig:
    section = _table(data, "enrich", where)
    mailto = section.get("mailto")
    sources = section.get("sources")
    min_score = section.get("min_score")
    if mailto is not None and not isinstance(mailto, str):
        raise ConfigError("enrich.mailto must be a string", file=where)
    if isinstance(sources, str):
        sources = [s.strip() for s in sources.split(",") if s.strip()]
    if sources is not None and not (isinstance(sources, list)
                                    and all(isinstance(s, str) for s in sources)):
        raise ConfigError("enrich.sources must be a list of names", file=where)
    if min_score is not None and (isinstance(min_score, bool)
                                  or not isinstance(min_score, int | float)
                                  or not 0 <= min_score <= 1):
        raise ConfigError("enrich.min_score must be a number between 0 and 1", file=where)
    options: dict[str, dict[str, str]] = {}
    for name, table in _table(data, "sources", where).items():
        if not isinstance(table, dict) or not all(
                k in {"url", "key"} and isinstance(v, str) for k, v in table.items()):
            raise ConfigError(f"[sources.{name}] takes url and key strings", file=where)
        options[name] = dict(table)
    return EnrichConfig(mailto, tuple(sources) if sources is not None else None,
                        float(min_score) if min_score is not None else None, options, where)


def load_config(path: str | os.PathLike[str] | None = None) -> EnrichConfig:
    """Read the settings file (see the module docstring); empty settings when there is none."""
    explicit = path if path is not None else os.environ.get("YALTA_REFS_CONFIG") or None
    target = Path(explicit) if explicit is not None else default_config_path()
    if not target.is_file():
        if explicit is not None:
            raise ConfigError("config file not found", file=str(target))
        config = EnrichConfig()
    else:
        try:
            data = tomllib.loads(target.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config: {exc}", file=str(target)) from exc
        config = _parse(data, str(target))
    env_mailto = os.environ.get("YALTA_REFS_MAILTO")
    if env_mailto:
        config = EnrichConfig(env_mailto, config.sources, config.min_score,
                              config.source_options, config.path)
    return config
