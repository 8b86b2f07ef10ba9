"""Reference data and personas shared by every app's tests (used by the root conftest)."""

from __future__ import annotations

import importlib
from typing import Any

from awasi.accounts.choices import Role
from awasi.accounts.models import Organisation, User
from awasi.accounts.seed import seed_organisations
from awasi.elections.seed import seed_elections
from awasi.regions.babel import seed_dapil, seed_police_units
from awasi.regions.loading import load_regions

TEST_PASSWORD = "a-Long-test-password-1"  # noqa: S105 - test fixture only


def ensure_babel() -> dict[str, Any]:
    """Babel regions (7/47/393), elections, police units, dapil and organisations; idempotent."""
    ensure_app_reference_data()
    if not Organisation.objects.filter(code="bawaslu-babel").exists():
        load_regions(prefix="19")
        elections = seed_elections()
        seed_police_units()
        seed_dapil(elections[0])
        seed_organisations()
    from awasi.elections.models import Election

    return {
        "pemilu": Election.objects.get(slug="pemilu-2024"),
        "pilkada": Election.objects.get(slug="pilkada-2024"),
        "orgs": {o.code: o for o in Organisation.objects.all()},
    }


def ensure_app_reference_data() -> None:
    """Data that apps load in migrations is wiped by a transactional test's flush: restore it."""
    from django.apps import apps

    for config in apps.get_app_configs():
        if not config.name.startswith("awasi."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.reference")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.reference":
                raise
            continue
        module.ensure()


def make_user(username: str, org_code: str | None, role: str = Role.OFFICER, **extra: Any) -> User:
    """A user in the organisation `org_code` (None: no organisation) with `role`."""
    org = Organisation.objects.get(code=org_code) if org_code else None
    user = User.objects.create_user(
        username=username,
        password=TEST_PASSWORD,
        organisation=org,
        role=role if org else "",
        email=f"{username}@example.test",
        **extra,
    )
    return user


def page_replaced(old_element: Any) -> Any:
    """A WebDriverWait condition: ``old_element``'s page has been replaced by a new one.

    Like Selenium's ``staleness_of``, but Chromium also answers "Node with given id does not
    belong to the document" for an element of a page that is being replaced; that means the same.
    """
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

    def replaced(_driver: Any) -> bool:
        try:
            old_element.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as exc:
            if "does not belong to the document" in str(exc):
                return True
            raise
        return False

    return replaced
