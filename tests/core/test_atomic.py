"""The one atomic writer: permissions, exclusive create, stale temporary files, failure causes."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core import atomic


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_new_files_get_normal_permissions_from_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic.write_text(tmp_path / "record.json", "{}")
        os.umask(0o027)
        atomic.write_text(tmp_path / "report.html", "<p>")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "record.json") == 0o644
    assert _mode(tmp_path / "report.html") == 0o640


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "record.json"
    target.write_text("old")
    target.chmod(0o664)
    atomic.write_text(target, "new")
    assert target.read_text() == "new" and _mode(target) == 0o664


def test_exclusive_refuses_an_existing_name_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "a_cnnic.jpg"
    atomic.write_bytes(target, b"first", exclusive=True)
    with pytest.raises(FileExistsError):
        atomic.write_bytes(target, b"second", exclusive=True)
    atomic.write_bytes(target, b"third")  # without exclusive the last complete file wins
    assert target.read_bytes() == b"third"
    assert [p.name for p in tmp_path.iterdir()] == ["a_cnnic.jpg"]


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with pytest.raises(RuntimeError), atomic.atomic_target(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("encoder died")
    assert list(tmp_path.iterdir()) == []


def test_temporary_files_are_hidden_and_recognised(tmp_path: Path) -> None:
    tmp = atomic.temp_path_beside(tmp_path / "a.jpg", ".fit")
    assert tmp.name.startswith(".") and tmp.name.endswith(".part")
    assert atomic.is_temporary(tmp) and not atomic.is_temporary(tmp_path / "a.jpg")
    atomic.remove_quietly(tmp)


def test_the_next_run_removes_temporary_files_of_a_dead_process(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    stale = tmp_path / f".a_cnnic.fit.{dead}-0123abcd.part"
    stale.write_bytes(b"half a jpeg")
    mine = atomic.temp_path_beside(tmp_path / "b.jpg")  # this process is alive: kept
    atomic.write_text(tmp_path / "c.txt", "x")
    assert not stale.exists() and mine.exists()
    atomic.remove_quietly(mine)


@pytest.mark.parametrize(
    ("error", "cause"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "no_space"),
        (OSError(errno.EROFS, "Read-only file system"), "read_only"),
        (OSError(errno.ENAMETOOLONG, "File name too long"), "name_too_long"),
        (NotADirectoryError(errno.ENOTDIR, "Not a directory"), "not_folder"),
        (PermissionError(errno.EACCES, "Permission denied"), "permission"),
    ],
)
def test_failure_names_the_real_cause(error: OSError, cause: str) -> None:
    texts = atomic.failure_texts(error)
    assert texts["reason"] == cause and texts["reason_zh"] and texts["reason_en"]


def test_a_file_locked_by_another_program_on_windows_is_retried_then_named(monkeypatch) -> None:
    locked = PermissionError(errno.EACCES, "The process cannot access the file")
    locked.winerror = 32
    calls = []

    def replace(*_args: object) -> None:
        calls.append(1)
        raise locked

    monkeypatch.setattr(atomic, "_WINDOWS", True)
    monkeypatch.setattr(atomic, "_RETRY_SECONDS", (0.0, 0.0))
    with pytest.raises(PermissionError) as caught:
        atomic._retry_locked(replace)
    assert len(calls) == 3
    assert "close it in the other program" in atomic.failure_texts(caught.value)["reason_en"]


def test_a_read_only_target_is_named_read_only(tmp_path: Path) -> None:
    target = tmp_path / "record.json"
    target.write_text("{}")
    target.chmod(0o444)
    if os.access(target, os.W_OK):
        pytest.skip("running as root: read-only bits do not bind")
    error = PermissionError(errno.EACCES, "Permission denied")
    assert atomic.failure(error, target) == "read_only"
