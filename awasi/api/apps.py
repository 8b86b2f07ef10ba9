from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "awasi.api"
    verbose_name = "API"
