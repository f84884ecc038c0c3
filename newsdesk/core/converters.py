class UnicodeSlugConverter:
    """A slug of any alphabet (`енергетика`), as taggit makes them; Django's `slug` is ASCII."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
