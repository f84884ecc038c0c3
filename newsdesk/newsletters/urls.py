from django.urls import include, path

from newsdesk.newsletters import views, webhooks

app_name = "newsletters"

urlpatterns = [
    path("newsletters/", views.index, name="index"),
    path("newsletters/subscribe/", views.subscribe, name="subscribe"),
    path("newsletters/confirm/<str:token>/", views.confirm, name="confirm"),
    path("newsletters/confirm/<str:token>/resend/", views.resend_confirmation, name="resend"),
    path("newsletters/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    # Anymail's tracking (bounces, complaints) and inbound (mailto: unsubscribe) webhooks of
    # NEWSLETTER_WEBHOOK_PROVIDER, e.g. /newsletters/webhooks/postmark/tracking/ and
    # /newsletters/webhooks/mailgun/inbound/ (see webhooks.py).
    path("newsletters/webhooks/", include(webhooks.urlpatterns)),
]
