"""Domain names as CNNIC sees them: labels, zones and the ACE (Punycode) form (reference 6.1).

``parse`` accepts what resellers type — upper case, full-width letters, the Chinese full stop
``。``, ``xn--`` labels, a pasted URL — and returns the Unicode name, its zone and the problems
found, each with a key into ``resources/domains.json`` ("problems").

The mapping (UTS 46) and the ACE form (IDNA 2008) come from the ``idna`` package; CNNIC's own
policy (LDH or Chinese only, zones, lengths) is checked on top. ``idna`` is imported only for a
non-ASCII name, so ``check`` on an ASCII domain starts as fast as before. A name longer than 253
characters is refused by length alone: Punycode is quadratic, and no such name can be registered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.core import rules
from desktop.core.normalize import fold_fullwidth, has_cjk

_DOTS = re.compile("[。．｡]")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://|^//")
_LDH = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


@dataclass
class Domain:
    """A parsed domain: ``labels`` in Unicode, the CNNIC ``zone`` ("" when not CNNIC's)."""

    text: str
    labels: list[str] = field(default_factory=list)
    zone: str = ""
    problems: list[tuple[str, str]] = field(default_factory=list)  # (problem key, label)
    cleaned: str = ""  # the input with only safe, mechanical corrections applied

    @property
    def name(self) -> str:
        """The registrable label (left of the zone), or "" when there is none."""
        depth = self.zone.count(".") + 1 if self.zone else 1
        return self.labels[-depth - 1] if len(self.labels) > depth else ""

    @property
    def registrable(self) -> str:
        """The name the holder registers: registrable label + zone (no www. in front)."""
        depth = self.zone.count(".") + 1 if self.zone else 1
        return ".".join(self.labels[-depth - 1 :]) if self.name else ""


def _data() -> dict:
    return rules.load("domains")


def ace(label: str) -> str:
    """The ACE form of one label (``xn--`` + Punycode) as the registry stores it.

    >>> ace("中文域名"), ace("中国"), ace("example")
    ('xn--fiq06l2rdsvs', 'xn--fiqs8s', 'example')
    """
    if label.isascii():
        return label
    if len(label) > _data()["max_label_length"]:  # too long anyway: no quadratic encoding
        return "xn--" + label
    try:
        return "xn--" + label.encode("punycode").decode("ascii")
    except UnicodeError:  # an unpaired surrogate: no ACE form exists
        return "xn--" + label


def idna_allowed(label: str) -> bool:
    """True when IDNA 2008 accepts ``label`` (U+F90A, a compatibility ideograph, it does not).

    >>> idna_allowed("中文"), idna_allowed("\uf90a")
    (True, False)
    """
    import idna

    try:
        idna.alabel(label)
    except (idna.IDNAError, UnicodeError, ValueError):
        return False
    return True


def decode_label(label: str) -> str | None:
    """Decode an ``xn--`` label to Unicode (None when it is not valid Punycode).

    >>> decode_label("xn--fiqs8s"), decode_label("xn--zz"), decode_label("abc")
    ('中国', None, 'abc')
    """
    if not label.startswith("xn--"):
        return label
    if len(label) > _data()["max_label_length"]:  # not a label: no quadratic decoding
        return None
    try:
        text = label[4:].encode("ascii").decode("punycode")
    except (UnicodeError, ValueError):
        return None
    return text if text and not text.isascii() else None


def uts46_map(text: str) -> str:
    """UTS 46 mapping (what browsers and registries do to a typed name), non-transitional;
    the text unchanged when it holds something UTS 46 refuses (the checks then say what).

    >>> uts46_map("\uf90a.cn"), uts46_map("ＡＢＣ。中国")
    ('金.cn', 'abc.中国')
    """
    if text.isascii():
        return text.lower()
    import idna

    try:
        return idna.uts46_remap(text, std3_rules=False, transitional=False)
    except (idna.IDNAError, UnicodeError, ValueError):
        return text


def clean_text(text: str) -> str:
    """Mechanical corrections: trim, half-width, lower case, 。 as dot, URL to host name.

    >>> clean_text(" HTTP://WWW.Example.CN/path "), clean_text("中文。中国")
    ('www.example.cn', '中文.中国')
    >>> clean_text("ａｂｃ.cn.")
    'abc.cn'
    """
    value = _DOTS.sub(".", fold_fullwidth(text).strip()).lower()
    if "/" in value:  # a pasted URL: keep the host only
        host = _SCHEME.sub("", value).split("/")[0].split("?")[0].split("#")[0]
        value = host.rsplit("@", 1)[-1].split(":")[0] or value
    if len(value) <= _data()["max_domain_length"]:
        value = uts46_map(value)
    return value.rstrip(".")


def zone_of(labels: list[str]) -> str:
    """The CNNIC zone a name sits in ("cn", "com.cn", "bj.cn", "中国" ...), or "".

    >>> zone_of(["example", "com", "cn"]), zone_of(["中文", "公司"]), zone_of(["example", "com"])
    ('com.cn', '公司', '')
    """
    data = _data()
    if not labels or labels[-1] not in data["tlds"]:
        return ""
    if len(labels) >= 2 and ".".join(labels[-2:]) in data["cn_zones"]:
        return ".".join(labels[-2:])
    return labels[-1]


def parse(text: str) -> Domain:
    """Split, decode and check a typed domain name.

    >>> d = parse("WWW.中文域名。中国")
    >>> d.registrable, d.zone, d.problems
    ('中文域名.中国', '中国', [])
    >>> parse("ab--cd.cn").problems
    [('hyphen_34', 'ab--cd')]
    """
    cleaned = clean_text(text)
    domain = Domain(text, cleaned=cleaned)
    if len(cleaned) > _data()["max_domain_length"]:  # refused by its length alone
        domain.labels = cleaned.split(".")
        domain.zone = zone_of(domain.labels)
        domain.problems.append(("domain_length", ""))
        return domain
    if cleaned != _DOTS.sub(".", text.strip()).lower():
        domain.problems.append(("typed_form", ""))
    raw_labels = cleaned.split(".")
    for raw in raw_labels:
        label = decode_label(raw)
        if label is None:
            domain.problems.append(("bad_ace", raw))
            label = raw
        domain.labels.append(label)
    domain.zone = zone_of(domain.labels)
    _check_shape(domain)
    undecodable = {label for problem, label in domain.problems if problem == "bad_ace"}
    for label in domain.labels[: len(domain.labels) - (domain.zone.count(".") + 1)]:
        if label not in undecodable:
            domain.problems.extend((p, label) for p in label_problems(label, domain.zone))
    return domain


def _check_shape(domain: Domain) -> None:
    if any(not label for label in domain.labels):
        domain.problems.append(("empty_label", ""))
    elif len(domain.labels) == 1 and not domain.zone:
        domain.problems.append(("no_zone", ""))
    elif not domain.name:
        domain.problems.append(("no_name", ""))
    elif domain.zone in _data()["chinese_tlds"] and not has_cjk(domain.name):
        domain.problems.append(("needs_chinese", domain.name))
    elif domain.zone in _data()["no_chinese_zones"] and not domain.name.isascii():
        domain.problems.append(("chinese_under_zone", domain.name))
    if len(".".join(ace(label) for label in domain.labels)) > _data()["max_domain_length"]:
        domain.problems.append(("domain_length", ""))


def _allowed(char: str, zone: str) -> bool:
    """LDH or Chinese under CNNIC zones; any letter or digit elsewhere (generic IDNA)."""
    if char in _LDH:
        return True
    return has_cjk(char) if zone else char.isalnum()


def label_problems(label: str, zone: str) -> list[str]:
    """Problem keys of one label under ``zone`` ("" = not a CNNIC zone: generic rules only).

    >>> label_problems("-abc", "cn"), label_problems("a--b", "cn"), label_problems("a--b", "")
    (['hyphen_edge'], ['double_hyphen'], [])
    >>> label_problems("abc_1", "cn"), label_problems("中文-域名", "中国")
    (['characters'], [])
    """
    if not label:
        return []
    problems = []
    if not all(_allowed(c, zone) for c in label):
        problems.append("characters")
    elif not label.isascii() and not idna_allowed(label):
        problems.append("idna")
    if label.startswith("-") or label.endswith("-"):
        problems.append("hyphen_edge")
    if label[2:4] == "--":
        problems.append("hyphen_34")
    elif zone and "--" in label:
        problems.append("double_hyphen")
    limit = _data()["max_label_length"]
    if label.isascii() and len(label) > limit:
        problems.append("label_length")
    elif not label.isascii() and len(ace(label)) > limit:
        problems.append("ace_length")
    return problems
