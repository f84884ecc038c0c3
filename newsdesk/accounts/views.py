import base64

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from newsdesk.accounts import totp
from newsdesk.accounts.forms import ConfirmCodeForm
from newsdesk.accounts.models import TOTPDevice


def qr_svg_data_uri(text):
    import segno

    svg = segno.make(text, error="m").svg_inline(scale=5, dark="#111", light="#fff")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


class TwoFactorView(WagtailAdminTemplateMixin, FormView):
    """Set up or turn off the authenticator app of the signed-in staff member.

    Setting up stores an unconfirmed secret; it only protects sign-ins once a code made from it
    has been entered here, so a half-finished setup never locks anyone out.
    """

    page_title = "Two-factor authentication"
    header_icon = "key"
    template_name = "accounts/two_factor.html"
    form_class = ConfirmCodeForm

    def dispatch(self, request, *args, **kwargs):
        self.device, _ = TOTPDevice.objects.get_or_create(
            user=request.user, defaults={"secret": totp.new_secret()}
        )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "device": self.device}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.device.confirmed:
            uri = totp.provisioning_uri(
                self.device.secret, self.request.user.get_username(), settings.WAGTAIL_SITE_NAME
            )
            context.update(uri=uri, qr=qr_svg_data_uri(uri), secret=self.device.secret)
        context["device"] = self.device
        return context

    def form_valid(self, form):
        self.device.last_step = form.step
        if self.device.confirmed:
            self.device.delete()
            messages.success(self.request, "Two-factor authentication is off.")
        else:
            self.device.confirmed_at = timezone.now()
            self.device.save(update_fields=["confirmed_at", "last_step"])
            messages.success(
                self.request, "Two-factor authentication is on: sign-ins now ask for a code."
            )
        return redirect("wagtailadmin_account")
