"""Reading a typed number: each typing slip named once, the value with the slips undone."""

from __future__ import annotations

import pytest

from desktop.core.numbers.entry import read


@pytest.mark.parametrize(
    ("typed", "value", "slips"),
    [
        ("110101199003071233", "110101199003071233", ()),
        ("１１０１０１１９９００３０７１２３３", "110101199003071233", ("fullwidth",)),
        ("110101 19900307 1233", "110101199003071233", ("whitespace",)),
        ("110101199003071233\u3000", "110101199003071233", ("whitespace",)),
        ("110101199003071233\n", "110101199003071233", ("whitespace",)),
        ("\ufeff110101199003071233\u200b", "110101199003071233", ("whitespace",)),
        ("91350100M000100Y43(1-1)", "91350100M000100Y43", ("copy_suffix",)),
        ("91350100M000100Y43（1－2）", "91350100M000100Y43", ("fullwidth", "copy_suffix")),
        ("91350100M000100Y43副本(1-1)", "91350100M000100Y43", ("copy_suffix",)),
        ("91350100M000100Y43 (1—1)", "91350100M000100Y43", ("whitespace", "copy_suffix")),
        ("110101-19900307-1233", "110101199003071233", ("punctuation",)),
        ("11010119900307123x", "11010119900307123X", ("lowercase",)),
        (
            " ９１３５０１００ｍ０００１００ｙ４３（１－１）",
            "91350100M000100Y43",
            ("whitespace", "fullwidth", "copy_suffix", "lowercase"),
        ),
    ],
)
def test_slips(typed: str, value: str, slips: tuple[str, ...]) -> None:
    entry = read(typed)
    assert (entry.value, entry.slips) == (value, slips)


def test_decoration_the_format_allows_is_kept() -> None:
    assert read("D2143569-X", decoration="-").slips == ()
    assert read("A123456(3)", decoration="()").value == "A123456(3)"


def test_punctuation_is_listed_once() -> None:
    entry = read("110.101-199003-071233")
    assert entry.removed == ".-"


def test_a_bracketed_check_character_is_no_copy_suffix() -> None:
    assert read("A123456(3)", decoration="()").slips == ()


def test_free_numbers_keep_case_and_punctuation() -> None:
    entry = read("Cert. No. 12/ab ", strict=False)
    assert (entry.value, entry.slips) == ("Cert.No.12/ab", ("whitespace",))


def test_a_lone_copy_number_is_kept() -> None:
    assert read("(1-1)", strict=False).value == "(1-1)"
