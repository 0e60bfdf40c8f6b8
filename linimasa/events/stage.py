"""The ``events`` stage of the pipeline."""

from __future__ import annotations

from linimasa.config import Settings
from linimasa.events.extract import Extractor
from linimasa.events.lexicon import load_lexicon
from linimasa.model import Article


class EventStage:
    """Fills ``article.events`` with the article's event mentions.

    Options (``settings.stage_options("events")``, :class:`~linimasa.stages.EventsOptions`): ``lexicon`` (a folder with the three YAML lexicons, to
    replace the shipped ones, and optionally ``lexemes_id.yaml``: without it, no lexeme forms are added); ``decision`` (the learned decision on the rules' candidates: true for the
    shipped model, a path for another, false for the rules alone); ``party_ranker`` (the learned ranker that
    completes a side the rules' clause left empty: true for the shipped model, a path, false for the rules'
    parties alone); ``require_known_party`` (override the lexicon's
    rule that an event needs a party the knowledge base knows). The knowledge base and the time stage's
    ``date_for_event`` are looked up once per process; tests may pass their own as ``kb`` and ``dater``.
    """

    name = "events"

    def __init__(self, settings: Settings | None = None, kb=None, dater=None):
        self.settings = settings or Settings()
        self.options = self.settings.stage_options(self.name)
        self._kb = kb
        self._dater = dater
        self._injected = kb is not None
        self._extractor: Extractor | None = None
        self._decision = None

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_extractor"] = None  # rebuilt in each worker from the per-process caches
        state["_decision"] = None
        if not self._injected:
            state["_kb"] = None
        return state

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:
            kb, dater = self._kb, self._dater
            if kb is None:
                from linimasa.kb import load_kb

                kb = load_kb()
            if dater is None:
                from linimasa.nlp.timex import date_for_event

                dater = date_for_event
            self._extractor = Extractor(load_lexicon(str(self.options.lexicon) if self.options.lexicon else None), kb, dater,
                                        require_known=self._require_known(), decision=self.decision,
                                        max_candidates=self.settings.limits.event_triggers, ranker=self.ranker)
        return self._extractor

    def _require_known(self) -> bool | None:
        """The rule that an event needs a party known to the knowledge base when the options say; else the
        lexicon's rule for the types the learned decision does not judge, the model's for those it does
        (linimasa.events.extract.Extractor)."""
        return self.options.require_known_party

    @property
    def ranker(self):
        """The learned party ranker: option ``party_ranker`` true (the shipped model), a path, or false."""
        setting = self.options.party_ranker
        if setting is False or setting is None:
            return None
        from linimasa.events.party_ranker import load_ranker

        return load_ranker(None if setting is True else str(setting))

    @property
    def decision(self):
        setting = self.options.decision
        if setting is False or setting is None:
            return None
        if self._decision is None:
            from linimasa.events.decision import load_decision

            self._decision = load_decision(None if setting is True else str(setting))
        return self._decision

    def __call__(self, article: Article) -> Article:
        events = self.extractor.events(article)
        if events:
            from linimasa.kb.aliases import indonesian_stop_words
            from linimasa.link_features import article_signature

            signature = article_signature(article, indonesian_stop_words())  # what linking compares
            for event in events:
                event.signature = signature
        article.events = events
        return article
