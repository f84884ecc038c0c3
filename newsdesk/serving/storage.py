"""Media on S3-compatible object storage (AWS S3, Cloudflare R2, Spaces, MinIO, Garage).

django-storages' S3Storage does the work; this subclass only fixes what every Newsdesk object
needs: a public, unsigned URL under MEDIA_ORIGIN (the bucket's public address or a CDN in front
of it) and the media lifetime from `lifetimes` as its Cache-Control, so the CDN and browsers keep
images and audio as long as the disk setup does. Content-Type comes from the name (the storage's
own guess: .mp3 is audio/mpeg). The object store answers Range requests itself, so audio seeks.

Imported only when AWS_STORAGE_BUCKET_NAME selects it (the `s3` extra installs its packages).
"""

from storages.backends.s3 import S3Storage

from newsdesk.serving.lifetimes import lifetimes


class S3MediaStorage(S3Storage):
    # Names are never reused for other content: a second upload of photo.jpg gets a new name,
    # so a CDN's copy of the first is never wrong.
    file_overwrite = False
    querystring_auth = False

    def get_object_parameters(self, name):
        return {
            "CacheControl": f"public, max-age={lifetimes.media}",
            **super().get_object_parameters(name),
        }
