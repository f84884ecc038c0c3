from django import forms
from django.contrib.auth import authenticate
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from newsdesk.accounts import lockout, totp

LOCKED_MESSAGE = (
    "Too many failed sign-in attempts. For your security, signing in is paused for 15 minutes."
)
# One message whatever was wrong: saying that the code was would confirm the password.
INVALID_MESSAGE = "Your username, password or authentication code is not right. Please try again."


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
    error_messages = {**WagtailLoginForm.error_messages, "invalid_login": INVALID_MESSAGE}

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is None or not password:
            return self.cleaned_data
        try:
            self.user_cache = authenticate(
                self.request, username=username, password=password, otp=self.cleaned_data.get("otp")
            )
        except lockout.LockedOut:
            raise forms.ValidationError(LOCKED_MESSAGE, code="locked") from None
        if self.user_cache is None:
            raise self.get_invalid_login_error()
        self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


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
