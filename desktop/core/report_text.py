"""Plain-text report for the terminal: findings grouped by the field they concern."""

from __future__ import annotations

from desktop.core import rules
from desktop.core.findings import Finding, summary

MARK = {"error": "✗", "warning": "!", "info": "i"}


def field_label(name: str, lang: str) -> str:
    """Human name of a record key, e.g. ``cert_number`` → 证件号码 / Certificate number."""
    base, _, index = name.partition("[")
    labels = rules.load("field_labels")
    label = labels.get(base, {}).get(rules.language(lang), base)
    return f"{label} {int(index.rstrip(']')) + 1}" if index else label


def render_text(findings: list[Finding], lang: str = "zh") -> str:
    en = rules.language(lang) == "en"
    if not findings:
        return "Ready to submit: no findings." if en else "可以提交：未发现问题。"
    lines: list[str] = []
    for group, items in _grouped(findings).items():
        lines.append(f"[{field_label(group, lang)}]")
        for f in items:
            lines.append(f"  {MARK[f.severity]} {f.code}: {f.message(lang)}")
            if (registry := f.registry_message(lang)) and f.severity == "error":
                lines.append(("    prevents: " if en else "    避免：") + registry)
            if f.fix is not None:
                lines.append(("    fix: " if en else "    建议改为：") + f.fix)
    lines.append(_summary_line(findings, en))
    return "\n".join(lines)


def _grouped(findings: list[Finding]) -> dict[str, list[Finding]]:
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.fields[0] if f.fields else "record", []).append(f)
    return groups


def _summary_line(findings: list[Finding], en: bool) -> str:
    c = summary(findings)
    if en:
        verdict = "would be rejected" if c["errors"] else "no errors (check the warnings)"
        return f"{_count(c['errors'], 'error')}, {_count(c['warnings'], 'warning')}: {verdict}"
    verdict = "提交会被拒绝" if c["errors"] else "无错误（请查看警告）"
    return f"{c['errors']} 个错误，{c['warnings']} 个警告：{verdict}"


def _count(n: int, noun: str) -> str:
    """English plural: "1 error", "2 errors" (Chinese has none)."""
    return f"{n:,} {noun}" + ("" if n == 1 else "s")
