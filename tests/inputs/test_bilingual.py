"""Bilingual files end to end through the command line: open, edit two units with `review edit`,
`git apply` and `patch -p1` give what `review apply` gives, and the patched file read back by an
independent reader (translate-toolkit where it reads the format) has exactly those targets
changed; reopening the patch recovers the reviews."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from translate.storage import factory
from translate.storage.xliff2 import Xliff2File

from patch_helpers import applied_by_standard_tools, git_project, review
from review.bilingual import TagError
from review.config import Config
from review.errors import ReviewError
from review.inputs import Reading, open_text, reading, target_language_notices
from review.session import ReviewSession

DATA = Path(__file__).resolve().parents[1] / "data" / "bilingual"
EDIT = " Edited & <checked>."


@pytest.fixture(autouse=True)
def no_user_config(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))


def _translate_toolkit_targets(path: Path) -> dict[str, list[str]]:
    if 'version="2.' in path.read_text("utf-8")[:500]:
        store = Xliff2File.parsefile(str(path))
    else:
        store = factory.getobject(str(path))
    return {
        unit.getid(): [str(t) for t in getattr(unit.target, "strings", [unit.target])]
        for unit in store.units
        if not unit.isheader()
    }


def _tsv_targets(path: Path) -> dict[str, list[str]]:
    lines = [line.split("\t") for line in path.read_text("utf-8").splitlines() if line.strip()]
    return {fields[0]: [fields[1]] for fields in lines}


def _paragraphs(path: Path) -> dict[str, list[str]]:
    found = re.findall(r"[^\n]*\S[^\n]*", path.read_text("utf-8"))
    return {str(n): [p] for n, p in enumerate(found)}


CASES = [
    # (file, extra files, options, reader of the targets)
    ("tt_odf2xliff_inline.xlf", (), (), _translate_toolkit_targets),  # XLIFF 1.2, inline tags
    ("mlqe_et_en.xlf", (), (), _translate_toolkit_targets),
    ("oasis_withReorderedCodes.xlf", (), (), _translate_toolkit_targets),  # XLIFF 2.0, codes
    ("mlqe_et_en_2.xlf", (), (), _translate_toolkit_targets),
    ("features.po", (), (), _translate_toolkit_targets),  # plurals, fuzzy, obsolete, msgctxt
    ("tt_plural.po", (), (), _translate_toolkit_targets),
    ("mlqe_et_en.tmx", (), (), _translate_toolkit_targets),
    ("mlqe_et_en.tsv", (), (), _tsv_targets),
    ("mlqe_en.txt", ("mlqe_et.txt",), ("--source", "mlqe_et.txt"), _paragraphs),
]


def _two_units(name: str, options: tuple[str, ...]) -> dict[str, str]:
    """Sentence id → new text for the first sentence of the second and the last unit that
    have one: a target with EDIT added (an empty target gets its source, tags and all)."""
    source = Path(options[1]) if options else None
    with reading(Reading(source)):
        sentences = open_text(name).sentences
    firsts = [s for s in sentences if s.id.endswith("-s1")]
    chosen = [firsts[1], firsts[-1]]
    return {s.id: (s.text or s.source.strip()) + EDIT for s in chosen}


@pytest.mark.parametrize(
    ("name", "extra", "options", "targets_of"), CASES, ids=[c[0] for c in CASES]
)
def test_edit_two_units_then_standard_tools_and_translate_toolkit_agree(
    name, extra, options, targets_of, tmp_path, monkeypatch, capsysbinary
):
    root = tmp_path / "project"
    git_project(root, name, (DATA / name).read_bytes())
    for other in extra:
        shutil.copy(DATA / other, root / other)
    monkeypatch.chdir(root)
    edits = _two_units(name, options)
    arguments = [arg for sid, text in edits.items() for arg in ("--sentence", sid, "--text", text)]

    code, out, err = review(capsysbinary, "edit", name, *options, *arguments)
    assert (code, err) == (0, "")
    patch = root / "corrections" / f"{Path(name).stem}.patch"
    assert out.decode().endswith(f"saved corrections/{patch.name}\n")

    code, applied, err = review(capsysbinary, "apply", name, *options)
    assert (code, err) == (0, "")
    assert applied_by_standard_tools(root, name, patch) == {
        "git apply": applied,
        "patch -p1": applied,
    }
    before = targets_of(root / name)
    (root / "patched").mkdir()
    (root / "patched" / name).write_bytes(applied)
    after = targets_of(root / "patched" / name)
    assert before.keys() == after.keys()
    changed = {
        (key, form): after[key][form]
        for key in before
        for form in range(len(before[key]))
        if before[key][form] != after[key][form]
    }
    assert len(changed) == 2  # two messages, or two plural forms of tt_plural.po's only one
    assert all(EDIT.strip() in target for target in changed.values()), changed

    source = Path(options[1]) if options else None
    with reading(Reading(source)), ReviewSession.open(name, cwd=root) as session:
        assert {sid: session.text_of(sid) for sid in edits} == edits


def test_a_unit_moved_in_the_file_keeps_its_sentence_ids(tmp_path):
    """Reviews are recorded by sentence id: the moved unit's sentences keep theirs."""
    original = (DATA / "mlqe_et_en.xlf").read_text("utf-8")
    units = re.findall(r"   <trans-unit .*?</trans-unit>\n", original, re.S)
    line18 = next(unit for unit in units if 'id="line18"' in unit)
    moved = original.replace(line18, "").replace(units[0], line18 + units[0])
    (tmp_path / "moved.xlf").write_text(moved, "utf-8")

    def by_id(path: Path) -> dict[str, tuple[str, str, str]]:
        return {s.id: (s.unit, s.source, s.text) for s in open_text(path).sentences}

    before, after = by_id(DATA / "mlqe_et_en.xlf"), by_id(tmp_path / "moved.xlf")
    assert list(after)[:2] == ["line18-s1", "line13-s1"]
    assert list(before)[:2] == ["line13-s1", "line17-s1"]
    assert after == before


def test_sentence_ids_and_sources_of_a_file(monkeypatch):
    monkeypatch.chdir(DATA)
    sentences = open_text("features.po").sentences
    # A plural form's unit id has brackets (not a patch header key): its sentence id is hashed.
    assert [(s.id, s.unit) for s in sentences] == [
        ("u7ca47ff943-s1", "po-9b05dab8097d[0]"),
        ("uc61e4440bf-s1", "po-9b05dab8097d[1]"),
        ("po-6685d1236406-s1", "po-6685d1236406"),
        ("po-0d6fdfc6ac01-s1", "po-0d6fdfc6ac01"),
        ("po-ac41267d8583-s1", "po-ac41267d8583"),
        ("po-ac41267d8583-s2", "po-ac41267d8583"),
        ("po-abf11a1601cf-s1", "po-abf11a1601cf"),
    ]
    assert sentences[-1].text == ""  # an empty target is one empty sentence to translate
    first = open_text("mlqe_et_en.tmx").sentences[0]
    assert (first.id, first.unit, first.source[:20]) == (
        "line13-s1",
        "line13",
        "Aastal 1132 proovisi",
    )


_HEAD = '<?xml version="1.0"?>\n'
_XLIFF = (
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
    '<file source-language="de" target-language="en"><body>'
    '<trans-unit id="1"><source>{source}</source><target>b</target></trans-unit>'
    "</body></file></xliff>\n"
)
BAD_INPUTS = [
    (
        "malformed.xlf",
        _HEAD + _XLIFF.replace("</target>", "</tareget>").format(source="a"),
        (),
        # Column 170 is the mismatched name, after "</" (expat's place, 1-based).
        "review: malformed.xlf: malformed XML at line 2, column 170: mismatched tag\n",
    ),
    (
        "bomb.xlf",
        _HEAD
        + '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        + _XLIFF.format(source="&b;"),
        (),
        "review: bomb.xlf: declares XML entities (an entity-expansion bomb or an external "
        "entity); refused, nothing was expanded or fetched\n",
    ),
    (
        "external.xlf",
        _HEAD
        + '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
        + _XLIFF.format(source="&e;"),
        (),
        "review: external.xlf: declares XML entities (an entity-expansion bomb or an external "
        "entity); refused, nothing was expanded or fetched\n",
    ),
    (
        "bad.po",
        'msgid "a"\nmsgstr "b"\n\nmsgid "c\nmsgstr "d"\n',
        (),
        "review: bad.po: PO syntax error: end-of-line within string on line 4: 'msgid \"c\\n'\n",
    ),
    (
        "mlqe_et_en.tmx",
        (DATA / "mlqe_et_en.tmx").read_text("utf-8"),
        ("--target-lang", "fr"),
        "review: mlqe_et_en.tmx: has no <tuv> in language 'fr' (it has en, et)\n",
    ),
    (
        "t.txt",
        "One.\n\nTwo.\n\nThree.\n",
        ("--source", "s.txt"),
        "review: t.txt: has 3 paragraphs but the source s.txt has 2; they part at paragraph 3, "
        "target line 5 'Three.', source has no more\n",
    ),
]


@pytest.mark.parametrize("command", ["check", "edit", "report"])
@pytest.mark.parametrize(
    ("name", "text", "options", "message"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS]
)
def test_bad_input_is_one_line_and_exit_2(
    command, name, text, options, message, tmp_path, monkeypatch, capsysbinary
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(text, "utf-8")
    (tmp_path / "s.txt").write_text("Üks.\n\nKaks.\n", "utf-8")
    code, out, err = review(capsysbinary, command, name, *options)
    assert (code, out, err) == (2, b"", message)


def test_a_tag_broken_by_an_edit_is_refused_with_the_reason(tmp_path, monkeypatch, capsysbinary):
    name = "oasis_withReorderedCodes.xlf"
    git_project(tmp_path, name, (DATA / name).read_bytes())
    monkeypatch.chdir(tmp_path)
    code, out, err = review(
        capsysbinary, "edit", name, "--sentence", "2-s1", "--text", "⟨/1⟩ x ⟨1⟩"
    )
    assert (code, out, err) == (2, b"", "review: unit 2: ⟨/1⟩ comes before ⟨1⟩\n")
    assert not (tmp_path / "corrections" / "oasis_withReorderedCodes.patch").exists()
    # The session refuses it too (what the UI calls), and keeps the state as it was.
    with ReviewSession.open(name, cwd=tmp_path) as session:
        with pytest.raises(TagError, match=r"^unit 2: ⟨/1⟩ comes before ⟨1⟩$"):
            session.set_text("2-s1", "⟨/1⟩ x ⟨1⟩")
        assert not session.dirty


@pytest.mark.parametrize("switch", [False, True])
def test_marking_reviewed_clears_fuzzy_only_with_the_switch(
    switch, tmp_path, monkeypatch, capsysbinary
):
    name = "tt_fuzzy.po"
    git_project(tmp_path, name, (DATA / name).read_bytes())
    monkeypatch.chdir(tmp_path)
    if switch:
        (tmp_path / "review.toml").write_text("[bilingual]\nupdate_state = true\n", "utf-8")
    fuzzy = "po-7220f2657039-s1"
    code, _, err = review(capsysbinary, "edit", name, "--status", f"{fuzzy}=reviewed")
    assert (code, err) == (0, "")
    code, applied, _ = review(capsysbinary, "apply", name)
    (tmp_path / "patched.po").write_bytes(applied)
    before = [u for u in factory.getobject(str(tmp_path / name)).units if not u.isheader()]
    after = [u for u in factory.getobject(str(tmp_path / "patched.po")).units if not u.isheader()]
    assert [u.isfuzzy() for u in before] == [False, True]
    assert [u.isfuzzy() for u in after] == [False, not switch]
    assert [str(u.target) for u in after] == [str(u.target) for u in before]
    with ReviewSession.open(name, cwd=tmp_path) as session:
        assert str(session.state.review_of(fuzzy).status) == "reviewed"


def test_tmx_language_pair_from_the_command_line(tmp_path, monkeypatch, capsysbinary):
    monkeypatch.chdir(tmp_path)
    shutil.copy(DATA / "mlqe_et_en.tmx", tmp_path)
    code, out, _ = review(
        capsysbinary, "check", "mlqe_et_en.tmx", "--no-languagetool", "--format", "json",
        "--fail-on", "none", "--source-lang", "en", "--target-lang", "et",
    )  # fmt: skip
    first = json.loads(out)["sentences"][0]
    assert code == 0
    assert first["text"].startswith("Aastal 1132 proovisid")
    assert first["source"].startswith("In the year 1132")


LITERAL_BRACKETS = [
    # (file, sentence id -> (old, new) words of its edit, the diff's changed lines)
    (
        "brackets.xlf",
        {"b1-s1": ("The set", "A set"), "b2-s1": ("Press", "Hit")},
        [
            '-    <target state="translated">The set ⟨a, b⟩ is empty. It has ⟨/⟩ and ⟨1⟩.</target>',
            '+    <target state="translated">A set ⟨a, b⟩ is empty. It has ⟨/⟩ and ⟨1⟩.</target>',
            '-    <target state="translated">Press <g id="1">Enter</g> for ⟨1⟩ or ⟨/1⟩. Then stop.'
            "</target>",
            '+    <target state="translated">Hit <g id="1">Enter</g> for ⟨1⟩ or ⟨/1⟩. Then stop.'
            "</target>",
        ],
    ),
    (
        "brackets.po",
        {
            "po-66bbd8324a97-s1": ("Die Menge", "Eine Menge"),
            "po-56819ca72142-s1": ("Drücke", "Tippe"),
        },
        [
            '-msgstr "Die Menge ⟨a, b⟩ ist leer. Sie hat ⟨/⟩ und ⟨1⟩."',
            '+msgstr "Eine Menge ⟨a, b⟩ ist leer. Sie hat ⟨/⟩ und ⟨1⟩."',
            '-msgstr "Drücke <b>Enter</b> für ⟨1⟩ oder ⟨/1⟩. Dann halt."',
            '+msgstr "Tippe <b>Enter</b> für ⟨1⟩ oder ⟨/1⟩. Dann halt."',
        ],
    ),
]


@pytest.mark.parametrize(("name", "words", "lines"), LITERAL_BRACKETS, ids=["xliff-1.2", "po"])
def test_literal_brackets_in_a_unit_stay_its_own_bytes_through_an_edit(
    name, words, lines, tmp_path, monkeypatch, capsysbinary
):
    root = tmp_path / "project"
    original = (DATA / name).read_bytes()
    git_project(root, name, original)
    monkeypatch.chdir(root)
    shown = {s.id: s.text for s in open_text(name).sentences}
    edits = {sid: shown[sid].replace(old, new) for sid, (old, new) in words.items()}
    arguments = [arg for sid, text in edits.items() for arg in ("--sentence", sid, "--text", text)]
    code, _, err = review(capsysbinary, "edit", name, *arguments)
    assert (code, err) == (0, "")
    patch = root / "corrections" / f"{Path(name).stem}.patch"
    diff = patch.read_text("utf-8").split("\n--- a/", 1)[1].splitlines()
    assert [line for line in diff if line[:1] in "+-" and line[:3] not in ("---", "+++")] == lines

    code, applied, err = review(capsysbinary, "apply", name)
    assert (code, err) == (0, "")
    expected = original.decode("utf-8")
    for old, new in zip(lines[::2], lines[1::2], strict=True):
        expected = expected.replace(old[1:], new[1:])
    assert applied == expected.encode("utf-8")
    assert "\u2060" not in applied.decode("utf-8")
    assert applied_by_standard_tools(root, name, patch) == {
        "git apply": applied,
        "patch -p1": applied,
    }
    with ReviewSession.open(name, cwd=root) as session:
        assert {sid: session.text_of(sid) for sid in edits} == edits


def test_literal_brackets_show_as_typed_and_a_token_shaped_pair_is_not_a_tag(monkeypatch):
    monkeypatch.chdir(DATA)
    texts = [s.text for s in open_text("brackets.xlf").sentences]
    assert texts == [
        "The set ⟨a, b⟩ is empty.",
        "It has ⟨\u2060/⟩ and ⟨\u20601⟩.",
        "Press ⟨1⟩Enter⟨/1⟩ for ⟨\u20601⟩ or ⟨\u2060/1⟩.",
        "Then stop.",
    ]


def _changed_context(line: str, changed: str) -> tuple[str, str]:
    """A patch edit that turns a context line of a hunk into a change (counts kept)."""
    return f"\n {line}\n", f"\n-{line}\n+{changed}\n"


_XLF_SOURCE = (
    "    <source>Nad võisid saarele jääda ainult Jonesi armust; Jones oli hiljuti kaks "
    "eurooplast, kes talle ei meeldinud, avamerele hulpima saatnud.</source>"
)
TAMPERED = [
    # (file, (sentence, its edit), (old, new) in the patch, the one line on stderr)
    (
        "mlqe_et_en.xlf",
        ("line17-s1", "Edited."),
        _changed_context(_XLF_SOURCE, _XLF_SOURCE.replace("Nad", "Nemad")),
        "review: corrections/mlqe_et_en.patch: its diff changes mlqe_et_en.xlf outside the "
        "unit targets (at line 10); only target text may change\n",
    ),
    (
        "mlqe_et_en.xlf",
        ("line17-s1", "Edited."),
        ('<target state="translated">Edited.', '<target state="final">Edited.'),
        "review: corrections/mlqe_et_en.patch: its diff changes mlqe_et_en.xlf outside the "
        "unit targets (at line 11); only target text may change\n",
    ),
    (
        "features.po",
        ("u7ca47ff943-s1", "⟨1/⟩ Datei weg ⟨2⟩⟨3/⟩⟨/2⟩"),
        _changed_context("#, python-format", "#, c-format"),
        "review: corrections/features.patch: its diff changes features.po outside the unit "
        "targets (at line 10); only target text may change\n",
    ),
    (  # the fuzzy flag of a message edited but not recorded as reviewed
        "features.po",
        ("po-6685d1236406-s1", "Offen ⟨1/⟩"),
        _changed_context("#, fuzzy, c-format", "#, c-format"),
        "review: corrections/features.patch: its diff changes features.po outside the unit "
        "targets (at line 16); only target text may change\n",
    ),
    (  # a third field, which the reader keeps but does not show
        "mlqe_et_en.tsv",
        ("tsv-018a7feba161-s1", "Edited."),
        ("\tEdited.\n", "\tEdited.\tnote\n"),
        "review: corrections/mlqe_et_en.patch: its diff changes mlqe_et_en.tsv outside the "
        "unit targets (at line 2); only target text may change\n",
    ),
]


@pytest.mark.parametrize(
    ("name", "edit", "tamper", "message"),
    TAMPERED,
    ids=["xliff-source", "xliff-state", "po-flag", "po-fuzzy", "tsv-field"],
)
def test_a_patch_that_changes_more_than_targets_is_refused(
    name, edit, tamper, message, tmp_path, monkeypatch, capsysbinary
):
    original = (DATA / name).read_bytes()
    git_project(tmp_path, name, original)
    monkeypatch.chdir(tmp_path)
    code, _, err = review(capsysbinary, "edit", name, "--sentence", edit[0], "--text", edit[1])
    assert (code, err) == (0, "")
    patch = tmp_path / "corrections" / f"{Path(name).stem}.patch"
    made = patch.read_text("utf-8")
    old, new = tamper
    assert made.count(old) == 1
    patch.write_text(made.replace(old, new), "utf-8")
    tampered = patch.read_bytes()
    # The tampered diff still applies with the standard tools: only the new guard refuses it.
    assert applied_by_standard_tools(tmp_path, name, patch)["git apply"] != original

    for command in (("apply", name, "-o", "out" + Path(name).suffix), ("report", name)):
        code, out, err = review(capsysbinary, *command)
        assert (code, out, err) == (2, b"", message)
    assert not (tmp_path / f"out{Path(name).suffix}").exists()
    assert (tmp_path / name).read_bytes() == original
    assert patch.read_bytes() == tampered
    with pytest.raises(ReviewError) as refused:
        ReviewSession.open(name, cwd=tmp_path)  # what `review FILE` and `review edit` open
    assert f"review: {refused.value}\n" == message


def test_a_state_set_by_marking_reviewed_is_accepted_even_once_the_switch_is_off(
    tmp_path, monkeypatch, capsysbinary
):
    name = "states.xlf"
    original = (DATA / name).read_bytes()
    git_project(tmp_path, name, original)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "review.toml").write_text("[bilingual]\nupdate_state = true\n", "utf-8")
    code, _, err = review(capsysbinary, "edit", name, "--status", "a3-s1=reviewed")
    assert (code, err) == (0, "")
    expected = original.replace(
        b'<target state="needs-review-translation">The window',
        b'<target state="signed-off">The window',
    )
    for switch in ("true", "false"):  # the header records the review: the state may change
        (tmp_path / "review.toml").write_text(f"[bilingual]\nupdate_state = {switch}\n", "utf-8")
        code, applied, err = review(capsysbinary, "apply", name)
        assert (code, applied, err) == (0, expected, "")
        with ReviewSession.open(name, cwd=tmp_path) as session:
            assert str(session.state.review_of("a3-s1").status) == "reviewed"


TWO_SENTENCES_PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "The first one. A second one here."
msgstr "Der erste Satz. Ein zweiter Satz hier."

msgid "Wrapped.\\n"
"Over a line."
msgstr "Umbrochen.\\n"
"Über eine Zeile."
"""


def test_sentences_of_one_unit_merge_and_split_but_not_across_units_or_lines(
    tmp_path, monkeypatch, capsysbinary
):
    """A PO message of two sentences merged, split elsewhere and edited: the patch applies
    with the standard tools and reads back. Merging a unit's last sentence with the next
    unit's first is refused with the reason, and so is merging across the line break of a
    message."""
    root = tmp_path / "project"
    git_project(root, "two.po", TWO_SENTENCES_PO.encode())
    monkeypatch.chdir(root)
    ids = [s.id for s in open_text("two.po").sentences]
    first, second, wrapped, over = ids
    unit, next_unit = first.removesuffix("-s1"), wrapped.removesuffix("-s1")
    code, out, err = review(capsysbinary, "edit", "two.po", "--merge", second)
    assert (code, out, err) == (
        2,
        b"",
        f"review: {second} and {wrapped} are in two units ({unit}, {next_unit}); a unit's "
        "translation is written on its own, so they are not merged\n",
    )
    code, out, err = review(capsysbinary, "edit", "two.po", "--merge", wrapped)
    assert (code, out, err) == (
        2,
        b"",
        f"review: {wrapped} ends a line; it is not merged with {over}, which starts the next\n",
    )
    code, out, err = review(
        capsysbinary, "edit", "two.po", "--merge", first, "--split", f"{first}@9",
        "--sentence", f"{first}-10", "--text", "Satz. Ein anderer Satz hier.",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out.decode() == (
        f"merged {first} and {second} into {first}\n"
        f"split {first} at 9 into {first} and {first}-10\n"
        f"{first}-10: text replaced\n"
        "saved corrections/two.patch\n"
    )
    patch = root / "corrections" / "two.patch"
    assert (
        f'Segmentation: {{"joined": ["{second}"], "split": ["{first}-10"]}}\n'
        in patch.read_text("utf-8")
    )
    code, applied, err = review(capsysbinary, "apply", "two.po")
    assert (code, err) == (0, "")
    assert applied_by_standard_tools(root, "two.po", patch) == {
        "git apply": applied,
        "patch -p1": applied,
    }
    assert 'msgstr "Der erste Satz. Ein anderer Satz hier."\n' in applied.decode()
    with ReviewSession.open("two.po", cwd=root) as session:
        assert [(s.id, session.text_of(s.id)) for s in session.sentences][:2] == [
            (first, "Der erste"),
            (f"{first}-10", "Satz. Ein anderer Satz hier."),
        ]


@pytest.mark.parametrize(
    ("name", "language", "notices"),
    [
        # A German PO checked as English: every word a misspelling, and nothing said why.
        (
            "features.po",
            "en-US",
            ("features.po: its target language is de, and it is checked as en-US (language in "
             "review.toml's [review]): the flags follow en-US's rules",),
        ),
        ("features.po", "de-DE", ()),
        ("mlqe_et_en.xlf", "en-GB", ()),
        ("mlqe_et.txt", "de-DE", ()),
    ],
)  # fmt: skip
def test_a_target_language_other_than_the_checks_is_said(name, language, notices):
    document = open_text(DATA / name, base=DATA).document
    assert target_language_notices(Config(language=language), document) == notices
