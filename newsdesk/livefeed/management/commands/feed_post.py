from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from newsdesk.livefeed.forms import QuickPostForm, contentstate_from_plain_text


class Command(BaseCommand):
    help = "Post an update to the live news feed, as the admin's quick-post form does."

    def add_arguments(self, parser):
        parser.add_argument("text", help="The update, as plain text (one paragraph per line).")
        parser.add_argument("--link", default="", help="The address of one of our articles.")
        parser.add_argument("--pin", action="store_true", help="Keep the update at the top.")
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            help="The edition whose feed gets the update (a code of LANGUAGES; default: the "
            "first).",
        )
        parser.add_argument(
            "--user",
            help="Post as this staff user (their permissions apply: a user who may not "
            "publish leaves the update for an editor); by default the post is the newsroom's "
            "own, from a trusted script.",
        )

    def handle(self, *args, text, link, pin, language, user=None, **options):
        author = None
        if user:
            author = get_user_model().objects.filter(username=user, is_active=True).first()
            if author is None:
                raise CommandError(f"No active user named {user!r}.")
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            raise CommandError(f"No edition in {language!r}; LANGUAGES has {settings.LANGUAGES}.")
        data = {"text": contentstate_from_plain_text(text), "link": link, "locale": locale.pk}
        if pin:
            data["pinned"] = "on"
        form = QuickPostForm(data=data, user=author)
        if pin and "pinned" not in form.fields:
            raise CommandError(f"{author.get_username()} may not pin updates; only editors can.")
        if not form.is_valid():
            problems = [f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()]
            raise CommandError("Nothing posted. " + "; ".join(problems))
        try:
            item = form.post()
        except PermissionDenied as refusal:
            raise CommandError(f"Nothing posted. {refusal}") from None
        if item.live:
            self.stdout.write(f"Posted feed item {item.pk}: {item}")
        else:
            self.stdout.write(f"Feed item {item.pk} waits for an editor to publish it: {item}")
