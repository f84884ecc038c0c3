from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from newsdesk.accounts import lockout


@receiver(user_login_failed)
def record_failure(sender, credentials, request=None, **kwargs):
    lockout.record(credentials.get("username"), request, succeeded=False)


@receiver(user_logged_in)
def record_success(sender, request, user, **kwargs):
    lockout.record(user.get_username(), request, succeeded=True)
