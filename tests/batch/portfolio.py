"""Portfolio fixtures as resellers have them: an Excel-written GBK CSV with Chinese headers,
an xlsx, a folder of records, Alibaba and Tencent API responses with an inline scan."""

from __future__ import annotations

import base64
import csv
import json
from datetime import datetime
from pathlib import Path

from desktop.commands.example import example_text
from desktop.core.record import RECORD_KEYS
from desktop.core.report_text import field_label
from tests import images_factory

TODAY = "2026-11-23"


def example(kind: str = "individual", **overrides: object) -> dict:
    return {**json.loads(example_text(kind)), **overrides}


def people() -> list[dict]:
    """Five rows: a good one, the same holder again (second template), a number under another
    name, a width/space variant of a name, and a bad phone."""
    good = example()
    return [
        good,
        example(domain="zhangsan2.cn"),  # same holder, second template: no cross finding
        example(name_zh="李四", name_en="Li Si"),  # same number, another name
        example("organization"),
        example("organization", name_zh="北京星辰云科技 有限公司", phone="12345"),
    ]


def excel_csv(path: Path, rows: list[dict], encoding: str = "gbk") -> Path:
    """Save as Excel on Chinese Windows does: GBK, CRLF, the window's Chinese labels as headers,
    plus a column of the reseller's own that must come back in --out."""
    keys = [k for k in RECORD_KEYS if k != "special_occupation"]
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow([*(field_label(k, "zh") for k in keys), "特殊职业", "备注"])
        for n, row in enumerate(rows):
            cells = [";".join(row[k]) if k == "images" else row[k] for k in keys]
            writer.writerow([*cells, "是" if row["special_occupation"] else "否", f"客户{n}"])
    return path


def xlsx(path: Path, rows: list[dict], sheet: str = "客户") -> Path:
    """English labels as headers, dates as date cells, the phone typed as a number."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = sheet
    keys = list(RECORD_KEYS)
    ws.append([field_label(k, "en") for k in keys] + ["Notes"])
    for row in rows:
        cells = []
        for k in keys:
            value = row[k]
            if k in ("cert_issue_date", "cert_expiry_date") and value[:2] == "20":
                value = datetime.fromisoformat(value)
            elif k == "phone" and value.isdigit():
                value = int(value)
            elif k == "images":
                value = ";".join(value)
            cells.append(value)
        ws.append([*cells, "note"])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # typed text, as a reseller's sheet holds it
    book.save(path)
    return path


def jpeg(path: Path) -> Path:
    return images_factory.save(images_factory.scan(images_factory.card()), path, "JPEG",
                               quality=90)  # fmt: skip


def alibaba(folder: Path, scan: bytes) -> tuple[Path, Path]:
    """A QueryRegistrantProfiles response (two profiles, one FAILED) as `aliyun domain` prints
    it, and one QueryRegistrantProfileRealNameVerificationInfo response (FetchImage=true)."""
    profiles = {
        "RequestId": "04CBCD9B-33C6-438D-BDFB-EE596050AE0E",
        "TotalItemNum": 2, "CurrentPageNum": 1, "PageSize": 500, "TotalPageNum": 1,
        "PrePage": False, "NextPage": False,
        "RegistrantProfiles": {"RegistrantProfile": [
            _profile(1001, "张三", "Zhang San", "1", "SUCCEED"),
            _profile(1002, "北京星辰云科技有限公司", "Beijing Xingchenyun Technology Co., Ltd.",
                     "2", "FAILED"),
        ]},
    }  # fmt: skip
    verification = {
        "RequestId": "0E4D2F4B-0000-4000-8000-000000000001",
        "RegistrantProfileId": 1001,
        "IdentityCredentialType": "SFZ",
        "IdentityCredentialNo": "110101199003071233",
        "IdentityCredential": base64.b64encode(scan).decode("ascii"),
        "SubmissionDate": "2026-01-05 10:00:00",
    }
    a = folder / "profiles.json"
    b = folder / "verification-1001.json"
    a.write_text(json.dumps(profiles, ensure_ascii=False, indent=4), encoding="utf-8")
    b.write_text(json.dumps(verification, indent=4), encoding="utf-8")
    return a, b


def _profile(pid: int, zh: str, en: str, kind: str, status: str) -> dict:
    return {
        "RegistrantProfileId": pid, "RegistrantType": kind, "RealNameStatus": status,
        "RegistrantProfileType": "common", "DefaultRegistrantProfile": False,
        "ZhRegistrantOrganization": zh, "RegistrantOrganization": en,
        "ZhRegistrantName": zh, "RegistrantName": en,
        "TelArea": "86", "Telephone": "13800000000", "TelExt": "",
        "Email": "zhangsan@example.com", "Country": "CN",
        "ZhProvince": "浙江", "Province": "zhe jiang", "ZhCity": "杭州市", "City": "hang zhou shi",
        "ZhAddress": "浙江省杭州市西湖区文三路100号", "Address": "wen san lu 100 hao",
        "PostalCode": "310012", "EmailVerificationStatus": 1,
        "CreateTime": "2026-01-05 09:00:00", "UpdateTime": "2026-01-05 09:00:00",
    }  # fmt: skip


def tencent(path: Path) -> Path:
    """A DescribeTemplateList response as `tccli domain DescribeTemplateList` prints it."""
    template = {
        "TemplateId": "tpl-abc123", "AuditStatus": "Reject",
        "AuditReason": "注册人审核资料上传失败",
        "IsDefault": "no", "IsValidTemplate": 1, "InvalidReason": "",
        "CreatedOn": "2026-01-05 12:44:49", "UpdatedOn": "2026-01-05 16:05:10",
        "CertificateInfo": {"CertificateType": "TYDMZ", "CertificateCode": "91110108MA01XY3R01",
                            "ImgUrl": "https://example.invalid/a.jpg"},
        "ContactInfo": {
            "OrganizationNameCN": "北京星辰云科技有限公司",
            "OrganizationName": "Beijing Xingchenyun Technology Co., Ltd.",
            "RegistrantNameCN": "王五", "RegistrantName": "Wang Wu",
            "ProvinceCN": "北京市", "CityCN": "北京市", "StreetCN": "北京市海淀区中关村大街1号",
            "Street": "Zhongguancun Street 1", "CountryCN": "中国", "Country": "CN",
            "Telephone": "13800000000", "Email": "admin@xingchenyun.com.cn", "ZipCode": "100080",
            "RegistrantType": "E", "Province": "Beijing", "City": "Beijing",
        },
    }  # fmt: skip
    body = {"Response": {"TotalCount": 1, "RequestId": "099e5c01", "TemplateSet": [template]}}
    path.write_text(json.dumps(body, ensure_ascii=False, indent=4), encoding="utf-8")
    return path
