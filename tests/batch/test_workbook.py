"""--out report.xlsx: original columns back, verdict columns added, cells marked and commented."""

from __future__ import annotations

from openpyxl import load_workbook

from desktop.cli import main
from tests.batch import portfolio
from tests.batch.portfolio import TODAY


def test_annotated_workbook(tmp_path, capsys) -> None:
    rows = portfolio.people()
    rows[0]["email"] = '=HYPERLINK("x")'
    sheet = portfolio.xlsx(tmp_path / "in.xlsx", rows)
    out = tmp_path / "report.xlsx"
    assert main(["batch", "--today", TODAY, "--lang", "en", str(sheet), "--out", str(out)]) == 1
    ws = load_workbook(out).active
    header = [c.value for c in ws[1]]
    assert header[:22] == [c.value for c in load_workbook(sheet).active[1]]  # original columns
    assert header[22:] == ["Source", "Verdict", "Errors", "Warnings", "Codes", "Messages",
                           "Suggested fixes"]  # fmt: skip
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    col = {name: i for i, name in enumerate(header)}
    first, phone_row = ws[2], ws[6]
    assert first[col["Notes"]].value == "note"
    assert first[col["Email"]].value == '=HYPERLINK("x")' and first[col["Email"]].data_type == "s"
    assert phone_row[col["Verdict"]].value == "would be rejected"
    cell = phone_row[col["Phone number"]]
    assert cell.fill.start_color.rgb.endswith("FFEB9C") and "PHONE_FORMAT" in cell.comment.text
    name = phone_row[col["Holder name (Chinese)"]]
    assert name.fill.start_color.rgb.endswith("FFC7CE") and "NAME_WHITESPACE" in name.comment.text
    number = ws[4][col["Certificate number"]]
    assert "DUPLICATE_CERT_NUMBER" in number.comment.text
    assert int(phone_row[col["Errors"]].value) >= 1
