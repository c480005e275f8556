"""Registrar API exports: Alibaba Cloud Domain (2018-01-29) QueryRegistrantProfiles and
QueryRegistrantProfileRealNameVerificationInfo, merged by RegistrantProfileId; Tencent Cloud
domain (2018-08-08) DescribeTemplateList / DescribeTemplate. Field names: resources/registrars.json.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable
from typing import Any

from desktop.core import rules
from desktop.core.batch import cells
from desktop.core.batch.items import Item
from desktop.core.findings import make


def kind_of(data: Any) -> str:
    """Which export a decoded JSON document is: alibaba_profiles, alibaba_verification,
    tencent_templates, or "" (a record, or a list of records).

    >>> kind_of({"RegistrantProfiles": {"RegistrantProfile": []}})
    'alibaba_profiles'
    >>> kind_of({"RegistrantProfileId": 1, "IdentityCredentialNo": "x"}), kind_of({"name_zh": ""})
    ('alibaba_verification', '')
    >>> kind_of({"Response": {"TemplateSet": []}})
    'tencent_templates'
    """
    if not isinstance(data, dict):
        return ""
    if "RegistrantProfiles" in data:
        return "alibaba_profiles"
    if "RegistrantProfileId" in data and {"IdentityCredentialNo", "IdentityCredentialType"} & set(
        data
    ):
        return "alibaba_verification"
    body = data.get("Response", data)
    if isinstance(body, dict) and ("TemplateSet" in body or "Template" in body):
        return "tencent_templates"
    return ""


def _spec(registrar: str) -> dict[str, Any]:
    return rules.load("registrars")[registrar]


def alibaba_profiles(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The profile list of one response (``RegistrantProfiles.RegistrantProfile[]``)."""
    block = data.get("RegistrantProfiles") or {}
    profiles = block.get("RegistrantProfile", []) if isinstance(block, dict) else block
    return [p for p in profiles if isinstance(p, dict)] if isinstance(profiles, list) else []


def merge_alibaba(
    profiles: Iterable[tuple[str, int, dict[str, Any]]],
    verifications: dict[str, dict[str, Any]],
) -> list[Item]:
    """One item per profile (source, 1-based position, profile), joined with its verification."""
    items = []
    for source, position, profile in profiles:
        key = str(profile.get("RegistrantProfileId", ""))
        items.append(_alibaba_item(source, position, profile, verifications.get(key)))
    return items


def _alibaba_item(
    source: str, position: int, profile: dict[str, Any], verification: dict[str, Any] | None
) -> Item:
    spec = _spec("alibaba")
    cells_ = _fields(profile, spec["profile_fields"], spec["fallback_fields"])
    kind = cells.text_of(profile.get("RegistrantType")).strip()
    cells_["holder_type"] = spec["registrant_types"].get(kind, kind)
    cells_["region"] = cells_.get("country", "")
    cells_["site"] = spec["site"]
    item = Item(source, position, registrar="alibaba", columns=dict(profile))
    item.unexported = set(spec["not_exported"])
    item.failed = cells.text_of(profile.get("RealNameStatus")).upper() in spec["failed_status"]
    pid = cells.text_of(profile.get("RegistrantProfileId"))
    if verification is not None:
        cells_.update(_fields(verification, spec["verification_fields"], {}))
        _embed(item, verification.get("IdentityCredential"), pid)
    else:
        credential = _fields(profile, spec["profile_credential_fields"], {})
        cells_.update(credential)
        if not credential.get("cert_number"):
            item.unexported |= {"cert_type", "cert_number"}
            item.notes.append(make("VERIFICATION_INFO_MISSING", ("cert_type",), profile=pid))
    _build(item, cells_)
    return item


def _embed(item: Item, text: Any, pid: str) -> None:
    """FetchImage=true puts the submitted image itself in IdentityCredential (base64)."""
    if not isinstance(text, str) or not text.strip():
        return
    payload = text.strip()
    if payload.startswith("data:"):
        payload = payload.partition(",")[2]
    try:
        item.embedded.append(base64.b64decode(payload, validate=False))
    except (binascii.Error, ValueError):
        reason = f"profile {pid}: IdentityCredential is not base64"
        item.notes.append(make("RECORD_INVALID", ("images",), reason=reason))


def tencent_templates(source: str, data: dict[str, Any]) -> list[Item]:
    body = data.get("Response", data)
    templates = body.get("TemplateSet")
    if templates is None:
        templates = [body.get("Template")]
    return [
        _tencent_item(source, i, t)
        for i, t in enumerate(templates or [], start=1)
        if isinstance(t, dict)
    ]


def _tencent_item(source: str, position: int, template: dict[str, Any]) -> Item:
    spec = _spec("tencent")
    contact = template.get("ContactInfo") or {}
    cert = template.get("CertificateInfo") or {}
    values = _fields(contact, spec["contact_fields"], spec["fallback_fields"])
    values.update(_fields(cert, spec["certificate_fields"], {}))
    kind = cells.text_of(contact.get("RegistrantType")).strip().upper()
    values["holder_type"] = spec["registrant_types"].get(kind, kind)
    country = cells.text_of(contact.get("Country")).strip()
    values["country"] = values["region"] = "CN" if country.lower() in ("cn", "china") else country
    values["cert_type"] = spec["cert_types"].get(values.get("cert_type", "").upper(),
                                                 values.get("cert_type", ""))  # fmt: skip
    values["site"] = spec["site"]
    item = Item(source, position, registrar="tencent", columns=_flat(template))
    item.unexported = set(spec["not_exported"])
    item.failed = cells.text_of(template.get("AuditStatus")) in spec["failed_status"]
    _build(item, values)
    return item


def _fields(data: dict[str, Any], names: dict[str, str], fallback: dict[str, str]) -> dict:
    values = {key: cells.text_of(data.get(name)) for name, key in names.items()}
    for key, name in fallback.items():
        if not values.get(key, "").strip():
            values[key] = cells.text_of(data.get(name))
    return {k: v for k, v in values.items() if v}


def _flat(template: dict[str, Any]) -> dict[str, Any]:
    flat = {k: v for k, v in template.items() if not isinstance(v, dict)}
    for group in ("ContactInfo", "CertificateInfo"):
        for k, v in (template.get(group) or {}).items():
            flat.setdefault(k, v)
    return flat


def _build(item: Item, values: dict[str, Any]) -> None:
    try:
        item.record = cells.record_of(values)
    except cells.CellError as exc:
        item.mark_invalid(str(exc))


def accepted_spellings(registrar: str) -> dict[str, list[str]]:
    return _spec(registrar)["accepted_spellings"] if registrar else {}
