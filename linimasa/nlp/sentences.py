"""Sentences of Indonesian news text, built on :mod:`linimasa.nlp.tokens`.

A sentence ends at a line break, or after a terminator (". ! ? ...", possibly followed by closing quotes or
brackets) when the next token can start a sentence (a capital, a digit, an opening quote or bracket). It does
not end inside a quotation, since news quotes several sentences of a speaker before the "kata dia" that
belongs to them. Abbreviations and titles keep their full stop inside the token ("Dr.", "No."), so they never
look like terminators; the few that often close a sentence ("Tbk.", "dll.") end one when a new sentence
visibly starts after them. Datelines ("JAKARTA, KOMPAS.com -") hold no terminator and stay whole.
"""

from __future__ import annotations

from linimasa.config import Settings
from linimasa.limits import DEFAULT_LIMITS
from linimasa.model import Article, Sentence, Token
from linimasa.nlp.tokens import sentence_final_abbreviations, tokenize

TERMINAL_CHARACTERS = frozenset(".!?…")
_TERMINALS = "".join(TERMINAL_CHARACTERS)
OPENING_MARKS = frozenset({"“", "‘", "(", "[", "«"})
CLOSING_MARKS = frozenset({"”", "’", ")", "]", "»", "'"})
STRAIGHT_QUOTE = '"'


def _is_terminator(token: str) -> bool:
    """Whether the token is only terminal characters (". ! ? …" and runs of them)."""
    return not token.strip(_TERMINALS)


def _is_list_marker(tokens: list[Token]) -> bool:
    """Whether the tokens before a stop only number a list item ("1." or "a." at the start of a line)."""
    return len(tokens) == 1 and (tokens[0].text.isdigit() or (len(tokens[0].text) == 1 and tokens[0].text.isalpha()))


def _can_start_sentence(token: str, in_quote: bool) -> bool:
    first = token[0]
    if first.isupper() or first.isdigit() or token in OPENING_MARKS:
        return True
    return token == STRAIGHT_QUOTE and not in_quote


def _sentence(text: str, tokens: list[Token]) -> Sentence:
    start, end = tokens[0].start, tokens[-1].end
    return Sentence(start, end, text[start:end], tokens)


def split_sentences(text: str, max_tokens: int = DEFAULT_LIMITS.sentence_tokens) -> list[Sentence]:
    """The sentences of ``text``, each with its tokens; offsets point into ``text``. A sentence is cut after
    ``max_tokens`` tokens even without a terminator (``Limits.sentence_tokens`` says why)."""
    tokens = tokenize(text)
    final_abbreviations = sentence_final_abbreviations()
    sentences: list[Sentence] = []
    first = 0
    in_quote = False
    ends_clause = False  # the tokens since the last terminator are only closing quotes or brackets
    for i, token in enumerate(tokens):
        word = token.text
        if word == STRAIGHT_QUOTE:
            in_quote = not in_quote
        elif word == "“":
            in_quote = True
        elif word == "”":
            in_quote = False

        if _is_terminator(word) or word in final_abbreviations:
            ends_clause = not _is_list_marker(tokens[first:i])
        elif not (word in CLOSING_MARKS or word == STRAIGHT_QUOTE):
            ends_clause = False

        if i + 1 == len(tokens):
            break
        following = tokens[i + 1]
        if "\n" in text[token.end : following.start]:
            boundary = True
            in_quote = False
        elif i + 1 - first >= max_tokens:
            boundary = True
        else:
            boundary = ends_clause and not in_quote and _can_start_sentence(following.text, in_quote)
        if boundary:
            sentences.append(_sentence(text, tokens[first : i + 1]))
            first = i + 1
            ends_clause = False
    if first < len(tokens):
        sentences.append(_sentence(text, tokens[first:]))
    return sentences


class SentenceStage:
    """Stage ``sentences``: ``article.sentences`` (with tokens) from the article's working text."""

    name = "sentences"

    def __init__(self, settings: Settings):
        self.max_tokens = settings.limits.sentence_tokens

    def __call__(self, article: Article) -> Article:
        article.sentences = split_sentences(article.working_text, self.max_tokens)
        return article
