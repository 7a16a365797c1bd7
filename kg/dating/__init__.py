"""When articles were written and when their meetings took place, read against the page dates.

`article.py`: what one article's text implies about its own date, and whether that contradicts its page date (run
with extraction, per article). `across.py`: the date of each merged meeting from every report's claim, and the
articles whose page date another report contradicts (run with resolution, over the whole build).
"""

from kg.dating.across import dated, redated_articles
from kg.dating.article import REDATED_AFTER, date_article

__all__ = ["REDATED_AFTER", "date_article", "dated", "redated_articles"]
