"""Errors the user can fix: the CLI prints them without a traceback."""


class KGError(Exception):
    """A problem with the user's input, options or environment."""


class InputError(KGError):
    """An article file that cannot be read: the message names the file (and line) and what was expected."""


class ModelError(KGError):
    """A spaCy pipeline that is missing or unusable."""


class QueryError(KGError):
    """A SPARQL query that cannot be parsed or run."""


class SkippedInputs(KGError):
    """--strict with inputs skipped: nothing was written."""

    def __init__(self, skipped: list) -> None:
        self.skipped = tuple(skipped)
        super().__init__(f"--strict: {len(skipped)} input{'s' * (len(skipped) != 1)} skipped; no output was changed")
