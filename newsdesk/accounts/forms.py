from django import forms
from django.db import transaction
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from newsdesk.accounts import lockout, totp
from newsdesk.accounts.models import TOTPDevice

LOCKED_MESSAGE = (
    "Too many failed sign-in attempts. For your security, signing in is paused for 15 minutes."
)


class LoginForm(WagtailLoginForm):
    """Wagtail's sign-in form with the lockout message and, for staff who set it up, the code
    from their authenticator app."""

    otp = forms.CharField(
        label="Authentication code",
        required=False,
        max_length=10,
        help_text="Only if you have set up an authenticator app.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean(self):
        username = self.cleaned_data.get("username")
        if username and lockout.lock_reason(username, lockout.client_ip(self.request)):
            # Still counts as an attempt: hammering during a lockout keeps it locked.
            lockout.refused(username, self.request)
            lockout.record(username, self.request, succeeded=False)
            raise forms.ValidationError(LOCKED_MESSAGE, code="locked")
        cleaned = super().clean()
        self.check_code(self.get_user())
        return cleaned

    def check_code(self, user):
        if user is None:
            return
        device = TOTPDevice.objects.filter(user=user, confirmed_at__isnull=False).first()
        if device is None:
            return
        with transaction.atomic():
            device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
            step = totp.matching_step(device.secret, self.cleaned_data.get("otp"), device.last_step)
            if step is None:
                lockout.record(user.get_username(), self.request, succeeded=False)
                raise forms.ValidationError(
                    "Enter the current 6-digit code from your authenticator app.", code="otp"
                )
            device.last_step = step
            device.save(update_fields=["last_step"])


class ConfirmCodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        step = totp.matching_step(
            self.device.secret, self.cleaned_data["code"], self.device.last_step
        )
        if step is None:
            raise forms.ValidationError("That code is not right. Enter the current 6-digit code.")
        self.step = step
        return self.cleaned_data["code"]
