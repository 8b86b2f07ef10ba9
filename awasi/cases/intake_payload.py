"""Validation of a report submitted to the high-volume intake path, without the ORM.

``check_report`` gives the same field errors as the DRF serializer of ``/api/v1/cases/reports/``
(``ReportInSerializer``, first stage, DRF's own messages so DRF's catalogue translates them) and
then the same rule errors as the intake service (``services.intake._validate`` and
``_validate_reporter``, second stage). Elections and regions come in as plain mappings
(``ReferenceData``), so a request costs no database look-up. Only ``gettext`` is imported from
Django: the messages are translated like everywhere else.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from awasi.cases import privacy
from awasi.cases.choices import ReporterKind
from awasi.regions.codes import in_subtree

REPORTER_KINDS = frozenset(ReporterKind.values)
EMAIL_SHAPE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class ReferenceData:
    """What the check needs to know: election slug → its area code ("" = national), and a
    predicate for "this region code exists"."""

    elections: Mapping[str, str]
    region_exists: Callable[[str], bool]


@dataclass(frozen=True)
class PayloadError(Exception):
    """Invalid payload: ``stage`` 1 is the serializer's shape, 2 the service's rules."""

    stage: int
    details: dict[str, Any]

    @property
    def code(self) -> str:
        return "invalid"

    @property
    def message(self) -> str:
        if self.stage == 1:
            return _("The request is not valid.")
        return _("Please correct the errors below.")


def _text(value: Any, *, max_length: int | None, required: bool = True) -> tuple[str, str | None]:
    """(clean text, error) as DRF's CharField: trimmed, blank refused unless optional."""
    if value is None:
        return "", _("This field may not be null.")
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return "", _("Not a valid string.")
    text = str(value).strip()
    if not text and required:
        return "", _("This field may not be blank.")
    if max_length is not None and len(text) > max_length:
        return "", _("Ensure this field has no more than {max_length} characters.").format(
            max_length=max_length
        )
    return text, _storable(text)


def _storable(text: str) -> str | None:
    """DRF's CharField refuses what PostgreSQL cannot store (NUL, lone surrogates). Here it
    also matters to others: one such value would fail the whole group-committed INSERT."""
    if "\x00" in text:
        return _("Null characters are not allowed.")
    if text.isascii():
        return None
    try:
        text.encode()
    except UnicodeEncodeError as exc:
        message = _("Surrogate characters are not allowed: U+{code_point:X}.")
        return message.format(code_point=ord(text[exc.start]))
    return None


def _date(value: Any) -> tuple[date | None, str | None]:
    if value is None:
        return None, _("This field may not be null.")
    try:
        parsed = parse_date(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None:
        return None, _("Date has wrong format. Use one of these formats instead: {format}.").format(
            format="YYYY-MM-DD"
        )
    return parsed, None


CASE_TEXT = {"title": 200, "description": None, "reported_party": 200, "place": 300}
REPORTER_TEXT: dict[str, int | None] = {"name": 200, "address": 300}
REPORTER_OPTIONAL: dict[str, int | None] = {"nik": 20, "phone": 30, "email": None}


def _shape(payload: Any, ref: ReferenceData) -> tuple[dict[str, Any], dict[str, Any]]:
    """Stage 1: field presence, types and look-ups, like ``ReportInSerializer``."""
    required = _("This field is required.")
    if not isinstance(payload, dict):
        message = _("Invalid data. Expected a dictionary, but got {datatype}.")
        return {}, {"non_field_errors": [message.format(datatype=type(payload).__name__)]}
    clean: dict[str, Any] = {}
    errors: dict[str, Any] = {}
    null = _("This field may not be null.")
    slug = payload.get("election")
    if slug is None or slug == "":  # DRF's related fields read "" as null
        errors["election"] = [required if "election" not in payload else null]
    elif not isinstance(slug, str) or slug not in ref.elections:
        message = _("Object with {slug_name}={value} does not exist.")
        errors["election"] = [message.format(slug_name="slug", value=slug)]
    else:
        clean["election"] = slug
    code = payload.get("region")
    if isinstance(code, int) and not isinstance(code, bool):
        code = str(code)
    if code is None or code == "":
        errors["region"] = [required if "region" not in payload else null]
    elif not isinstance(code, str) or not ref.region_exists(code):
        message = _('Invalid pk "{pk_value}" - object does not exist.')
        errors["region"] = [message.format(pk_value=code)]
    else:
        clean["region"] = code
    for name, limit in CASE_TEXT.items():
        if name not in payload:
            errors[name] = [required]
            continue
        clean[name], error = _text(payload[name], max_length=limit)
        if error:
            errors[name] = [error]
    for name in ("occurred_on", "known_on"):
        if name not in payload:
            errors[name] = [required]
            continue
        clean[name], error = _date(payload[name])
        if error:
            errors[name] = [error]
    witnesses, witness_errors = _witnesses(payload.get("witnesses", []))
    clean["witnesses"] = witnesses
    if witness_errors:
        errors["witnesses"] = witness_errors
    reporter, reporter_errors = _reporter(payload)
    clean["reporter"] = reporter
    if reporter_errors:
        errors["reporter"] = reporter_errors
    return clean, errors


def _witnesses(value: Any) -> tuple[list[dict[str, str]], Any]:
    if not isinstance(value, list):
        message = _('Expected a list of items but got type "{input_type}".')
        return [], {"non_field_errors": [message.format(input_type=type(value).__name__)]}
    clean: list[dict[str, str]] = []
    errors: dict[str, Any] = {}  # DRF keys the bad items by their index
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            message = _("Invalid data. Expected a dictionary, but got {datatype}.")
            errors[str(index)] = {
                "non_field_errors": [message.format(datatype=type(item).__name__)]
            }
            continue
        one: dict[str, Any] = {}
        name, error = (("", _("This field is required.")) if "name" not in item
                       else _text(item["name"], max_length=200))  # fmt: skip
        phone, phone_error = _text(item.get("phone", ""), max_length=30, required=False)
        if error:
            one["name"] = [error]
        if phone_error:
            one["phone"] = [phone_error]
        if one:
            errors[str(index)] = one
        clean.append({"name": name, "phone": phone})
    return clean, errors or None


def _reporter(payload: dict[str, Any]) -> tuple[dict[str, str], Any]:
    if "reporter" not in payload:
        return {}, [_("This field is required.")]
    value = payload["reporter"]
    if not isinstance(value, dict):
        message = _("Invalid data. Expected a dictionary, but got {datatype}.")
        return {}, {"non_field_errors": [message.format(datatype=type(value).__name__)]}
    clean: dict[str, str] = {}
    errors: dict[str, Any] = {}
    kind = value.get("kind")
    if "kind" not in value:
        errors["kind"] = [_("This field is required.")]
    elif kind not in REPORTER_KINDS:
        errors["kind"] = [_('"{input}" is not a valid choice.').format(input=kind)]
    else:
        clean["kind"] = kind
    for name, limit in REPORTER_TEXT.items():
        if name not in value:
            errors[name] = [_("This field is required.")]
            continue
        clean[name], error = _text(value[name], max_length=limit)
        if error:
            errors[name] = [error]
    for name, limit in REPORTER_OPTIONAL.items():
        clean[name], error = _text(value.get(name, ""), max_length=limit, required=False)
        if error:
            errors[name] = [error]
    if not errors.get("email") and clean["email"] and not EMAIL_SHAPE.match(clean["email"]):
        errors["email"] = [_("Enter a valid email address.")]
    return clean, errors or None


def _rules(clean: dict[str, Any], ref: ReferenceData, today: date) -> dict[str, str]:
    """Stage 2: the service's rules (UU 7/2017 Pasal 454 ayat (4): what a report carries)."""
    errors: dict[str, str] = {}
    area = ref.elections[clean["election"]] or None
    if not in_subtree(clean["region"], area):
        errors["region"] = _("The region is outside the area of this election.")
    occurred, known = clean["occurred_on"], clean["known_on"]
    if occurred > today:
        errors["occurred_on"] = _("The date of the event cannot be in the future.")
    if known > today or known < occurred:
        errors["known_on"] = _("That date must be between the event and today.")
    if errors:  # the service checks the case before the reporter
        return errors
    reporter = clean["reporter"]
    if reporter["nik"]:
        try:
            reporter["nik"] = privacy.clean_nik(reporter["nik"])
        except ValueError:
            errors["reporter_nik"] = _("This NIK is not valid (16 digits as on the KTP).")
    if not (reporter["phone"] or reporter["email"]):
        errors["reporter_phone"] = _("Give a phone number or an email so we can reach you.")
    return errors


def check_report(payload: Any, ref: ReferenceData, today: Callable[[str], date]) -> dict[str, Any]:
    """The cleaned report, or ``PayloadError``. ``today(region_code)`` is the local date there."""
    clean, errors = _shape(payload, ref)
    if errors:
        raise PayloadError(1, errors)
    errors = _rules(clean, ref, today(clean["region"]))
    if errors:
        raise PayloadError(2, errors)
    return clean
