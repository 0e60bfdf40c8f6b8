"""One router per resource; each route that has a page and an API answer builds both from one query function."""

from . import actors, articles, docs, dyads, events, places, reference, stories

ROUTERS = (events.router, places.router, dyads.router, actors.router, stories.router, articles.router, docs.router,
           reference.router)
