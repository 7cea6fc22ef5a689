"""Passphrase rules and a gentle strength hint. No key material is stored here."""

from __future__ import annotations

import math
import string
from dataclasses import dataclass

MIN_LENGTH = 8
MAX_LENGTH = 1024

# A handful of the passphrases people reach for first; enough to catch the obvious.
_COMMON = frozenset((
    "password", "passw0rd", "password1", "12345678", "123456789", "1234567890",
    "qwertyuiop", "qwerty123", "iloveyou", "letmein1", "trustno1", "sunshine", "princess",
    "football", "baseball", "welcome1", "abc12345", "11111111", "00000000", "monkey123",
    "dragon123", "changeme", "trustdesk", "mypassword",
))


@dataclass(frozen=True)
class Strength:
    level: int      # 0 too short, 1 weak, 2 fair, 3 strong
    label: str
    hint: str


def estimate_bits(passphrase: str) -> float:
    """A rough guess of guessing difficulty: pool size by character classes times length,
    with repeated characters counted once per run."""
    if not passphrase:
        return 0.0
    pool = 0
    if any(c in string.ascii_lowercase for c in passphrase):
        pool += 26
    if any(c in string.ascii_uppercase for c in passphrase):
        pool += 26
    if any(c in string.digits for c in passphrase):
        pool += 10
    if any(c in string.punctuation or c == " " for c in passphrase):
        pool += 33
    if any(ord(c) > 127 for c in passphrase):
        pool += 100
    runs = sum(1 for i, c in enumerate(passphrase) if i == 0 or c != passphrase[i - 1])
    return runs * math.log2(max(pool, 2))


def strength(passphrase: str) -> Strength:
    """How good a new passphrase looks, with one kind sentence of advice."""
    if len(passphrase) < MIN_LENGTH:
        return Strength(0, "Too short", f"Use at least {MIN_LENGTH} characters. "
                        "A few unrelated words work well.")
    if passphrase.lower() in _COMMON or len(set(passphrase)) <= 2:
        return Strength(1, "Weak", "This one is easy to guess. Try a few unrelated words.")
    bits = estimate_bits(passphrase)
    if bits < 45:
        return Strength(1, "Weak", "Longer is stronger: add another word or two.")
    if bits < 70:
        return Strength(2, "Fair", "One more word would make it strong.")
    return Strength(3, "Strong", "Make sure you will remember it.")


def problem_with_new(passphrase: str, repeated: str) -> str | None:
    """Why a new passphrase can't be used yet, or None when it can."""
    if len(passphrase) < MIN_LENGTH:
        return f"Your passphrase needs at least {MIN_LENGTH} characters."
    if len(passphrase) > MAX_LENGTH:
        return f"Please keep your passphrase under {MAX_LENGTH} characters."
    if passphrase != repeated:
        return "The two passphrases don't match yet."
    return None
