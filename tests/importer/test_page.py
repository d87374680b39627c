"""The Data page (AppTest): anonymous view, password sign-in, upload, check, confirm, undo."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from ita_dash import auth
from ita_dash.config import PROJECT_DIR
from ita_dash.editing.pipeline import ImportOptions, prepare_import
from ita_dash.publish import Places
from ita_dash.store.files import read_log
from ita_dash.ui import import_actions as web

APP = str(PROJECT_DIR / "app.py")
PAGE = str(PROJECT_DIR / "pages" / "7_data.py")
PASSWORD = "editor-pass-2567"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FILE = ("หน่วยงาน,ปีงบประมาณ,รหัส,คะแนน\n"
        "สำนักงานเขตบางรัก,2567,ITA,80\n"
        "<script>alert(1)</script>,2567,ITA,70\n").encode()


@pytest.fixture(autouse=True)
def no_failures() -> None:
    auth.THROTTLE = auth.Throttle()


def open_page(db: Path, monkeypatch: pytest.MonkeyPatch, *, password: bool = False,
              **params: str) -> AppTest:
    monkeypatch.setenv("ITA_DB_PATH", str(db))
    at = AppTest.from_file(APP, default_timeout=60)
    if password:
        at.secrets["editors"] = {"password_sha256": hashlib.sha256(PASSWORD.encode()).hexdigest()}
    at.query_params.update(params)
    at.switch_page(PAGE)
    return at.run()


def labels(at: AppTest) -> list[str]:
    return [b.label for b in at.main.button]  # the page's own (the sidebar has 'my unit')


def sign_in(at: AppTest, password: str = PASSWORD) -> AppTest:
    at.text_input[0].input("สมชาย")
    at.text_input[1].input(password)
    at.button[0].click()
    return at.run()


def test_anonymous_sees_no_write_controls(places: Places, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(places.db_path, monkeypatch)
    assert not at.exception
    assert [t.value for t in at.title] == ["นำเข้าผลคะแนนจาก Excel หรือ CSV"]
    assert len(at.get("file_uploader")) == 0
    assert labels(at) == []
    # what to do, in words: no file path of the project on the page
    assert "ผู้ดูแลระบบ" in at.info[0].value and "docs/" not in at.info[0].value
    assert len(at.get("download_button")) == 6  # the templates are open to all (2 framework)
    at = open_page(places.db_path, monkeypatch, password=True, lang="en")
    assert [t.value for t in at.title] == ["Import results from Excel or CSV"]
    assert len(at.get("file_uploader")) == 0
    assert labels(at) == ["Sign in"]


def test_wrong_password_is_refused(places: Places, monkeypatch: pytest.MonkeyPatch) -> None:
    at = sign_in(open_page(places.db_path, monkeypatch, password=True), "wrong")
    assert [e.value for e in at.error] == [
        "รหัสผ่านไม่ถูกต้อง หรือลองผิดหลายครั้งเกินไป กรุณารอสักครู่"]
    assert len(at.get("file_uploader")) == 0


def test_editor_checks_confirms_and_undoes(places: Places,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    at = sign_in(open_page(places.db_path, monkeypatch, password=True))
    assert not at.exception
    assert len(at.get("file_uploader")) == 1
    at.get("file_uploader")[0].set_value(("ผล.csv", FILE, "text/csv"))
    at.run()
    at.button(key="import-check").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert "ไฟล์มีข้อผิดพลาด" in at.error[0].value
    assert at.dataframe[0].value["เป็นข้อมูล"].tolist()[:2] == [
        "หน่วยงาน · unit", "ปีงบประมาณ · year"]  # the mapping comes first
    report = at.dataframe[1].value
    assert report["ค่าในไฟล์"].tolist() == ["<script>alert(1)</script>"]  # shown as text
    problem = report.iloc[0].to_dict()
    # the checkbox by its label, never the command line's flag; closest names of real units
    assert "--add-units" not in str(problem) and "“เพิ่มหน่วยงานที่ยังไม่มีในระบบ”" in str(problem)
    assert "import-confirm" not in [b.key for b in at.button]
    at.checkbox(key="import-add-units").check()
    at.run()
    at.button(key="import-check").click()
    at.run()
    preview = at.dataframe[1].value
    assert preview["หน่วยงาน"].tolist() == ["สำนักงานเขตบางรัก", "<script>alert(1)</script>"]
    assert "None" not in preview.astype(str).to_numpy().ravel().tolist()
    # the framework by its name, not its id
    assert preview["กรอบการประเมิน"].tolist() == [
        "เกณฑ์การประเมิน ITA สำนักงานเขต กรุงเทพมหานคร พ.ศ. 2567",
        "เกณฑ์การประเมิน ITA ของสำนักงาน ป.ป.ช. พ.ศ. 2567"]
    at.button(key="import-confirm").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert "imp\\-0001" in at.success[0].value
    [event] = read_log(places.store)  # the import is a file in the store, with who
    assert (event.by, event.meta["row_count"]) == ("password:สมชาย", 2)
    con = duckdb.connect(str(places.db_path), read_only=True)
    assert con.execute("SELECT count(*) FROM scores WHERE import_id = 'imp-0001'").fetchone() \
        == (2,)
    history = at.dataframe[-1].value
    assert history["รหัสการนำเข้า"].tolist() == ["imp-0001"]
    assert history["ผู้นำเข้า"].tolist() == ["สมชาย"]  # not "password:สมชาย"
    at.checkbox(key="import-undo-sure").check()
    at.run()
    at.button(key="import-undo").click()
    at.run()
    assert not at.exception
    con = duckdb.connect(str(places.db_path), read_only=True)  # the new build
    assert con.execute("SELECT count(*) FROM scores WHERE import_id IS NOT NULL").fetchone() \
        == (0,)
    assert [e.event for e in read_log(places.store)] == ["import", "undo"]


def test_editor_imports_a_framework_and_undoes_it(places: Places,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.importer.test_framework_import import filled_template

    at = sign_in(open_page(places.db_path, monkeypatch, password=True))
    at.radio(key="import-kind").set_value("framework")
    at.run()
    assert [u.label for u in at.get("file_uploader")] == [
        "แม่แบบกรอบการประเมิน: ไฟล์ .xlsx หนึ่งไฟล์ หรือ .zip หรือไฟล์ .csv ทีละส่วน"]
    at.get("file_uploader")[0].set_value([("กรอบ 2569.xlsx", filled_template(), XLSX)])
    at.run()
    at.button(key="fw-check").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    nodes = at.dataframe[0].value
    assert nodes["รหัส"].tolist()[:4] == ["ITA", "IIT", "EIT", "OIT"]
    assert nodes["ชนิด"].tolist()[:2] == ["คะแนนรวม", "เครื่องมือ"]
    at.button(key="fw-confirm").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert "fw\\-0001" in at.success[0].value
    assert [e.event for e in read_log(places.store)] == ["framework"]
    history = at.dataframe[-1].value
    assert history[["รหัสการนำเข้า", "ประเภท"]].values.tolist() == [["fw-0001", "กรอบการประเมิน"]]
    at.checkbox(key="import-undo-sure").check()
    at.run()
    at.button(key="import-undo").click()
    at.run()
    assert not at.exception
    assert "กรอบการประเมินกลับเป็นแบบก่อนนำเข้า" in at.success[0].value
    assert [e.event for e in read_log(places.store)] == ["framework", "undo"]


def test_write_functions_refuse_without_an_editor_session(places: Places, reader) -> None:
    """Called outside a signed-in session (no UI at all), the writes are refused."""
    plan = prepare_import(reader(), FILE, "f.csv", ImportOptions(add_units=True))
    assert plan.ok
    with pytest.raises(auth.NotAuthorized):
        web.import_for_session(reader(), plan, lambda *_: None)
    with pytest.raises(auth.NotAuthorized):
        web.undo_for_session("imp-0001")
    assert read_log(places.store) == []


def test_plain_escapes_markdown_and_html() -> None:
    assert web.plain("<script>*x*</script> [a](javascript:alert(1))") == (
        "\\<script\\>\\*x\\*\\<\\/script\\> \\[a\\]\\(javascript\\:alert\\(1\\)\\)")
