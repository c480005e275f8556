"""`convert` data safety: inputs never overwritten, exclusive outputs, races, kill -9, fallback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core import atomic
from desktop.core.images import ImageError, batch, convert_file
from tests import images_factory as f

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return f.write_samples(
        tmp_path_factory.mktemp("safety"), ["good_scan.jpg", "营业执照 副本.png"]
    )


def test_an_output_that_is_another_input_is_refused_even_with_force(tmp_path: Path, capsys):
    first = tmp_path / "a_cnnic.jpg"
    f.save(f.scan(), first, "JPEG", quality=90)
    second = tmp_path / "a.jpg"
    f.save(f.scan(), second, "JPEG", quality=80)
    before = first.read_bytes()
    # a.jpg wants a_cnnic.jpg, which is the first input of the same run
    args = ["--out-dir", str(tmp_path), "--force", "--lang", "en", "--json"]
    code = main(["convert", str(first), str(second), *args])
    out, err = capsys.readouterr()
    assert code == 2 and "also an input" in err.replace("\n", " ")
    assert json.loads(out)[1]["error"] == "CONVERT_OUTPUT_IS_INPUT"
    assert first.read_bytes() == before


def test_a_run_that_finds_its_output_taken_at_the_end_reports_it_exists(scans: Path, tmp_path):
    dst = tmp_path / "out_cnnic.jpg"

    def another_run_finishes_first(fraction: float) -> None:
        if fraction >= 0.5 and not dst.exists():
            dst.write_bytes(b"the other run's complete file")

    with pytest.raises(ImageError) as caught:
        convert_file(scans / "good_scan.jpg", dst, progress=another_run_finishes_first)
    assert caught.value.code == "CONVERT_OUTPUT_EXISTS"
    assert dst.read_bytes() == b"the other run's complete file"
    assert [p.name for p in tmp_path.iterdir()] == ["out_cnnic.jpg"]  # no temporary left


def test_with_force_the_last_complete_file_wins(scans: Path, tmp_path: Path) -> None:
    dst = tmp_path / "out_cnnic.bmp"
    dst.write_bytes(b"older")
    result = convert_file(scans / "good_scan.jpg", dst, to="bmp", force=True)
    assert dst.stat().st_size == result.bytes and dst.read_bytes()[:2] == b"BM"


def test_out_dir_naming_a_file_is_a_clear_reason(scans: Path, tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("not a folder")
    code = main(
        ["convert", str(scans / "good_scan.jpg"), "--out-dir", str(blocker), "--lang", "en"]
    )
    err = capsys.readouterr().err
    assert code == 2 and "internal error" not in err and "is a file, not a folder" in err


@pytest.mark.skipif(os.name == "nt", reason="kill -9 and /proc")
def test_kill_9_stops_the_workers_and_the_next_run_removes_the_temporaries(scans, tmp_path):
    inputs = []
    page = f.licence()
    for i in range(4):
        path = tmp_path / f"licence{i}.png"
        f.save(page, path, "PNG")
        inputs.append(path)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    parent = subprocess.Popen([sys.executable, "-m", "desktop.cli", "convert", *map(str, inputs),
                               "--out-dir", str(out)], env=env)  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not _parts(out):
        time.sleep(0.02)
    workers = [pid for pid in _children(parent.pid) if _running(pid)]
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    assert workers, "the batch ran on worker processes"
    time.sleep(1.5)
    assert not [pid for pid in workers if _running(pid)], "workers outlived their parent"
    subprocess.run([sys.executable, "-m", "desktop.cli", "convert", str(scans / "good_scan.jpg"),
                    "--out-dir", str(out)], env=env, check=True, capture_output=True)  # fmt: skip
    assert _parts(out) == []


def _parts(folder: Path) -> list[Path]:
    return [p for p in folder.glob(".*") if atomic.is_temporary(p)] if folder.is_dir() else []


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[-1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_that_cannot_start_fall_back_to_in_process_and_say_so(scans, monkeypatch):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    def broken(workers: int) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(workers, mp_context=context, initializer=sys.exit, initargs=(3,))

    monkeypatch.setattr(batch, "worker_pool", broken)
    said: list[str] = []
    jobs = [batch.Job(scans / "good_scan.jpg", scans / f"fallback{i}.jpg") for i in range(2)]
    outcomes = batch.convert_many(jobs, on_fallback=said.append)
    assert said and all(not isinstance(o, ImageError) for o in outcomes)
    assert all(job.dst.stat().st_size > 56_320 for job in jobs)


def test_an_unexpected_failure_costs_only_its_own_file(scans: Path, tmp_path, monkeypatch):
    real = batch.convert_file

    def flaky(src, dst=None, **options):
        if Path(src).suffix == ".png":
            raise KeyError("a decoder bug")
        return real(src, dst, **options)

    monkeypatch.setattr(batch, "convert_file", flaky)
    jobs = [batch.Job(scans / "营业执照 副本.png", tmp_path / "a.jpg"),
            batch.Job(scans / "good_scan.jpg", tmp_path / "b.jpg")]  # fmt: skip
    bad, good = batch.convert_many(jobs, workers=1)
    assert isinstance(bad, ImageError) and bad.code == "IMAGE_UNREADABLE"
    assert not isinstance(good, ImageError) and good.output.exists()
