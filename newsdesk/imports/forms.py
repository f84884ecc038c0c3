from datetime import datetime, time

from django import forms
from django.conf import settings
from django.utils import timezone

from newsdesk.core import importing
from newsdesk.imports.commands import parse_section_map
from newsdesk.imports.models import ImportRun

# The archives this app imports itself; other apps register kinds of their own (`importing`).
ARCHIVES = {
    ImportRun.Source.WORDPRESS: (".xml",),
    ImportRun.Source.GHOST: (".json",),
}


class ImportForm(forms.Form):
    source = forms.ChoiceField(label="What to import")
    file = forms.FileField(
        label="Export file",
        help_text="WordPress: Tools -> Export, All content (.xml). Ghost: Settings -> Labs -> "
        "Export your content (.json). Subscribers: the CSV of Ghost members, Mailchimp or "
        "Substack.",
    )
    fetch_media = forms.BooleanField(
        label="Download the pictures from the old site",
        required=False,
        initial=True,
    )
    site_url = forms.URLField(
        label="Old site's address (Ghost)",
        required=False,
        help_text="e.g. https://example.ghost.io, where Ghost's own pictures are.",
    )
    section_map = forms.CharField(
        label="Sections",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One CATEGORY=SECTION a line (category slug or name; * for all others). "
        "By default each category becomes a section of its own.",
    )
    narrate_since = forms.DateField(
        label="Narrate articles published since",
        required=False,
        help_text="Leave empty: imported articles are not narrated.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = {kind.source: kind for kind in importing.registered()}
        self.extensions = {
            **ARCHIVES,
            **{source: kind.extensions for source, kind in self.kinds.items()},
        }
        self.fields["source"].choices = [
            *((source, ImportRun.Source(source).label) for source in ARCHIVES),
            *((source, kind.label) for source, kind in self.kinds.items()),
        ]
        self.kind_field_names = []
        for kind in self.kinds.values():
            for name, field in kind.form_fields().items():
                self.fields[name] = field
                self.kind_field_names.append(name)

    @property
    def kind_fields(self):
        """The fields registered kinds add, for the template to show after the others."""
        return [self[name] for name in self.kind_field_names]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.IMPORT_UPLOAD_MAX_BYTES:
            raise forms.ValidationError(
                f"The file is larger than {settings.IMPORT_UPLOAD_MAX_BYTES // 2**20} MB."
            )
        return upload

    def clean_section_map(self):
        try:
            return parse_section_map(self.cleaned_data["section_map"].split())
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None

    def clean(self):
        data = super().clean()
        source, upload = data.get("source"), data.get("file")
        extensions = self.extensions.get(source, ())
        if source and upload and not upload.name.lower().endswith(extensions):
            self.add_error("file", f"Expected a {' or '.join(extensions)} file.")
        if source in self.kinds:
            try:
                self.kind_options = self.kinds[source].form_options(data)
            except forms.ValidationError as error:
                self.add_error(None, error)
        return data

    @property
    def options(self):
        data = self.cleaned_data
        if data["source"] in self.kinds:
            return self.kind_options
        options = {"fetch_media": data["fetch_media"], "section_map": data["section_map"]}
        if data["source"] == ImportRun.Source.GHOST and data["site_url"]:
            options["site_url"] = data["site_url"].rstrip("/")
        if data["narrate_since"]:
            moment = datetime.combine(data["narrate_since"], time.min)
            options["narrate_since"] = timezone.make_aware(moment).isoformat()
        return options
