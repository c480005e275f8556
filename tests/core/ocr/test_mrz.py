"""Passport machine-readable zone (ICAO 9303 TD3)."""

from __future__ import annotations

from datetime import date

from desktop.core.ocr import mrz

SPECIMEN = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
            "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]  # fmt: skip


def test_specimen_is_read_and_checked() -> None:
    zone = mrz.parse(SPECIMEN)
    assert (zone.surname, zone.given, zone.name) == (
        "ERIKSSON",
        "ANNA MARIA",
        "ANNA MARIA ERIKSSON",
    )
    assert (zone.number, zone.number_ok) == ("L898902C3", True)
    assert (zone.expiry, zone.expiry_ok, zone.birth) == (date(2012, 4, 15), True, date(1974, 8, 12))


def test_misread_fillers_and_spaces_are_tolerated() -> None:
    zone = mrz.parse(
        ["P«CHNTANG«く|UNMEI «««««««««««««", "EA84791458CHN6207052F3204223<<<<<<<<<<<<<<00"]
    )
    assert (zone.surname, zone.given) == ("TANG", "JUNMEI")
    assert (zone.number, zone.number_ok, zone.expiry_ok) == ("EA8479145", True, True)


def test_a_misread_number_fails_its_check_digit() -> None:
    zone = mrz.parse([SPECIMEN[0], "L898902C86UTO7408122F1204159ZE184226B<<<<<10"])
    assert zone.number == "L898902C8"
    assert not zone.number_ok


def test_other_text_is_not_a_zone() -> None:
    assert mrz.parse(["中华人民共和国 PASSPORT 护照", "签发日期/Date of issue 22 APR 2022"]) is None
