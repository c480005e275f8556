"""Sample files for the scan tests, generated once per session (nothing is downloaded)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PIL import Image

from tests import images_factory as f
from tests.images_factory import CONVERTIBLE, UNREADABLE

__all__ = ["CONVERTIBLE", "UNREADABLE", "digest", "reference"]


def reference(path: Path) -> Image.Image:
    return f.reference_picture(path)


@pytest.fixture(scope="session")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with one file of every kind (see CONVERTIBLE and UNREADABLE)."""
    return f.write_samples(tmp_path_factory.mktemp("scans"))


@pytest.fixture(scope="session")
def photo_12mp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 4032×3024 phone photo of a card (JPEG q92, about 4 MB), generated once."""
    path = tmp_path_factory.mktemp("photo") / "IMG_0001.jpg"
    return f.save(f.photo(), path, quality=92)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
