import pytest

from newsdesk.members.models import Tier
from newsdesk.testing import free_port, web_server
from newsdesk.testing.mail import smtp_server
from newsdesk.testing.stripe import local_stripe

WEBHOOK_SECRET = "whsec_test_secret"


@pytest.fixture(scope="session")
def stripe_server():
    with local_stripe() as server:
        yield server


@pytest.fixture
def stripe_api(stripe_server, settings):
    settings.STRIPE_API_BASE = stripe_server.url
    settings.STRIPE_SECRET_KEY = "sk_test_newsdesk"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    return stripe_server.client()


@pytest.fixture
def mailbox(settings):
    with smtp_server() as server:
        settings.MAILERS = {"default": server.mailer}
        yield server


@pytest.fixture
def tier(db):
    return Tier.objects.create(
        name="Friend",
        description="Keeps the lights on.",
        benefits="No support prompts\nThe members' letter",
        currency="eur",
        monthly_amount=500,
        yearly_amount=5000,
    )


@pytest.fixture
def smtp():
    with smtp_server() as server:
        yield server


@pytest.fixture
def site(smtp, stripe_server):
    """The site in granian (as in production), mailing to `smtp`, paying through localstripe."""
    port = free_port()
    env = {
        "SITE_URL": f"http://127.0.0.1:{port}",
        "EMAIL_URL": smtp.url,
        "TASKS_BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
        "STRIPE_API_BASE": stripe_server.url,
        "STRIPE_SECRET_KEY": "sk_test_browser",
        "STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET,
    }
    with web_server(port=port, env=env) as url:
        yield url
