"""The edition with scan reading (``REALNAME_BUILD_OCR=1``): its CLI reads a generated ID card.

The engine, ONNX Runtime and the PP-OCR models must all be inside the folder and work offline: a
record typed to match the card passes, one look-alike character in the name is OCR_NAME_MISMATCH
on ``name_zh``, and reading connects nowhere (rapidocr downloads a model it cannot find) and leaves
nothing in the user's profile. On Linux the whole folder stays within issue 10's size budget.
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from desktop.core import rules
from desktop.core.ocr.compare import look_alikes
from tests.frozen.conftest import CLI_NAME, EXE_SUFFIX, ROOT

pytestmark = pytest.mark.slow
TODAY = "2026-06-01"  # the generator's reference date: its cards are valid then
STRACE = shutil.which("strace") if sys.platform.startswith("linux") else None
# System calls that reach another process or machine. Creating a socket alone is no traffic:
# urllib3 (imported by rapidocr) binds one to ::1 at import to learn whether IPv6 works.
TRAFFIC = re.compile(r"^\d+\s+(connect|sendto|sendmsg|sendmmsg|listen|accept4?)\(", re.MULTILINE)
MIB = 1024 * 1024
OCR_BUDGET_MIB = 400  # the whole folder, regular files (symbolic links not counted twice)


@pytest.fixture(scope="module")
def ocr_cli(frozen_ocr_dir: Path) -> Path:
    return frozen_ocr_dir / f"{CLI_NAME}{EXE_SUFFIX}"


@pytest.fixture(scope="module")
def id_card(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """A generated ID card (photo side) and a complete record that matches it.

    The holder's name has a character with look-alikes in ``resources/confusables_zh.json``.
    """
    generator = _generator()
    rng = random.Random(2026)
    cards = (generator.id_front(rng) for _ in range(100))
    image, truth = next((i, t) for i, t in cards if any(look_alikes(c) for c in t.name))
    path = tmp_path_factory.mktemp("ocr") / "id_front.jpg"
    image.save(path, quality=90)
    example = json.loads((ROOT / "resources/examples/individual.json").read_text("utf-8"))
    name_en = " ".join(part.title() for part in generator.romanised(truth.name))
    return path, {**example, **truth.record, "name_en": name_en}


def _generator() -> ModuleType:
    """scripts/make_ocr_set.py as a module (it needs numpy and pypinyin from the ocr extra)."""
    if "make_ocr_set" in sys.modules:
        return sys.modules["make_ocr_set"]
    pytest.importorskip("numpy")
    pytest.importorskip("pypinyin")
    spec = importlib.util.spec_from_file_location("make_ocr_set", ROOT / "scripts/make_ocr_set.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def with_look_alike(name: str) -> str:
    """``name`` with its first character that has look-alikes replaced by one of them."""
    at = next(i for i, char in enumerate(name) if look_alikes(char))
    return name[:at] + min(look_alikes(name[at])) + name[at + 1 :]


def check(cli: Path, record: dict, card: Path, folder: Path, prefix=(), env=None):
    """``realname-precheck check --ocr --json`` on ``record`` with ``card`` as its scan."""
    path = folder / "record.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    args = ["check", "--ocr", "--json", "--lang", "en", "--today", TODAY, "--image", str(card)]
    return subprocess.run([*prefix, str(cli), *args, str(path)], capture_output=True, text=True,
                          encoding="utf-8", timeout=120, env=env)  # fmt: skip


def findings(result: subprocess.CompletedProcess[str]) -> list[dict]:
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)["findings"]


def assert_look_alike_found(result: subprocess.CompletedProcess[str], record: dict) -> None:
    found = findings(result)
    assert [f["code"] for f in found] == ["OCR_NAME_MISMATCH"], result.stdout
    params = found[0]["params"]
    assert found[0]["fields"] == ["name_zh", "images[0]"]
    assert params["typed_value"] == with_look_alike(params["scan_value"]) == record["name_zh"]
    assert rules.load("ocr_documents")["reasons"]["look_alike"]["en"] in params["reasons_en"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the budget is Linux's")
def test_the_folder_stays_within_its_size_budget(frozen_ocr_dir: Path) -> None:
    """Issue 10: at most 400 MiB (build.spec's issue-10 block says what is left out, and why)."""
    files = [p for p in frozen_ocr_dir.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(p.stat().st_size for p in files)
    largest = sorted(files, key=lambda p: -p.stat().st_size)[:5]
    listing = ", ".join(f"{p.name} {p.stat().st_size / MIB:.1f}" for p in largest)
    assert total <= OCR_BUDGET_MIB * MIB, f"{total / MIB:.1f} MiB; largest (MiB): {listing}"


def test_the_models_are_in_the_folder(frozen_ocr_dir: Path) -> None:
    models = {p.name for p in (frozen_ocr_dir / "_internal" / "rapidocr" / "models").glob("*.onnx")}
    assert any("det" in name for name in models) and any("rec" in name for name in models)


def test_a_record_matching_the_card_passes(ocr_cli: Path, id_card, tmp_path: Path) -> None:
    card, record = id_card
    result = check(ocr_cli, record, card, tmp_path)
    assert [f["code"] for f in findings(result)] == []
    assert result.returncode == 0 and json.loads(result.stdout)["ok"] is True


def test_a_look_alike_character_in_the_name_is_found(ocr_cli: Path, id_card, tmp_path) -> None:
    card, record = id_card
    typed = {**record, "name_zh": with_look_alike(record["name_zh"])}
    result = check(ocr_cli, typed, card, tmp_path)
    assert result.returncode == 1
    assert_look_alike_found(result, typed)


@pytest.mark.skipif(STRACE is None, reason="needs Linux and strace to see every connection")
def test_reading_connects_nowhere(ocr_cli: Path, id_card, tmp_path: Path) -> None:
    """Every process and thread traced: no connection, no datagram, no listening socket."""
    card, record = id_card
    typed = {**record, "name_zh": with_look_alike(record["name_zh"])}
    trace = tmp_path / "network.trace"
    prefix = [STRACE, "--seccomp-bpf", "-f", "-qq", "-e", "trace=%network", "-o", str(trace)]
    result = check(ocr_cli, typed, card, tmp_path, prefix=prefix)
    assert_look_alike_found(result, typed)  # the scan was really read
    assert not TRAFFIC.findall(trace.read_text(encoding="utf-8")), trace.read_text("utf-8")


def test_reading_leaves_nothing_in_the_profile(ocr_cli: Path, id_card, tmp_path: Path) -> None:
    """A fresh home folder stays empty: no settings, caches or telemetry queues."""
    card, record = id_card
    profile = tmp_path / "profile"
    profile.mkdir()
    homes = ("HOME", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "XDG_CACHE_HOME",
             "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
    env.update(dict.fromkeys(homes, str(profile)))
    work = tmp_path / "work"
    work.mkdir()
    result = check(ocr_cli, record, card, work, env=env)
    assert findings(result) == []
    assert sorted(p.relative_to(profile).as_posix() for p in profile.rglob("*")) == []
