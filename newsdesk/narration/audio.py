"""A script -> one MP3 with the start and end of every segment.

Audio is encoded as it is synthesised, sentence by sentence, and written to a file, so memory
stays flat however long the article is (an hour of 22 kHz PCM would be 160 MB).
"""

from dataclasses import dataclass, field

import lameenc

# Silence after each kind of segment, in seconds: a newsreader's breath between parts.
PAUSE_AFTER = {
    "headline": 0.8,
    "byline": 0.5,
    "standfirst": 1.0,
    "heading": 0.6,
    "paragraph": 0.6,
    "quote": 0.7,
}
SENTENCE_PAUSE = 0.2


@dataclass
class Rendering:
    duration: float = 0.0
    segments: list = field(default_factory=list)


class Mp3Writer:
    def __init__(self, out, *, sample_rate, bitrate):
        self.out = out
        self.sample_rate = sample_rate
        self.samples = 0
        self.encoder = lameenc.Encoder()
        self.encoder.set_bit_rate(bitrate)
        self.encoder.set_in_sample_rate(sample_rate)
        self.encoder.set_channels(1)
        self.encoder.set_quality(2)

    @property
    def seconds(self):
        return self.samples / self.sample_rate

    def write(self, pcm):
        if pcm:
            self.out.write(self.encoder.encode(pcm))
            self.samples += len(pcm) // 2

    def pause(self, seconds):
        self.write(b"\x00\x00" * round(seconds * self.sample_rate))

    def close(self):
        self.out.write(self.encoder.flush())


def render(script, backend, out, *, bitrate=64, progress=None):
    """Synthesise `script` with `backend` into the binary file `out`; `progress(fraction)` is
    called after each segment."""
    writer = Mp3Writer(out, sample_rate=backend.sample_rate, bitrate=bitrate)
    rendering = Rendering()
    total = script.characters or 1
    done = 0
    for index, segment in enumerate(script.segments):
        if index:
            writer.pause(PAUSE_AFTER.get(script.segments[index - 1].kind, 0.6))
        start = writer.seconds
        for number, chunk in enumerate(segment.chunks()):
            if number:
                writer.pause(SENTENCE_PAUSE)
            for pcm in backend.synthesize(chunk):
                writer.write(pcm)
        rendering.segments.append(
            {
                "id": segment.id,
                "kind": segment.kind,
                "start": round(start, 3),
                "end": round(writer.seconds, 3),
            }
        )
        done += len(segment.text)
        if progress:
            progress(done / total)
    writer.close()
    rendering.duration = round(writer.seconds, 3)
    return rendering
