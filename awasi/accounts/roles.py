"""Which roles may do what, shared by the apps (pure: no Django, so pure modules can use it).

The values are those of :class:`awasi.accounts.choices.Role`.
"""

from __future__ import annotations

#: Staff who handle cases and screening day to day, and those above them.
OFFICER_ROLES = frozenset({"officer", "commissioner", "admin"})
#: Those who decide: commissioners (*pimpinan*) in plenary, and administrators.
DECIDING_ROLES = frozenset({"commissioner", "admin"})
