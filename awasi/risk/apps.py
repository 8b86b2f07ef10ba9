from django.apps import AppConfig


class RiskConfig(AppConfig):
    name = "awasi.risk"
