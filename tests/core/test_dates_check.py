"""Certificate dates against --today (cnnic-rules.md 7)."""

from __future__ import annotations

import pytest

from tests.records import codes, one

DATE_CODES = {
    "CERT_DATE_FORMAT", "CERT_NEWLY_ISSUED", "CERT_ISSUE_DATE_FUTURE", "CERT_EXPIRED",
    "CERT_EXPIRING", "CERT_DATE_ORDER",
}  # fmt: skip


@pytest.mark.parametrize(
    ("issued", "expires"),
    [("2016-06-01", "2036-06-01"), ("2016-06-01", "长期"), ("", ""), ("2026-11-13", "long-term"),
     ("２０１６/０６/０１", "2036.06.01")],
)  # fmt: skip
def test_valid_dates_raise_nothing(issued: str, expires: str) -> None:
    found = codes(cert_issue_date=issued, cert_expiry_date=expires)
    assert found & DATE_CODES == set()


def test_newly_issued_says_first_submission_date() -> None:
    f = one("CERT_NEWLY_ISSUED", cert_issue_date="2026-11-20")
    assert f.params["first_date"] == "2026-11-30"
    assert "2026-11-30" in f.message("en") and "2026-11-30" in f.message("zh")
    assert f.registry_message("zh") == "注册者身份证明资料为新颁发证件"


def test_tenth_day_is_allowed() -> None:
    assert "CERT_NEWLY_ISSUED" not in codes(cert_issue_date="2026-11-13")
    assert "CERT_NEWLY_ISSUED" in codes(cert_issue_date="2026-11-14")


def test_future_issue_date() -> None:
    assert one("CERT_ISSUE_DATE_FUTURE", cert_issue_date="2027-01-01").severity == "error"


def test_expired_and_expiring() -> None:
    assert one("CERT_EXPIRED", cert_expiry_date="2026-11-22").severity == "error"
    assert "CERT_EXPIRED" not in codes(cert_expiry_date="2026-11-23")
    assert one("CERT_EXPIRING", cert_expiry_date="2026-12-10").params["days"] == 17


@pytest.mark.parametrize("value", ["2026-02-30", "20160601", "yesterday", "长期"])
def test_bad_issue_dates(value: str) -> None:
    assert one("CERT_DATE_FORMAT", cert_issue_date=value).fields == ("cert_issue_date",)


def test_expiry_before_issue() -> None:
    assert "CERT_DATE_ORDER" in codes(cert_issue_date="2020-01-01", cert_expiry_date="2019-01-01")
