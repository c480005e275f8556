"""Generate a synthetic OCR test set: certificates from random truth, clean and photographed.

Every document is written twice, as a clean scan (``NNN-kind-clean.jpg``) and as a phone photo
(``NNN-kind-photo.jpg``: rotation ±5°, perspective, blur, uneven light, noise, JPEG artefacts), each
with its truth beside it (``.json``: kind, name, number, dates and the typed record that matches).
A third sample per document shows one failure class of real scans (issue 10): a two-column
licence, a passport whose MRZ has one damaged character, a scan turned 90/180/270° without EXIF,
or a low-resolution upload (``NNN-kind-twocol|mrzdamage|rotated|lowres.jpg``).

    python3 scripts/make_ocr_set.py OUT_DIR [--docs 120] [--seed 6]
    python3 scripts/make_ocr_set.py --write-font-subset      # refresh tests/fonts (needs fonttools)

Drawing uses the WenQuanYi Micro Hei glyph subset shipped in ``tests/fonts`` (Apache-2.0/GPLv3), so
the output is the same on every machine. Needs Pillow, numpy and pypinyin (the ``ocr`` extra).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from pypinyin import Style, lazy_pinyin

ROOT = Path(__file__).resolve().parents[1]
SUBSET_FONT = ROOT / "tests" / "fonts" / "wqy-microhei-subset.ttf"
SYSTEM_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
TODAY = date(2026, 6, 1)  # the date the truth's "expired" flag is computed against

# --- vocabulary (every character drawn must be in the font subset: see charset()) -----------------
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"  # noqa: E501
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方")
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂文辉鑫华玲婷宇浩然子轩梓涵一诺欣怡雨泽思博瑞晨嘉琪佳颖宏志建国红梅春燕海峰俊凯鹏飞亮琳雪晓东斌云龙彤睿彬瑶琦璐菲倩蕾媛晗昊哲翔毅恒楠凡婉清诗雅慧"  # noqa: E501
TRAD_SURNAMES = "陳張黃劉林王李吳楊蔡鄭許謝郭洪曾周賴葉蘇莊呂"
TRAD_GIVEN = "志明偉雅婷怡君嘉豪俊傑家華美玲淑芬宏文建國榮慧詩穎欣儀佩珊冠宇翰霖"
LATIN_GIVEN = ("JOHN", "MARY", "DAVID", "ANNA", "PETER", "LINDA", "MICHAEL", "SARAH", "THOMAS")
LATIN_SURNAMES = ("SMITH", "MUELLER", "JOHNSON", "BROWN", "TANAKA", "MARTIN", "WILSON", "GARCIA")
CITIES = {
    "北京": ("110101", "东城区"),
    "上海": ("310104", "徐汇区"),
    "深圳": ("440305", "南山区"),
    "杭州": ("330106", "西湖区"),
    "广州": ("440106", "天河区"),
    "成都": ("510107", "武侯区"),
    "武汉": ("420106", "武昌区"),
    "南京": ("320102", "玄武区"),
    "厦门": ("350203", "思明区"),
    "西安": ("610113", "雁塔区"),
    "苏州": ("320505", "虎丘区"),
    "天津": ("120101", "和平区"),
}
ROADS = ("中山路", "人民路", "解放路", "建设路", "长江路", "文化路", "科技园路", "学院路", "新华街")
BRANDS = "星辰云海创新智联博远华信恒达瑞丰天成鼎盛宏图卓越汇通锦程启明致远同心弘毅鸿运佳讯"
TRADES = (
    "科技",
    "信息技术",
    "网络科技",
    "电子商务",
    "文化传媒",
    "贸易",
    "软件",
    "数据服务",
    "教育咨询",
)
FORMS = ("有限公司", "有限责任公司", "股份有限公司")
ETHNIC = "汉回满壮苗"
SCOPE = (
    "技术开发、技术咨询、技术服务；软件开发；信息系统集成服务；数据处理和存储支持服务；"
    "互联网信息服务；广告设计、代理；会议及展览服务；企业管理咨询。"
)
LABELS = (
    "姓名性别民族出生年月日住址公民身份号码中华人民共和国居民身份证签发机关有效期限长期公安局分局"
    "营业执照副本统一社会信用代码名称类型住所法定代表人注册资本成立日期营业期限至经营范围登记机关"
    "壹佰伍拾万元整人民币限责任公司自然投资或控股市场监督管理局国家企业用示系统网址扫描二维码了解更多备案许可监管"
    "证书机构地址颁发单位有效期登记号组织代管质量技术监督事业法负责企业"
    "护照类型国家码号姓名性别国籍出生地点签发日期签发地点有效期至机关移民管理局男女"
    "港澳居民来往内地通行证台湾大陆换证次数出入境管理局证件号码居住证通行证号码签发次数"
    "外国人永久居留身份证公安部编信息公示香港特别行政区\u3000"
    "〇一二三四五六七八九十（）()、，；：：·"
)
MONTHS_EN = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


@cache
def charset() -> str:
    """Every character the generator can draw (the font subset must cover it)."""
    chars = set(SURNAMES + "".join(COMPOUND_SURNAMES) + GIVEN + TRAD_SURNAMES + TRAD_GIVEN)
    chars |= set("".join(CITIES) + "".join(d for _, d in CITIES.values()) + "".join(ROADS))
    chars |= set(BRANDS + "".join(TRADES) + "".join(FORMS) + ETHNIC + SCOPE + LABELS)
    chars |= set("省市区县号楼室街道路") | {chr(c) for c in range(0x20, 0x7F)}
    return "".join(sorted(chars))


# --- numbers with their check characters (cnnic-rules.md 2) ---------------------------------------
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def ric(area: str, born: date, rng: random.Random) -> str:
    body = f"{area}{born:%Y%m%d}{rng.randrange(1000):03d}"
    r = (12 - sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(body)) % 11) % 11
    return body + ("X" if r == 10 else str(r))


def org_code(rng: random.Random) -> str:
    body = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    values = [int(c) if c.isdigit() else ord(c) - 55 for c in body]
    c = 11 - sum(v * w for v, w in zip(values, (3, 7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
    return body + {10: "X", 11: "0"}.get(c, str(c))


def uscc(prefix: str, area: str, rng: random.Random) -> str:
    body = prefix + area + org_code(rng).replace("X", "Y")
    total = sum(USCC_ALPHABET.index(c) * pow(3, i, 31) for i, c in enumerate(body))
    return body + USCC_ALPHABET[(31 - total % 31) % 31]


def mrz_check(text: str) -> str:
    def value(c: str) -> int:
        return int(c) if c.isdigit() else 0 if c == "<" else ord(c) - 55

    return str(sum(value(c) * (7, 3, 1)[i % 3] for i, c in enumerate(text)) % 10)


# --- truth ----------------------------------------------------------------------------------------
@dataclass
class Truth:
    kind: str
    name: str = ""
    number: str = ""
    issue_date: str = ""
    expiry_date: str = ""  # ISO date, "long-term" or ""
    company: str = ""
    record: dict = field(default_factory=dict)

    def to_json(self, variant: str) -> dict:
        expired = self.expiry_date not in ("", "long-term") and (
            date.fromisoformat(self.expiry_date) < TODAY
        )
        return {**self.__dict__, "variant": variant, "today": TODAY.isoformat(), "expired": expired}


def person_name(rng: random.Random, trad: bool = False) -> str:
    if trad:
        return rng.choice(TRAD_SURNAMES) + "".join(rng.sample(TRAD_GIVEN, rng.choice((1, 2, 2))))
    surname = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.05 else rng.choice(SURNAMES)
    return surname + "".join(rng.sample(GIVEN, rng.choice((1, 2, 2, 2))))


def romanised(name: str) -> tuple[str, str]:
    """Surname and given names in capitals (pinyin; good enough for drawing)."""
    syllables = [s.upper() for s in lazy_pinyin(name, style=Style.NORMAL)]
    cut = 2 if name[:2] in COMPOUND_SURNAMES else 1
    return "".join(syllables[:cut]), "".join(syllables[cut:])


def company_name(rng: random.Random, city: str) -> str:
    brand = "".join(rng.sample(BRANDS, 2))
    if rng.random() < 0.2:
        return f"{brand}{rng.choice(TRADES)}（{city}）{rng.choice(FORMS)}"
    return f"{city}{brand}{rng.choice(TRADES)}{rng.choice(FORMS)}"


def random_date(rng: random.Random, start: int, end: int) -> date:
    return date(start, 1, 1) + timedelta(
        days=rng.randrange((date(end, 1, 1) - date(start, 1, 1)).days)
    )


def validity(rng: random.Random, years: tuple[int, ...], expired_share: float) -> tuple[date, date]:
    span = rng.choice(years)
    if span < 90 and rng.random() < expired_share:  # 99: long-term, never expired
        issued = random_date(rng, 2005, TODAY.year - span)
    else:
        issued = random_date(rng, max(2008, TODAY.year - span + 1), TODAY.year)
    try:
        return issued, issued.replace(year=issued.year + span)
    except ValueError:  # 29 February
        return issued, issued.replace(year=issued.year + span, day=28)


def address(rng: random.Random, city: str) -> str:
    district = CITIES[city][1]
    return f"{city}市{district}{rng.choice(ROADS)}{rng.randrange(1, 300)}号{rng.randrange(1, 30)}楼"


# --- drawing --------------------------------------------------------------------------------------
@cache
def font(size: int) -> ImageFont.FreeTypeFont:
    path = SUBSET_FONT if SUBSET_FONT.exists() else SYSTEM_FONT
    return ImageFont.truetype(str(path), size)


class Page:
    """A blank document with helpers to draw labelled text."""

    def __init__(self, size: tuple[int, int], tint: tuple[int, int, int], rng: random.Random):
        self.image = Image.new("RGB", size, tint)
        self.draw = ImageDraw.Draw(self.image)
        self.rng = rng
        self._guilloche(tint)

    def _guilloche(self, tint: tuple[int, int, int]) -> None:
        w, h = self.image.size
        line = tuple(max(0, c - 18) for c in tint)
        for k in range(0, h, max(8, h // 40)):
            pts = [(x, k + 6 * np.sin(x / 37 + k)) for x in range(0, w, 12)]
            self.draw.line(pts, fill=line, width=1)

    def text(self, xy: tuple[float, float], s: str, size: int, fill=(20, 20, 20), gap: int = 0):
        missing = set(s) - set(charset())
        if missing:
            raise ValueError(f"add {''.join(sorted(missing))} to the vocabulary (font subset)")
        if not gap:
            self.draw.text(xy, s, font=font(size), fill=fill)
            return
        x, y = xy
        for ch in s:
            self.draw.text((x, y), ch, font=font(size), fill=fill)
            x += font(size).getlength(ch) + gap

    def field(self, xy, label: str, value: str, size: int, label_width: float, **kw) -> None:
        self.text(xy, label, size, fill=(60, 90, 140), gap=kw.pop("label_gap", 0))
        self.text((xy[0] + label_width, xy[1]), value, size, **kw)

    def photo(self, box: tuple[int, int, int, int]) -> None:
        """A grey portrait placeholder (head and shoulders), clipped to ``box``."""
        x0, y0, x1, y1 = box
        w, h = x1 - x0, y1 - y0
        portrait = Image.new("RGB", (w, h), (222, 226, 232))
        draw, grey = ImageDraw.Draw(portrait), (90, 90, 100)
        draw.ellipse((w * 0.28, w * 0.18, w * 0.72, w * 0.66), fill=grey)
        draw.ellipse((w * 0.08, w * 0.72, w * 0.92, h + w * 0.5), fill=grey)
        self.image.paste(portrait, (x0, y0))

    def seal(self, centre: tuple[float, float], radius: float) -> None:
        x, y = centre
        red = (214, 50, 50)
        self.draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=red, width=5)
        star = []
        for i in range(10):
            r = radius * (0.35 if i % 2 == 0 else 0.14)
            a = -np.pi / 2 + i * np.pi / 5
            star.append((x + r * np.cos(a), y + r * np.sin(a)))
        self.draw.polygon(star, fill=red)


def dotted(d: date) -> str:
    return f"{d:%Y.%m.%d}"


def chinese_date(d: date) -> str:
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


# --- documents ------------------------------------------------------------------------------------
CARD = (1012, 638)


def id_front(rng: random.Random, residence: str = "") -> tuple[Image.Image, Truth]:
    city = rng.choice(list(CITIES))
    name = person_name(rng, trad=residence == "830000" and rng.random() < 0.5)
    born = random_date(rng, 1955, 2004)
    number = ric(residence or CITIES[city][0], born, rng)
    sex = "男" if int(number[16]) % 2 else "女"
    page = Page(CARD, (238, 242, 246), rng)
    s = 34
    page.field((70, 70), "姓名", name, s + 4, 110, label_gap=6)
    page.field((70, 150), "性别", sex, s, 110, label_gap=6)
    page.field((300, 150), "民族", "汉" if residence else rng.choice(ETHNIC), s, 110, label_gap=6)
    page.field((70, 225), "出生", f"{born.year}  年  {born.month}  月  {born.day}  日", s, 110)
    addr = address(rng, city)
    page.field((70, 300), "住址", addr[:13], s, 110, label_gap=6)
    if len(addr) > 13:
        page.text((180, 350), addr[13:], s)
    page.field((70, 520), "公民身份号码", number, 38, 300, label_gap=4)
    page.photo((680, 90, 930, 420))
    kind = "residence_permit" if residence else "id_front"
    cert = {"810000": "GAJZZ", "820000": "GAJZZ", "830000": "TWJZZ"}.get(residence, "SFZ")
    region = {"810000": "HK", "820000": "MO", "830000": "TW"}.get(residence, "CN")
    record = _person_record(cert, name, number, region)
    return page.image, Truth(kind, name, number, record=record)


def id_back(rng: random.Random, residence: str = "") -> tuple[Image.Image, Truth]:
    city = rng.choice(list(CITIES))
    page = Page(CARD, (244, 240, 232), rng)
    page.seal((150, 150), 95)
    if residence:
        page.text((300, 90), "中华人民共和国", 52, fill=(30, 30, 30), gap=8)
        title = "台湾居民居住证" if residence == "830000" else "港澳居民居住证"
        page.text((300, 175), title, 58, fill=(30, 30, 30), gap=10)
    else:
        page.text((330, 110), "中华人民共和国", 58, fill=(30, 30, 30), gap=10)
        page.text((330, 215), "居民身份证", 72, fill=(30, 30, 30), gap=22)
    authority = f"{city}市公安局{CITIES[city][1]}分局"
    page.field((200, 430), "签发机关", authority, 34, 190, label_gap=8)
    issued, expiry = validity(rng, (5, 10, 20, 99), 0.15)
    end = "长期" if expiry.year - issued.year == 99 else dotted(expiry)
    page.field((200, 500), "有效期限", f"{dotted(issued)}-{end}", 34, 190, label_gap=8)
    permit = ""
    if residence:
        permit = ("T" if residence == "830000" else "H") + f"{rng.randrange(10**8):08d}"
        permit = permit[1:] if residence == "830000" else permit
        page.field((200, 565), "通行证号码", permit, 30, 190)
        page.field((620, 565), "签发次数", f"{rng.randrange(1, 5):02d}", 30, 150)
    kind = "residence_permit_back" if residence else "id_back"
    cert = "TWJZZ" if residence == "830000" else "GAJZZ" if residence else "SFZ"
    truth = Truth(
        kind,
        issue_date=issued.isoformat(),
        expiry_date="long-term" if end == "长期" else expiry.isoformat(),
        record={"holder_type": "individual", "cert_type": cert},
    )
    return page.image, truth


def _person_record(cert: str, name: str, number: str, region: str, **extra: str) -> dict:
    return {
        "holder_type": "individual",
        "region": region,
        "cert_type": cert,
        "name_zh": name,
        "cert_number": number,
        **extra,
    }


def business_licence(rng: random.Random, two_column: bool = False) -> tuple[Image.Image, Truth]:
    """An A4 licence; ``two_column``: fields side by side, a second column right of the name."""
    city = rng.choice(list(CITIES))
    company = company_name(rng, city)
    number = uscc("91", CITIES[city][0], rng)
    founded = random_date(rng, 2000, 2025)
    long_term = rng.random() < 0.6
    expired = not long_term and rng.random() < 0.2
    end = founded.replace(year=min(founded.year + 20, 2099), day=min(founded.day, 28)) - timedelta(
        1
    )
    if expired:
        founded = random_date(rng, 1996, 2005)
        end = founded.replace(year=founded.year + 20, day=min(founded.day, 28)) - timedelta(1)
    page = Page((1654, 2339), (250, 248, 244), rng)
    page.text((560, 160), "营业执照", 120, fill=(190, 40, 40), gap=40)
    page.text((760, 330), "（副本）", 48)
    page.text((1240, 330), f"副本编号：{rng.randrange(1, 3)}-1", 30)
    page.text((150, 430), "统一社会信用代码", 34)
    page.text((150, 480), number, 44)
    rows = [
        ("名　　称", company),
        ("类　　型", "有限责任公司（自然人投资或控股）"),
        ("法定代表人", person_name(rng)),
        ("注册资本", "人民币壹佰伍拾万元整"),
        ("成立日期", chinese_date(founded)),
        ("营业期限", f"{chinese_date(founded)}至{'长期' if long_term else chinese_date(end)}"),
        ("住　　所", address(rng, city)),
    ]
    y = 640
    if two_column:  # the right-hand column must never join the name (real 个体工商户 forms)
        right = [
            ("法定代表人", person_name(rng)),
            ("注册资本", "人民币壹佰伍拾万元整"),
            ("登记机关", f"{city}市场监督管理局"),
        ]
        rows = [r for r in rows if r[0] not in ("法定代表人", "注册资本")]
        for label, value in right:
            page.field((1060, y + 95 * right.index((label, value))), label, value, 34, 200)
    for label, value in rows:
        page.field((150, y), label, value, 36 if two_column else 40, 280)
        y += 95
    page.text((150, y + 20), "经营范围", 40, fill=(60, 90, 140))
    for i in range(0, len(SCOPE), 26):
        page.text((430, y + 20 + (i // 26) * 60), SCOPE[i : i + 26], 34)
    page.seal((1250, 1980), 150)
    page.text((1000, 1900), "登记机关", 44)
    page.text((1080, 2100), chinese_date(random_date(rng, 2016, 2026)), 38)
    page.text((150, 2230), "国家企业信用信息公示系统网址：", 28)
    page.draw.rectangle((150, 1850, 400, 2100), outline=(20, 20, 20), width=6)
    expiry = "long-term" if long_term else end.isoformat()
    record = {
        "holder_type": "organization",
        "region": "CN",
        "cert_type": "YYZZ",
        "name_zh": company,
        "cert_number": number,
    }
    truth = Truth("business_licence", company, number, founded.isoformat(), expiry, company, record)
    return page.image, truth


def uscc_certificate(rng: random.Random) -> tuple[Image.Image, Truth]:
    city = rng.choice(list(CITIES))
    company = company_name(rng, city)
    number = uscc(rng.choice(("91", "12", "52")), CITIES[city][0], rng)
    issued, expiry = validity(rng, (5,), 0.2)
    page = Page((2339, 1654), (248, 246, 236), rng)
    page.text((560, 150), "统一社会信用代码证书", 110, fill=(170, 40, 40), gap=18)
    page.field((300, 420), "统一社会信用代码", number, 48, 440)
    rows = [
        ("机构名称", company),
        ("机构类型", "企业法人"),
        ("法定代表人（负责人）", person_name(rng)),
        ("地　　址", address(rng, city)),
        ("有 效 期", f"自{chinese_date(issued)}至{chinese_date(expiry)}"),
    ]
    y = 560
    for label, value in rows:
        page.field((300, y), label, value, 44, 480)
        y += 120
    page.seal((1800, 1300), 170)
    page.text((1500, 1240), "颁发单位", 44)
    page.text((300, 1450), f"登记号：{CITIES[city][0]}-{rng.randrange(10**6):06d}", 36)
    record = {
        "holder_type": "organization",
        "region": "CN",
        "cert_type": "TYDM",
        "name_zh": company,
        "cert_number": number,
    }
    truth = Truth(
        "uscc_certificate", company, number, issued.isoformat(), expiry.isoformat(), company, record
    )
    return page.image, truth


def org_code_certificate(rng: random.Random) -> tuple[Image.Image, Truth]:
    city = rng.choice(list(CITIES))
    company = company_name(rng, city)
    code = org_code(rng)
    issued, expiry = validity(rng, (4,), 0.3)
    page = Page((1600, 1100), (246, 244, 238), rng)
    page.text((560, 60), "中华人民共和国", 56, gap=10)
    page.text((480, 140), "组织机构代码证", 84, fill=(30, 60, 140), gap=12)
    page.field((200, 300), "代　　码", f"{code[:8]}-{code[8]}", 44, 260)
    rows = [
        ("机构名称", company),
        ("机构类型", "企业法人"),
        ("地　　址", address(rng, city)),
        ("有 效 期", f"自{chinese_date(issued)}至{chinese_date(expiry)}"),
    ]
    y = 400
    for label, value in rows:
        page.field((200, y), label, value, 36, 260)
        y += 90
    page.text((200, 820), f"颁发单位：{city}市质量技术监督局", 34)
    page.text((200, 900), f"登记号：组代管{CITIES[city][0]}-{rng.randrange(10**6):06d}", 30)
    page.seal((1250, 850), 130)
    record = {
        "holder_type": "organization",
        "region": "CN",
        "cert_type": "ORG",
        "name_zh": company,
        "cert_number": code,
    }
    truth = Truth(
        "org_code_certificate",
        company,
        code,
        issued.isoformat(),
        expiry.isoformat(),
        company,
        record,
    )
    return page.image, truth


def passport(rng: random.Random, damaged: bool = False) -> tuple[Image.Image, Truth]:
    """A data page; ``damaged``: one MRZ character printed as its look-alike."""
    flavour = rng.choice(("CHN", "CHN", "HKG", "USA", "GBR"))
    if flavour in ("CHN", "HKG"):
        name = person_name(rng, trad=flavour == "HKG")
        surname, given = romanised(name)
    else:
        name = ""
        surname, given = rng.choice(LATIN_SURNAMES), rng.choice(LATIN_GIVEN)
    prefix = {"CHN": "E", "HKG": "K"}.get(flavour, "")
    number = prefix + "".join(rng.choice("0123456789") for _ in range(9 - len(prefix)))
    if flavour == "CHN" and rng.random() < 0.4:
        number = "E" + rng.choice("ABCDEFGH") + number[2:]
    born = random_date(rng, 1955, 2004)
    issued, expiry = validity(rng, (10,), 0.15)
    sex = rng.choice("MF")
    page = Page((1476, 1039), (240, 236, 246), rng)
    country = {"CHN": "中华人民共和国", "HKG": "中华人民共和国香港特别行政区"}.get(flavour, "")
    page.text((80, 40), f"{country}  PASSPORT 护照" if country else "PASSPORT", 40)
    page.photo((80, 160, 440, 640))
    x = 500
    page.text((x, 150), f"类型/Type  P    国家码/Country code  {flavour}", 28)
    page.text((x + 560, 110), "护照号/Passport No.", 26)
    page.text((x + 560, 145), number, 38, fill=(150, 30, 30))
    page.text((x, 215), "姓/Surname", 26)
    surname_zh = name[:2] if name[:2] in COMPOUND_SURNAMES else name[:1]
    page.text((x, 250), f"{surname_zh}  {surname}" if name else surname, 36)
    page.text((x, 310), "名/Given names", 26)
    page.text((x, 345), f"{name[len(surname_zh) :]}  {given}" if name else given, 36)
    page.text((x, 410), f"性别/Sex  {'男' if sex == 'M' else '女'}/{sex}", 28)
    page.text((x + 400, 410), f"出生日期/Date of birth  {_passport_date(born)}", 28)
    page.text((x, 470), f"签发日期/Date of issue  {_passport_date(issued)}", 28)
    page.text((x, 530), f"有效期至/Date of expiry  {_passport_date(expiry)}", 28)
    page.text((x, 590), "签发机关/Authority  国家移民管理局", 28)
    line1 = f"P<{flavour}{surname}<<{given}".ljust(44, "<")[:44]
    num = number.ljust(9, "<")
    birth, until = f"{born:%y%m%d}", f"{expiry:%y%m%d}"
    tail = f"{birth}{mrz_check(birth)}{sex}{until}{mrz_check(until)}"
    personal = "<" * 14
    core = f"{num}{mrz_check(num)}{flavour}{tail}{personal}{mrz_check(personal)}"
    composite = mrz_check(core[:10] + core[13:20] + core[21:43])
    line2 = core + composite
    if damaged:
        line2 = damage_mrz(line2, rng)
    page.draw.rectangle((0, 760, 1476, 1039), fill=(250, 250, 250))
    mono = ImageFont.truetype(str(SUBSET_FONT if SUBSET_FONT.exists() else SYSTEM_FONT), 46)
    for i, line in enumerate((line1, line2)):
        missing = set(line) - set(charset())
        if missing:
            raise ValueError(f"MRZ characters outside the font subset: {missing}")
        for j, ch in enumerate(line):
            page.draw.text((40 + j * 31.5, 820 + i * 90), ch, font=mono, fill=(10, 10, 10))
    region = {"CHN": "OS", "HKG": "HK"}.get(flavour, "OS")
    typed_name = name or f"{given} {surname}"
    record = _person_record("HZ", typed_name, number, region)
    truth = Truth(
        "passport", typed_name, number, issued.isoformat(), expiry.isoformat(), record=record
    )
    return page.image, truth


def damage_mrz(line2: str, rng: random.Random) -> str:
    """One character of the number (or nationality) field read as its look-alike (0→O, 8→B,
    G→6 …): the check digits must still confirm the number."""
    swaps = {"0": "O", "1": "I", "5": "S", "8": "B", "2": "Z", "G": "6", "B": "8", "S": "5"}
    spots = [i for i in range(9) if line2[i] in swaps] or [
        i for i in range(10, 13) if line2[i] in swaps
    ]
    if not spots:
        return line2
    i = rng.choice(spots)
    return line2[:i] + swaps[line2[i]] + line2[i + 1 :]


def _passport_date(d: date) -> str:
    return f"{d.day:02d} {MONTHS_EN[d.month - 1]} {d.year}"


def travel_permit(rng: random.Random, taiwan: bool) -> tuple[Image.Image, Truth]:
    name = person_name(rng, trad=rng.random() < 0.6)
    surname, given = romanised(name)
    if taiwan:
        number = f"{rng.randrange(10**8):08d}"
    else:
        number = rng.choice("HM") + f"{rng.randrange(10**8):08d}"
    issued, expiry = validity(rng, (5, 10), 0.15)
    page = Page(CARD, (236, 244, 240) if taiwan else (244, 238, 246), rng)
    title = "台湾居民来往大陆通行证" if taiwan else "港澳居民来往内地通行证"
    page.text((330, 40), title, 40, fill=(30, 60, 120), gap=4)
    page.photo((50, 120, 300, 450))
    page.field((340, 120), "姓名", name, 40, 110)
    page.text((450, 175), f"{surname}, {given}", 28)
    page.field((340, 240), "出生日期", dotted(random_date(rng, 1955, 2004)), 30, 150)
    page.field((740, 240), "性别", rng.choice("男女"), 30, 80)
    page.field((340, 300), "有效期限", f"{dotted(issued)}-{dotted(expiry)}", 30, 150)
    page.field((340, 360), "签发机关", "公安部出入境管理局", 30, 150)
    page.field((50, 520), "证件号码", number, 44, 190)
    page.field((640, 530), "换证次数", f"{rng.randrange(0, 4):02d}", 30, 140)
    kind, cert = ("tw_permit", "TWJMTX") if taiwan else ("hk_macao_permit", "GAJMTX")
    region = "TW" if taiwan else {"H": "HK", "M": "MO"}[number[0]]
    record = _person_record(cert, name, number, region)
    truth = Truth(kind, name, number, issued.isoformat(), expiry.isoformat(), record=record)
    return page.image, truth


def fpr_card(rng: random.Random) -> tuple[Image.Image, Truth]:
    surname, given = rng.choice(LATIN_SURNAMES), rng.choice(LATIN_GIVEN)
    born = random_date(rng, 1955, 2004)
    number = ric("9" + rng.choice(("11", "31", "44")) + "840", born, rng)
    issued, expiry = validity(rng, (10,), 0.1)
    page = Page(CARD, (242, 240, 230), rng)
    page.text((300, 40), "外国人永久居留身份证", 40, fill=(120, 60, 20), gap=4)
    page.text((300, 95), "Foreign Permanent Resident ID Card", 26)
    page.field((60, 170), "姓名/Name", f"{surname}, {given}", 34, 200)
    page.field((60, 240), "性别/Sex", "男/M", 30, 200)
    page.field((60, 300), "出生日期/Date of Birth", dotted(born), 30, 360)
    page.field((60, 360), "有效期限/Period of Validity", "", 28, 0)
    page.text((60, 410), f"{dotted(issued)}-{dotted(expiry)}", 30)
    page.field((60, 520), "证件号码/Card No.", number, 38, 300)
    page.photo((720, 170, 950, 480))
    name = f"{surname}, {given}"
    record = _person_record("WJLSFZ", name, number, "OS")
    truth = Truth("fpr", name, number, issued.isoformat(), expiry.isoformat(), record=record)
    return page.image, truth


MAKERS: dict[str, tuple[int, Callable]] = {
    "id_front": (24, id_front),
    "id_back": (10, id_back),
    "business_licence": (18, business_licence),
    "uscc_certificate": (10, uscc_certificate),
    "org_code_certificate": (8, org_code_certificate),
    "passport": (16, passport),
    "hk_macao_permit": (12, lambda r: travel_permit(r, taiwan=False)),
    "tw_permit": (8, lambda r: travel_permit(r, taiwan=True)),
    "residence_permit": (
        8,
        lambda r: id_front(r, residence=r.choice(("810000", "820000", "830000"))),
    ),
    "residence_permit_back": (3, lambda r: id_back(r, residence=r.choice(("810000", "830000")))),
    "fpr": (3, fpr_card),
}


def plan(count: int) -> list[str]:
    """Kinds in proportion to their weights, interleaved (so a short run covers every kind)."""
    total = sum(w for w, _ in MAKERS.values())
    pools = {kind: max(1, round(w * count / total)) for kind, (w, _) in MAKERS.items()}
    order: list[str] = []
    while any(pools.values()):
        for kind in MAKERS:
            if pools[kind]:
                order.append(kind)
                pools[kind] -= 1
    return order[:count]


# --- phone-photo degradation ----------------------------------------------------------------------
def photograph(doc: Image.Image, rng: random.Random) -> Image.Image:
    """Place the document on a desk, tilt, warp, blur, light unevenly and compress it."""
    portrait = doc.height > doc.width
    canvas_size = (1500, 2000) if portrait else (2000, 1500)
    scale = rng.uniform(0.58, 0.86) * min(canvas_size[0] / doc.width, canvas_size[1] / doc.height)
    doc = doc.resize((round(doc.width * scale), round(doc.height * scale)), Image.LANCZOS)
    desk = tuple(rng.randrange(60, 170) for _ in range(3))
    canvas = Image.new("RGB", canvas_size, desk)
    x0 = (canvas_size[0] - doc.width) // 2 + rng.randrange(-60, 61)
    y0 = (canvas_size[1] - doc.height) // 2 + rng.randrange(-60, 61)
    canvas.paste(doc, (x0, y0))
    canvas = _warp(canvas, rng, (x0, y0, x0 + doc.width, y0 + doc.height), desk)
    canvas = canvas.rotate(rng.uniform(-5, 5), resample=Image.BICUBIC, fillcolor=desk)
    canvas = canvas.filter(ImageFilter.GaussianBlur(rng.uniform(0.7, 1.8)))
    pixels = np.asarray(canvas).astype(np.float32)
    pixels *= _light(canvas_size, rng)[..., None]
    pixels += np.random.default_rng(rng.randrange(2**32)).normal(
        0, rng.uniform(3, 10), pixels.shape
    )
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _warp(img: Image.Image, rng: random.Random, box: tuple[int, ...], fill) -> Image.Image:
    x0, y0, x1, y1 = box
    jitter = 0.04 * (x1 - x0)
    src = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    dst = [(x + rng.uniform(-jitter, jitter), y + rng.uniform(-jitter, jitter)) for x, y in src]
    rows = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    coeffs = np.linalg.solve(np.array(rows), np.array(src).reshape(8))
    return img.transform(img.size, Image.PERSPECTIVE, tuple(coeffs), Image.BICUBIC, fillcolor=fill)


def _light(size: tuple[int, int], rng: random.Random) -> np.ndarray:
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = rng.uniform(0, w), rng.uniform(0, h)
    dist = np.hypot(xx - cx, yy - cy) / np.hypot(w, h)
    light = rng.uniform(1.0, 1.12) - rng.uniform(0.3, 0.5) * dist
    if rng.random() < 0.3:  # glare from a lamp
        gx, gy, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0.08, 0.2) * w
        light += rng.uniform(0.3, 0.6) * np.exp(-((xx - gx) ** 2 + (yy - gy) ** 2) / (2 * r * r))
    return light.astype(np.float32)


# --- the failure classes of real scans (issue 10) ------------------------------------------------
LOW_RES = {"card": 320, "page": 700}  # width of a low-resolution card, height of a page


def turned(doc: Image.Image, rng: random.Random) -> Image.Image:
    """The document lying on its side or upside down, with no EXIF tag to say so."""
    return doc.rotate(rng.choice((90, 180, 270)), expand=True)


def low_resolution(doc: Image.Image) -> Image.Image:
    """A card about 320 px wide, a page about 700 px tall (real uploads go that low)."""
    if doc.width > doc.height:
        size = (LOW_RES["card"], round(doc.height * LOW_RES["card"] / doc.width))
    else:
        size = (round(doc.width * LOW_RES["page"] / doc.height), LOW_RES["page"])
    return doc.resize(size, Image.LANCZOS)


def hard_sample(kind: str, rng: random.Random) -> tuple[str, Image.Image, Truth]:
    """(variant, image, truth) of one failure class: two-column licence, damaged MRZ,
    rotation or low resolution."""
    if kind == "business_licence" and rng.random() < 0.5:
        image, truth = business_licence(rng, two_column=True)
        return "twocol", image, truth
    if kind == "passport" and rng.random() < 0.5:
        image, truth = passport(rng, damaged=True)
        return "mrzdamage", image, truth
    image, truth = MAKERS[kind][1](rng)
    if rng.random() < 0.5:
        return "rotated", turned(image, rng), truth
    return "lowres", low_resolution(image), truth


# --- output ---------------------------------------------------------------------------------------
def generate(out: Path, docs: int, seed: int, hard: bool = True) -> int:
    """Each document clean and photographed; with ``hard``, one more sample of a failure class
    per document (``NNN-kind-<variant>.jpg``: twocol, mrzdamage, rotated, lowres)."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    written = 0
    for index, kind in enumerate(plan(docs)):
        image, truth = MAKERS[kind][1](rng)
        stem = f"{index:03d}-{kind}"
        image.save(out / f"{stem}-clean.jpg", quality=92)
        photo = photograph(image, rng)
        photo.save(out / f"{stem}-photo.jpg", quality=rng.randrange(35, 76))
        samples = [("clean", truth), ("photo", truth)]
        if hard:
            variant, image, truth = hard_sample(kind, random.Random(f"{seed}-{index}"))
            image.save(out / f"{stem}-{variant}.jpg", quality=90)
            samples.append((variant, truth))
        for variant, sample_truth in samples:
            text = json.dumps(sample_truth.to_json(variant), ensure_ascii=False, indent=1)
            (out / f"{stem}-{variant}.json").write_text(text + "\n", encoding="utf-8")
        written += len(samples)
    return written


def write_font_subset() -> Path:
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    source = TTCollection(str(SYSTEM_FONT)).fonts[0]
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=charset())
    subsetter.subset(source)
    SUBSET_FONT.parent.mkdir(parents=True, exist_ok=True)
    source.save(str(SUBSET_FONT))
    return SUBSET_FONT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, help="folder to write (git-ignored)")
    parser.add_argument("--docs", type=int, default=120, help="documents (two samples each)")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--no-hard", action="store_true", help="only clean and photo samples")
    parser.add_argument("--write-font-subset", action="store_true")
    args = parser.parse_args(argv)
    if args.write_font_subset:
        print(write_font_subset())
        return 0
    if args.out is None:
        parser.error("give an output folder")
    print(f"{generate(args.out, args.docs, args.seed, not args.no_hard)} samples in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
