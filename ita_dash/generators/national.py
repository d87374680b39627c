"""The ``national-demo`` dataset: 8,300 synthetic agencies x 10 fiscal years (2559-2568).

Shaped like the NACC's national assessment (FRAMEWORKS.md, "How results are
published"): independent organisations, courts, parliament, the prosecutor,
20 ministries, departments, state enterprises, other state agencies, 76 provinces,
76 PAOs, Bangkok and Pattaya, city / town / subdistrict municipalities, SAOs and
Bangkok's 50 district offices (the real units of ``data/units``, scored
synthetically here). Each unit has a parent (its ministry, or Bangkok), a province
and a region; local units are grouped in synthetic provincial clusters.

Names of local units are made up from common Thai place-name parts: they are
synthetic, like every score (``synthetic_scores``, source ``demo-synthetic``).
Some units join late and some miss a year, as in real rounds. Each year uses the
framework covering it when its points are known, else the nearest one whose points
are (later on a tie), as ``data/demo/demo.csv`` does; ``source_ref`` says which.
Everything is seeded: the same inputs give the same frames.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from ita_dash.demo import categorical, synthetic_scores
from ita_dash.thai import name_key
from ita_dash.thailand import BANGKOK, INTERIOR, MINISTRIES, PROVINCES, REGIONS, region_of

SEED = 8300
N_UNITS = 8300
YEARS = tuple(range(2559, 2569))
ID_PREFIX = "nd-"
NOTE = "synthetic national demo unit (หน่วยงานสังเคราะห์)"
# quality offset by type: central agencies score higher than small local ones, as in
# published rounds (synthetic calibration; in 2568 about 44 % of units pass at 85:
# 95 % of ministries, 38 % of SAOs; the mean rises from about 73 in 2559 to 83)
TYPE_SHIFT = {"independent_org": 0.9, "court": 0.9, "parliament": 0.7, "prosecutor": 0.8,
              "ministry": 0.8, "department": 0.7, "state_enterprise": 0.9,
              "other_state_agency": 0.4, "province": 0.6, "pao": 0.3, "special_local": 0.4,
              "city_municipality": 0.4, "town_municipality": 0.2,
              "subdistrict_municipality": -0.1, "sao": -0.3, "district_office": 0.3}
LEVEL, TREND_STEP = 76.0, 0.7

# Counts per type close to a national round (FRAMEWORKS.md); SAOs take the rest.
LOCAL_COUNTS = {"city_municipality": 30, "town_municipality": 195,
                "subdistrict_municipality": 2247}

CENTRAL: dict[str, list[tuple[str, str, str | None]]] = {
    # unit_type: [(name_th, name_en, parent ministry)]
    "independent_org": [
        ("สำนักงานคณะกรรมการการเลือกตั้ง", "Office of the Election Commission", None),
        ("สำนักงานผู้ตรวจการแผ่นดิน", "Office of the Ombudsman", None),
        ("สำนักงานการตรวจเงินแผ่นดิน", "Office of the Auditor General", None),
        ("สำนักงานคณะกรรมการสิทธิมนุษยชนแห่งชาติ", "Office of the National Human Rights Commission", None),
        ("สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ", "Office of the NACC", None),
        ("สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตในภาครัฐ", "Office of the PACC", None),
        ("สำนักงานป้องกันและปราบปรามการฟอกเงิน", "Anti-Money Laundering Office", None),
        ("สำนักงานคณะกรรมการกิจการกระจายเสียง กิจการโทรทัศน์ และกิจการโทรคมนาคมแห่งชาติ",
         "Office of the NBTC", None),
    ],
    "court": [("สำนักงานศาลยุติธรรม", "Office of the Courts of Justice", None),
              ("สำนักงานศาลปกครอง", "Office of the Administrative Courts", None),
              ("สำนักงานศาลรัฐธรรมนูญ", "Office of the Constitutional Court", None)],
    "parliament": [("สำนักงานเลขาธิการสภาผู้แทนราษฎร", "Secretariat of the House of Representatives", None),
                   ("สำนักงานเลขาธิการวุฒิสภา", "Secretariat of the Senate", None),
                   ("สถาบันพระปกเกล้า", "King Prajadhipok's Institute", None)],
    "prosecutor": [("สำนักงานอัยการสูงสุด", "Office of the Attorney General", None)],
    "state_enterprise": [
        ("การไฟฟ้านครหลวง", "Metropolitan Electricity Authority", INTERIOR),
        ("การไฟฟ้าส่วนภูมิภาค", "Provincial Electricity Authority", INTERIOR),
        ("การประปานครหลวง", "Metropolitan Waterworks Authority", INTERIOR),
        ("การประปาส่วนภูมิภาค", "Provincial Waterworks Authority", INTERIOR),
        ("การไฟฟ้าฝ่ายผลิตแห่งประเทศไทย", "Electricity Generating Authority of Thailand", "กระทรวงพลังงาน"),
        ("การรถไฟแห่งประเทศไทย", "State Railway of Thailand", "กระทรวงคมนาคม"),
        ("การท่าเรือแห่งประเทศไทย", "Port Authority of Thailand", "กระทรวงคมนาคม"),
        ("การทางพิเศษแห่งประเทศไทย", "Expressway Authority of Thailand", "กระทรวงคมนาคม"),
        ("องค์การขนส่งมวลชนกรุงเทพ", "Bangkok Mass Transit Authority", "กระทรวงคมนาคม"),
        ("ธนาคารออมสิน", "Government Savings Bank", "กระทรวงการคลัง"),
        ("ธนาคารอาคารสงเคราะห์", "Government Housing Bank", "กระทรวงการคลัง"),
        ("ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร", "Bank for Agriculture and Agricultural Cooperatives",
         "กระทรวงการคลัง"),
        ("สำนักงานสลากกินแบ่งรัฐบาล", "Government Lottery Office", "กระทรวงการคลัง"),
        ("การยาสูบแห่งประเทศไทย", "Tobacco Authority of Thailand", "กระทรวงการคลัง"),
        ("องค์การเภสัชกรรม", "Government Pharmaceutical Organization", "กระทรวงสาธารณสุข"),
        ("การเคหะแห่งชาติ", "National Housing Authority", "กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์"),
        ("การกีฬาแห่งประเทศไทย", "Sports Authority of Thailand", "กระทรวงการท่องเที่ยวและกีฬา"),
        ("การท่องเที่ยวแห่งประเทศไทย", "Tourism Authority of Thailand", "กระทรวงการท่องเที่ยวและกีฬา"),
        ("องค์การสวนยาง", "Rubber Estate Organization", "กระทรวงเกษตรและสหกรณ์"),
        ("องค์การตลาดเพื่อเกษตรกร", "Marketing Organization for Farmers", "กระทรวงเกษตรและสหกรณ์"),
        ("องค์การสวนพฤกษศาสตร์", "Botanical Garden Organization", "กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม"),
        ("องค์การจัดการน้ำเสีย", "Wastewater Management Authority", "กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม"),
    ],
}

# departments per ministry (synthetic-size list of real department names)
DEPARTMENTS: dict[str, list[tuple[str, str]]] = {
    "สำนักนายกรัฐมนตรี": [("กรมประชาสัมพันธ์", "Government Public Relations Department"),
                          ("สำนักงานคณะกรรมการกฤษฎีกา", "Office of the Council of State"),
                          ("สำนักงบประมาณ", "Bureau of the Budget"),
                          ("สำนักงานคณะกรรมการข้าราชการพลเรือน", "Office of the Civil Service Commission")],
    "กระทรวงกลาโหม": [("กองบัญชาการกองทัพไทย", "Royal Thai Armed Forces Headquarters"),
                      ("กองทัพบก", "Royal Thai Army"), ("กองทัพเรือ", "Royal Thai Navy"),
                      ("กองทัพอากาศ", "Royal Thai Air Force")],
    "กระทรวงการคลัง": [("กรมสรรพากร", "Revenue Department"), ("กรมศุลกากร", "Customs Department"),
                       ("กรมสรรพสามิต", "Excise Department"), ("กรมบัญชีกลาง", "Comptroller General's Department"),
                       ("กรมธนารักษ์", "Treasury Department")],
    "กระทรวงการต่างประเทศ": [("กรมการกงสุล", "Department of Consular Affairs"),
                             ("กรมพิธีการทูต", "Department of Protocol")],
    "กระทรวงการท่องเที่ยวและกีฬา": [("กรมการท่องเที่ยว", "Department of Tourism"),
                                    ("กรมพลศึกษา", "Department of Physical Education")],
    "กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์": [
        ("กรมกิจการเด็กและเยาวชน", "Department of Children and Youth"),
        ("กรมกิจการผู้สูงอายุ", "Department of Older Persons"),
        ("กรมพัฒนาสังคมและสวัสดิการ", "Department of Social Development and Welfare")],
    "กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม": [
        ("กรมวิทยาศาสตร์บริการ", "Department of Science Service"),
        ("สำนักงานปรมาณูเพื่อสันติ", "Office of Atoms for Peace")],
    "กระทรวงเกษตรและสหกรณ์": [("กรมชลประทาน", "Royal Irrigation Department"),
                              ("กรมวิชาการเกษตร", "Department of Agriculture"),
                              ("กรมส่งเสริมการเกษตร", "Department of Agricultural Extension"),
                              ("กรมปศุสัตว์", "Department of Livestock Development"),
                              ("กรมประมง", "Department of Fisheries"),
                              ("กรมพัฒนาที่ดิน", "Land Development Department"),
                              ("กรมการข้าว", "Rice Department")],
    "กระทรวงคมนาคม": [("กรมทางหลวง", "Department of Highways"),
                      ("กรมทางหลวงชนบท", "Department of Rural Roads"),
                      ("กรมการขนส่งทางบก", "Department of Land Transport"),
                      ("กรมเจ้าท่า", "Marine Department"), ("กรมท่าอากาศยาน", "Department of Airports")],
    "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม": [("กรมอุตุนิยมวิทยา", "Thai Meteorological Department"),
                                           ("สำนักงานสถิติแห่งชาติ", "National Statistical Office")],
    "กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม": [
        ("กรมป่าไม้", "Royal Forest Department"), ("กรมควบคุมมลพิษ", "Pollution Control Department"),
        ("กรมทรัพยากรน้ำ", "Department of Water Resources"),
        ("กรมอุทยานแห่งชาติ สัตว์ป่า และพันธุ์พืช", "Department of National Parks"),
        ("กรมทรัพยากรทางทะเลและชายฝั่ง", "Department of Marine and Coastal Resources")],
    "กระทรวงพลังงาน": [("กรมธุรกิจพลังงาน", "Department of Energy Business"),
                       ("กรมเชื้อเพลิงธรรมชาติ", "Department of Mineral Fuels")],
    "กระทรวงพาณิชย์": [("กรมการค้าภายใน", "Department of Internal Trade"),
                       ("กรมการค้าต่างประเทศ", "Department of Foreign Trade"),
                       ("กรมทรัพย์สินทางปัญญา", "Department of Intellectual Property"),
                       ("กรมพัฒนาธุรกิจการค้า", "Department of Business Development")],
    INTERIOR: [("กรมการปกครอง", "Department of Provincial Administration"),
               ("กรมการพัฒนาชุมชน", "Community Development Department"),
               ("กรมที่ดิน", "Department of Lands"),
               ("กรมป้องกันและบรรเทาสาธารณภัย", "Department of Disaster Prevention and Mitigation"),
               ("กรมโยธาธิการและผังเมือง", "Department of Public Works and Town & Country Planning"),
               ("กรมส่งเสริมการปกครองท้องถิ่น", "Department of Local Administration")],
    "กระทรวงยุติธรรม": [("กรมราชทัณฑ์", "Department of Corrections"),
                        ("กรมคุมประพฤติ", "Department of Probation"),
                        ("กรมบังคับคดี", "Legal Execution Department"),
                        ("กรมสอบสวนคดีพิเศษ", "Department of Special Investigation"),
                        ("กรมพินิจและคุ้มครองเด็กและเยาวชน", "Department of Juvenile Observation and Protection")],
    "กระทรวงแรงงาน": [("กรมการจัดหางาน", "Department of Employment"),
                      ("กรมพัฒนาฝีมือแรงงาน", "Department of Skill Development"),
                      ("กรมสวัสดิการและคุ้มครองแรงงาน", "Department of Labour Protection and Welfare"),
                      ("สำนักงานประกันสังคม", "Social Security Office")],
    "กระทรวงวัฒนธรรม": [("กรมศิลปากร", "Fine Arts Department"),
                        ("กรมการศาสนา", "Department of Religious Affairs"),
                        ("กรมส่งเสริมวัฒนธรรม", "Department of Cultural Promotion")],
    "กระทรวงศึกษาธิการ": [("สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", "Office of the Basic Education Commission"),
                          ("สำนักงานคณะกรรมการการอาชีวศึกษา", "Office of the Vocational Education Commission"),
                          ("สำนักงานส่งเสริมการเรียนรู้", "Office of the Non-Formal Education")],
    "กระทรวงสาธารณสุข": [("กรมการแพทย์", "Department of Medical Services"),
                         ("กรมควบคุมโรค", "Department of Disease Control"),
                         ("กรมอนามัย", "Department of Health"),
                         ("กรมสุขภาพจิต", "Department of Mental Health"),
                         ("กรมวิทยาศาสตร์การแพทย์", "Department of Medical Sciences"),
                         ("สำนักงานคณะกรรมการอาหารและยา", "Food and Drug Administration")],
    "กระทรวงอุตสาหกรรม": [("กรมโรงงานอุตสาหกรรม", "Department of Industrial Works"),
                          ("กรมส่งเสริมอุตสาหกรรม", "Department of Industrial Promotion"),
                          ("สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม", "Thai Industrial Standards Institute")],
}

# common parts of Thai place names, with a romanisation (synthetic combinations)
_FIRST = ("หนอง:Nong,บ้าน:Ban,ดอน:Don,โคก:Khok,นา:Na,ห้วย:Huai,บึง:Bueng,ท่า:Tha,วัง:Wang,"
          "บาง:Bang,ทุ่ง:Thung,เขา:Khao,คลอง:Khlong,สระ:Sa,โพธิ์:Pho,ป่า:Pa,แม่:Mae,ลำ:Lam,"
          "หัว:Hua,ศรี:Si,เมือง:Mueang,สวน:Suan,ไร่:Rai,กุด:Kut,โนน:Non,ชัย:Chai,ปาก:Pak,"
          "วัด:Wat,ดง:Dong,หาด:Hat")
_SECOND = ("บัว:Bua,ใหม่:Mai,แดง:Daeng,ทอง:Thong,ยาง:Yang,กลาง:Klang,ใหญ่:Yai,น้อย:Noi,"
           "สูง:Sung,งาม:Ngam,หลวง:Luang,ขาม:Kham,แก้ว:Kaeo,ตะเคียน:Takhian,จันทร์:Chan,"
           "เจริญ:Charoen,สว่าง:Sawang,พัฒนา:Phatthana,ไผ่:Phai,ทราย:Sai,ขาว:Khao,เหนือ:Nuea,"
           "ใต้:Tai,สำราญ:Samran,มงคล:Mongkhon,ชุม:Chum,โพธิ์:Pho,สะอาด:Sa-at,เรือ:Ruea,"
           "ปลา:Pla,ช้าง:Chang,เสือ:Suea,กระทุ่ม:Krathum,มะม่วง:Mamuang,บก:Bok,เตย:Toei")


def _parts(text: str) -> list[tuple[str, str]]:
    return [(th, en) for th, en in (p.split(":") for p in text.split(","))]


PLACES: tuple[tuple[str, str], ...] = tuple(
    (a_th + b_th, f"{a_en} {b_en}") for a_th, a_en in _parts(_FIRST)
    for b_th, b_en in _parts(_SECOND) if a_th != b_th)

LOCAL_TYPES = {  # unit_type: (name prefix, short prefix, English suffix, short English suffix)
    "city_municipality": ("เทศบาลนคร", "ทน.", "City Municipality", "CM"),
    "town_municipality": ("เทศบาลเมือง", "ทม.", "Town Municipality", "TM"),
    "subdistrict_municipality": ("เทศบาลตำบล", "ทต.", "Subdistrict Municipality", "SM"),
    "sao": ("องค์การบริหารส่วนตำบล", "อบต.", "Subdistrict Administrative Organization", "SAO"),
}


def year_plan(con: duckdb.DuckDBPyConnection,
              years: tuple[int, ...] = YEARS) -> list[tuple[int, str, str]]:
    """(year, framework, note) for each year: the framework covering the year when its
    points are known, else the nearest one whose points are (the later on a tie)."""
    usable = con.execute("""
        SELECT f.framework_id, f.first_year, f.last_year FROM frameworks f
        JOIN framework_nodes n USING (framework_id)
        WHERE f.aggregation <> 'unknown' AND n.kind = 'item'
        GROUP BY ALL HAVING count(*) = count(n.points) ORDER BY f.first_year""").fetchall()
    if not usable:
        raise ValueError("no framework with known points to generate scores on")
    plan = []
    for year in years:
        def distance(f: tuple[str, int, int], year: int = year) -> tuple[int, int]:
            return (max(f[1] - year, year - f[2], 0), -f[1])
        fid, first, last = min(usable, key=distance)
        note = "" if first <= year <= last else \
            f"no framework with known points for {year}: nearest {fid} reused"
        plan.append((year, fid, note))
    return plan


def _unit(unit_id: str, name_th: str, name_en: str, short_th: str, short_en: str,
          unit_type: str, parent: str | None, province: str) -> dict[str, object]:
    return {"unit_id": unit_id, "name_th": name_th, "name_en": name_en, "short_th": short_th,
            "short_en": short_en, "unit_type": unit_type, "parent_org": parent,
            "province": province, "region": region_of(province), "origin": "synthetic",
            "source_id": "demo-synthetic", "note": NOTE}


def _central_units() -> list[dict[str, object]]:
    rows = []
    for unit_type, entries in CENTRAL.items():
        for i, (th, en, parent) in enumerate(entries, 1):
            rows.append(_unit(f"{ID_PREFIX}{unit_type}-{i:03d}", th, en, th, en, unit_type,
                              parent, BANGKOK))
    for i, (th, en) in enumerate(MINISTRIES, 1):
        rows.append(_unit(f"{ID_PREFIX}ministry-{i:03d}", th, en, th, en, "ministry", th, BANGKOK))
    i = 0
    for ministry, departments in DEPARTMENTS.items():
        for th, en in departments:
            i += 1
            rows.append(_unit(f"{ID_PREFIX}department-{i:03d}", th, en, th, en, "department",
                              ministry, BANGKOK))
    for i, (p_th, p_en, _region) in enumerate(PROVINCES, 1):
        th, en = f"มหาวิทยาลัยราชภัฏ{p_th}", f"{p_en} Rajabhat University"
        rows.append(_unit(f"{ID_PREFIX}other-{i:03d}", th, en, th, en, "other_state_agency",
                          "กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม", p_th))
    return rows


def _provincial_units() -> list[dict[str, object]]:
    rows = [_unit(f"{ID_PREFIX}special-001", "กรุงเทพมหานคร", "Bangkok Metropolitan Administration",
                  "กรุงเทพมหานคร", "BMA", "special_local", INTERIOR, BANGKOK),
            _unit(f"{ID_PREFIX}special-002", "เมืองพัทยา", "Pattaya City", "เมืองพัทยา",
                  "Pattaya City", "special_local", INTERIOR, "ชลบุรี")]
    provinces = [p for p in PROVINCES if p[0] != BANGKOK]
    for i, (th, en, _region) in enumerate(provinces, 1):
        rows.append(_unit(f"{ID_PREFIX}province-{i:03d}", f"จังหวัด{th}", f"{en} Province",
                          f"จ.{th}", en, "province", INTERIOR, th))
        rows.append(_unit(f"{ID_PREFIX}pao-{i:03d}", f"องค์การบริหารส่วนจังหวัด{th}",
                          f"{en} Provincial Administrative Organization", f"อบจ.{th}",
                          f"{en} PAO", "pao", INTERIOR, th))
    return rows


def _local_units(rng: np.random.Generator, counts: dict[str, int]) -> list[dict[str, object]]:
    """Municipalities and SAOs spread over the 76 provinces (more in the Northeast)."""
    provinces = [p for p in PROVINCES if p[0] != BANGKOK]
    weight = np.array([1.6 if region == "ภาคตะวันออกเฉียงเหนือ" else 1.0
                       for _, _, region in provinces]) * rng.uniform(0.6, 1.4, len(provinces))
    weight /= weight.sum()
    rows = []
    for unit_type, n in counts.items():
        prefix, short, suffix, short_suffix = LOCAL_TYPES[unit_type]
        if unit_type == "city_municipality":  # in the largest towns: one per province at most
            where = rng.choice(len(provinces), n, replace=False)
        else:
            where = rng.choice(len(provinces), n, p=weight)
        used: set[tuple[int, int]] = set()
        for k, p in enumerate(where, 1):
            p_th, p_en, _ = provinces[p]
            if unit_type == "city_municipality":
                place_th, place_en = p_th, p_en
            else:
                while True:
                    place = int(rng.integers(len(PLACES)))
                    if (p, place) not in used:
                        used.add((p, place))
                        break
                place_th, place_en = PLACES[place]
            rows.append(_unit(
                f"{ID_PREFIX}{unit_type}-{k:04d}", f"{prefix}{place_th} จังหวัด{p_th}",
                f"{place_en} {suffix}, {p_en}", f"{short}{place_th} ({p_th})",
                f"{place_en} {short_suffix} ({p_en})", unit_type, INTERIOR, p_th))
    return rows


def _aliases(con: duckdb.DuckDBPyConnection, units: pd.DataFrame) -> pd.DataFrame:
    """Full and short names (Thai, English) and the id of each unit, first come first kept,
    never a key another unit already holds."""
    taken = {r[0] for r in con.execute("SELECT alias_key FROM unit_aliases").fetchall()}
    rows = []
    for column in ("unit_id", "name_th", "short_th", "name_en", "short_en"):
        for unit_id, alias in zip(units["unit_id"], units[column], strict=True):
            key = name_key(str(alias))
            if key and key not in taken:
                taken.add(key)
                rows.append({"alias_key": key, "alias": alias, "unit_id": unit_id,
                             "source_id": "demo-synthetic", "note": "synthetic unit name"})
    return pd.DataFrame(rows)


def _clusters(units: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Synthetic provincial clusters (about four provinces each, within a region)."""
    groups, members = [], []
    cluster_of: dict[str, str] = {}
    for region_th, region_en in REGIONS.items():
        provinces = [p for p in PROVINCES if p[2] == region_th and p[0] != BANGKOK]
        n = max(1, round(len(provinces) / 4))
        for k in range(n):
            group_id = f"{ID_PREFIX}cluster-{name_key(region_en)}-{k + 1}"
            groups.append({"group_id": group_id, "group_set": "nd_province_cluster",
                           "name_th": f"กลุ่มจังหวัด{region_th} {k + 1}",
                           "name_en": f"{region_en} province cluster {k + 1}",
                           "source_id": "demo-synthetic",
                           "note": "synthetic grouping of the national demo"})
            for p in provinces[k::n]:
                cluster_of[p[0]] = group_id
    local = units[units["unit_type"].isin(["province", "pao", *LOCAL_TYPES])]
    for unit_id, province in zip(local["unit_id"], local["province"], strict=True):
        if province in cluster_of:
            members.append({"group_id": cluster_of[province], "unit_id": unit_id})
    return pd.DataFrame(groups), pd.DataFrame(members)


def _coverage(rng: np.random.Generator, n_units: int, n_years: int) -> np.ndarray:
    """Which unit-years are scored: 8 % of units join late, 3 % of unit-years are missing."""
    scored = rng.random((n_units, n_years)) >= 0.03
    late = rng.random(n_units) < 0.08
    start = rng.integers(1, n_years, n_units)
    scored &= ~(late[:, None] & (np.arange(n_years)[None, :] < start[:, None]))
    scored[:, -1] |= ~scored.any(axis=1)  # every unit has at least its latest year
    return scored


def generate(con: duckdb.DuckDBPyConnection, *, dataset: str,
             n_units: int = N_UNITS) -> dict[str, pd.DataFrame]:
    rng = np.random.default_rng(SEED)
    districts = [r[0] for r in con.execute(
        "SELECT unit_id FROM units WHERE unit_type = 'district_office' ORDER BY unit_id").fetchall()]
    fixed = _central_units() + _provincial_units()
    n_sao = n_units - len(districts) - len(fixed) - sum(LOCAL_COUNTS.values())
    if n_sao < 0:
        raise ValueError(f"n_units={n_units} is fewer than the fixed units")
    units = pd.DataFrame(fixed + _local_units(rng, {**LOCAL_COUNTS, "sao": n_sao}))
    groups, members = _clusters(units)
    unit_ids = list(units["unit_id"]) + districts
    plan = year_plan(con)
    types = list(units["unit_type"]) + ["district_office"] * len(districts)
    scores = synthetic_scores(con, dataset=dataset, unit_ids=unit_ids,
                              year_frameworks=[(y, f) for y, f, _ in plan], seed=SEED,
                              level=LEVEL, trend_step=TREND_STEP,
                              shift=np.array([TYPE_SHIFT.get(t, 0.0) for t in types]))
    scored = _coverage(rng, len(unit_ids), len(plan))
    rows = scores["unit_id"].cat.codes.to_numpy()
    cols = scores["fiscal_year"].to_numpy() - plan[0][0]
    scores = scores[scored[rows, cols]].reset_index(drop=True)
    refs = [f"seed={SEED}" + (f"; {note}" if note else "") for _, _, note in plan]
    unique = list(dict.fromkeys(refs))
    scores["source_ref"] = categorical(
        np.array([unique.index(r) for r in refs])[cols[scored[rows, cols]]], unique)
    return {"units": units, "unit_aliases": _aliases(con, units), "unit_groups": groups,
            "group_members": members, "scores": scores}
