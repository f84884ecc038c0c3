from newsdesk.serving.lifetimes import lifetimes
from newsdesk.serving.versions import fragment_versions


def serving_context(request):
    return {
        # Versions that cached fragments are keyed on (read lazily, in one cache round trip).
        "v": fragment_versions(request),
        # How long fragments are kept: {% cache lifetimes.fragment "name" v.chrome %}.
        "lifetimes": lifetimes,
    }
