"""Speech engines behind one small interface, chosen in settings.NARRATION_BACKEND.

A backend gets plain text that `speech.prepare()` has made readable and yields 16-bit mono PCM,
a sentence or so at a time; Newsdesk does the rest (pauses, timings, MP3, storage). Another engine
(another Piper voice, a cloud service) is a class with the three members of `Backend`:

    NARRATION_BACKEND = {"CLASS": "myproject.tts.CloudBackend", "OPTIONS": {"voice": "en-GB-1"}}
"""

import json
from abc import ABC, abstractmethod

from django.conf import settings
from django.utils.module_loading import import_string


class BackendError(Exception):
    """The engine could not speak: its message is shown to editors as the narration's error."""


class Backend(ABC):
    """A speech engine: text and voice settings in, PCM out. Subclasses name their voice."""

    def __init__(self, **options):
        self.options = options

    @property
    @abstractmethod
    def identity(self):
        """Names the voice and its settings. Part of every narration's hash, so changing the voice
        re-narrates articles on their next publish. Must be cheap: it is read at publish time,
        in the web process, where no model may be loaded."""

    @property
    @abstractmethod
    def sample_rate(self):
        """Samples per second of the PCM that `synthesize` yields."""

    @abstractmethod
    def synthesize(self, text):
        """Yield 16-bit little-endian mono PCM (bytes) for `text`."""


_backends = {}


def voice_config(language=None):
    """NARRATION_BACKEND with the voice of `language` (NARRATION_VOICES); None when the
    language has none. The default language falls back to NARRATION_BACKEND's own voice."""
    config = settings.NARRATION_BACKEND
    language = language or settings.LANGUAGE_CODE
    voice = settings.NARRATION_VOICES.get(language)
    if voice:
        return {**config, "OPTIONS": {**config.get("OPTIONS", {}), "model": voice}}
    return config if language == settings.LANGUAGE_CODE else None


def get_backend(language=None):
    """The backend speaking `language` (default: the first of LANGUAGES), one instance per
    process and voice, so a model is loaded once per worker; None for a language without a
    voice."""
    config = voice_config(language)
    if config is None:
        return None
    key = json.dumps(config, sort_keys=True, default=str)
    if key not in _backends:
        _backends[key] = import_string(config["CLASS"])(**config.get("OPTIONS", {}))
    return _backends[key]
