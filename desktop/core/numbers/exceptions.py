"""The errors a number validator raises: python-stdnum's family plus three refinements.

``InvalidFormat``, ``InvalidLength`` (a kind of format error), ``InvalidChecksum`` and
``InvalidComponent`` are python-stdnum's own classes, so code that catches
``stdnum.exceptions.ValidationError`` catches every error raised here too.

>>> issubclass(InvalidDate, InvalidComponent), issubclass(InvalidLength, InvalidFormat)
(True, True)
>>> LegacyNumber("11010519491231002X").converted
'11010519491231002X'
"""

from __future__ import annotations

from stdnum.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)

__all__ = [
    "InvalidChecksum",
    "InvalidComponent",
    "InvalidDate",
    "InvalidFormat",
    "InvalidLength",
    "InvalidRegion",
    "LegacyNumber",
    "ValidationError",
]


class InvalidDate(InvalidComponent):
    """The date inside the number (a birth date) is impossible or in the future."""

    message = "The date in the number is impossible or in the future."

    def __init__(self, value: str = "") -> None:
        super().__init__()
        self.value = value  # the date as found, e.g. "1990-02-30"


class InvalidRegion(InvalidComponent):
    """The region part of the number (address code, permit prefix) is not a known one."""

    message = "The region code in the number is not a known one."

    def __init__(self, value: str = "") -> None:
        super().__init__()
        self.value = value  # the region part as found, e.g. "99"


class LegacyNumber(ValidationError):
    """A superseded format; ``converted`` is the current form when it can be computed."""

    message = "The number has a superseded format."

    def __init__(self, converted: str | None = None) -> None:
        super().__init__()
        self.converted = converted
