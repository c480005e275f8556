"""Real recognition on generated scans (skipped when the ocr extra is not installed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from desktop.cli import main
from desktop.core.ocr import engine, scan

ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.skipif(not engine.available(), reason="the ocr extra is not installed")


def test_reads_name_and_number_of_a_clean_id_card(scans) -> None:
    path, truth = scans["id_front"]
    reading = scan.read_scan(path)
    assert reading.kind == "id_front"
    assert reading.name.text == truth.name
    assert (reading.number.text, reading.number.verified) == (truth.number, True)


def test_reads_a_photographed_card(scans) -> None:
    path, truth = scans["id_photo"]
    reading = scan.read_scan(path)
    assert (reading.kind, reading.name.text, reading.number.text) == (
        "id_front",
        truth.name,
        truth.number,
    )


def test_reads_a_passport_and_checks_its_machine_readable_zone(scans) -> None:
    path, truth = scans["passport"]
    reading = scan.read_scan(path)
    assert reading.kind == "passport"
    assert (reading.number.text, reading.number.verified) == (truth.number, True)
    assert (reading.expiry_date.isoformat(), reading.dates_verified) == (truth.expiry_date, True)


def test_reads_a_business_licence(scans) -> None:
    path, truth = scans["business_licence"]
    reading = scan.read_scan(path)
    assert reading.kind == "business_licence"
    assert (reading.number.text, reading.number.verified) == (truth.number, True)
    assert reading.name.text.replace("（", "(").replace("）", ")") == truth.company.replace(
        "（", "("
    ).replace("）", ")")


def test_exif_orientation_is_applied_before_reading(scans, tmp_path: Path) -> None:
    path, truth = scans["id_front"]
    exif = Image.Exif()
    exif[0x0112] = 6  # stored turned: viewers rotate it 90° clockwise
    turned = tmp_path / "turned.jpg"
    Image.open(path).rotate(90, expand=True).save(turned, exif=exif, quality=90)
    reading = scan.read_scan(turned)
    assert (reading.name.text, reading.number.text) == (truth.name, truth.number)
    assert reading.name.box[3] < 638  # boxes are in the upright image


def test_loading_and_reading_open_no_network_connection(scans) -> None:
    path, truth = scans["id_front"]
    program = (
        "import socket\n"
        "def refuse(*args, **kwargs):\n"
        "    raise AssertionError('network connection attempted')\n"
        "socket.socket.connect = socket.socket.connect_ex = refuse\n"
        "socket.create_connection = socket.getaddrinfo = refuse\n"
        "from desktop.core.ocr import scan\n"
        f"print(scan.read_scan({str(path)!r}).number.text)\n"
    )
    done = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == truth.number


def test_loading_writes_nothing_in_the_profile(scans, tmp_path: Path) -> None:
    """onnxruntime's telemetry queue (device id, program path) must never be written or sent."""
    path, _ = scans["id_front"]
    homes = ("HOME", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "XDG_CACHE_HOME", "XDG_CONFIG_HOME")
    env = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
    env.update(dict.fromkeys(homes, str(tmp_path)))
    program = f"from desktop.core.ocr import scan; scan.read_scan({str(path)!r})"
    done = subprocess.run([sys.executable, "-c", program], cwd=ROOT, env=env, capture_output=True)
    assert done.returncode == 0, done.stderr
    assert list(tmp_path.rglob("*")) == []


def test_a_missing_model_is_a_clear_error_never_a_download(tmp_path: Path) -> None:
    with pytest.raises(engine.OcrUnavailable, match="model missing"):
        engine.model_files(tmp_path)
    with pytest.raises(engine.OcrUnavailable, match="model missing"):
        engine.Engine({"Det": tmp_path / "det.onnx", "Rec": tmp_path / "rec.onnx"})


def test_an_unreadable_file_is_a_scan_error(tmp_path: Path) -> None:
    bad = tmp_path / "scan.jpg"
    bad.write_bytes(b"not an image")
    with pytest.raises(scan.ScanError, match="cannot be read") as caught:
        scan.read_scan(bad)
    assert caught.value.code == "IMAGE_UNREADABLE"


def test_check_ocr_highlights_a_look_alike_character(scans, tmp_path: Path, capsys) -> None:
    path, truth = scans["id_front"]
    record = {**truth.record, "images": [str(path)]}
    record["name_zh"] = "己" + truth.name[1:] if truth.name[0] != "己" else "已" + truth.name[1:]
    (tmp_path / "r.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    code = main(["check", str(tmp_path / "r.json"), "--ocr", "--json", "--today", "2026-06-01"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    mismatch = [f for f in findings if f["code"] == "OCR_NAME_MISMATCH"]
    assert code == 1
    assert mismatch and mismatch[0]["fields"] == ["name_zh", "images[0]"]
    assert mismatch[0]["params"]["scan_marked"] == f"【{truth.name[0]}】{truth.name[1:]}"


def test_still_available_while_another_thread_imports_opencv(monkeypatch) -> None:
    """cv2's loader puts its native module, without ``__spec__``, in sys.modules for a moment:
    a worker asking then must not be told the extra is missing (issue 12, merge preview)."""
    import types

    monkeypatch.setitem(sys.modules, "cv2", types.ModuleType("cv2"))  # __spec__ is None
    assert engine.available()
