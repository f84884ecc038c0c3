from django.urls import path, reverse
from wagtail import hooks

from newsdesk.accounts.views import TwoFactorView


@hooks.register("register_admin_urls")
def register_two_factor_url():
    return [path("two-factor/", TwoFactorView.as_view(), name="accounts_two_factor")]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("accounts_two_factor"),
        "label": "Two-factor authentication",
        "help_text": "Ask for a code from an authenticator app when you sign in.",
    }
