"""Reading a closed vault's pages decrypted, byte for byte, the way SQLCipher 4
stores them: so a test can prove that deleted words are gone from the file itself
(free pages and free space inside pages included), not just from query results.

SQLCipher 4 defaults: the first 16 bytes of the file are the salt; the key is
PBKDF2-HMAC-SHA512 (256,000 iterations, 32 bytes) of the passphrase; each 4,096-byte
page ends in 80 reserved bytes (a 16-byte IV, then a 64-byte HMAC), and the bytes
before them are AES-256-CBC (page 1 from byte 16).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80
SALT = 16
KDF_ITERATIONS = 256_000


def decrypted_pages(path: Path, passphrase: str) -> Iterator[bytes]:
    data = path.read_bytes()
    salt = data[:SALT]
    key = hashlib.pbkdf2_hmac("sha512", unicodedata.normalize("NFC", passphrase).encode(),
                              salt, KDF_ITERATIONS, 32)
    for number in range(len(data) // PAGE):
        page = data[number * PAGE:(number + 1) * PAGE]
        start = SALT if number == 0 else 0
        iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        yield decryptor.update(page[start:PAGE - RESERVE]) + decryptor.finalize()


def file_holds(path: Path, passphrase: str, text: str) -> bool:
    """Whether `text` (UTF-8) is anywhere in the decrypted pages of the file."""
    needle = text.encode()
    return any(needle in page for page in decrypted_pages(path, passphrase))
