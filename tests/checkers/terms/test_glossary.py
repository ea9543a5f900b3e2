"""Reading glossaries: CSV/TSV, the use/avoid list, and TBX (safely)."""

import os
from pathlib import Path

import pytest

from review.checkers.terms.glossary import load_glossaries, load_glossary
from review.checkers.terms.term import Term
from review.errors import ReviewError

TBX = """\
<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="t1">
  <langSet xml:lang="zh"><tig><term>一带一路</term></tig></langSet>
  <langSet xml:lang="en-US">
    <tig><term>Belt and Road Initiative</term></tig>
    <tig><term>One Belt One Road</term>
      <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
  </langSet>
</termEntry>
<termEntry id="t2"><langSet xml:lang="zh"><tig><term>外交部</term></tig></langSet></termEntry>
</body></text></martif>
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_with_a_header_and_a_note(tmp_path: Path) -> None:
    path = write(
        tmp_path, "g.csv", "source,target,note\n纽约,New York,city\n外交部,Foreign Ministry\n"
    )
    assert load_glossary(path, "en-US") == (
        Term("New York", source="纽约", note="city"),
        Term("Foreign Ministry", source="外交部"),
    )


def test_tsv_without_a_header(tmp_path: Path) -> None:
    path = write(tmp_path, "g.tsv", "纽约\tNew York\n\n外交部\tForeign Ministry\tMFA\n")
    assert load_glossary(path, "en-US") == (
        Term("New York", source="纽约"),
        Term("Foreign Ministry", source="外交部", note="MFA"),
    )


def test_use_and_avoid_list(tmp_path: Path) -> None:
    text = (
        "# house style\nuse: New York\navoid: e-mail → email\n"
        "avoid: Peking -> Beijing\navoid: utilise\n"
    )
    assert load_glossary(write(tmp_path, "style.txt", text), "en-US") == (
        Term("New York"),
        Term("e-mail", forbidden=True, preferred="email"),
        Term("Peking", forbidden=True, preferred="Beijing"),
        Term("utilise", forbidden=True),
    )


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "g.txt",
            "use: a\nprefer: b\n",
            "line 2 is neither `use: TERM` nor `avoid: TERM → TERM`: 'prefer: b'",
        ),
        ("g.txt", "use: a → b\n", "line 1 is neither"),
        ("g.csv", "a,b\nc\n", "line 2 is not source,target[,note]: ['c']"),
        ("g.tsv", "a\tb\tc\td\n", "line 1 is not source\ttarget"),
        # Named by its line in the file, not counted after the header and blank lines.
        ("g.tsv", "source\ttarget\n\nx\n", "line 3 is not source\ttarget"),
        ("g.tbx", "<martif><text>", "not a TBX glossary: Premature end of data"),
        ("g.tbx", "<tmx/>", "not a TBX glossary: its root is not <martif>"),
    ],
)
def test_a_bad_glossary_is_one_line(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(ReviewError) as raised:
        load_glossary(path, "en-US")
    assert str(raised.value).startswith(f"{path}: {message}")
    assert "\n" not in str(raised.value)


def test_a_missing_glossary_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(ReviewError, match=r"nope\.csv: no such file$"):
        load_glossaries([tmp_path / "nope.csv"], "en-US")
    with pytest.raises(ReviewError, match=r"nope\.tbx: no such file$"):
        load_glossaries([tmp_path / "nope.tbx"], "en-US")


@pytest.mark.parametrize("name", ["g.csv", "g.tbx", "g.txt"])
def test_a_glossary_that_is_a_named_pipe_is_not_read(tmp_path: Path, name: str) -> None:
    # It was read for ever: a check given it never ended.
    os.mkfifo(tmp_path / name)
    with pytest.raises(ReviewError, match=r"is a named pipe \(FIFO\), not a regular file$"):
        load_glossaries([tmp_path / name], "en-US")


def test_tbx_english_side_with_deprecated_terms_forbidden(tmp_path: Path) -> None:
    assert load_glossary(write(tmp_path, "g.tbx", TBX), "en-GB") == (
        Term("Belt and Road Initiative", source="一带一路"),
        Term(
            "One Belt One Road",
            forbidden=True,
            preferred="Belt and Road Initiative",
            source="一带一路",
        ),
    )


REFUSED = (
    "declares XML entities (an entity-expansion bomb or an external entity); refused, nothing "
    "was expanded or fetched"
)


def _with_entities(declarations: str, term: str, use: str) -> str:
    return TBX.replace(
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif [{declarations}]>\n',
    ).replace(f"<term>{term}</term>", f"<term>{use}</term>")


def test_tbx_external_entity_is_not_fetched(tmp_path: Path) -> None:
    secret = write(tmp_path, "secret.txt", "SECRET")
    text = _with_entities(
        f'<!ENTITY x SYSTEM "file://{secret}">',
        "Belt and Road Initiative",
        "&x;Belt and Road Initiative",
    )
    path = write(tmp_path, "g.tbx", text)
    with pytest.raises(ReviewError) as raised:
        load_glossary(path, "en-US")
    assert str(raised.value) == f"{path}: {REFUSED}"


def test_tbx_entity_bomb_is_refused(tmp_path: Path) -> None:
    entities = '<!ENTITY a0 "lollollollol">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
    )
    path = write(tmp_path, "g.tbx", _with_entities(entities, "一带一路", "&a9;"))
    with pytest.raises(ReviewError) as raised:
        load_glossary(path, "en-US")
    assert str(raised.value) == f"{path}: {REFUSED}"


def test_tbx_internal_entity_is_not_expanded(tmp_path: Path) -> None:
    # lxml expanded it: the glossary's term was the entity's text.
    text = _with_entities('<!ENTITY a "expanded">', "Belt and Road Initiative", "&a;")
    path = write(tmp_path, "g.tbx", text)
    with pytest.raises(ReviewError) as raised:
        load_glossary(path, "en-US")
    assert str(raised.value) == f"{path}: {REFUSED}"
