from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db import connection

from newsdesk.accounts import lockout
from newsdesk.accounts.models import TOTPDevice


class LockoutModelBackend(ModelBackend):
    """Django's username and password check, with the lockout and, for staff who set one up,
    the code from their authenticator app (`otp`).

    The attempt is counted before the password is hashed (newsdesk.accounts.lockout), and the
    request's database connection goes back to the pool while it is hashed: a hash keeps a core
    busy for a good part of a second, and parallel sign-ins holding connections meanwhile took
    the pool from every other request. A wrong password and a wrong code are the same failure.
    Raises lockout.LockedOut while the account or address is locked out.
    """

    def authenticate(self, request, username=None, password=None, otp=None, **kwargs):
        if username is None or password is None:
            return None
        attempt = lockout.reserve(username, request)
        user = self.user_with_password(username, password)
        if user is not None and not TOTPDevice.objects.accepts(user=user, code=otp):
            user = None
        attempt.finish(succeeded=user is not None)
        return user

    def user_with_password(self, username, password):
        users = get_user_model()
        try:
            user = users._default_manager.get_by_natural_key(username)
        except users.DoesNotExist:
            user = None
        if not connection.in_atomic_block:
            connection.close()  # back to the pool; the next query takes one again
        if user is None:
            # Hash anyway, as Django does: the time taken must not tell which accounts exist.
            users().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
