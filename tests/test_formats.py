import sys
from pathlib import PurePath

import pytest

from review.formats import Format, FormatRegistry


def _registry() -> FormatRegistry:
    return FormatRegistry(
        Format("text", "json:dumps", (".txt",)),
        Format("json", "json:loads", (".json",)),
        Format("sarif", "json:load", (".sarif", ".sarif.json")),
    )


def test_the_format_is_the_one_named_else_the_output_suffix_else_the_first() -> None:
    formats = _registry()
    assert formats.names() == ("text", "json", "sarif")
    assert formats.chosen("json", PurePath("x.sarif")) == "json"
    assert formats.chosen(None, PurePath("out/X.JSON")) == "json"
    assert formats.chosen(None, PurePath("x.sarif.json")) == "sarif"
    assert formats.chosen(None, PurePath("x.unknown")) == "text"
    assert formats.chosen(None, None) == "text"


def test_the_renderer_is_imported_only_when_asked_for(monkeypatch) -> None:
    monkeypatch.delitem(sys.modules, "toy_formats", raising=False)
    formats = FormatRegistry(Format("toy", "toy_formats:render_diff"))
    assert "toy_formats" not in sys.modules
    renderer = formats.renderer("toy")
    assert renderer is sys.modules["toy_formats"].render_diff


def test_a_renderer_must_be_module_colon_function_and_a_name_is_registered_once() -> None:
    formats = _registry()
    with pytest.raises(ValueError, match=r"^toy: renderer 'toy_formats\.render' is not"):
        formats.register(Format("toy", "toy_formats.render"))
    with pytest.raises(ValueError, match=r"^json: a format of that name is registered already$"):
        formats.register(Format("json", "json:dumps"))
