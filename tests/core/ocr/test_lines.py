"""Text lines: rows of a tilted photo, boxes for drawing, fixtures' JSON form."""

from __future__ import annotations

import math

from desktop.core.ocr.lines import TextLine, compact, from_quads, rows


def tilted(text: str, x: float, y: float, width: float, angle_deg: float = 5.0, height=40.0):
    """A text box at (x, y) on a page turned by ``angle_deg`` around the origin."""
    a = math.radians(angle_deg)

    def turn(px: float, py: float) -> tuple[float, float]:
        return (px * math.cos(a) - py * math.sin(a), px * math.sin(a) + py * math.cos(a))

    corners = [turn(x, y), turn(x + width, y), turn(x + width, y + height), turn(x, y + height)]
    return text, corners, 0.99


def test_label_and_value_of_a_tilted_photo_share_a_row() -> None:
    items = [tilted("姓名", 100, 100, 80), tilted("张三", 900, 100, 90),
             tilted("性别男", 100, 170, 120), tilted("民族汉", 900, 170, 120)]  # fmt: skip
    assert [r.text for r in rows(from_quads(items))] == ["姓名张三", "性别男民族汉"]


def test_image_box_is_where_the_text_is_on_the_image() -> None:
    text, corners, score = tilted("张三", 900, 100, 90)
    (line,) = from_quads([(text, corners, score), tilted("姓名", 100, 100, 80)])[:1]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    assert line.image_box == (
        math.floor(min(xs)),
        math.floor(min(ys)),
        math.ceil(max(xs)),
        math.ceil(max(ys)),
    )
    assert rows([line])[0].image_box == line.image_box


def test_json_round_trip_keeps_text_box_and_score() -> None:
    line = TextLine("公民身份号码", (10, 20, 300, 60), 0.9731)
    again = TextLine.from_json(line.to_json())
    assert (again.text, again.box, again.score) == ("公民身份号码", (10, 20, 300, 60), 0.973)


def test_compact_folds_width_and_drops_spaces_and_colons() -> None:
    assert compact("名　　称： 某某（北京）有限公司") == "名称某某(北京)有限公司"
    assert compact("ＩＤ：１２３") == "ID123"
