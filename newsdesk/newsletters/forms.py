from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy

from newsdesk.newsletters import addresses
from newsdesk.newsletters.models import Newsletter

CHOOSE_ONE = gettext_lazy("Please choose at least one newsletter.")
UNKNOWN = gettext_lazy("Please choose one of our newsletters.")


class SignupForm(forms.Form):
    """Email, the newsletters (slugs) and a honeypot; the same form wherever it appears."""

    email = forms.CharField(strip=True, error_messages={"required": addresses.INVALID})
    newsletter = forms.MultipleChoiceField(
        choices=(), error_messages={"required": CHOOSE_ONE, "invalid_choice": UNKNOWN}
    )
    # People never see this field; bots that fill in every field do.
    website = forms.CharField(required=False)
    source = forms.CharField(required=False)

    def __init__(self, *args, newsletters=None, **kwargs):
        super().__init__(*args, **kwargs)
        # normalise() refuses NUL with the other control characters, in the reader's words.
        self.fields["email"].validators = []
        if newsletters is None:
            newsletters = list(Newsletter.objects.active().in_edition())
        self.newsletters = {newsletter.slug: newsletter for newsletter in newsletters}
        self.fields["newsletter"].choices = [(slug, slug) for slug in self.newsletters]

    def clean_email(self):
        return addresses.normalise(self.cleaned_data["email"])

    def clean_source(self):
        # Only a path on this site, and only as much as fits: it is for editors' statistics.
        source = self.cleaned_data["source"]
        if not source.startswith("/") or source.startswith("//") or not source.isprintable():
            return ""
        return source[:300]

    @property
    def is_bot(self):
        return bool(self.cleaned_data.get("website"))

    @property
    def chosen_newsletters(self):
        return [self.newsletters[slug] for slug in self.cleaned_data["newsletter"]]


class UnsubscribePageForm(forms.Form):
    """A button of the unsubscribe page: the link's newsletter (no `newsletter`) or another."""

    action = forms.ChoiceField(
        choices=[("unsubscribe", "Unsubscribe"), ("subscribe", "Subscribe")], required=False
    )
    newsletter = forms.ModelChoiceField(
        queryset=Newsletter.objects.active(),
        required=False,
        error_messages={"invalid_choice": UNKNOWN},
    )


class TestSendForm(forms.Form):
    email = forms.CharField(label="Send a test to", strip=True)

    def clean_email(self):
        return addresses.normalise(self.cleaned_data["email"])


class ScheduleForm(forms.Form):
    when = forms.DateTimeField(
        label="Send at",
        required=False,
        help_text="In the newsroom's time zone. Leave empty to send now.",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )

    def clean_when(self):
        when = self.cleaned_data["when"]
        if when and when < timezone.now():
            raise forms.ValidationError("That time has passed. Leave it empty to send now.")
        return when
