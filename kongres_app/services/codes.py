"""Registration codes (read aloud, typed, scanned) and management-link secrets."""

from __future__ import annotations

import hashlib
import secrets

# No 0/O, 1/I/L: a code read over the phone or typed from paper is not misread.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
TOKEN_BYTES = 32


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def display_code(code: str) -> str:
    """``ABCD2345`` → ``ABCD-2345`` for reading."""
    return f"{code[:4]}-{code[4:]}" if len(code) == CODE_LENGTH else code


def normalise_code(typed: str) -> str | None:
    """What a person typed or a scanner sent → the stored form, or None if it cannot be a code."""
    cleaned = "".join(ch for ch in typed.upper() if ch not in " -_\t\r\n")
    if len(cleaned) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in cleaned):
        return None
    return cleaned


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    # The token has 256 bits of entropy, so a fast hash is enough (nothing to brute-force).
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
