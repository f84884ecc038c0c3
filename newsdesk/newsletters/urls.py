from django.urls import include, path

from newsdesk.newsletters import views

app_name = "newsletters"

urlpatterns = [
    path("newsletters/", views.index, name="index"),
    path("newsletters/subscribe/", views.subscribe, name="subscribe"),
    path("newsletters/confirm/<str:token>/", views.confirm, name="confirm"),
    path("newsletters/confirm/<str:token>/resend/", views.resend_confirmation, name="resend"),
    path("newsletters/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    # Anymail's tracking (bounces, complaints) and inbound (mailto: unsubscribe) webhooks, e.g.
    # /newsletters/webhooks/postmark/tracking/ and /newsletters/webhooks/mailgun/inbound/.
    path("newsletters/webhooks/", include("anymail.urls")),
]
