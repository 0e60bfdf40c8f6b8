"""Indonesian temporal expressions: recognition, TimeML normalisation, the article's anchor date, and
which expression dates an event (issue 4). See docs/time.md."""

from linimasa.nlp.timex.anchor import resolve_anchor, tenure_year_range
from linimasa.nlp.timex.event_date import date_for_event
from linimasa.nlp.timex.recognise import find_times
from linimasa.nlp.timex.stage import TimeStage, times_command_output

__all__ = ["TimeStage", "date_for_event", "find_times", "resolve_anchor", "tenure_year_range",
           "times_command_output"]
