"""Inspect a scan the way the registry would: real format, byte window, readability, and the
warnings that predict "unclear", "incomplete" or "not a colour original" rejections."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

from desktop.core import cert_types, rules
from desktop.core.findings import Finding, Severity, make
from desktop.core.images import quality
from desktop.core.images.errors import ImageError, reason_params
from desktop.core.images.formats import accepted, format_of_name
from desktop.core.images.loading import Header, decode, file_facts, read_header

_EDGE_NAMES = {
    "top": ("上", "top"),
    "bottom": ("下", "bottom"),
    "left": ("左", "left"),
    "right": ("右", "right"),
}


@dataclass
class ImageReport:
    """Facts about one scan and the findings it raises (all with ``fields == (field,)``)."""

    path: Path
    format: str | None  # real format from the bytes: "JPEG", "PNG", "HEIF", "PDF"... or None
    extension: str  # lower-case suffix of the name, e.g. ".jpg" ("" when none)
    bytes: int
    width: int | None  # upright pixels (EXIF orientation applied); PDF: first page at 300 dpi
    height: int | None
    pages: int = 1
    findings: list[Finding] = field(default_factory=list)
    measures: dict[str, Any] = field(default_factory=dict)  # quality numbers, for the curious

    @property
    def compliant(self) -> bool:
        """True when nothing would make the registry reject the file itself (no error finding)."""
        return not any(f.severity == Severity.ERROR for f in self.findings)


def inspect_image(
    path: str | Path, *, cert_code: str | None = None, field: str = "images[0]"
) -> ImageReport:
    """Inspect one scan; never raises for a bad file (missing or unreadable become findings).

    The header gives format, size and dimensions without decoding; then the picture is decoded
    once, reduced (JPEG draft mode), for the quality measures. ``cert_code`` enables the
    both-sides check for documents that need front and back.
    """
    path = Path(path)
    report = ImageReport(path, None, path.suffix.lower(), 0, None, None)
    try:
        report.bytes, report.format = file_facts(path)
        header = read_header(path)
    except ImageError as err:
        report.bytes = _size_or_zero(path)
        report.findings.append(make(err.code, field, **err.params))
        return report
    _fill_header(report, header)
    report.findings += _format_findings(report, field)
    if report.format in accepted():
        report.findings += _size_findings(report, field)
    report.findings += _picture_findings(report, field, cert_code)
    return report


def _size_or_zero(path: Path) -> int:
    try:
        return path.stat().st_size
    except (OSError, ValueError):  # ValueError: a NUL or an unpaired surrogate in the name
        return 0


def _fill_header(report: ImageReport, header: Header) -> None:
    report.format = report.format or header.format
    report.width, report.height, report.pages = header.width, header.height, header.pages


def _format_findings(report: ImageReport, field: str) -> list[Finding]:
    claimed, real, name = format_of_name(report.path), report.format, report.path.name
    shown = report.extension or "(none)"
    if real not in accepted():
        if claimed in accepted():
            return [make("IMAGE_EXTENSION_MISMATCH", field, name=name, claimed=shown, format=real)]
        return [make("IMAGE_FORMAT", field, name=name, format=real or "?")]
    if claimed != real:  # JPEG/BMP content under another name: fine bytes, misleading name
        code = "IMAGE_EXTENSION_MISMATCH"
        return [make(code, field, severity="warning", name=name, claimed=shown, format=real)]
    return []


def _size_findings(report: ImageReport, field: str) -> list[Finding]:
    """Outside 56,320..1,000,000 bytes; a warning where only one reading of "55K-1M" accepts."""
    window = rules.limits()["image"]
    size, name = report.bytes, report.path.name
    params = {"name": name, "bytes": size, "min_bytes": window["min_bytes"]}
    params["max_bytes"] = window["max_bytes"]
    if size < window["min_bytes"]:
        severity = "warning" if size >= window["min_bytes_1000"] else None
        return [make("IMAGE_TOO_SMALL", field, severity=severity, **params)]
    if size > window["max_bytes"]:
        severity = "warning" if size <= window["max_bytes_1024"] else None
        return [make("IMAGE_TOO_LARGE", field, severity=severity, **params)]
    return []


def _picture_findings(report: ImageReport, field: str, cert_code: str | None) -> list[Finding]:
    name = report.path.name
    findings = _resolution_findings(report, field)
    try:
        long_side = _rules()["analysis"]["long_side"]
        analysis = decode(report.path, max_long_side=long_side, resample=Image.Resampling.BILINEAR)
    except ImageError as err:
        return [*findings, make(err.code, field, **err.params)]
    measures = quality.measure(analysis.image)
    report.measures = measures.as_dict()
    findings += _quality_findings(measures, field, name)
    from desktop.core.capture.forensics import review  # screen photos, screenshots, edits...

    size = (report.width or 0, report.height or 0)
    exif = analysis.header.exif  # read with the header: no second open of the file
    findings += review(report.path, analysis.image, size, measures, findings, field, exif)
    findings += _both_sides_findings(report, field, cert_code)
    if report.pages > 1:
        findings.append(make("IMAGE_MULTI_PAGE", field, name=name, pages=report.pages))
    return findings


def _rules() -> dict[str, Any]:
    return rules.load("image_rules")


def _resolution_findings(report: ImageReport, field: str) -> list[Finding]:
    limits = _rules()["resolution"]
    width, height = report.width or 0, report.height or 0
    if (
        max(width, height) >= limits["min_long_side"]
        and min(width, height) >= limits["min_short_side"]
    ):
        return []
    name = report.path.name
    return [make("IMAGE_LOW_RESOLUTION", field, name=name, width=width, height=height)]


def _quality_findings(measures: quality.Measures, field: str, name: str) -> list[Finding]:
    findings = []
    if measures.is_blurry():
        threshold = _rules()["blur"]["min_sharpness"]
        sharp = round(measures.sharpness, 2)
        findings.append(
            make("IMAGE_BLURRY", field, name=name, sharpness=sharp, threshold=threshold)
        )
    if measures.is_greyscale():
        findings.append(make("IMAGE_GRAYSCALE", field, name=name))
    problem = measures.exposure_problem()
    if problem:
        findings.append(make("IMAGE_EXPOSURE", field, name=name, **reason_params(problem)))
    edges = measures.cropped_edges()
    if edges:
        zh = "、".join(_EDGE_NAMES[e][0] for e in edges)
        en = ", ".join(_EDGE_NAMES[e][1] for e in edges)
        findings.append(make("IMAGE_CROPPED", field, name=name, edges=en, edges_zh=zh))
    return findings


def _both_sides_findings(report: ImageReport, field: str, cert_code: str | None) -> list[Finding]:
    """A document that needs front and back, in a picture shaped like one card face."""
    cert = cert_types.lookup(cert_code) if cert_code else None
    if cert is None or not cert.both_sides or not report.width or not report.height:
        return []
    limits = _rules()["both_sides"]
    ratio = report.width / report.height
    if not limits["single_face_min_ratio"] <= ratio <= limits["single_face_max_ratio"]:
        return []
    return [
        make(
            "IMAGE_BOTH_SIDES",
            field,
            name=report.path.name,
            cert_name_zh=cert.name_zh,
            cert_name_en=cert.name_en,
        )
    ]
