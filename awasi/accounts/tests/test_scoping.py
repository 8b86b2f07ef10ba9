"""The scoping rule and sign-in: personas see their own area only; lockout; TOTP."""

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from awasi.accounts.choices import Role
from awasi.accounts.scoping import can_see_region, has_national_scope, is_bawaslu, region_q
from awasi.core.testing import TEST_PASSWORD, make_user
from awasi.regions.models import Region


def visible_regencies(user):
    return set(
        Region.objects.filter(level="regency")
        .filter(region_q(user, "code"))
        .values_list("code", flat=True)
    )


def test_regency_officer_sees_own_subtree_only(officer_bangka, officer_belitung):
    assert visible_regencies(officer_bangka) == {"19.01"}
    assert visible_regencies(officer_belitung) == {"19.02"}
    assert can_see_region(officer_bangka, "19.01.01.2001")
    assert not can_see_region(officer_bangka, "19.02.01")


def test_province_officer_sees_the_province(officer_babel):
    assert len(visible_regencies(officer_babel)) == 7


def test_no_role_and_anonymous_see_nothing(no_role_user):
    from django.contrib.auth.models import AnonymousUser

    assert visible_regencies(no_role_user) == set()
    assert visible_regencies(AnonymousUser()) == set()
    assert not can_see_region(AnonymousUser(), "19")


def test_agencies(police_bangka, prosecutor, officer_bangka, babel):
    assert is_bawaslu(officer_bangka)
    assert not is_bawaslu(police_bangka)
    assert not is_bawaslu(prosecutor)
    national = make_user("ri", "bawaslu-ri")
    assert has_national_scope(national)
    assert not has_national_scope(officer_bangka)


def test_login_and_home(officer_bangka):
    client = Client()
    response = client.post(
        "/accounts/login/", {"username": officer_bangka.username, "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert "Bawaslu Kabupaten Bangka" in client.get("/").content.decode()


def test_lockout_after_repeated_failures(officer_bangka):
    client = Client()
    for _ in range(5):
        client.post("/accounts/login/", {"username": officer_bangka.username, "password": "x"})
    response = client.post(
        "/accounts/login/", {"username": officer_bangka.username, "password": TEST_PASSWORD}
    )
    assert response.status_code == 429
    assert client.get("/regions/map/").status_code == 302  # still not signed in


def test_totp_is_required_once_enabled(officer_bangka):
    device = TOTPDevice.objects.create(user=officer_bangka, name="app", confirmed=True)
    client = Client()
    data = {"username": officer_bangka.username, "password": TEST_PASSWORD}
    refused = client.post("/accounts/login/", data)
    assert refused.status_code == 200
    assert "kode terbaru dari aplikasi autentikator" in refused.content.decode().lower()
    token = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    assert client.post("/accounts/login/", {**data, "otp_token": f"{token:06d}"}).status_code == 302


@pytest.mark.parametrize("password", ["short", "1234567890123", "password123"])
def test_password_rules(password):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password(password)


def test_police_scope_follows_jurisdiction_not_the_regency_map(babel):
    from awasi.accounts.scoping import scope_roots

    polresta = make_user("polresta", "polres-pangkalpinang", Role.INVESTIGATOR)
    assert set(scope_roots(polresta)) >= {"19.71", "19.04.02"}
    assert can_see_region(polresta, "19.04.02.1001")  # Kec. Pangkalan Baru, Bangka Tengah
    assert not can_see_region(polresta, "19.04.01.1001")  # Koba stays with Polres Bangka Tengah
    villages = Region.objects.filter(level="village").filter(region_q(polresta, "code"))
    assert villages.filter(code__startswith="19.04.02.").exists()
    assert not villages.filter(code__startswith="19.04.01.").exists()
