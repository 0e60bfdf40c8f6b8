"""Events: PLOVER event mentions with their arguments, from annotated articles.

``EventStage(settings)(article)`` fills ``article.events``; see docs/events.md for the rules and their
measured quality. Linking mentions across articles is :mod:`linimasa.link`; stories :mod:`linimasa.stories`.
"""

from linimasa.events.stage import EventStage

__all__ = ["EventStage"]
