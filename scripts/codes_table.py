"""Write the finding-codes table into README.md from resources/messages/ (so it cannot drift).

Usage: python scripts/codes_table.py          # rewrite the table in README.md
       python scripts/codes_table.py --check  # exit 1 when README.md is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core import rules  # noqa: E402

BEGIN, END = "<!-- codes:begin -->", "<!-- codes:end -->"


def table() -> str:
    rows = [
        "| Code | Severity | What it means | Registry message it prevents |",
        "|---|---|---|---|",
    ]
    for code, spec in sorted(rules.messages().items()):
        registry = rules.registry_text(code, "zh") if spec.get("registry") else ""
        rows.append(f"| `{code}` | {spec['severity']} | {_cell(spec['en'])} | {_cell(registry)} |")
    return "\n".join(rows)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def updated(readme: str) -> str:
    head, _, rest = readme.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return f"{head}{BEGIN}\n{table()}\n{END}{tail}"


def main(argv: list[str]) -> int:
    path = ROOT / "README.md"
    current = path.read_text(encoding="utf-8")
    fresh = updated(current)
    if "--check" in argv:
        return 0 if fresh == current else 1
    path.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
