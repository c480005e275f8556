"""The wheel carries the rule data: build it, install it in a fresh venv, run ``check`` there."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_is_listed_in_pyproject() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "desktop").rglob("__init__.py")
    }
    assert found | {"desktop.resources"} == listed


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(ROOT)],
        check=True, capture_output=True, cwd=out,
    )  # fmt: skip
    return next(out.glob("*.whl"))


def test_installed_wheel_checks_a_record(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bindir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    python = bindir / "python"
    pip = [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index"]
    subprocess.run([*pip, str(wheel)], check=True, capture_output=True)
    # The check path needs python-stdnum only: lend it from this environment, nothing else.
    lib = tmp_path / "lib"
    lib.mkdir()
    import stdnum

    (lib / "stdnum").symlink_to(Path(stdnum.__file__).parent)
    env = {"PYTHONPATH": str(lib), "PATH": str(bindir)}
    cli = str(bindir / "realname-precheck")
    example = tmp_path / "record.json"
    subprocess.run([cli, "example", str(example)], check=True, env=env, cwd=tmp_path)
    result = subprocess.run(
        [cli, "check", "--json", "--lang", "en", str(example)],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["ok"] is True
    where = subprocess.run(
        [str(python), "-c", "from desktop.core.paths import resources_dir; print(resources_dir())"],
        capture_output=True, text=True, env=env, cwd=tmp_path, check=True,
    )  # fmt: skip
    assert Path(where.stdout.strip()).is_relative_to(env_dir)
