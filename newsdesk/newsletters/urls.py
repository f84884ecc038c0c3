from django.urls import include, path

from newsdesk.newsletters import views, webhooks
from newsdesk.serving.exempt import page_cache_exempt

app_name = "newsletters"

urlpatterns = [
    path("newsletters/", views.index, name="index"),
    # Forms and personal links (each token its own page): never from the page cache.
    page_cache_exempt(path("newsletters/subscribe/", views.subscribe, name="subscribe")),
    page_cache_exempt(path("newsletters/confirm/<str:token>/", views.confirm, name="confirm")),
    page_cache_exempt(
        path("newsletters/confirm/<str:token>/resend/", views.resend_confirmation, name="resend")
    ),
    page_cache_exempt(
        path("newsletters/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe")
    ),
    # Anymail's tracking (bounces, complaints) and inbound (mailto: unsubscribe) webhooks of
    # NEWSLETTER_WEBHOOK_PROVIDER, e.g. /newsletters/webhooks/postmark/tracking/ and
    # /newsletters/webhooks/mailgun/inbound/ (see webhooks.py).
    page_cache_exempt(path("newsletters/webhooks/", include(webhooks.urlpatterns))),
]
