"""Production settings: secure cookies, HTTPS, hashed static files; everything else from env."""

from .base import *  # noqa: F403

DEBUG = False
SESSION_COOKIE_SECURE = env.bool("AWASI_SECURE_COOKIES", default=True)  # noqa: F405
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("AWASI_HSTS_SECONDS", default=0)  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
if SECRET_KEY.startswith("awasi-insecure"):  # noqa: F405
    raise RuntimeError("Set AWASI_SECRET_KEY (or AWASI_SECRET_KEY_FILE) in production.")
