"""Property test: mutated scans of every format (truncations, bit flips, rewritten header fields)
through inspect and convert. inspect never raises; convert succeeds inside the byte window or
raises ImageError; the input is never modified. ``--fuzz-long`` for more examples."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.images import ImageError, convert_file, inspect_image
from tests.fuzz_corpus import seeds

WINDOW = (56_320, 1_000_000)
MUTATION = st.one_of(
    st.tuples(st.just("truncate"), st.floats(0, 1)),
    st.tuples(st.just("flip"), st.floats(0, 1), st.integers(0, 7)),
    st.tuples(
        st.just("header"),
        st.integers(0, 511),
        st.sampled_from([b"\xff\xff", b"\x00\x00", b"\x7f\xff\xff\xff", b"\x80", b"\x00"]),
    ),
)


def mutated(data: bytes, mutations: list[tuple]) -> bytes:
    buf = bytearray(data)
    for kind, *args in mutations:
        if kind == "truncate":
            buf = buf[: max(1, int(len(buf) * args[0]))]
        elif kind == "flip":
            buf[min(len(buf) - 1, int(len(buf) * args[0]))] ^= 1 << args[1]
        else:
            at, value = min(args[0], len(buf) - 1), args[1]
            buf[at : at + len(value)] = value
    return bytes(buf)


@given(
    name=st.sampled_from(sorted(seeds())),
    mutations=st.lists(MUTATION, max_size=3),
    to=st.sampled_from(["jpg", "bmp"]),
)
def test_a_mutated_scan_is_inspected_and_converted_or_refused(name, mutations, to) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(mutated(seeds()[name], mutations))
        before = hashlib.sha256(path.read_bytes()).digest()
        report = inspect_image(path)
        assert all(f.code.startswith("IMAGE_") for f in report.findings)
        out = Path(tmp) / f"out.{to}"
        try:
            result = convert_file(path, out, to=to)
        except ImageError as err:
            assert err.message("en") and not out.exists()
        else:
            assert WINDOW[0] <= out.stat().st_size == result.bytes <= WINDOW[1]
        assert hashlib.sha256(path.read_bytes()).digest() == before
        leftovers = [p.name for p in Path(tmp).iterdir() if p.name not in (name, out.name)]
        assert leftovers == []  # no temporary file survives, success or not
