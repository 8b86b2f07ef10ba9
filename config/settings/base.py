"""Settings shared by every environment; values come from the environment (django-environ).

Secrets may be given directly or as a path in `<NAME>_FILE` (Docker/systemd secrets).
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()
environ.Env.smart_cast = True


def secret(name: str, default: str = "") -> str:
    """Read a secret from `NAME` or from the file named by `NAME_FILE`."""
    path = env.str(f"{name}_FILE", default="")
    if path:
        return Path(path).read_text(encoding="utf-8").strip()
    return env.str(name, default=default)


DEBUG = env.bool("AWASI_DEBUG", default=False)
SECRET_KEY = secret("AWASI_SECRET_KEY", "awasi-insecure-development-key-change-me")
ALLOWED_HOSTS = env.list("AWASI_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("AWASI_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_htmx",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "awasi.core",
    "awasi.regions",
    "awasi.elections",
    "awasi.accounts",
    "awasi.api",
    "awasi.cases",
    "awasi.gakkumdu",
    "awasi.risk",
    "awasi.deployment",
    "awasi.screening",
    "awasi.prevention",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "awasi.core.middleware.DefaultLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "awasi.core.middleware.RegionPickerMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "awasi.core.context_processors.shell",
            ],
        },
    }
]

# SQLite (WAL) is the zero-configuration default; DATABASE_URL selects PostgreSQL.
VAR_DIR = Path(env.str("AWASI_VAR_DIR", default=str(BASE_DIR / "var")))
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'awasi.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("AWASI_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

# Lockout after repeated failures (django-axes): per username and address.
AXES_FAILURE_LIMIT = env.int("AWASI_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AWASI_LOGIN_COOLOFF_HOURS", default=0.25)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS: list[Path] = []  # catalogues live in each app: awasi/<app>/locale/id
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
import leaflet as _leaflet  # noqa: E402

# Leaflet's JS/CSS come from the django-leaflet package's static folder (its Django app needs
# GDAL for admin widgets we do not use, so it is not installed as an app).
STATICFILES_DIRS = [Path(_leaflet.__file__).parent / "static"]
STATIC_ROOT = Path(env.str("AWASI_STATIC_ROOT", default=str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("AWASI_MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if env.str("AWASI_S3_BUCKET", default=""):
    # Evidence and documents on S3-compatible storage (django-storages).
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("AWASI_S3_BUCKET"),
            "endpoint_url": env.str("AWASI_S3_ENDPOINT_URL", default=None),
            "access_key": secret("AWASI_S3_ACCESS_KEY") or None,
            "secret_key": secret("AWASI_S3_SECRET_KEY") or None,
            "default_acl": "private",
            "querystring_auth": True,
        },
    }
AWASI_MAX_UPLOAD_BYTES = env.int("AWASI_MAX_UPLOAD_BYTES", default=20 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = AWASI_MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

EMAIL_BACKEND = env.str(
    "AWASI_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
EMAIL_FILE_PATH = str(VAR_DIR / "mail")
DEFAULT_FROM_EMAIL = env.str("AWASI_FROM_EMAIL", default="awasi@localhost")
if env.str("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
# SMS and WhatsApp (awasi.core.notify): "" (off), "file" (JSON lines in VAR_DIR) or "webhook"
# (POST JSON to the gateway URL, which may carry its key, hence read as a secret).
AWASI_SMS_TRANSPORT = env.str("AWASI_SMS_TRANSPORT", default="")
AWASI_SMS_WEBHOOK_URL = secret("AWASI_SMS_WEBHOOK_URL", "")
AWASI_WHATSAPP_TRANSPORT = env.str("AWASI_WHATSAPP_TRANSPORT", default="")
AWASI_WHATSAPP_WEBHOOK_URL = secret("AWASI_WHATSAPP_WEBHOOK_URL", "")

CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://awasi")}
RATELIMIT_USE_CACHE = "default"
RATELIMIT_VIEW = "awasi.core.views.rate_limited"

TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "awasi.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "awasi.api.errors.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("AWASI_API_ANON_RATE", default="120/min"),
        "user": env.str("AWASI_API_USER_RATE", default="100000/hour"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Awasi API",
    "DESCRIPTION": "Election supervision: registry, cases, Gakkumdu, risk, deployment, screening.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Several apps have a "status" or "outcome": name each choice set after its own class.
    "ENUM_NAME_OVERRIDES": {
        "CaseStatusEnum": "awasi.cases.choices.CaseStatus",
        "ViolationTypeEnum": "awasi.cases.choices.ViolationType",
        "ActionStatusEnum": "awasi.prevention.choices.ActionStatus",
        "CandidateStatusEnum": "awasi.screening.choices.CandidateStatus",
        "ReviewOutcomeEnum": "awasi.screening.choices.ReviewOutcome",
        "VerdictOutcomeEnum": "awasi.gakkumdu.choices.VerdictOutcome",
    },
}

# Map background tiles; markers still draw when tiles cannot load (offline islands).
AWASI_MAP_TILES = env.str(
    "AWASI_MAP_TILES", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("AWASI_LOG_LEVEL", default="WARNING")},
}

# Shipped reference data (ODbL) lives inside the package so an installed Awasi has it.
AWASI_WILAYAH_DIR = BASE_DIR / "awasi" / "regions" / "data" / "wilayah"
