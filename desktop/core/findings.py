"""Findings: what a check reports. Structured data only; text comes from resources/messages.json."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from desktop.core import rules


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}  # the one ranking


def worst(findings: Iterable[Finding], default: str = "") -> str:
    """The most severe level among ``findings`` ("error", "warning", "info"), or ``default``.

    >>> worst([make("NAME_MISSING", "name_zh")]), worst([], default="ok")
    ('error', 'ok')
    """
    levels = [f.severity for f in findings]
    return str(min(levels, key=SEVERITY_ORDER.__getitem__)) if levels else default


def outcome(findings: Iterable[Finding]) -> str:
    """The verdict level: "error", "warning" or "ok" (infos alone are "ok").

    >>> outcome([make("NAME_MISSING", "name_zh")]), outcome([])
    ('error', 'ok')
    """
    level = worst(findings, default="ok")
    return "ok" if level == Severity.INFO else level


LANGS = ("zh", "en")


@dataclass(frozen=True)
class Finding:
    """One reason the registry would reject (or might delay) a submission.

    ``fields`` names the record keys concerned (``images[0]`` for a scan); ``fix`` is a safe
    corrected value for ``fields[0]`` when one exists; ``params`` fill the message template.
    """

    code: str
    severity: Severity
    fields: tuple[str, ...]
    params: dict[str, Any] = field(default_factory=dict)
    fix: str | None = None

    def message(self, lang: str = "zh") -> str:
        """The message in ``lang`` ("zh" or "en"): what is wrong and what to do."""
        return rules.message_text(self.code, lang, self.params)

    def registry_message(self, lang: str = "zh") -> str:
        """The registry's own wording this finding prevents ("" when none applies)."""
        return rules.registry_text(self.code, lang)

    def to_json(self, lang: str = "zh") -> dict[str, Any]:
        """The public JSON shape (see README): keys are a contract, never rename them."""
        return {
            "code": self.code,
            "severity": str(self.severity),
            "fields": list(self.fields),
            "message": self.message(lang),
            "registry_message": self.registry_message(lang),
            "fix": self.fix,
            "params": {k: _jsonable(v) for k, v in self.params.items()},
        }


def _jsonable(value: Any) -> Any:
    return value if isinstance(value, str | int | float | bool | type(None)) else str(value)


def make(
    code: str,
    fields: str | Iterable[str],
    *,
    fix: str | None = None,
    severity: Severity | str | None = None,
    **params: Any,
) -> Finding:
    """Create a finding; its severity comes from the rule data unless overridden."""
    names = (fields,) if isinstance(fields, str) else tuple(fields)
    level = Severity(severity) if severity else rules.default_severity(code)
    return Finding(code, level, names, params, fix)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Errors first, then warnings, then info; stable within a level."""
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])


def summary(findings: Iterable[Finding]) -> dict[str, int]:
    counts = {"errors": 0, "warnings": 0, "infos": 0}
    for f in findings:
        key = {"error": "errors", "warning": "warnings"}.get(f.severity, "infos")
        counts[key] += 1
    return counts
