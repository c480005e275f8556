"""files.cut_edges: which photo edges a straightened document runs past (the CUT_OFF note)."""

from __future__ import annotations

import pytest

from desktop.core.capture import detect, files

FRAME = (1600, 1200)


@pytest.mark.parametrize(
    ("corners", "edges"),
    [
        (((200, 150), (1400, 150), (1400, 1050), (200, 1050)), []),  # all inside
        (((0, 0), (1600, 0), (1600, 1200), (0, 1200)), []),  # a tight scan fills the frame
        (((-2, -3), (1603, 1), (1601, 1202), (0, 1199)), []),  # a tight scan, a little past
        (((300, 200), (1900, 250), (1880, 1000), (290, 950)), ["right"]),
        (((131, 334), (1548, -118), (1978, 884), (442, 1295)), ["top", "right", "bottom"]),
    ],
)
def test_cut_edges(corners, edges) -> None:
    assert files.cut_edges(corners, FRAME) == edges


def test_edge_params_name_the_edges_in_both_languages() -> None:
    assert detect.edge_params(["top", "left"]) == {"edges": "top, left", "edges_zh": "上、左"}
