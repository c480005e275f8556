"""E-mail address syntax as registrars accept it (RFC 5322 dot-atom, RFC 5321 lengths).

EPP only requires a non-empty token; registrars check the usual ``local@domain.tld`` shape and
send a verification mail, so anything a mail server would refuse is worth flagging early.
"""

from __future__ import annotations

import re
import unicodedata

from desktop.core.normalize import fold_fullwidth

_ATOM = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+")
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
_TLD = re.compile(r"[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59}")
MAX_LENGTH = 254
MAX_LOCAL = 64


def clean(text: str) -> str:
    """Half-width, without whitespace or invisible format characters (zero-width spaces and
    joiners, soft hyphens, direction marks: Unicode category Cf, pasted in from chat apps and web
    pages), Chinese full stops as dots.

    >>> clean(" zhang ＠ example。com "), clean("zhang\u200b@exam\u00adple.com\u200e")
    ('zhang@example.com', 'zhang@example.com')
    """
    visible = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return "".join(fold_fullwidth(visible).split()).replace("。", ".")


def problem(address: str) -> str | None:
    """Why an address (already cleaned) would be refused, or None.

    >>> [problem(a) for a in ("a.b@example.com.cn", "a@@b.com", "a..b@x.com", "a@localhost")]
    [None, 'at_sign', 'local_part', 'domain']
    >>> problem("张三@example.com")
    'non_ascii'
    """
    if address.count("@") != 1:
        return "at_sign"
    if not address.isascii():
        return "non_ascii"
    if len(address) > MAX_LENGTH:
        return "length"
    local, domain = address.split("@")
    if not local or len(local) > MAX_LOCAL or not all(_ATOM.fullmatch(p) for p in local.split(".")):
        return "local_part"
    labels = domain.split(".")
    if len(labels) < 2 or not all(_LABEL.fullmatch(label) for label in labels):
        return "domain"
    return None if _TLD.fullmatch(labels[-1]) else "domain"


def tld(address: str) -> str:
    """The top-level domain of an address, lower case.

    >>> tld("admin@Example.CLUB")
    'club'
    """
    return address.rsplit(".", 1)[-1].lower() if "." in address else ""
