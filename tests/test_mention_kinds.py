"""Which mentions stand for a person: the knowledge base's kind wins over the tagger's label."""

from linimasa.model import Mention


def mention(label: str, kind: str | None = None) -> Mention:
    return Mention(0, 5, "Nadia", label, kind=kind)


def test_a_tagged_name_or_a_known_person_names_a_person():
    assert mention("PER").names_a_person
    assert mention("ORG", kind="person").names_a_person


def test_a_title_names_a_person_only_by_office():
    assert not mention("TITLE").names_a_person
    assert mention("TITLE").names_a_person_or_title


def test_a_name_the_knowledge_base_knows_as_an_organisation_is_no_person():
    assert not mention("PER", kind="organisation").names_a_person
    assert not mention("PER", kind="organisation").names_a_person_or_title
    assert not mention("ORG").names_a_person_or_title
