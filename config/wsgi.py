"""WSGI entry point: `gunicorn config.wsgi` or `granian --interface wsgi config.wsgi:application`.

``IntakeFront`` answers ``POST /api/v1/cases/intake/`` (the high-volume staged intake) before
Django's middleware and URL resolving, with the same contract, and hands every other request to
Django unchanged (docs/cases.md, "High-volume API intake").
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
django_application = get_wsgi_application()

from awasi.cases.intake_wsgi import IntakeFront  # noqa: E402  (needs the apps loaded)

application = IntakeFront(django_application)
