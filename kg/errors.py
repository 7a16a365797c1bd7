"""Errors the user can fix: the CLI prints them without a traceback."""


class KGError(Exception):
    """A problem with the user's input, options or environment."""


class InputError(KGError):
    """An article file that cannot be read: the message names the file (and line) and what was expected."""


class ModelError(KGError):
    """A spaCy pipeline that is missing or unusable."""


class QueryError(KGError):
    """A SPARQL query that cannot be parsed or run."""
