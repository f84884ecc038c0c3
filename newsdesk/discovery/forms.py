from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from newsdesk.articles.models import SectionPage

# Dates outside this range are typos, and some overflow when converted between time zones.
EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)
DATE_ERROR = _("Enter a date as year-month-day, like 2026-03-04.")
RANGE_ERROR = _("Choose a date between 1900 and 2100.")


class SearchDateField(forms.DateField):
    input_formats = ["%Y-%m-%d"]
    widget = forms.DateInput(attrs={"type": "date", "min": str(EARLIEST), "max": str(LATEST)})
    default_error_messages = {"invalid": DATE_ERROR}

    def clean(self, value):
        cleaned = super().clean(value)
        if cleaned and not EARLIEST <= cleaned <= LATEST:
            raise forms.ValidationError(RANGE_ERROR, code="range")
        return cleaned


class SearchForm(forms.Form):
    """The search page's query and filters. Invalid filters are reported and left out."""

    q = forms.CharField(required=False, strip=True, label=_("Search for"))
    section = forms.ChoiceField(
        required=False,
        label=_("Section"),
        error_messages={"invalid_choice": _("There is no section by that name: showing all.")},
    )
    start = SearchDateField(required=False, label=pgettext_lazy("search dates", "From"))
    end = SearchDateField(required=False, label=pgettext_lazy("search dates", "To"))
    sort = forms.ChoiceField(
        required=False,
        label=pgettext_lazy("search results", "Order"),
        choices=[("", _("Best match")), ("newest", _("Newest first"))],
        error_messages={"invalid_choice": _("Results are shown best match first.")},
    )

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        # parse_query() drops control characters itself: a stray NUL is not worth an error.
        self.fields["q"].validators = []
        self.sections = {section.slug: section for section in sections}
        self.fields["section"].choices = [("", _("All sections"))] + [
            (section.slug, section.title) for section in sections
        ]

    @classmethod
    def for_request(cls, request):
        sections = SectionPage.objects.live().public().in_edition().order_by("path")
        # Only the parameters the page knows; `page` is the paginator's.
        return cls(request.GET.dict() or None, sections=list(sections))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            self.add_error("end", _("The “to” date is before the “from” date."))
        return cleaned

    def value(self, name):
        """The cleaned value of a field that passed validation, else None."""
        if not self.is_bound or not self.is_valid() and name in self.errors:
            return None
        return self.cleaned_data.get(name) or None

    @property
    def value_of_section(self):
        return self.value("section") or ""

    @property
    def value_of_sort(self):
        return self.value("sort") or ""

    @property
    def date_fields(self):
        return [self["start"], self["end"]]

    earliest, latest = EARLIEST.isoformat(), LATEST.isoformat()

    @property
    def section_page(self):
        return self.sections.get(self.value("section"))

    @property
    def filtered(self):
        return any(self.value(name) for name in ("section", "start", "end"))
