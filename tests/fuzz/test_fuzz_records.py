"""Property tests: any JSON value in any key of a record, and any text in any number validator.

``check`` answers 0, 1 or 2 within a time bound and never with an internal error; every number
validator returns or raises its own error, never anything else. ``--fuzz-long`` for more.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import time
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from desktop.cli import main
from desktop.core.numbers.exceptions import ValidationError
from desktop.core.record import RECORD_KEYS

BASE = json.loads(
    (Path(__file__).resolve().parents[2] / "resources/examples/organization.json").read_text(
        encoding="utf-8"
    )
)
NUMBER_MODULES = ("ric", "residence_permit", "fpr", "uscc", "orgcode", "regno",
                  "hk_macao_permit", "tw_permit", "passport", "hkid", "macao_id")  # fmt: skip
ANY_TEXT = st.text(st.characters(codec=None), max_size=80) | st.sampled_from(
    ["", "\x00", "\ud800", "\x1b[2J", "\u200b", "１１０１０５", "9999-12-31", "中" * 300, "xn--"]
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ANY_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner, max_size=3),
    max_leaves=12,
)
KEYS = st.sampled_from(RECORD_KEYS) | ANY_TEXT


def run_check(path: Path, *extra: str) -> tuple[int, str, float]:
    err = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["check", str(path), *extra])
    return code, err.getvalue(), time.perf_counter() - start


@given(changes=st.dictionaries(KEYS, JSON_VALUES, min_size=1, max_size=4), as_json=st.booleans())
def test_any_value_in_any_key_gets_an_answer(tmp_path_factory, changes, as_json) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "record.json"
    path.write_text(json.dumps({**BASE, **changes}), encoding="utf-8", errors="surrogatepass")
    code, err, seconds = run_check(path, *(["--json"] if as_json else []))
    assert code in (0, 1, 2)
    assert "internal error" not in err and "\x1b" not in err
    assert seconds < 10


@given(text=st.binary(max_size=300))
def test_any_bytes_as_a_record_file_get_an_answer(tmp_path_factory, text: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "record.json"
    path.write_bytes(text)
    code, err, _ = run_check(path)
    assert code == 2 and "internal error" not in err and err.count("\n") == 1


@given(module=st.sampled_from(NUMBER_MODULES), text=ANY_TEXT)
def test_number_validators_never_raise_anything_but_their_own_error(module: str, text: str):
    validator = importlib.import_module(f"desktop.core.numbers.{module}")
    assert isinstance(validator.is_valid(text), bool)
    validator.errors(text)
    with contextlib.suppress(ValidationError):
        validator.validate(text)
    if hasattr(validator, "fix_confusables"):
        validator.fix_confusables(text)
