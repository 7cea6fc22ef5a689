from __future__ import annotations

from trustdesk.domain.passphrase import MIN_LENGTH, problem_with_new, strength


def test_short_passphrases_are_too_short():
    assert strength("abc").level == 0
    assert problem_with_new("abc", "abc") is not None


def test_common_and_repetitive_passphrases_are_weak():
    assert strength("password").level == 1
    assert strength("aaaaaaaaaaaa").level == 1


def test_a_few_unrelated_words_are_strong():
    assert strength("lantern orbit pebble quietly").level == 3


def test_strength_grows_with_length():
    levels = [strength("Tulip7" + "x9Q" * n).level for n in range(0, 6)]
    assert levels == sorted(levels)
    assert levels[-1] == 3


def test_new_passphrase_must_be_typed_twice_the_same():
    mismatch = problem_with_new("lantern orbit", "lantern orbiT")
    assert mismatch == "The two passphrases don't match yet."
    assert problem_with_new("lantern orbit", "lantern orbit") is None
    assert problem_with_new("x" * MIN_LENGTH, "x" * MIN_LENGTH) is None
