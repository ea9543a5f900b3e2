import json
from dataclasses import replace
from importlib.resources import files

import jsonschema
import pytest

from review.report.json_format import render_json
from review.state import Annotation, MqmType, Neutral


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads((files("review") / "schemas" / "report.schema.json").read_text("utf-8"))


def test_validates_against_the_schema(handmade, schema: dict) -> None:
    jsonschema.Draft202012Validator.check_schema(schema)
    for only_changed in (False, True):
        data = json.loads(render_json(handmade.report(only_changed)))
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_the_schema_rejects_what_it_should(handmade, schema: dict) -> None:
    data = json.loads(render_json(handmade.report()))
    data["sentences"][0]["flags"][0]["fate"] = "ignored"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    data = json.loads(render_json(handmade.report()))
    data["flags"]["by_category"][0]["extra"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_stable_key_order_and_bytes_one_line_a_sentence(handmade, schema: dict) -> None:
    text = render_json(handmade.report())
    assert text == render_json(handmade.report())
    lines = text.splitlines()
    assert lines[0] == "{" and lines[1] == '  "schema": "review-report/3",'
    sentence_lines = [line for line in lines if line.startswith('    {"id": "s')]
    assert len(sentence_lines) == 6
    assert json.loads(sentence_lines[0].rstrip(","))["corrected"] == "The cat sits on the mat."
    data = json.loads(text)
    assert list(data) == schema["required"]
    assert list(data["summary"]) == schema["properties"]["summary"]["required"]
    sentence_keys = schema["properties"]["sentences"]["items"]["required"]
    assert all(list(s) == sentence_keys for s in data["sentences"])


def test_figures(handmade) -> None:
    data = json.loads(render_json(handmade.report()))
    assert [e["name"] for e in data["effort"]] == ["HTER", "chrF++", "BLEU"]
    assert data["effort"][0]["score"] == pytest.approx(300 / 32)
    assert data["effort"][0]["signature"].startswith("nrefs:1|case:lc|tok:tercom")
    assert data["mqm"]["penalty"] == 8
    assert data["mqm"]["errors"] == {"minor": 3, "minor_punctuation": 0, "major": 1, "critical": 0}
    assert data["summary"]["flags"] == {
        "total": 7, "accepted": 1, "resolved": 2, "dismissed": 2, "open": 2, "precision": 0.6,
    }  # fmt: skip
    s1 = data["sentences"][0]
    assert s1["diff"] == [
        {"op": "equal", "text": "The cat "},
        {"op": "delete", "text": "sit"},
        {"op": "insert", "text": "sits"},
        {"op": "equal", "text": " on the mat."},
    ]
    assert s1["flags"][0]["fate"] == "accepted" and s1["flags"][0]["replacement"] == "sits"
    s6 = data["sentences"][5]
    assert s6["annotations"] == [{"mqm": "Style/Awkward", "severity": "minor", "start": 0,
                                  "end": 7, "note": "odd", "text": "Another",
                                  "original_start": 0, "original_end": 7,
                                  "corrected_text": "Another"}]  # fmt: skip
    assert data["checkers"] == {"languagetool": "6.8", "fluency": True,
                                "notices": ["a notice <i>here</i>"]}  # fmt: skip


def test_no_sentences_listed_is_an_empty_array(handmade, schema: dict) -> None:
    from dataclasses import replace

    data = json.loads(render_json(replace(handmade.report(only_changed=True), rows=())))
    assert data["sentences"] == []
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_decisions_comments_and_rule_precision_are_there_too(handmade) -> None:
    data = json.loads(render_json(handmade.report(only_changed=True)))
    # Over the whole document, even when s5 itself is not listed.
    assert data["needs_decision"] == [
        {"sentence": "s5", "kind": "open flag", "severity": "major", "rule": "ODD",
         "mqm": "Style/Awkward", "text": "same", "message": "ODD message"},
    ]  # fmt: skip
    assert data["comments"] == [{"sentence": "s6", "comment": "Client's term | keep <b>as is</b>"}]
    assert (data["summary"]["flagged"], data["summary"]["still_flagged"]) == (5, 2)
    agreement = data["flags"]["by_rule"][0]
    assert (agreement["name"], agreement["accepted"], agreement["precision"]) == (
        "AGREEMENT", 1, 0.5,
    )  # fmt: skip


def test_a_neutral_annotation_of_the_core_typology_validates_and_weighs_nothing(
    handmade, schema: dict
) -> None:
    neutral = Annotation(MqmType.LOCALE_CONVENTION, Neutral.NEUTRAL, 0, 4, "date format")
    review = replace(handmade.state.review_of("s4"), annotations=(neutral,))
    with_neutral = replace(handmade, state=handmade.state.with_reviews({"s4": review}))
    data = json.loads(render_json(with_neutral.report()))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert data["sentences"][3]["annotations"][0]["severity"] == "neutral"
    assert data["sentences"][3]["annotations"][0]["mqm"] == "Locale convention"
    assert with_neutral.report().mqm == handmade.report().mqm
