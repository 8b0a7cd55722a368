"""Every interface label exists in both languages with the same placeholders."""

import string

import pytest

from app.i18n import LABELS, LANGUAGES


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(LABELS))
def test_label_has_both_languages_and_the_same_placeholders(key):
    assert set(LABELS[key]) == set(LANGUAGES)
    assert placeholders(LABELS[key]["zh"]) == placeholders(LABELS[key]["en"])
