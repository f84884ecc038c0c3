from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from newsdesk.accounts import totp


class LoginAttemptQuerySet(models.QuerySet):
    def failed_since(self, since):
        return self.filter(succeeded=False, at__gte=since)


class LoginAttempt(models.Model):
    """One sign-in attempt to the admin, for audit (lockouts are decided on SignInCounter)."""

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


class SignInCounter(models.Model):
    """Failed sign-ins of one account ("account:<name>") or address ("address:<ip>"), counted
    with conditional UPDATEs (newsdesk.accounts.lockout): attempts in progress count as failed
    until they succeed. The count starts again once `last_at` is a lockout window ago."""

    key = models.CharField(max_length=200, unique=True)
    failures = models.PositiveIntegerField(default=0)
    last_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.key}: {self.failures} failures, the last at {self.last_at:%Y-%m-%d %H:%M:%S}"


class TOTPDeviceQuerySet(models.QuerySet):
    def accepts(self, *, user, code):
        """True if `user` has no confirmed authenticator app, or `code` is its current code
        (accepted once: the device remembers the step, so the same code cannot sign in again)."""
        if not self.filter(user=user, confirmed_at__isnull=False).exists():
            return True
        with transaction.atomic():
            device = self.select_for_update().get(user=user)
            step = totp.matching_step(device.secret, code, device.last_step)
            if step is None:
                return False
            device.last_step = step
            device.save(update_fields=["last_step"])
        return True


class TOTPDevice(models.Model):
    """A staff member's authenticator app (RFC 6238 time-based one-time codes)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="totp_device"
    )
    secret = models.CharField(max_length=64)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # The last time step a code was accepted for: a code cannot be used twice.
    last_step = models.BigIntegerField(default=0)

    objects = TOTPDeviceQuerySet.as_manager()

    def __str__(self):
        return f"Authenticator of {self.user}"

    @property
    def confirmed(self):
        return self.confirmed_at is not None
