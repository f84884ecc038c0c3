from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from newsdesk.accounts import lockout


class LockoutModelBackend(ModelBackend):
    """Django's username/password check, refused outright while the account or address is
    locked out. Raising PermissionDenied stops Django from trying any other backend."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if lockout.refused(username, request):
            raise PermissionDenied("Too many failed sign-in attempts.")
        return super().authenticate(request, username=username, password=password, **kwargs)
