"""Synthetic certificates for the engine tests, drawn by scripts/make_ocr_set.py."""

from __future__ import annotations

import importlib.util
import json
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def make_ocr_set() -> ModuleType:
    """The generator script as a module (needs numpy and pypinyin from the ocr extra)."""
    pytest.importorskip("numpy")
    pytest.importorskip("pypinyin")
    spec = importlib.util.spec_from_file_location("make_ocr_set", ROOT / "scripts/make_ocr_set.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def scans(make_ocr_set: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple]:
    """A few documents as JPEG files: name → (path, truth)."""
    folder = tmp_path_factory.mktemp("scans")
    rng = random.Random(2026)
    made = {
        "id_front": make_ocr_set.id_front(rng),
        "business_licence": make_ocr_set.business_licence(rng),
        "passport": make_ocr_set.passport(rng),
    }
    image, truth = make_ocr_set.id_front(rng)
    made["id_photo"] = (make_ocr_set.photograph(image, rng), truth)
    # the failure classes of real scans (issue 10)
    image, truth = make_ocr_set.id_front(rng)
    made["id_upside_down"] = (image.rotate(180), truth)
    image, truth = make_ocr_set.id_front(rng)
    made["id_lowres"] = (make_ocr_set.low_resolution(image), truth)
    made["licence_sideways"] = make_ocr_set.business_licence(rng, two_column=True)
    made["licence_sideways"] = (made["licence_sideways"][0].rotate(270, expand=True),
                                made["licence_sideways"][1])  # fmt: skip
    made["passport_damaged"] = make_ocr_set.passport(rng, damaged=True)
    out = {}
    for name, (image, truth) in made.items():
        path = folder / f"{name}.jpg"
        image.save(path, quality=90)
        out[name] = (path, truth)
    return out


def fixture_names() -> list[str]:
    return sorted(p.stem for p in FIXTURES.glob("*.json"))


def load_fixture(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
