"""Indicator catalogues per election, observations per TPS, and dated score runs."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from awasi.core.models import TimeStampedModel
from awasi.risk import catalogue as catalogue_data
from awasi.risk.choices import CatalogueKind, ObservationSource, TpsCategory


class IndicatorCatalogue(TimeStampedModel):
    """The indicator catalogue one election is mapped with, as an editable, validated document.

    Seeded from ``awasi/risk/data/<slug>.json``; weights and TPS thresholds in it are not
    Bawaslu's unless the document says so (``weights_are_official``).
    """

    election = models.ForeignKey(
        "elections.Election",
        on_delete=models.PROTECT,
        related_name="risk_catalogues",
        verbose_name=_("election"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=CatalogueKind.choices)
    slug = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=200)
    definition = models.JSONField(_("definition"))

    class Meta:
        ordering = ["election", "kind"]
        verbose_name = _("indicator catalogue")
        verbose_name_plural = _("indicator catalogues")
        constraints = [
            models.UniqueConstraint(fields=["election", "kind"], name="risk_catalogue_per_kind"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        try:
            catalogue_data.from_dict(self.definition)
        except (catalogue_data.CatalogueError, KeyError, TypeError) as error:
            raise ValidationError({"definition": str(error)}) from error

    def parsed(self) -> catalogue_data.Catalogue:
        """The definition as the pure catalogue the scoring engine takes."""
        return catalogue_data.from_dict(self.definition)


class Observation(TimeStampedModel):
    """One indicator value for one TPS from one source, with who recorded it and when.

    One row per (TPS, indicator, source): submitting again updates the value instead of adding a
    second one, so nothing is counted twice.
    """

    catalogue = models.ForeignKey(
        IndicatorCatalogue,
        on_delete=models.CASCADE,
        related_name="observations",
        verbose_name=_("catalogue"),
    )
    polling_station = models.ForeignKey(
        "regions.PollingStation",
        on_delete=models.CASCADE,
        related_name="risk_observations",
        verbose_name=_("TPS"),
    )
    indicator = models.CharField(_("indicator"), max_length=60)
    source = models.CharField(_("source"), max_length=20, choices=ObservationSource.choices)
    value = models.FloatField(_("value"))
    observed_on = models.DateField(_("observed on"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    reference = models.CharField(
        _("reference"),
        max_length=200,
        blank=True,
        help_text=_("File name, form submission or record the value came from."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    is_synthetic = models.BooleanField(_("synthetic (demo)"), default=False)

    class Meta:
        ordering = ["polling_station", "indicator", "source"]
        verbose_name = _("indicator observation")
        verbose_name_plural = _("indicator observations")
        constraints = [
            models.UniqueConstraint(
                fields=["catalogue", "polling_station", "indicator", "source"],
                name="risk_one_value_per_source",
            ),
            models.CheckConstraint(
                condition=models.Q(value__gte=0), name="risk_value_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.polling_station_id} {self.indicator}={self.value:g} ({self.source})"


class Submission(models.Model):
    """An idempotency key of the observation form: a second submit with it changes nothing."""

    key = models.CharField(_("key"), max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    polling_station = models.ForeignKey(
        "regions.PollingStation", on_delete=models.CASCADE, related_name="+"
    )
    values = models.PositiveSmallIntegerField(_("values"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")

    def __str__(self) -> str:
        return self.key


class ScoreRun(TimeStampedModel):
    """One computation of TPS scores for an election (or one region of it), dated ``as_of`` so
    two dates can be compared."""

    catalogue = models.ForeignKey(
        IndicatorCatalogue,
        on_delete=models.PROTECT,
        related_name="runs",
        verbose_name=_("catalogue"),
    )
    election = models.ForeignKey(
        "elections.Election",
        on_delete=models.PROTECT,
        related_name="risk_runs",
        verbose_name=_("election"),
    )
    region_code = models.CharField(_("area"), max_length=16, blank=True)
    as_of = models.DateField(_("mapping date"), db_index=True)
    computed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("computed by"),
    )
    tps_count = models.PositiveIntegerField(_("TPS"), default=0)
    seconds = models.FloatField(_("duration (s)"), default=0)
    note = models.CharField(_("note"), max_length=300, blank=True)
    is_synthetic = models.BooleanField(_("synthetic (demo)"), default=False)

    class Meta:
        ordering = ["-as_of", "-id"]
        verbose_name = _("score run")
        verbose_name_plural = _("score runs")

    def __str__(self) -> str:
        return f"{self.election} {self.region_code or '*'} {self.as_of:%Y-%m-%d}"


class TpsScore(models.Model):
    """A TPS's score, category, coverage and drivers in one run."""

    run = models.ForeignKey(ScoreRun, on_delete=models.CASCADE, related_name="tps_scores")
    polling_station = models.ForeignKey(
        "regions.PollingStation", on_delete=models.CASCADE, related_name="risk_scores"
    )
    score = models.FloatField(_("score"), null=True)
    coverage = models.FloatField(_("coverage"))
    category = models.CharField(
        _("category"), max_length=20, choices=TpsCategory.choices, blank=True
    )
    drivers = models.JSONField(_("drivers"), default=list)
    group_scores = models.JSONField(_("scores per variable"), default=list)

    class Meta:
        verbose_name = _("TPS score")
        verbose_name_plural = _("TPS scores")
        constraints = [
            models.UniqueConstraint(fields=["run", "polling_station"], name="risk_tps_once_per_run")
        ]

    def __str__(self) -> str:
        return f"{self.polling_station_id}: {self.category or '-'}"


class RegionScore(models.Model):
    """A region's roll-up in one run: its index (mean TPS score) and counts."""

    run = models.ForeignKey(ScoreRun, on_delete=models.CASCADE, related_name="region_scores")
    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="+")
    level = models.CharField(_("level"), max_length=10)
    tps_count = models.PositiveIntegerField(_("TPS"))
    scored_count = models.PositiveIntegerField(_("TPS scored"))
    mean_score = models.FloatField(_("index"), null=True)
    max_score = models.FloatField(_("highest TPS score"), null=True)
    category_counts = models.JSONField(_("TPS per category"), default=dict)
    group_means = models.JSONField(_("index per variable"), default=list)
    indicator_counts = models.JSONField(_("TPS per indicator"), default=dict)

    class Meta:
        ordering = ["run", "region"]
        verbose_name = _("region score")
        verbose_name_plural = _("region scores")
        constraints = [
            models.UniqueConstraint(fields=["run", "region"], name="risk_region_once_per_run")
        ]

    def __str__(self) -> str:
        return f"{self.region_id}: {self.mean_score}"

    @property
    def vulnerable_count(self) -> int:
        """TPS *rawan*, *sangat rawan* or *khusus*."""
        return sum(n for c, n in self.category_counts.items() if c != TpsCategory.KURANG_RAWAN)


class IkpScore(TimeStampedModel):
    """A published or computed IKP value for a province or regency, with its source."""

    catalogue = models.ForeignKey(
        IndicatorCatalogue, on_delete=models.PROTECT, related_name="ikp_scores"
    )
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    score = models.FloatField(_("IKP"))
    category = models.CharField(_("category"), max_length=10)
    dimension_scores = models.JSONField(_("scores per dimension"), default=dict, blank=True)
    source = models.CharField(_("source"), max_length=300)
    is_published = models.BooleanField(
        _("published figure"),
        default=False,
        help_text=_("Copied from a Bawaslu publication rather than computed here."),
    )

    class Meta:
        ordering = ["region"]
        verbose_name = _("IKP value")
        verbose_name_plural = _("IKP values")
        constraints = [
            models.UniqueConstraint(fields=["catalogue", "region"], name="risk_ikp_once")
        ]

    def __str__(self) -> str:
        return f"{self.region_id}: {self.score:.2f}"
