"""`realname-precheck convert`: outputs, JSON shape, batches, refusals and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from tests import images_factory as f

JSON_KEYS = {"input", "output", "format", "bytes", "width", "height", "quality", "scale"}
NAMES = [
    "good_scan.jpg",
    "营业执照 副本.png",
    "photo.heic",
    "document.pdf",
    "rotated_gps.jpg",
    "text.jpg",
    "truncated.jpg",
    "empty.jpg",
    "bomb.png",
]


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return f.write_samples(tmp_path_factory.mktemp("cli scans"), NAMES)


def convert(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["convert", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lists_every_input_in_order(scans: Path, tmp_path: Path, capsys) -> None:
    inputs = [scans / n for n in ("营业执照 副本.png", "text.jpg", "photo.heic", "document.pdf")]
    code, out, err = convert(
        capsys, *inputs, "--out-dir", tmp_path / "out", "--json", "--lang", "en"
    )
    listing = json.loads(out)
    assert code == 2  # one input could not be read
    assert [Path(item["input"]).name for item in listing] == [p.name for p in inputs]
    good = [item for item in listing if item["output"]]
    assert len(good) == 3
    for item in good:
        assert set(item) >= JSON_KEYS and item["format"] == "JPEG"
        assert 56_320 <= item["bytes"] <= 1_000_000
        assert Path(item["output"]).read_bytes()[:3] == b"\xff\xd8\xff"
    assert Path(listing[0]["output"]).name == "营业执照 副本_cnnic.jpg"
    assert listing[3]["notes"] == ["MULTI_PAGE"] and listing[3]["messages"]
    assert listing[1]["error"] == "IMAGE_UNREADABLE" and listing[1]["output"] is None
    assert "text.jpg" in err and "Traceback" not in err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        Path(item["output"]).name for item in good
    )


def test_default_output_beside_the_input(scans: Path, tmp_path: Path, capsys) -> None:
    source = tmp_path / "身份证 正面.jpg"
    source.write_bytes((scans / "rotated_gps.jpg").read_bytes())
    code, out, _ = convert(capsys, source)
    assert code == 0
    assert (tmp_path / "身份证 正面_cnnic.jpg").is_file()
    assert "身份证 正面_cnnic.jpg" in out and "JPEG" in out


def test_bmp_by_option_or_by_output_name(scans: Path, tmp_path: Path, capsys) -> None:
    for args in (["--to", "bmp", "-o", tmp_path / "a.bmp"], ["-o", tmp_path / "b.bmp"]):
        code, out, _ = convert(capsys, scans / "good_scan.jpg", *args, "--json")
        (item,) = json.loads(out)
        assert code == 0 and item["format"] == "BMP" and item["quality"] is None
        assert Path(item["output"]).read_bytes()[:2] == b"BM"


@pytest.mark.parametrize("name", ["text.jpg", "truncated.jpg", "empty.jpg", "bomb.png"])
def test_unreadable_input_exits_two_and_writes_nothing(
    scans: Path, tmp_path: Path, capsys, name: str
) -> None:
    code, out, err = convert(capsys, scans / name, "--out-dir", tmp_path, "--lang", "en")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and f'Scan "{name}" cannot be read' in err
    assert list(tmp_path.iterdir()) == []


def test_existing_output_is_kept_without_force(scans: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "out.jpg"
    target.write_bytes(b"keep")
    code, _, err = convert(capsys, scans / "good_scan.jpg", "-o", target)
    assert code == 2 and "已存在" in err and target.read_bytes() == b"keep"
    code, _, _ = convert(capsys, scans / "good_scan.jpg", "-o", target, "--force")
    assert code == 0 and target.read_bytes()[:3] == b"\xff\xd8\xff"


def test_output_onto_the_input_is_refused(scans: Path, tmp_path: Path, capsys) -> None:
    source = tmp_path / "scan.jpg"
    source.write_bytes((scans / "good_scan.jpg").read_bytes())
    before = source.read_bytes()
    code, _, err = convert(capsys, source, "-o", source, "--force", "--lang", "en")
    assert code == 2 and "never overwritten" in err and source.read_bytes() == before


def test_same_stem_inputs_get_distinct_outputs(scans: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "a.jpg").write_bytes((scans / "good_scan.jpg").read_bytes())
    (tmp_path / "a.png").write_bytes((scans / "营业执照 副本.png").read_bytes())
    code, out, _ = convert(capsys, tmp_path / "a.jpg", tmp_path / "a.png", "--json")
    outputs = [Path(item["output"]).name for item in json.loads(out)]
    assert code == 0 and outputs == ["a_cnnic.jpg", "a_png_cnnic.jpg"]


def test_custom_window(scans: Path, tmp_path: Path, capsys) -> None:
    code, out, _ = convert(
        capsys, scans / "营业执照 副本.png", "-o", tmp_path / "x.jpg",
        "--min-bytes", "100000", "--max-bytes", "300_000", "--json",
    )  # fmt: skip
    (item,) = json.loads(out)
    assert code == 0 and 100_000 <= item["bytes"] <= 300_000


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["a.jpg", "b.jpg", "-o", "x.jpg"], "-o/--output takes a single input"),
        (["a.jpg", "--min-bytes", "2000000"], "must be smaller than --max-bytes"),
        (["a.jpg", "--max-bytes", "lots"], "not a number of bytes"),
        (["a.jpg", "--to", "png"], "invalid choice"),
        (["a.jpg", "-o", "x.jpg", "--out-dir", "d"], "not allowed with"),
    ],
)
def test_usage_errors_exit_two_with_one_line(capsys, args: list[str], reason: str) -> None:
    code, _, err = convert(capsys, *args)
    assert code == 2 and reason in err and err.count("\n") == 1
