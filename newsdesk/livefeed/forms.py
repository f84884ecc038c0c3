import json
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from wagtail.models import Site

from newsdesk.articles.models import ArticlePage
from newsdesk.livefeed import services
from newsdesk.livefeed.actions import can_pin
from newsdesk.livefeed.models import FeedItem


def contentstate_from_plain_text(text):
    """Draftail's form value for plain text, one paragraph per line.

    `manage.py feed_post` submits this to the same form the admin uses, so a script's text goes
    through the same conversion and checks as an editor's.
    """
    lines = [line.strip() for line in str(text).splitlines() if line.strip()] or [""]
    blocks = [
        {
            "key": f"k{n}",
            "type": "unstyled",
            "depth": 0,
            "text": line,
            "inlineStyleRanges": [],
            "entityRanges": [],
        }
        for n, line in enumerate(lines)
    ]
    return json.dumps({"blocks": blocks, "entityMap": {}})


def article_for_url(url):
    """The live article an address of this site points at, or None."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("", "http", "https"):
        return None
    sites = list(Site.objects.select_related("root_page"))
    if parts.hostname:
        hosts = {site.hostname for site in sites} | {urlsplit(settings.SITE_URL).hostname}
        if parts.hostname not in hosts:
            return None
    path = parts.path.strip("/")
    if not path:
        return None
    candidates = [f"{site.root_page.url_path}{path}/" for site in sites]
    return ArticlePage.objects.published().filter(url_path__in=candidates).first()


class QuickPostForm(forms.ModelForm):
    """One text box (and, when needed, a link and a pin): the quickest way to post an update."""

    link = forms.CharField(
        required=False,
        max_length=500,
        label="Link to one of our articles (optional)",
        help_text="Paste the article's address.",
    )

    class Meta:
        model = FeedItem
        fields = ["text", "locale", "pinned"]
        labels = {"text": "Update", "locale": "Edition", "pinned": "Pin to the top of the feed"}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not can_pin(user):
            del self.fields["pinned"]
        if len(settings.LANGUAGES) < 2:
            del self.fields["locale"]  # one edition: nothing to choose
        else:
            # Left empty: the linked article's edition, or the default one.
            self.fields["locale"].required = False

    def clean_link(self):
        url = self.cleaned_data["link"].strip()
        if not url:
            return None
        article = article_for_url(url)
        if article is None:
            raise forms.ValidationError(
                "That address is not a published article on this site. "
                "Paste the article's address, or leave this empty."
            )
        return article

    def post(self):
        """Publish the validated item; PermissionDenied if the author may not do what it asks."""
        return services.post_item(
            text=self.cleaned_data["text"],
            author=self.user,
            article=self.cleaned_data.get("link"),
            pinned=self.cleaned_data.get("pinned", False),
            locale=self.cleaned_data.get("locale"),
        )
