from django import forms

from newsdesk.members.models import CURRENCIES, Tier


class EmailForm(forms.Form):
    email = forms.EmailField(max_length=254, label="Email address")


class CodeForm(forms.Form):
    email = forms.EmailField(max_length=254, widget=forms.HiddenInput)
    code = forms.RegexField(
        regex=r"^\s*\d{6}\s*$",
        label="6-digit code",
        error_messages={"invalid": "Enter the 6 digits from the email."},
    )


class DeleteForm(forms.Form):
    confirm = forms.BooleanField(label="Yes, delete my account and everything about me")


class DonationForm(forms.Form):
    amount = forms.IntegerField(min_value=1, max_value=10_000, required=False)
    custom_amount = forms.DecimalField(
        min_value=1, max_value=10_000, decimal_places=2, required=False
    )
    currency = forms.ChoiceField(choices=CURRENCIES)
    frequency = forms.ChoiceField(choices=[("once", "One-off"), ("monthly", "Monthly")])

    def clean(self):
        data = super().clean()
        value = data.get("custom_amount") or data.get("amount")
        if not value:
            raise forms.ValidationError("Choose an amount or enter your own.")
        data["minor_units"] = int(round(value * 100))
        return data


class MembershipForm(forms.Form):
    tier = forms.ModelChoiceField(queryset=Tier.objects.filter(active=True))
    interval = forms.ChoiceField(choices=[("month", "Monthly"), ("year", "Yearly")])
