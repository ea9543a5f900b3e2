"""What the UI shows from the document, a file name or the editor's typing is plain text, never
markup: "[/b]" in a notification or a dialog's title ended the review in a traceback (Textual
reads ``[…]`` as a style), and "[review]" vanished from a notice."""

from __future__ import annotations

from textual.widgets import Label

from review.ui.screens.dialogs import AnnotateScreen
from ui.harness import figures_done, pilot_test, project_app, wait_ready


@pilot_test
async def test_a_sentence_number_typed_as_markup_is_told_as_typed(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("colon", *"[/b]", "enter")
        await pilot.pause(0.3)
        assert app.is_running
        assert [(n.message, n.markup) for n in app._notifications][-1] == (
            "No sentence [/b].",
            False,
        )


@pilot_test
async def test_an_annotation_of_words_in_brackets_shows_them(make_app, seed_copy):
    seed_copy.write_text("Press [/b] to go on. Then [review] it.\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        app.push_screen(AnnotateScreen("[/b] to go on [review]"))
        await pilot.pause(0.3)
        assert app.is_running
        title = app.screen.query(Label).first()
        assert str(title.render()) == "MQM annotation of “[/b] to go on [review]”"


@pilot_test
async def test_the_file_list_shows_names_and_reasons_in_brackets(tmp_path):
    (tmp_path / "y [b].txt").write_text("Hello again.\n", encoding="utf-8")
    # A PO syntax error quotes the line: '[/b]' as markup ended the list in a traceback.
    (tmp_path / "z.po").write_text('msgid "a"\nmsgstr "[/b]\n', encoding="utf-8")
    files = (tmp_path / "y [b].txt", tmp_path / "z.po")
    app = project_app(tmp_path, files)
    async with app.run_test(size=(140, 20)) as pilot:
        await figures_done(pilot)
        table = app.files_screen.table
        assert app.is_running
        assert str(table.get_row(str(files[0]))[0]) == "y [b].txt"
        reason = str(table.get_row(str(files[1]))[-1])
        assert reason.startswith("skipped: PO syntax error") and "[/b]" in reason
