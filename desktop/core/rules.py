"""Rule data from resources/: loaded once, looked up by key. A registry change is a data edit."""

from __future__ import annotations

import json
import string
from functools import cache
from typing import Any

from desktop.core.paths import resource_path


@cache
def load(name: str) -> Any:
    """Parse ``resources/<name>.json`` once per process."""
    with resource_path(f"{name}.json").open(encoding="utf-8") as fh:
        return json.load(fh)


@cache
def messages() -> dict[str, dict[str, Any]]:
    """Every finding code's entry, merged from the files in ``resources/messages/``."""
    merged: dict[str, dict[str, Any]] = {}
    for path in sorted(resource_path("messages").glob("*.json")):
        with path.open(encoding="utf-8") as fh:
            for code, spec in json.load(fh).items():
                if code.startswith("_"):
                    continue
                if code in merged:
                    raise ValueError(f"finding code {code} defined twice ({path.name})")
                merged[code] = spec
    return merged


def finding_spec(code: str) -> dict[str, Any]:
    """The data entry of one finding code (severity, registry message key, texts)."""
    try:
        return messages()[code]
    except KeyError:
        raise KeyError(f"finding code {code!r} has no entry in resources/messages/") from None


def default_severity(code: str) -> str:
    return finding_spec(code)["severity"]


class _Params(dict):
    """Template parameters that leave an unknown ``{name}`` visible instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def message_text(code: str, lang: str, params: dict[str, Any]) -> str:
    template = finding_spec(code)[language(lang)]
    shown = {key: _grouped(value) for key, value in params.items()}
    return string.Formatter().vformat(template, (), _Params(shown))


def _grouped(value: Any) -> Any:
    """Large counts read as people write them: 8,216,352 bytes, 1,000,000 (same in Chinese)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10_000:
        return f"{value:,}"
    return value


def registry_text(code: str, lang: str) -> str:
    key = finding_spec(code).get("registry")
    if not key:
        return ""
    return load("registry_messages")[key][language(lang)]


def language(lang: str) -> str:
    """The one language fold: "en" for any English tag ("en", "en_GB"), "zh" otherwise.

    >>> language("en_US"), language("zh_CN"), language("")
    ('en', 'zh', 'zh')
    """
    return "en" if lang.lower().startswith("en") else "zh"


def limits() -> dict[str, Any]:
    """Numeric limits and switches (image window, name lengths, days...)."""
    return load("limits")
