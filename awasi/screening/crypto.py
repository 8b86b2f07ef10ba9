"""NIK encryption at rest (Fernet: AES-128-CBC + HMAC-SHA256, from the ``cryptography`` package).

The linker needs the full NIK digits (a one-digit typo is evidence), so a hash alone would not do;
the NIK is therefore stored encrypted and decrypted only inside a screening run. The key comes from
``AWASI_SCREENING_NIK_KEY`` (a Fernet key) or, failing that, is derived from ``SECRET_KEY`` with
HKDF so that development works without extra configuration.
"""

from __future__ import annotations

import base64
import os
from functools import lru_cache

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings


@lru_cache(maxsize=4)
def _fernet(secret: str, explicit: str) -> Fernet:
    if explicit:
        return Fernet(explicit.encode())
    derived = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=b"awasi-screening-nik", info=b"nik-at-rest"
    ).derive(secret.encode())
    return Fernet(base64.urlsafe_b64encode(derived))


def fernet() -> Fernet:
    """The cipher for NIKs (explicit key from the environment, else derived from SECRET_KEY)."""
    return _fernet(settings.SECRET_KEY, os.environ.get("AWASI_SCREENING_NIK_KEY", ""))


def encrypt_nik(nik: str) -> str:
    """Ciphertext of a NIK ("" stays "")."""
    return fernet().encrypt(nik.encode()).decode() if nik else ""


def decrypt_nik(token: str) -> str:
    """The NIK back from its ciphertext ("" stays "")."""
    return fernet().decrypt(token.encode()).decode() if token else ""


def mask_nik(nik: str) -> str:
    """NIK as shown in every list: regency code and serial kept, the rest hidden."""
    return f"{nik[:4]}********{nik[12:]}" if len(nik) == 16 else "*" * min(len(nik), 16)
