import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from newsdesk.members.models import CURRENCIES, Tier

MAX_DONATION = 10_000
# "12.50", "12,50", "1 000", "1,000.50": digits with a decimal point or comma, once spaces and
# a thousands comma (before three digits) are taken out.
AMOUNT = re.compile(r"^\d+(?:[.,]\d{1,2})?$")


class EmailForm(forms.Form):
    email = forms.EmailField(max_length=254, label=_("Email address"))


class CodeForm(forms.Form):
    email = forms.EmailField(max_length=254, widget=forms.HiddenInput)
    code = forms.RegexField(
        regex=r"^\s*\d{6}\s*$",
        label=_("6-digit code"),
        error_messages={"invalid": _("Enter the 6 digits from the email.")},
    )


class DeleteForm(forms.Form):
    confirm = forms.BooleanField(label=_("Yes, delete my account and everything about me"))


def parse_amount(text):
    """The amount a reader typed, as a Decimal, or None: '12,50' and '12.50' alike."""
    text = re.sub(r"[\s\u00a0\u202f]", "", text or "")
    text = re.sub(r",(?=\d{3}(?:\D|$))", "", text)  # a thousands comma: 1,000
    if not AMOUNT.match(text):
        return None
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None


class DonationForm(forms.Form):
    amount = forms.IntegerField(min_value=1, max_value=MAX_DONATION, required=False)
    custom_amount = forms.CharField(max_length=20, required=False)
    currency = forms.ChoiceField(
        choices=CURRENCIES, error_messages={"invalid_choice": _("Choose a currency.")}
    )
    frequency = forms.ChoiceField(
        choices=[("once", _("One-off")), ("monthly", _("Monthly"))],
        error_messages={"invalid_choice": _("Choose one-off or monthly.")},
    )

    def clean_custom_amount(self):
        text = self.cleaned_data["custom_amount"].strip()
        if not text:
            return None
        value = parse_amount(text)
        if value is None:
            raise forms.ValidationError(
                _("Enter the other amount as a number, such as 15 or 12.50.")
            )
        if not 1 <= value <= MAX_DONATION:
            raise forms.ValidationError(_("The other amount must be between 1 and 10,000."))
        return value

    def clean(self):
        data = super().clean()
        if "custom_amount" in self.errors:
            return data
        value = data.get("custom_amount") or data.get("amount")
        if not value:
            raise forms.ValidationError(_("Choose an amount or enter your own."))
        data["minor_units"] = int(round(value * 100))
        return data


class MembershipForm(forms.Form):
    tier = forms.ModelChoiceField(queryset=Tier.objects.filter(active=True))
    interval = forms.ChoiceField(choices=[("month", _("Monthly")), ("year", _("Yearly"))])
