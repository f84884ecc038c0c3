from django.urls import path

from newsdesk.members import account_views, views, webhooks
from newsdesk.serving.exempt import page_cache_exempt

app_name = "members"

# /support/ is one page for every reader, from the page cache; everything else is personal
# or a form, and never cached.
urlpatterns = [
    path("support/", views.support, name="support"),
    *(
        page_cache_exempt(pattern)
        for pattern in [
            path("support/checkout/", views.checkout, name="checkout"),
            path("support/thanks/", views.thanks, name="thanks"),
            path("account/", account_views.account, name="account"),
            path("account/status.json", views.status, name="status"),
            path("account/sign-in/", account_views.request_code, name="request_code"),
            path("account/code/", account_views.enter_code, name="enter_code"),
            path("account/link/<str:token>/", account_views.link, name="link"),
            path("account/sign-out/", account_views.sign_out, name="sign_out"),
            path("account/email/", account_views.change_email, name="change_email"),
            path("account/delete/", account_views.delete, name="delete"),
            path("account/billing/", account_views.portal, name="portal"),
            path("members/body/<int:page_id>/", views.members_body, name="body"),
            path("members/stripe/webhook/", webhooks.stripe_webhook, name="stripe_webhook"),
        ]
    ),
]
