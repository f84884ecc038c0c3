from django.conf import settings
from django.db import models
from django.utils import timezone


class LoginAttemptQuerySet(models.QuerySet):
    def failed_since(self, since):
        return self.filter(succeeded=False, at__gte=since)


class LoginAttempt(models.Model):
    """One sign-in attempt to the admin: the record lockouts are decided on and audited from."""

    username = models.CharField(max_length=150, db_index=True)
    ip = models.GenericIPAddressField(null=True, db_index=True)
    succeeded = models.BooleanField()
    at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = LoginAttemptQuerySet.as_manager()

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        outcome = "succeeded" if self.succeeded else "failed"
        return f"{self.username} from {self.ip} {outcome} at {self.at:%Y-%m-%d %H:%M:%S}"


class TOTPDevice(models.Model):
    """A staff member's authenticator app (RFC 6238 time-based one-time codes)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="totp_device"
    )
    secret = models.CharField(max_length=64)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # The last time step a code was accepted for: a code cannot be used twice.
    last_step = models.BigIntegerField(default=0)

    def __str__(self):
        return f"Authenticator of {self.user}"

    @property
    def confirmed(self):
        return self.confirmed_at is not None
