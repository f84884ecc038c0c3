from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "newsdesk.imports"
    label = "imports"
    verbose_name = "Imports"
