"""Scan reading on real public certificate images (``../shared/ocr-real``, see its README).

The images are other people's files and are not in this repository: the tests skip when the
folder is absent (set ``REALNAME_OCR_REAL`` to read them from elsewhere). The floor asserted
is the one of issue 10: no false alarm, kind ≥ 14/15, name ≥ 11/13, number ≥ 11/12. Each image
is read once per session (about 15 s in all on two cores).
"""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

import pytest

from desktop.core import record as records
from desktop.core.ocr import engine, scan
from desktop.core.ocr.crosscheck import crosscheck

ROOT = Path(__file__).resolve().parents[3]
FOLDER = Path(os.environ.get("REALNAME_OCR_REAL", ROOT.parent / "shared" / "ocr-real"))
TODAY = date(2026, 12, 2)
pytestmark = [
    pytest.mark.skipif(not engine.available(), reason="the ocr extra is not installed"),
    pytest.mark.skipif(not FOLDER.is_dir(), reason=f"no real images in {FOLDER}"),
]


def truths() -> list[dict]:
    return [
        json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(FOLDER.glob("*.json"))
        if (FOLDER / json.loads(p.read_text(encoding="utf-8")).get("file", "-")).is_file()
    ]


@pytest.fixture(scope="module")
def results() -> list[tuple[dict, object, list]]:
    """(truth, reading, OCR_* findings on the record typed to match) for every image."""
    out = []
    for truth in truths():
        reading = scan.read_scan(FOLDER / truth["file"])
        record = records.from_dict(dict(truth["record"], images=[truth["file"]]))
        found = [f for f in crosscheck(record, {0: reading}, TODAY) if f.code.startswith("OCR_")]
        out.append((truth, reading, found))
    return out


def scored(truth: dict, field: str) -> bool:
    return truth.get(field) is not None and field not in truth.get("uncertain", [])


def name_ok(got: str, truth: dict) -> bool:
    def tidy(text: str) -> str:
        return re.sub(r"\s", "", text).replace("（", "(").replace("）", ")").replace("•", "·")

    def latin(text: str) -> list[str]:
        return sorted(re.findall(r"[A-Z]+", text.upper()))

    wants = [truth["name"], *truth.get("name_alternatives", [])]
    return any(
        tidy(got) == tidy(w) or (re.search("[A-Za-z]", w) and latin(got) == latin(w)) for w in wants
    )


def justified(finding, truth: dict) -> bool:
    """The document itself justifies the finding (the record was typed to match it)."""
    if finding.code == "OCR_EXPIRED":
        expiry = truth.get("expiry")
        return "expiry" in truth.get("uncertain", []) or bool(
            expiry and expiry != "长期" and date.fromisoformat(expiry) < TODAY
        )
    if finding.code == "OCR_ID_BACK_SIDE":
        return truth["kind"] == "id_back"
    if finding.code == "OCR_UNREADABLE":
        what = finding.params.get("what_en", "")
        return not any(scored(truth, w) for w in ("name", "number") if w in what)
    return False


def test_no_false_alarms(results) -> None:
    alarms = [
        (truth["file"], f.code, f.params)
        for truth, _, found in results
        for f in found
        if f.severity in ("error", "warning") and not justified(f, truth)
    ]
    assert alarms == []


def test_document_kind(results) -> None:
    wrong = [(t["file"], r.kind) for t, r, _ in results if r.kind != t["kind"]]
    assert len(results) - len(wrong) >= 14, wrong


def test_names(results) -> None:
    legible = [(t, r) for t, r, _ in results if scored(t, "name")]
    wrong = [(t["file"], r.name and r.name.text) for t, r in legible]
    wrong = [
        w
        for (t, r), w in zip(legible, wrong, strict=True)
        if not (r.name and name_ok(r.name.text, t))
    ]
    assert len(legible) - len(wrong) >= 11, wrong


def test_numbers(results) -> None:
    legible = [(t, r) for t, r, _ in results if scored(t, "number")]

    def same(a: str, b: str) -> bool:
        return re.sub(r"[\s\-]", "", a.upper()) == re.sub(r"[\s\-]", "", b.upper())

    wrong = [(t["file"], r.number and r.number.text) for t, r in legible
             if not (r.number and same(r.number.text, t["number"]))]  # fmt: skip
    assert len(legible) - len(wrong) >= 11, wrong


def test_turned_scans_are_read_upright_and_reported(results) -> None:
    for truth, reading, _ in results:
        turned = any(re.search(r"rotated|upside-down", c) for c in truth.get("conditions", []))
        assert bool(reading.rotation) == turned, truth["file"]
        if turned:
            assert reading.rotation_certain, truth["file"]
