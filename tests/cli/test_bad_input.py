"""Bad input at every boundary: one line with a code, never an internal error, never a hang."""

from __future__ import annotations

import errno
import io
import json
import os
import sys
import threading
from pathlib import Path

import pytest

from desktop.cli import main
from tests.cli.test_check_cli import example
from tests.fuzz_corpus import seeds


def check(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", *map(str, args)])
    out, err = capsys.readouterr()
    assert "internal error" not in err and "Traceback" not in err
    return code, out, err


def write(tmp_path: Path, text: str | bytes, name: str = "record.json") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested more than 16 levels"),
        ('{"phone": ' + "9" * 5000 + "}", "a number of 5,000 digits"),
        (json.dumps({"address": "路" * 5000}), "address is 5,000 characters long"),
        (json.dumps({"images": ["a.jpg"] * 51}), "the limit is 50"),
        (" " * 1_100_000, "over 1,048,576 bytes"),
    ],
)
def test_records_over_a_limit_are_refused_before_any_work(tmp_path, capsys, content, reason):
    code, _, err = check(capsys, write(tmp_path, content))
    assert code == 2 and reason in err and "[RECORD_INVALID]" in err and err.count("\n") == 1


def test_unknown_keys_are_escaped_not_echoed_raw(tmp_path: Path, capsys) -> None:
    content = json.dumps({"evil\x1b[2J\nkey": 1, "名" * 100: 2})
    code, _, err = check(capsys, write(tmp_path, content))
    assert code == 2 and "\x1b" not in err and err.count("\n") == 1
    assert "evil\\x1b[2J\\nkey" in err and "…" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFO")
def test_a_fifo_or_device_as_the_record_is_refused_at_once(tmp_path: Path, capsys) -> None:
    fifo = tmp_path / "record.json"
    os.mkfifo(fifo)
    answers: list[int] = []
    worker = threading.Thread(target=lambda: answers.append(main(["check", str(fifo)])))
    worker.start()
    worker.join(5)
    if worker.is_alive():  # unblock the reader before failing
        fifo.open("w").close()
        pytest.fail("check waited on a FIFO")
    assert answers == [2] and "not a regular file" in capsys.readouterr().err
    code, _, err = check(capsys, "/dev/zero")
    assert code == 2 and "not a regular file" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFO")
def test_a_fifo_as_a_scan_is_unreadable_at_once(tmp_path: Path, capsys) -> None:
    os.mkfifo(tmp_path / "scan.jpg")
    record = write(tmp_path, json.dumps(example(images=["scan.jpg"])))
    code, out, _ = check(capsys, record, "--json", "--lang", "en", "--image", "/dev/zero")
    found = [f for f in json.loads(out)["findings"] if f["code"] == "IMAGE_UNREADABLE"]
    assert code == 1 and len(found) == 2
    assert all("not a regular file" in f["message"] for f in found)


def test_impossible_file_names_are_missing_scans(tmp_path: Path, capsys) -> None:
    record = write(tmp_path, json.dumps(example(images=["\x00a.jpg", "\ud800.png"])))
    code, out, _ = check(capsys, record, "--json", "--image", "b\x00.jpg")
    codes = [f["code"] for f in json.loads(out)["findings"] if f["fields"][0].startswith("images")]
    assert code == 1 and codes == ["IMAGE_MISSING"] * 3
    code, _, err = check(capsys, "\x00record.json")
    assert code == 2 and "not a usable file name" in err


def test_the_last_day_of_the_calendar_is_a_date_like_any_other(tmp_path: Path, capsys) -> None:
    record = write(tmp_path, json.dumps(example(cert_issue_date="9999-12-25")))
    code, out, _ = check(capsys, record, "--json", "--today", "9999-12-31")
    codes = [f["code"] for f in json.loads(out)["findings"]]
    assert code == 1 and "CERT_NEWLY_ISSUED" in codes


def test_a_strip_no_bmp_can_hold_is_refused_before_encoding(tmp_path: Path, capsys) -> None:
    strip = write(tmp_path, seeds()["strip.png"], "strip.png")
    code = main(["convert", str(strip), "--to", "bmp", "--lang", "en", "--json"])
    out, err = capsys.readouterr()
    assert code == 2 and json.loads(out)[0]["error"] == "CONVERT_CANNOT_FIT"
    assert "too extreme" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["strip.png"]


def test_an_encoder_refusal_is_not_blamed_on_the_disk(tmp_path: Path, monkeypatch) -> None:
    from PIL import Image

    from desktop.core.images import ImageError, convert_file

    src = write(tmp_path, seeds()["a.png"], "a.png")

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError("encoder error -2 when writing image file")

    monkeypatch.setattr(Image.Image, "save", refuse)
    with pytest.raises(ImageError) as caught:
        convert_file(src, tmp_path / "a_cnnic.jpg")
    assert caught.value.code == "CONVERT_CANNOT_FIT"
    assert "disk" not in caught.value.message("en")


class _ClosedPipe(io.TextIOBase):
    """stdout after the reader left, as Windows reports it: OSError(EINVAL), not EPIPE."""

    def write(self, _text: str) -> int:
        raise OSError(errno.EINVAL, "Invalid argument")

    def flush(self) -> None:
        raise OSError(errno.EINVAL, "Invalid argument")

    def fileno(self) -> int:
        raise io.UnsupportedOperation("no descriptor")


def test_a_pipe_closed_early_on_windows_ends_quietly(tmp_path: Path, monkeypatch, capsys) -> None:
    record = write(tmp_path, json.dumps(example()))
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    assert main(["check", str(record)]) == 1
    assert "internal error" not in capsys.readouterr().err
