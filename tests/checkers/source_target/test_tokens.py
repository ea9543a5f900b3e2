from review.checkers.source_target.tokens import (
    AddressAdded,
    AddressAltered,
    AddressMissing,
    TagAdded,
    TagMissing,
)
from review.flags import MqmClass


def test_protected_tokens_missing_and_extra(flags):
    source = "Click ⟨1⟩here⟨/1⟩ to open ⟨2/⟩."
    target = "Klicken Sie ⟨1⟩hier⟨/1⟩, ⟨3/⟩."
    missing = flags(TagMissing.rule, source, target, "en")
    assert [(f.start, f.end, f.message) for f in missing] == [
        (0, 30, "the source's ⟨2/⟩ is not in the translation")
    ]
    [added] = flags(TagAdded.rule, source, target, "en")
    assert (added.start, added.end, added.text) == (25, 29, "⟨3/⟩")
    assert added.mqm == MqmClass.MARKUP


def test_placeholders_of_every_kind(found):
    source = "%s has %d files in %(dir)s for {0} and {name}, <b>bold</b>"
    target = "%s a %(dir)s pour {0} et {nom}, <b>gras</b><br/>"
    assert found(TagAdded.rule, source, target, "en") == [(25, 30, "{nom}"), (43, 48, "<br/>")]
    assert [text for _, _, text in found(TagMissing.rule, source, target, "en")] == [target] * 2


def test_missing_placeholder_messages(flags):
    found = flags(TagMissing.rule, "%s has %d files in {name}", "%s a des fichiers {nom}", "en")
    assert [f.message for f in found] == [
        "the source's %d is not in the translation",
        "the source's {name} is not in the translation",
    ]


def test_percent_in_prose_is_no_placeholder(found):
    assert found(TagMissing.rule, "50% sure", "sûr à 50 %", "en") == []


def test_url_altered(flags):
    source = "See https://example.com/docs/install."
    target = "Siehe https://example.com/dokumente/install."
    [flag] = flags(AddressAltered.rule, source, target, "en")
    assert (flag.start, flag.end, flag.text) == (6, 43, "https://example.com/dokumente/install")
    assert flag.message == (
        "https://example.com/dokumente/install differs from the source's "
        "https://example.com/docs/install"
    )
    assert flag.replacements == ("https://example.com/docs/install",)


def test_email_missing_and_url_added(found):
    source = "Write to help@example.org."
    target = "Écrivez-nous sur www.example.fr."
    assert found(AddressMissing.rule, source, target, "en") == [(0, 32, target)]
    assert found(AddressAdded.rule, source, target, "en") == [(17, 31, "www.example.fr")]


def test_same_addresses_pass(found):
    source = "Mail a@b.ee or visit https://b.ee/x?y=1."
    target = "Kirjuta a@b.ee või külasta https://b.ee/x?y=1."
    for rule in (AddressMissing.rule, AddressAltered.rule, AddressAdded.rule):
        assert found(rule, source, target, "en") == []
