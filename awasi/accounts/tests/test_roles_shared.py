"""The shared role sets name real roles."""

from awasi.accounts import roles
from awasi.accounts.choices import Role


def test_shared_role_sets_hold_only_defined_roles():
    defined = set(Role.values)
    assert roles.OFFICER_ROLES <= defined
    assert roles.DECIDING_ROLES <= roles.OFFICER_ROLES
    assert Role.COMMISSIONER in roles.DECIDING_ROLES and Role.OFFICER not in roles.DECIDING_ROLES
