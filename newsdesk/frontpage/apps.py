from django.apps import AppConfig


class FrontpageConfig(AppConfig):
    name = "newsdesk.frontpage"
    label = "frontpage"
    verbose_name = "Front page"
