"""`realname-precheck check --image`: scans are inspected like the registry would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.commands.example import example_text
from tests import images_factory as f

NAMES = ["good_scan.jpg", "renamed_png.jpg", "tiny.jpg", "text.jpg", "bomb.png", "document.pdf"]


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("check scans")
    f.write_samples(root, NAMES)
    f.save(f.greyscale(f.blurred(f.scan(), 3)), root / "blurred grey.jpg", quality=92)
    return root


def record(tmp_path: Path, **overrides: object) -> Path:
    path = tmp_path / "record.json"
    data = {**json.loads(example_text("individual")), **overrides}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def image_findings(capsys, record_path: Path, *images: Path) -> tuple[int, list[dict]]:
    args = ["check", "--json", "--today", "2026-11-23", str(record_path)]
    for image in images:
        args += ["--image", str(image)]
    code = main(args)
    out = json.loads(capsys.readouterr().out)
    return code, [x for x in out["findings"] if x["code"].startswith("IMAGE_")]


def test_good_scan_raises_nothing(scans: Path, tmp_path: Path, capsys) -> None:
    code, found = image_findings(capsys, record(tmp_path), scans / "good_scan.jpg")
    assert (code, found) == (0, [])


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("renamed_png.jpg", {"IMAGE_EXTENSION_MISMATCH"}),
        ("tiny.jpg", {"IMAGE_TOO_SMALL", "IMAGE_LOW_RESOLUTION"}),
        ("text.jpg", {"IMAGE_UNREADABLE"}),
        ("bomb.png", {"IMAGE_UNREADABLE"}),
        ("document.pdf", {"IMAGE_FORMAT", "IMAGE_MULTI_PAGE"}),
        ("blurred grey.jpg", {"IMAGE_BLURRY", "IMAGE_GRAYSCALE"}),
    ],
)
def test_each_problem_is_reported(
    scans: Path, tmp_path: Path, capsys, name: str, codes: set[str]
) -> None:
    code, found = image_findings(capsys, record(tmp_path), scans / "good_scan.jpg", scans / name)
    assert {x["code"] for x in found} == codes
    assert {tuple(x["fields"]) for x in found} == {("images[1]",)}  # the second scan
    assert all(x["message"] and x["registry_message"] for x in found)
    errors = any(x["severity"] == "error" for x in found)
    assert code == (1 if errors else 0)


def test_record_images_resolve_beside_the_record(scans: Path, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "客户 资料"
    folder.mkdir()
    (folder / "身份证 正面.png").write_bytes((scans / "renamed_png.jpg").read_bytes())
    path = record(folder, images=["身份证 正面.png", "missing.jpg"])
    _, found = image_findings(capsys, path)
    assert [(x["code"], x["fields"]) for x in found] == [
        ("IMAGE_FORMAT", ["images[0]"]),
        ("IMAGE_MISSING", ["images[1]"]),
    ]


@pytest.mark.parametrize(("images", "warned"), [(1, True), (2, False)])
def test_both_sides_for_a_residence_permit(
    scans: Path, tmp_path: Path, capsys, images: int, warned: bool
) -> None:
    path = record(tmp_path, cert_type="GAJZZ", region="HK", cert_number="810000199003071232")
    _, found = image_findings(capsys, path, *[scans / "good_scan.jpg"] * images)
    assert any(x["code"] == "IMAGE_BOTH_SIDES" for x in found) is warned


def test_check_without_images_loads_no_pillow() -> None:
    example = Path(__file__).resolve().parents[2] / "resources" / "examples" / "individual.json"
    code = (
        "import sys, desktop.cli;"
        "desktop.cli.main(['check', '--json', sys.argv[1]]);"
        "sys.exit(1 if 'PIL' in sys.modules else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code, str(example)], capture_output=True)
    assert result.returncode == 0, result.stderr
