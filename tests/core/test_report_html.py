"""The customer report: findings in the chosen language, escaped text, embedded thumbnails."""

from __future__ import annotations

import base64
import html
import json
from datetime import date, datetime

import pytest

from desktop.commands.example import example_text
from desktop.core.engine import check_record
from desktop.core.findings import make
from desktop.core.record import from_dict
from desktop.core.report_html import ReportScan, render_html

TODAY = date(2025, 6, 1)


def record(**changes):
    return from_dict({**json.loads(example_text("individual")), **changes})


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_findings_appear_in_the_chosen_language_with_the_registry_reply(lang):
    wrong = record(cert_number="110101199003071234")
    findings = check_record(wrong, today=TODAY)
    page = render_html(wrong, findings, lang)
    for finding in findings:
        assert finding.message(lang) in page
        assert finding.registry_message(lang) in page
    verdict = "提交会被拒绝" if lang == "zh" else "Would be rejected"
    assert verdict in page


def test_a_clean_record_says_ready():
    clean = record()
    assert check_record(clean, today=TODAY) == []
    assert "Ready to submit" in render_html(clean, [], "en")
    assert "可以提交" in render_html(clean, [], "zh")


def test_user_text_is_escaped():
    hostile = record(name_zh="<script>alert(1)</script>", address='"quoted" & <b>')
    page = render_html(hostile, [], "en")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&quot;quoted&quot; &amp; &lt;b&gt;" in page


def test_fix_and_field_names_are_shown():
    finding = make("CERT_NUMBER_FULLWIDTH", ("cert_number",), fix="110101199003071233")
    page = render_html(record(), [finding], "zh")
    assert "证件号码" in page
    assert "建议改为：110101199003071233" in page


def test_scans_are_embedded_as_data_uris_with_their_findings():
    jpeg = b"\xff\xd8\xff\xe0fake-jpeg"
    finding = make("IMAGE_MISSING", ("images[0]",), path="/x/a.png", name="a.png")
    scan = ReportScan("a.png", "png", 123_456, 1200, 760, (finding,), jpeg)
    page = render_html(record(), [finding], "en", [scan])
    assert f"data:image/jpeg;base64,{base64.b64encode(jpeg).decode()}" in page
    assert "a.png" in page and "123,456\u00a0bytes" in page and "1200\u00a0×\u00a0760" in page
    assert html.escape(finding.message("en")) in page


def test_generated_time_is_printed():
    page = render_html(record(), [], "en", generated=datetime(2025, 6, 1, 9, 30))
    assert "2025-06-01 09:30" in page


def test_large_numbers_in_messages_are_grouped() -> None:
    from desktop.core.findings import make

    finding = make("IMAGE_TOO_LARGE", ("images[0]",), name="a.jpg", bytes=8216352,
                   max_bytes=1000000)  # fmt: skip
    for lang in ("zh", "en"):
        assert "8,216,352" in finding.message(lang) and "1,000,000" in finding.message(lang)


@pytest.mark.parametrize(
    ("lang", "words"),
    [("zh", ["企业/组织", "中国内地", "长期", "工商营业执照", "中国站（aliyun.com）", "否"]),
     ("en", ["Organization", "Mainland China", "long-term", "Business Licence", "No"])],
)  # fmt: skip
def test_values_are_words_not_codes(lang, words):
    company = from_dict(json.loads(example_text("organization")))
    page = render_html(company, [], lang)
    for word in words:
        assert html.escape(word) in page, word
    for code in (">organization<", ">YYZZ<", ">CN<", ">china<"):
        assert code not in page


def test_the_report_is_blocks_with_a_header_and_one_section_per_field_group():
    from desktop.core.report_html import report_blocks

    company = from_dict(json.loads(example_text("organization")))
    blocks = report_blocks(company, [], "zh")
    assert "实名认证预检报告" in blocks[0] and "北京星辰云科技有限公司" in blocks[0]
    assert "可以提交" in blocks[0]
    for title in ("持有者", "持有者名称", "证件", "域名", "联系信息"):
        assert sum(f">{title}</p>" in block for block in blocks) == 1, title


def test_default_file_name_is_the_holder_and_the_date():
    from desktop.core.report_html import default_file_name

    company = from_dict(json.loads(example_text("organization")))
    day = date(2026, 12, 2)
    assert default_file_name(company, "zh", day) == "实名预检 北京星辰云科技有限公司 2026-12-02"
    assert default_file_name(company, "en", day) == (
        "Pre-check Beijing Xingchenyun Technology Co., Ltd 2026-12-02"
    )
    odd = record(name_zh='a/b:c*"d"', name_en="")
    assert default_file_name(odd, "zh", day) == "实名预检 a b c d 2026-12-02"
    assert default_file_name(record(name_zh="", name_en=""), "en", day) == "Pre-check 2026-12-02"


def test_long_unbroken_values_may_wrap_only_after_punctuation():
    long_mail = "registrant.department.contact@very-long-company-name.com.cn"
    page = render_html(record(email=long_mail), [], "en")
    assert "contact@\u200bvery-\u200blong" in page
    assert ">Zhang San<" in page  # short values stay as typed


def test_english_counts_are_plural_forms():
    wrong = record(cert_number="110101199003071234", name_zh="")
    findings = check_record(wrong, today=TODAY)
    assert sum(f.severity == "error" for f in findings) == 2
    page = render_html(wrong, findings, "en")
    assert "2 errors" in page and "error(s)" not in page
    one = record(cert_number="110101199003071234")
    assert "1 error," in render_html(one, check_record(one, today=TODAY), "en")
