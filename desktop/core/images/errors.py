"""The one error the image functions raise: a finding code plus parameters, worded from data."""

from __future__ import annotations

from typing import Any

from desktop.core import rules


class ImageError(Exception):
    """A scan could not be read or written. ``code`` is a finding code in messages/images.json.

    >>> err = ImageError("CONVERT_OUTPUT_EXISTS", name="a_cnnic.jpg")
    >>> err.code, err.message("en").startswith("a_cnnic.jpg already exists")
    ('CONVERT_OUTPUT_EXISTS', True)
    """

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def __reduce__(self) -> tuple[Any, ...]:  # survive the trip back from a worker process
        return (_rebuild, (self.code, self.params))

    def message(self, lang: str = "zh") -> str:
        """The plain-language reason and what to do, in ``lang`` ("zh" or "en")."""
        return rules.message_text(self.code, lang, self.params)


def _rebuild(code: str, params: dict[str, Any]) -> ImageError:
    return ImageError(code, **params)


def reason_params(reason: str, **extra: Any) -> dict[str, Any]:
    """Both wordings of a reason from ``_reasons`` in messages/images.json, for the templates.

    >>> reason_params("empty")["reason_en"]
    'the file is empty (0 bytes)'
    """
    texts = rules.load("messages/images")["_reasons"][reason]
    zh, en = (texts[lang].format(**extra) for lang in ("zh", "en"))
    return {"reason": reason, "reason_zh": zh, "reason_en": en, **extra}


def unreadable(name: str, reason: str, **extra: Any) -> ImageError:
    """An IMAGE_UNREADABLE error for the file ``name`` (reason: key of ``_reasons``)."""
    return ImageError("IMAGE_UNREADABLE", name=name, **reason_params(reason, **extra))
