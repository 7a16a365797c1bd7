"""kg: who met whom, from the news."""

__version__ = "0.1.0"
