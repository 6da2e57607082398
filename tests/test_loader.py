"""Reading files: YAML 1.2 scalars, JSON with positions, the date forms, text normalization."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from compliance.dates import parse_date
from compliance.documents import load_document
from compliance.errors import DocumentError, InputError
from compliance.loader import parse_text, resolve_plain_scalar
from compliance.text import fold, fold_doc_no


@pytest.mark.parametrize("text", ["on", "off", "yes", "no", "NO", "Yes", "y", "2024-06-16", "0595-12345678"])
def test_yaml_1_2_keeps_these_as_text(text):
    assert resolve_plain_scalar(text) == text


@pytest.mark.parametrize("text,value", [("true", True), ("False", False), ("~", None), ("", None), ("12", 12), ("0x1f", 31), ("1.5", 1.5)])
def test_yaml_1_2_core_scalars(text, value):
    assert resolve_plain_scalar(text) == value


def test_a_key_named_on_survives_and_positions_are_kept():
    data, marks = parse_text("on: 1\nlist:\n  - a: NO\n    b: [x, y]\n", "t.yaml")
    assert data == {"on": 1, "list": [{"a": "NO", "b": ["x", "y"]}]}
    assert marks["/on"] == (1, 1)
    assert marks["/list/0"] == (3, 5)
    assert marks["/list/0/b"] == (4, 5)
    assert marks["/list/0/b/1"] == (4, 12)


def test_duplicate_keys_are_an_error():
    with pytest.raises(InputError, match="appears twice"):
        parse_text("a: 1\na: 2\n", "t.yaml")


@pytest.mark.parametrize("text", ["2024-06-16", "2024年6月16日", "6月16日", "２０２４年６月１６日", " 6月16日 "])
def test_date_forms(text):
    assert parse_date(text, year=2024) == date(2024, 6, 16)


@pytest.mark.parametrize("text,message", [("2月30日", "does not exist"), ("6/16", "not a date"), ("6月16日", "no year")])
def test_bad_dates_say_why(text, message):
    with pytest.raises(ValueError, match=message):
        parse_date(text, year=None if message == "no year" else 2024)


def test_themes_match_after_normalization():
    assert fold("人人讲安全、个个会应急") == fold("人人讲安全，个个会应急") == fold("人人讲安全 个个会应急") == fold("人人讲安全　个个会应急！")
    assert fold("人人讲安全个个会应急") != fold("人人讲安全个个会救援")


def test_document_numbers_keep_one_form_of_brackets():
    forms = ["泉鲤安办〔2024〕12号", "泉鲤安办［2024］12号", "泉鲤安办[2024]12号", "泉鲤安办(2024)12号", "泉鲤安办（2024）12号", "泉鲤安办 〔2024〕 12 号"]
    assert len({fold_doc_no(form) for form in forms}) == 1
    assert fold_doc_no("泉鲤安办〔2024〕12号") != fold_doc_no("泉鲤安办〔2024〕21号")


def test_json_documents_have_positions(tmp_path):
    path = tmp_path / "plan.json"
    document = {"format": "plancheck/v1", "id": "j", "org": "某街道", "level": "street", "year": 2024,
                "activities": [{"kind": "drill", "date": "6月16日"}]}
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    loaded = load_document(path)
    assert loaded.plan.activities[0].date == date(2024, 6, 16)
    assert loaded.marks["/activities/0/date"][0] == 10


def test_malformed_json_names_the_line(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text('{\n  "format": "plancheck/v1",\n  "id": \n}\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert caught.value.problems[0].line == 4


def test_bom_and_non_utf8(tmp_path):
    good = tmp_path / "bom.yaml"
    good.write_bytes("\ufeffformat: plancheck/v1\nid: b\norg: 街道\nlevel: street\nyear: 2024\n".encode("utf-8"))
    assert load_document(good).plan.id == "b"
    bad = tmp_path / "gbk.yaml"
    bad.write_bytes("format: plancheck/v1\norg: 街道\n".encode("gbk"))
    with pytest.raises(InputError, match="not UTF-8"):
        load_document(bad)


def test_a_person_needs_a_name_or_a_title(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("format: plancheck/v1\nid: p\norg: 街道\nlevel: street\nyear: 2024\nleading_group:\n  leader: {}\n", encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    problem = caught.value.problems[0]
    assert problem.field == "/leading_group/leader" and problem.line == 7


def test_the_fast_validator_leaves_the_data_alone():
    from compliance.schema import schema_problems

    data = {"format": "plancheck/v1", "id": "a", "org": "x", "level": "street", "year": 2024,
            "requirements": [{"id": "R", "type": "theme", "theme": "主题"}]}
    before = json.dumps(data, sort_keys=True)
    assert schema_problems(data, {}, "a.yaml") == []
    assert json.dumps(data, sort_keys=True) == before


def _documents_as_data() -> list[dict]:
    """Every shipped plan and fixture, as plancheck reads them, before validation."""
    from compliance.loader import read_file

    root = Path(__file__).parent.parent
    paths = sorted([*root.glob("plans/**/*.yaml"), *root.glob("tests/fixtures/**/*.yaml")])
    assert len(paths) > 20
    return [read_file(path, str(path)).data for path in paths]


@pytest.mark.parametrize("mutation", [
    lambda d: None,
    lambda d: d.update(level="village"),
    lambda d: d.update(unknown_field=1),
    lambda d: d.pop("org"),
    lambda d: d.update(year="二〇二四"),
    lambda d: d.setdefault("activities", []).append({"kind": "drill", "title": "演练", "date": "June"}),
    lambda d: d.setdefault("activities", []).append({"kind": "drill", "title": "演练", "sectors": ["nowhere"]}),
    lambda d: d.setdefault("requirements", []).append({"id": "R", "type": "no_such_type"}),
    lambda d: d.setdefault("contacts", []).append({"name": "张三", "role": "liaison", "phone": {"a": 1}}),
])
def test_the_fast_validator_decides_as_jsonschema_does(mutation):
    """It is trusted only to say "valid": it must never pass what jsonschema rejects, nor reject what it passes."""
    import copy

    from compliance.schema import _validator, fast_validator

    fast = fast_validator()
    for data in _documents_as_data():
        data = copy.deepcopy(data)
        mutation(data)
        valid = not any(True for _ in _validator().iter_errors(data))
        assert fast(data) == valid, (mutation, data.get("id"))
