"""UI strings in Thai (default) and English.

Only interface text lives here: labels of indicators, items, tools and rating
levels come from the data (the registry). Other modules add their own strings
with :func:`register` instead of editing this file::

    from ita_dash import i18n
    i18n.register({"page.data": {"th": "นำเข้าข้อมูล", "en": "Import data"}})
"""

from __future__ import annotations

from ita_dash.thai import format_be_year

LANGS = ("th", "en")
DEFAULT_LANG = "th"

STRINGS: dict[str, dict[str, str]] = {
    # app and pages
    "app.title": {"th": "แดชบอร์ด ITA", "en": "ITA Dashboard"},
    "page.overview": {"th": "ภาพรวม", "en": "Overview"},
    "page.groups": {"th": "กลุ่มเขต", "en": "District groups"},
    "page.unit_profile": {"th": "ข้อมูลรายหน่วยงาน", "en": "Unit profile"},
    "page.weakest_indicators": {"th": "ตัวชี้วัดที่อ่อน", "en": "Weakest indicators"},
    "page.zero_items": {"th": "ข้อ O ที่ได้ศูนย์", "en": "Zero-score O-items"},
    "page.about": {"th": "เกี่ยวกับข้อมูล", "en": "About the data"},
    "page.data": {"th": "นำเข้าข้อมูล", "en": "Import data"},
    "page.presentation": {"th": "โหมดนำเสนอ", "en": "Presentation"},
    # sidebar filters
    "filter.lang": {"th": "ภาษา / Language", "en": "ภาษา / Language"},
    "filter.dataset": {"th": "ชุดข้อมูล", "en": "Dataset"},
    "filter.year": {"th": "ปีงบประมาณ", "en": "Fiscal year"},
    "filter.scope": {"th": "ขอบเขตการเปรียบเทียบ", "en": "Comparison scope"},
    "filter.unit": {"th": "หน่วยงาน", "en": "Unit"},
    "filter.link": {
        "th": "ลิงก์ในแถบที่อยู่เก็บตัวกรองไว้ทั้งหมด คัดลอกไปเปิดมุมมองเดิมได้",
        "en": "The address bar keeps every filter: copy it to reopen this view.",
    },
    "scope.all": {"th": "ทุกหน่วยงาน", "en": "All units"},
    "scope.units": {"th": "หน่วยงานที่เลือก {n} แห่ง", "en": "{n} selected units"},
    "scope.kind.group": {"th": "กลุ่ม", "en": "Group"},
    "scope.kind.unit_type": {"th": "ประเภท", "en": "Type"},
    "scope.kind.parent": {"th": "สังกัด", "en": "Parent"},
    "unit_type.district_office": {"th": "สำนักงานเขต", "en": "District offices"},
    "unit_type.municipality": {"th": "เทศบาล", "en": "Municipalities"},
    "n_units_short": {"th": "{n} แห่ง", "en": "{n} units"},
    # national scale: unit search, slices, rankings within type, pages of long tables
    "scope.kind.region": {"th": "ภาค", "en": "Region"},
    "scope.kind.province": {"th": "จังหวัด", "en": "Province"},
    "search.unit": {"th": "ค้นหาหน่วยงาน (พิมพ์ชื่อบางส่วน ไทยหรืออังกฤษ)",
                    "en": "Find a unit (type part of its Thai or English name)"},
    "search.results": {"th": "พบ {n} แห่ง (แสดงไม่เกิน {limit})",
                       "en": "{n} found (at most {limit} shown)"},
    "search.none": {"th": "ไม่พบหน่วยงานที่ชื่อมี “{text}”", "en": "No unit named like “{text}”."},
    "slice.by": {"th": "แยกตาม", "en": "Slice by"},
    "slice.unit_type": {"th": "ประเภทหน่วยงาน", "en": "Agency type"},
    "slice.parent": {"th": "สังกัด / กระทรวง", "en": "Parent / ministry"},
    "slice.region": {"th": "ภาค", "en": "Region"},
    "slice.province": {"th": "จังหวัด", "en": "Province"},
    "slice.group": {"th": "กลุ่ม", "en": "Group"},
    "slice.title": {"th": "ผลตามกลุ่มหน่วยงาน", "en": "Results by slice"},
    "slice.open": {"th": "เปิดกลุ่มนี้เป็นขอบเขต", "en": "Make this slice the scope"},
    "slice.pick": {"th": "เลือกกลุ่ม", "en": "Choose a slice"},
    "slice.none": {"th": "(ไม่ระบุ)", "en": "(not set)"},
    "col.slice": {"th": "กลุ่ม", "en": "Slice"},
    "col.n_pass": {"th": "ผ่าน", "en": "Passed"},
    "col.delta_mean": {"th": "เปลี่ยนแปลงค่าเฉลี่ย", "en": "Change of mean"},
    "col.prev_mean": {"th": "ค่าเฉลี่ยปีก่อน", "en": "Previous mean"},
    "col.n_in_type": {"th": "จาก", "en": "Of"},
    "col.unit_type": {"th": "ประเภท", "en": "Type"},
    "col.province": {"th": "จังหวัด", "en": "Province"},
    "col.prev_year": {"th": "ปีก่อนหน้า", "en": "Previous year"},
    "rank.type_title": {"th": "อันดับภายในประเภทหน่วยงาน", "en": "Ranking within agency type"},
    "rank.type_pick": {"th": "ประเภทหน่วยงาน", "en": "Agency type"},
    "rank.top_n": {"th": "จำนวนอันดับต้นและท้าย", "en": "Top and bottom N"},
    "rank.top": {"th": "อันดับต้น", "en": "Top"},
    "rank.bottom": {"th": "อันดับท้าย", "en": "Bottom"},
    "rank.around": {"th": "รอบ {unit}", "en": "Around {unit}"},
    "rank.full": {"th": "ตารางอันดับทั้งหมด", "en": "Full ranking"},
    "rank.unit_note": {"th": "{unit}: อันดับ {rank} จาก {n} ในประเภท{type}",
                       "en": "{unit}: rank {rank} of {n} among {type}"},
    "rank.change_note": {
        "th": "อันดับภายในประเภทเดียวกันในขอบเขตที่เลือก การเปลี่ยนแปลงเทียบกับปีล่าสุดก่อนหน้าที่หน่วยงานได้รับการประเมิน",
        "en": "Rank among units of the same type in the chosen scope; changes are against "
              "the unit's previous assessed year."},
    "page.rows": {"th": "แถว {first}–{last} จาก {n}", "en": "Rows {first}–{last} of {n}"},
    "page.number": {"th": "หน้า (จาก {pages})", "en": "Page (of {pages})"},
    "agg.note": {
        "th": "ขอบเขตนี้มี {n} หน่วยงาน มากเกินกว่าจะแสดงทีละหน่วยในหน้าจอเดียว จึงแสดงค่าเฉลี่ยตาม{by} "
              "เลือกกลุ่มด้านล่างเพื่อดูรายหน่วยงาน",
        "en": "This scope holds {n} units, more than fit a screen: the chart shows one row "
              "per slice (by {by}); choose one below to see its units."},
    "agg.drill": {"th": "ดูรายหน่วยงานของกลุ่ม", "en": "Units of the slice"},
    "agg.drill_all": {"th": "— ภาพรวมตามกลุ่ม —", "en": "— slices only —"},
    "agg.units_page": {"th": "{slice}: หน่วยงานเรียงตามคะแนนรวม", "en": "{slice}: units by total"},
    "agg.pct_zero": {"th": "% ได้ศูนย์", "en": "% at zero"},
    "agg.mean": {"th": "ค่าเฉลี่ย", "en": "Mean"},
    # notes on fallbacks
    "note.dataset": {
        "th": "ไม่รู้จักชุดข้อมูล “{value}” จึงแสดงชุดข้อมูล “{fallback}” แทน",
        "en": "Unknown dataset “{value}”; showing “{fallback}” instead.",
    },
    "note.year": {
        "th": "ไม่มีข้อมูลปี “{value}” ในชุดข้อมูลนี้ จึงแสดงปี {fallback} แทน",
        "en": "No data for year “{value}” in this dataset; showing {fallback} instead.",
    },
    "note.scope": {
        "th": "ไม่รู้จักขอบเขต “{value}” ในชุดข้อมูลนี้ จึงแสดง “{fallback}” แทน",
        "en": "Unknown scope “{value}” in this dataset; showing “{fallback}” instead.",
    },
    "note.unit": {
        "th": "ไม่พบหน่วยงาน “{value}” ในชุดข้อมูลนี้ จึงแสดง “{fallback}” แทน",
        "en": "Unit “{value}” not found in this dataset; showing “{fallback}” instead.",
    },
    "note.lang": {
        "th": "ไม่รู้จักภาษา “{value}” จึงแสดงภาษาไทย",
        "en": "Unknown language “{value}”; showing Thai.",
    },
    "demo.banner": {
        "th": "ข้อมูลสังเคราะห์ ไม่ใช่ผลการประเมินจริง — ใช้สาธิตการทำงานของแดชบอร์ดเท่านั้น",
        "en": "ข้อมูลสังเคราะห์ ไม่ใช่ผลการประเมินจริง — synthetic figures, not real "
              "assessment results; for demonstrating the dashboard only.",
    },
    "no_data": {"th": "ไม่มีข้อมูลในชุดข้อมูลนี้", "en": "This dataset holds no data."},
    "no_data.year_scope": {
        "th": "ไม่มีคะแนนของ “{scope}” ในปี {year}", "en": "No scores for “{scope}” in {year}.",
    },
    "one_unit": {
        "th": "ขอบเขตนี้มีเพียงหน่วยงานเดียวในปี {year} จึงไม่มีการเปรียบเทียบระหว่างหน่วยงาน",
        "en": "This scope holds a single unit in {year}, so there is nothing to compare it with.",
    },
    # downloads
    "download.csv": {"th": "ดาวน์โหลด CSV", "en": "Download CSV"},
    "download.xlsx": {"th": "ดาวน์โหลด Excel", "en": "Download Excel"},
    # metrics
    "metric.n_units": {"th": "จำนวนหน่วยงาน", "en": "Units"},
    "metric.mean": {"th": "คะแนนเฉลี่ย", "en": "Mean score"},
    "metric.median": {"th": "มัธยฐาน", "en": "Median"},
    "metric.pass_rate": {"th": "ผ่านเกณฑ์ (≥ {mark})", "en": "Pass rate (≥ {mark})"},
    "metric.score": {"th": "คะแนน ITA", "en": "ITA score"},
    "metric.level": {"th": "ระดับผลการประเมิน", "en": "Rating"},
    # table columns
    "col.rank": {"th": "อันดับ", "en": "Rank"},
    "col.next_score": {"th": "คะแนนปีถัดไป", "en": "Next year's score"},
    "col.analysis": {"th": "การวิเคราะห์/จุดอ่อน", "en": "Analysis"},
    "col.measure": {"th": "มาตรการ/แนวทาง", "en": "Measure"},
    "col.communication": {"th": "วิธีการสร้างการรับรู้", "en": "Communication"},
    "col.schedule": {"th": "ระยะเวลา/การติดตาม", "en": "Schedule"},
    "col.responsible": {"th": "ผู้รับผิดชอบ", "en": "Responsible"},
    "col.result": {"th": "ผลการดำเนินการ", "en": "Result"},
    "col.prev_rank": {"th": "อันดับปีก่อน", "en": "Previous rank"},
    "col.unit_id": {"th": "รหัสหน่วยงาน", "en": "Unit id"},
    "col.group_mean": {"th": "ค่าเฉลี่ยกลุ่ม", "en": "Group mean"},
    "col.unit": {"th": "หน่วยงาน", "en": "Unit"},
    "col.score": {"th": "คะแนน", "en": "Score"},
    "col.level": {"th": "ระดับ", "en": "Rating"},
    "col.delta_points": {"th": "เปลี่ยนแปลง (คะแนน)", "en": "Change (points)"},
    "col.delta_rank": {"th": "เปลี่ยนแปลง (อันดับ)", "en": "Change (rank)"},
    "col.prev_score": {"th": "คะแนนปีก่อน", "en": "Previous score"},
    "col.iit": {"th": "IIT", "en": "IIT"},
    "col.eit": {"th": "EIT", "en": "EIT"},
    "col.oit": {"th": "OIT", "en": "OIT"},
    "col.year": {"th": "ปีงบประมาณ (พ.ศ.)", "en": "Fiscal year (B.E.)"},
    "col.group": {"th": "กลุ่ม", "en": "Group"},
    "col.n_units": {"th": "จำนวนหน่วยงาน", "en": "Units"},
    "col.mean": {"th": "เฉลี่ย", "en": "Mean"},
    "col.median": {"th": "มัธยฐาน", "en": "Median"},
    "col.min": {"th": "ต่ำสุด", "en": "Min"},
    "col.max": {"th": "สูงสุด", "en": "Max"},
    "col.pass_rate": {"th": "ร้อยละที่ผ่าน", "en": "Pass rate (%)"},
    "col.indicator": {"th": "ตัวชี้วัด", "en": "Indicator"},
    "col.indicator_no": {"th": "ตัวชี้วัดที่", "en": "Indicator no."},
    "col.tool": {"th": "เครื่องมือ", "en": "Tool"},
    "col.value": {"th": "คะแนนตัวชี้วัด", "en": "Indicator score"},
    "col.total": {"th": "คะแนนรวม ITA", "en": "ITA total"},
    "col.from_year": {"th": "ใช้ตั้งแต่ปี", "en": "From year"},
    "col.to_year": {"th": "ถึงปี", "en": "To year"},
    "col.delta": {"th": "เปลี่ยนแปลง", "en": "Change"},
    "col.code": {"th": "รหัส", "en": "Code"},
    "col.item": {"th": "ข้อคำถาม/รายการ", "en": "Item"},
    "col.points": {"th": "คะแนนเต็มของข้อ", "en": "Item points"},
    "col.recoverable": {"th": "คะแนน ITA ที่ได้เพิ่มถ้าเต็ม", "en": "ITA points if at 100"},
    "sheet.ranking": {"th": "อันดับ", "en": "Ranking"},
    "sheet.history": {"th": "คะแนนรายปี", "en": "History"},
    "sheet.indicators": {"th": "ตัวชี้วัด", "en": "Indicators"},
    "sheet.weakest": {"th": "ข้อต่ำสุด", "en": "Weakest items"},
    "sheet.zero": {"th": "ข้อ O ที่ได้ 0", "en": "Zero O-items"},
    "sheet.points": {"th": "คะแนนเรียกคืนได้", "en": "Points recoverable"},
    "col.weakest": {"th": "ต่ำสุดในตัวชี้วัด", "en": "Weakest in indicator"},
    "col.n_zero": {"th": "ได้ศูนย์ (แห่ง)", "en": "At zero (units)"},
    "col.n_partial": {"th": "ได้บางส่วน (แห่ง)", "en": "Partial (units)"},
    "col.pct_zero": {"th": "ร้อยละที่ได้ศูนย์", "en": "% at zero"},
    "col.first_year": {"th": "ได้ศูนย์ตั้งแต่ปี", "en": "At zero since"},
    "col.streak": {"th": "จำนวนปีติดกัน", "en": "Consecutive years"},
    "col.framework": {"th": "เกณฑ์การประเมิน", "en": "Framework"},
    "col.framework_id": {"th": "รหัสเกณฑ์", "en": "Framework id"},
    "col.assessor": {"th": "ผู้ประเมิน", "en": "Assessor"},
    "col.aggregation": {"th": "วิธีรวมคะแนน", "en": "Aggregation"},
    "col.pass_mark": {"th": "เกณฑ์ผ่าน", "en": "Pass mark"},
    "col.n_items": {"th": "จำนวนข้อ", "en": "Items"},
    "col.n_unknown_items": {"th": "ข้อที่ไม่ทราบรายละเอียด", "en": "Items not printed"},
    "col.source": {"th": "แหล่งที่มา", "en": "Source"},
    "col.source_file": {"th": "ไฟล์ต้นฉบับ", "en": "Source file"},
    "col.title": {"th": "ชื่อเอกสาร", "en": "Document"},
    "col.n_figures": {"th": "จำนวนตัวเลข", "en": "Figures"},
    "col.note": {"th": "หมายเหตุ", "en": "Note"},
    "col.printed": {"th": "ค่าที่พิมพ์", "en": "Printed"},
    "col.printed_values": {"th": "ค่าที่พิมพ์ (ขัดแย้ง)", "en": "Printed values"},
    "col.chosen": {"th": "ค่าที่เลือกใช้", "en": "Chosen value"},
    "col.rule": {"th": "หลักการเลือก", "en": "Rule"},
    "col.recomputed": {"th": "ค่าที่คำนวณใหม่", "en": "Recomputed"},
    "col.difference": {"th": "ผลต่าง", "en": "Difference"},
    "col.kind": {"th": "ชนิด", "en": "Kind"},
    "col.level_code": {"th": "รหัสระดับ", "en": "Level code"},
    "col.min_total": {"th": "คะแนนต่ำสุด", "en": "From"},
    "col.max_total": {"th": "คะแนนสูงสุด", "en": "To"},
    "col.min_each_tool": {"th": "ทุกเครื่องมืออย่างน้อย", "en": "Each tool at least"},
    "col.status": {"th": "สถานะ", "en": "Status"},
    # charts
    "chart.score": {"th": "คะแนน ITA", "en": "ITA score"},
    "chart.pass_line": {"th": "เกณฑ์ผ่าน {mark:.0f}", "en": "Pass mark {mark:.0f}"},
    "chart.year": {"th": "ปีงบประมาณ", "en": "Fiscal year"},
    "chart.level": {"th": "ระดับ", "en": "Rating"},
    "chart.total": {"th": "คะแนนรวม ITA", "en": "ITA total"},
    "chart.this_year": {"th": "ปีนี้", "en": "This year"},
    "chart.previous_year": {"th": "ปีก่อน ({year})", "en": "Previous year ({year})"},
    "chart.group_mean": {"th": "ค่าเฉลี่ย {group}", "en": "Mean of {group}"},
    "chart.change": {"th": "เปลี่ยนแปลงจากปีก่อน (คะแนน)", "en": "Change vs previous year"},
    "chart.recoverable": {"th": "คะแนน ITA ที่เก็บคืนได้", "en": "ITA points to win back"},
    "chart.weakest_count": {"th": "จำนวนหน่วยงานที่อ่อนที่สุดในตัวชี้วัดนี้",
                            "en": "Units whose weakest indicator this is"},
    "chart.points": {"th": "คะแนนเต็มของข้อ", "en": "Item points"},
    "status.full": {"th": "ได้เต็ม", "en": "Full"},
    "status.partial": {"th": "ได้บางส่วน", "en": "Partial"},
    "status.zero": {"th": "ได้ศูนย์", "en": "Zero"},
    # overview
    "overview.title": {"th": "ภาพรวมผลการประเมิน ITA", "en": "ITA results overview"},
    "overview.ratings": {"th": "จำนวนหน่วยงานตามระดับผลการประเมิน", "en": "Units per rating"},
    "overview.ranking": {"th": "อันดับคะแนน", "en": "Ranking"},
    "overview.change_note": {
        "th": "▲/▼ เทียบกับปีก่อนหน้าในขอบเขตเดียวกัน (อันดับขึ้น = ▲)",
        "en": "▲/▼ against the previous year in the same scope (moved up = ▲).",
    },
    # groups
    "groups.title": {"th": "เปรียบเทียบกลุ่มหน่วยงาน", "en": "Comparing groups of units"},
    "groups.group_set": {"th": "ชุดการจัดกลุ่ม", "en": "Grouping"},
    "group_set.bkk_district_group": {"th": "กลุ่มเขตของกรุงเทพมหานคร",
                                     "en": "Bangkok district groups"},
    "group_set.peer": {"th": "กลุ่มเปรียบเทียบ", "en": "Peer groups"},
    "groups.trend": {"th": "คะแนนเฉลี่ยของแต่ละกลุ่มตามปี", "en": "Group means over the years"},
    "groups.spread": {"th": "การกระจายของคะแนนในแต่ละกลุ่ม", "en": "Spread of units in each group"},
    "groups.ranking": {"th": "อันดับภายในกลุ่ม", "en": "Ranking inside a group"},
    "groups.pick_group": {"th": "กลุ่ม", "en": "Group"},
    "groups.pick_unit": {"th": "เลือกหน่วยงานเพื่อดูข้อมูลรายหน่วยงาน",
                         "en": "Choose a unit to open its profile"},
    "groups.open_profile": {"th": "เปิดข้อมูลรายหน่วยงาน", "en": "Open unit profile"},
    "groups.no_groups": {"th": "ชุดข้อมูลนี้ไม่มีการจัดกลุ่มหน่วยงาน",
                         "en": "This dataset has no groups of units."},
    "groups.one_year": {
        "th": "มีข้อมูลของกลุ่มเหล่านี้เพียงปีเดียว จึงยังไม่มีแนวโน้มให้แสดง",
        "en": "These groups have data for a single year only, so there is no trend yet.",
    },
    # unit profile
    "profile.title": {"th": "ข้อมูลรายหน่วยงาน", "en": "Unit profile"},
    "profile.year_note": {
        "th": "{unit} ไม่มีข้อมูลในปี {year} จึงแสดงปี {shown}",
        "en": "{unit} has no data for {year}; showing {shown}.",
    },
    "profile.history": {"th": "คะแนนรวมและรายเครื่องมือตามปี", "en": "Total and tools over time"},
    "profile.one_year": {
        "th": "หน่วยงานนี้มีข้อมูลเพียงปีเดียว ({year}) จึงยังไม่มีแนวโน้มหรือการเปลี่ยนแปลงรายปี",
        "en": "This unit has data for one year only ({year}): no trend or year-on-year change.",
    },
    "profile.radar": {"th": "ตัวชี้วัดทั้ง 10 เทียบกับกลุ่มและปีก่อน",
                      "en": "The ten indicators against the group and the previous year"},
    "profile.compare_group": {"th": "เทียบกับกลุ่ม", "en": "Compare with group"},
    "profile.no_indicators": {"th": "ไม่มีคะแนนรายตัวชี้วัดของหน่วยงานนี้ในปี {year}",
                              "en": "No indicator scores for this unit in {year}."},
    "profile.no_group_values": {
        "th": "กลุ่มที่เลือกไม่มีหน่วยงานอื่นที่มีคะแนนรายตัวชี้วัดในปี {year}",
        "en": "The chosen group has no other unit with indicator scores in {year}.",
    },
    "profile.no_previous": {"th": "ไม่มีคะแนนรายตัวชี้วัดของปีก่อน",
                            "en": "No indicator scores for the previous year."},
    "profile.deltas": {"th": "การเปลี่ยนแปลงรายตัวชี้วัดเทียบปีก่อน",
                       "en": "Indicator changes year over year"},
    "profile.deltas_all": {"th": "คะแนนรายตัวชี้วัดทุกปีและการเปลี่ยนแปลง",
                           "en": "Indicator scores of every year and their changes"},
    "profile.no_deltas": {"th": "ยังไม่มีการเปลี่ยนแปลงรายปีให้แสดง (ไม่มีข้อมูลปีก่อนหน้า)",
                          "en": "No year-on-year change to show (no earlier year)."},
    "profile.items": {"th": "คะแนนรายข้อ (แถบสีแดง = ข้อที่ต่ำที่สุดในตัวชี้วัด)",
                      "en": "Item scores (red rows = weakest item of its indicator)"},
    "profile.no_items": {"th": "รายงานไม่ได้พิมพ์คะแนนรายข้อของหน่วยงานนี้ในปี {year}",
                         "en": "The report prints no item scores for this unit in {year}."},
    "profile.recoverable": {"th": "คะแนนปีหน้าอยู่ตรงไหน: ข้อที่ยังไม่เต็ม",
                            "en": "Where next year's points are: items below full marks"},
    "profile.recoverable_help": {
        "th": "คะแนนที่ได้เพิ่ม = (100 − คะแนนข้อ) ÷ 100 × คะแนนเต็มของข้อ ตามเกณฑ์ของปีนั้น",
        "en": "Points gained = (100 − item score) ÷ 100 × the item's points in that year's "
              "framework.",
    },
    "profile.no_recoverable": {"th": "ไม่มีข้อที่ยังไม่เต็ม (หรือไม่ทราบคะแนนเต็มของข้อ)",
                               "en": "No item below full marks (or item points unknown)."},
    "profile.measures": {"th": "มาตรการปรับปรุงตามรายงาน", "en": "Improvement measures in the reports"},
    "profile.measures_help": {
        "th": "มาตรการที่รายงานระบุไว้ กับคะแนนของตัวชี้วัดหรือข้อนั้นในปีที่ประเมินและปีถัดไป",
        "en": "Measures as the reports list them, with the score of their indicator or item that "
              "year and the next"},
    "profile.no_measures": {"th": "รายงานไม่ได้ระบุมาตรการของหน่วยงานนี้",
                            "en": "The reports list no measures for this unit"},
    "profile.zero_items": {"th": "ข้อ O ที่ได้ศูนย์: {codes}", "en": "O-items at zero: {codes}"},
    "profile.groups_of": {"th": "กลุ่ม: {groups}", "en": "Groups: {groups}"},
    # weakest indicators
    "weak.title": {"th": "ตัวชี้วัดที่อ่อนที่สุด", "en": "Weakest indicators"},
    "weak.heatmap": {"th": "คะแนนรายตัวชี้วัดของแต่ละหน่วยงาน", "en": "Units × indicators"},
    "weak.per_unit": {"th": "ตัวชี้วัดที่อ่อนที่สุดของแต่ละหน่วยงาน",
                      "en": "Each unit's weakest indicator"},
    "weak.frequency": {"th": "ตัวชี้วัดใดเป็นจุดอ่อนบ่อยที่สุด",
                       "en": "How often each indicator is the weakest"},
    "weak.no_data": {"th": "ไม่มีคะแนนรายตัวชี้วัดของ “{scope}” ในปี {year}",
                     "en": "No indicator scores for “{scope}” in {year}."},
    # zero items
    "zero.title": {"th": "ข้อ O (การเปิดเผยข้อมูล) ที่ได้ศูนย์",
                   "en": "O-items (open data) at zero"},
    "zero.only_unit": {"th": "เฉพาะหน่วยงานที่เลือก ({unit})",
                       "en": "Only the chosen unit ({unit})"},
    "zero.grid": {"th": "สถานะรายข้อของแต่ละหน่วยงาน", "en": "Status of each item per unit"},
    "zero.miss_counts": {"th": "จำนวนหน่วยงานที่ไม่ได้คะแนนในแต่ละข้อ",
                         "en": "How many units miss each item"},
    "zero.consecutive": {"th": "ข้อที่ได้ศูนย์ติดต่อกันหลายปี",
                         "en": "Items at zero in consecutive years"},
    "zero.no_consecutive": {"th": "ไม่มีข้อที่ได้ศูนย์ติดต่อกันตั้งแต่ 2 ปีขึ้นไป",
                            "en": "No item at zero two or more years running."},
    "zero.no_data": {"th": "ไม่มีคะแนนข้อ O ของ “{scope}” ในปี {year}",
                     "en": "No O-item scores for “{scope}” in {year}."},
    "zero.none_at_zero": {"th": "ไม่มีข้อ O ที่ได้ศูนย์", "en": "No O-item at zero."},
    "zero.list": {"th": "รายการข้อที่ได้ศูนย์", "en": "Items at zero"},
    # about
    "about.title": {"th": "เกี่ยวกับข้อมูล", "en": "About the data"},
    "about.dataset": {"th": "ชุดข้อมูลที่แสดง", "en": "Dataset shown"},
    "about.counts": {"th": "{n_scores} ตัวเลข จาก {n_unit_years} หน่วยงาน-ปี",
                     "en": "{n_scores} figures from {n_unit_years} unit-years"},
    "about.sources": {"th": "แหล่งที่มาของตัวเลข ปี {year}", "en": "Source of each figure, {year}"},
    "about.conflicts": {"th": "ข้อขัดแย้งในรายงานและการเลือกค่า",
                        "en": "Conflicts in the reports and the value chosen"},
    "about.checks": {"th": "ตรวจสอบความสอดคล้อง ปี {year} (ค่าที่พิมพ์ ≠ ค่าที่คำนวณใหม่)",
                     "en": "Consistency checks, {year} (printed ≠ recomputed)"},
    "about.no_checks": {"th": "ค่าที่พิมพ์ตรงกับค่าที่คำนวณใหม่ทั้งหมด",
                        "en": "Every printed figure matches its recomputation."},
    "about.no_conflicts": {"th": "ไม่มีข้อขัดแย้งที่บันทึกไว้", "en": "No conflict recorded."},
    "about.no_sources": {"th": "ไม่มีข้อมูลแหล่งที่มา", "en": "No source information."},
    "about.frameworks": {"th": "เกณฑ์การประเมินของแต่ละปี", "en": "Framework of each year"},
    "about.scale": {"th": "ระดับผลการประเมิน: {name}", "en": "Rating scale: {name}"},
    "about.framework_years": {"th": "เกณฑ์การประเมินรายปีและความแน่ชัดของข้อมูลเกณฑ์",
                              "en": "Each year's framework and how sure it is"},
    "about.framework_years_help": {
        "th": "สถานะ: พิมพ์ในรายงาน = ตัวเลขจากรายงานต้นฉบับ; มีแหล่งอ้างอิง = ระบุในแหล่งสาธารณะที่อ้างถึง; "
              "คำนวณจากตัวเลขที่มีแหล่ง = ได้จากการคำนวณตัวเลขที่ระบุไว้; ยังไม่ยืนยัน = น่าจะถูกแต่ยังไม่มีหลักฐาน; "
              "ไม่ทราบ = ไม่มีแหล่งใดระบุ สิ่งที่ไม่ทราบจะไม่ถูกเดา: ปีที่ไม่ทราบรายการข้อ นำเข้าได้เฉพาะคะแนนรวม "
              "เครื่องมือ และตัวชี้วัด",
        "en": "Status: printed = in a source report; sourced = stated by a cited public page; "
              "derived = worked out from stated figures; unconfirmed = plausible, not proven; "
              "unknown = no source gives it. Nothing unknown is guessed: a year without an item "
              "list takes totals, tools and indicators only."},
    "about.no_scale": {"th": "ไม่มีแหล่งใดระบุเกณฑ์ระดับผลของเกณฑ์นี้ จึงไม่คำนวณระดับ",
                       "en": "No source gives this framework's rating scale, so no level is computed."},
    "fwstatus.printed": {"th": "พิมพ์ในรายงาน", "en": "printed"},
    "fwstatus.sourced": {"th": "มีแหล่งอ้างอิง", "en": "sourced"},
    "fwstatus.derived": {"th": "คำนวณจากตัวเลขที่มีแหล่ง", "en": "derived"},
    "fwstatus.unconfirmed": {"th": "ยังไม่ยืนยัน", "en": "unconfirmed"},
    "fwstatus.unknown": {"th": "ไม่ทราบ", "en": "unknown"},
    "fwstatus.computed": {"th": "คำนวณตามเกณฑ์ของปี", "en": "computed"},
    "col.level_source": {"th": "ที่มาของระดับ", "en": "Rating from"},
    "col.fw_status": {"th": "สถานะเกณฑ์", "en": "Framework status"},
    "col.weights_status": {"th": "น้ำหนักเครื่องมือ", "en": "Tool weights"},
    "col.scale_status": {"th": "เกณฑ์ระดับผล", "en": "Rating scale"},
    "col.levels_known": {"th": "ระดับข้อมูลที่รับได้", "en": "Levels accepted"},
    "col.unit_types": {"th": "ใช้กับหน่วยงานประเภท", "en": "For unit types"},
    "metric.vs_year": {"th": "เทียบกับ {year}", "en": "vs {year}"},
    "col.compared_with": {"th": "เทียบกับปี (เมื่อไม่ใช่ปีก่อนหน้า)",
                          "en": "Compared with (when not the year before)"},
    "about.all_unit_types": {"th": "ทุกประเภท (ยกเว้นที่มีเกณฑ์ของตนเอง)",
                             "en": "all (except those with a framework of their own)"},
    "col.url": {"th": "ลิงก์แหล่งที่มา", "en": "Source link"},
    # ratings computed under unconfirmed rules (overview, ranking, profile)
    "rating.scale_unconfirmed_units": {
        "th": "ระดับผลของ {n} หน่วยงานในปี {year} คำนวณตามเกณฑ์ระดับที่ยังไม่ยืนยัน "
              "(ยังไม่พบแหล่งที่ระบุช่วงคะแนนของปีนี้) ไม่ใช่ระดับที่ประกาศ",
        "en": "The level of {n} unit(s) in {year} is computed under an unconfirmed scale "
              "(no source found states this year's bands); it is not a published level."},
    "rating.weights_unconfirmed_units": {
        "th": "คะแนนรวมของ {n} หน่วยงานในปี {year} คำนวณจาก IIT, EIT, OIT ด้วยน้ำหนักที่ยังไม่ยืนยัน",
        "en": "The total of {n} unit(s) in {year} is computed from IIT, EIT and OIT with "
              "unconfirmed weights."},
    "rating.scale_unconfirmed_years": {
        "th": "ระดับผลของปี {years} คำนวณตามเกณฑ์ระดับที่ยังไม่ยืนยัน ไม่ใช่ระดับที่ประกาศ",
        "en": "The level of {years} is computed under an unconfirmed scale; it is not a "
              "published level."},
    "rating.weights_unconfirmed_years": {
        "th": "คะแนนรวมของปี {years} คำนวณจาก IIT, EIT, OIT ด้วยน้ำหนักที่ยังไม่ยืนยัน",
        "en": "The total of {years} is computed from IIT, EIT and OIT with unconfirmed weights."},
    # the deck: slides, PowerPoint and the presentation page
    "deck.previous": {"th": "ก่อนหน้า", "en": "Previous"},
    "deck.next": {"th": "ถัดไป", "en": "Next"},
    "deck.pptx": {"th": "ดาวน์โหลด PowerPoint", "en": "Download PowerPoint"},
    "deck.xlsx": {"th": "ดาวน์โหลด Excel", "en": "Download Excel"},
    "deck.hint": {
        "th": "เปลี่ยนหน่วยงาน ปี และขอบเขตได้จากปุ่มด้านบน ไฟล์ PowerPoint แก้ไขกราฟได้",
        "en": "Change the unit, year and scope with the button above; the PowerPoint "
              "charts are editable."},
    "deck.deck_title": {
        "th": "ผลการประเมินคุณธรรมและความโปร่งใส (ITA) {year}",
        "en": "Integrity and Transparency Assessment (ITA) {year}",
    },
    "deck.made_on": {"th": "จัดทำเมื่อ {date}", "en": "Prepared {date}"},
    "deck.dataset": {"th": "ชุดข้อมูล: {label}", "en": "Dataset: {label}"},
    "deck.scope": {"th": "กลุ่มเปรียบเทียบ: {name}", "en": "Compared with: {name}"},
    "deck.framework": {"th": "กรอบการประเมิน: {name}", "en": "Framework: {name}"},
    "deck.total_line": {"th": "คะแนนรวม {score} · {level}", "en": "Total {score} · {level}"},
    "deck.tools_line": {
        "th": "IIT {iit} · EIT {eit} · OIT {oit}",
        "en": "IIT {iit} · EIT {eit} · OIT {oit}",
    },
    "deck.no_score": {"th": "ไม่มีคะแนนรวมของปีนี้", "en": "No total score this year"},
    "deck.source": {"th": "ที่มา: {parts}", "en": "Source: {parts}"},
    "deck.synthetic": {
        "th": "ข้อมูลสาธิต (สังเคราะห์) — ตัวเลขสมมติ ไม่ใช่ผลการประเมินจริง",
        "en": "Demo data (synthetic) — invented figures, not real results",
    },
    "deck.from_docs": {"th": "เอกสาร: {docs}", "en": "documents: {docs}"},
    "deck.no_docs": {"th": "ไม่ระบุเอกสาร", "en": "no document recorded"},
    "deck.ranking_title": {"th": "อันดับใน {scope}", "en": "Ranking in {scope}"},
    "deck.ranking_sub": {
        "th": "อันดับ {rank} จาก {n} หน่วยงาน · คะแนน {score}",
        "en": "Rank {rank} of {n} units · score {score}",
    },
    "deck.ranking_window": {
        "th": "แสดง {shown} จาก {n} หน่วยงาน",
        "en": "showing {shown} of {n} units",
    },
    "deck.ranking_missing": {
        "th": "{unit} ไม่มีคะแนนรวมใน {year} จึงจัดอันดับไม่ได้",
        "en": "{unit} has no total score in {year}, so it cannot be ranked",
    },
    "deck.ranking_alone": {
        "th": "ใน {scope} มีคะแนนของ {year} เพียงหน่วยงานเดียวในชุดข้อมูลนี้",
        "en": "Only one unit of {scope} has a score for {year} in this dataset",
    },
    "deck.ranking_empty": {
        "th": "ไม่มีหน่วยงานที่มีคะแนนใน {scope} {year}",
        "en": "No unit of {scope} has a score in {year}",
    },
    "deck.ranking_outside": {"th": "{unit} ไม่อยู่ใน {scope}", "en": "{unit} is not in {scope}"},
    "deck.score_axis": {"th": "คะแนน (0–100)", "en": "Score (0–100)"},
    "deck.history_title": {"th": "คะแนนรวมรายปี", "en": "Total score by year"},
    "deck.history_sub": {
        "th": "คะแนน ITA และเครื่องมือ IIT / EIT / OIT ({n} ปี)",
        "en": "ITA total and the IIT / EIT / OIT tools ({n} years)",
    },
    "deck.history_one": {
        "th": "มีข้อมูลเพียงปีเดียว ({year})",
        "en": "Only one year of data ({year})",
    },
    "deck.history_frameworks": {
        "th": "กรอบการประเมินต่างกันระหว่างปี: {names}",
        "en": "The framework differs between years: {names}",
    },
    "deck.total": {"th": "คะแนนรวม ITA", "en": "ITA total"},
    "deck.radar_title": {"th": "ตัวชี้วัด 10 ด้าน", "en": "The ten indicators"},
    "deck.radar_sub": {
        "th": "เทียบกับค่าเฉลี่ยของ {scope} และปีก่อน",
        "en": "Against the mean of {scope} and the previous year",
    },
    "deck.radar_partial": {
        "th": "มีคะแนน {n} จาก 10 ตัวชี้วัด",
        "en": "{n} of the 10 indicators have a score",
    },
    "deck.radar_missing": {
        "th": "ไม่มีคะแนนรายตัวชี้วัดของ {unit} ใน {year}",
        "en": "No indicator scores for {unit} in {year}",
    },
    "deck.group_mean": {"th": "ค่าเฉลี่ยกลุ่ม ({n} หน่วยงาน)", "en": "Group mean ({n} units)"},
    "deck.group_single": {
        "th": "กลุ่มมีข้อมูลของปีนี้เพียงหน่วยงานเดียว จึงไม่แสดงค่าเฉลี่ยกลุ่ม",
        "en": "Only one unit of the group has data this year, so no group mean is shown",
    },
    "deck.no_prev": {
        "th": "ไม่มีข้อมูลปีก่อน ({year})",
        "en": "No data for the previous year ({year})",
    },
    "deck.deltas_title": {
        "th": "ตัวชี้วัดที่เปลี่ยนไปจากปีก่อน",
        "en": "Change in each indicator since last year",
    },
    "deck.deltas_sub": {
        "th": "{year} เทียบกับ {prev} (คะแนนที่เพิ่ม/ลด)",
        "en": "{year} against {prev} (points gained or lost)",
    },
    "deck.deltas_missing": {
        "th": "ไม่มีคะแนนรายตัวชี้วัดของปีก่อน ({prev}) จึงเทียบการเปลี่ยนแปลงไม่ได้",
        "en": "No indicator scores for the previous year ({prev}), so no change to show",
    },
    "deck.change": {"th": "เปลี่ยนแปลง (คะแนน)", "en": "Change (points)"},
    "deck.frameworks_differ": {
        "th": "หมายเหตุ: กรอบการประเมินของสองปีต่างกัน ({a} / {b})",
        "en": "Note: the two years use different frameworks ({a} / {b})",
    },
    "deck.weak_title": {
        "th": "จุดอ่อน: ตัวชี้วัดและข้อที่ได้คะแนนต่ำสุด",
        "en": "Weak points: lowest indicators and items",
    },
    "deck.weak_sub": {
        "th": "ตัวชี้วัด {n_ind} ด้านและข้อ {n_items} ข้อที่ได้คะแนนต่ำสุด",
        "en": "The {n_ind} lowest indicators and the {n_items} lowest items",
    },
    "deck.weak_sub_indicators": {
        "th": "ตัวชี้วัด {n_ind} ด้านที่ได้คะแนนต่ำสุด (ไม่มีคะแนนรายข้อ)",
        "en": "The {n_ind} lowest indicators (no item scores)",
    },
    "deck.weak_missing": {
        "th": "ไม่มีคะแนนรายตัวชี้วัดหรือรายข้อของ {unit} ใน {year}",
        "en": "No indicator or item scores for {unit} in {year}",
    },
    "deck.indicator_n": {"th": "ตัวชี้วัด {code}", "en": "Indicator {code}"},
    "deck.col_item": {"th": "รายการ", "en": "Item"},
    "deck.col_name": {"th": "ชื่อ", "en": "Name"},
    "deck.col_score": {"th": "คะแนน", "en": "Score"},
    "deck.col_points": {"th": "คะแนน ITA ที่เสีย", "en": "ITA points lost"},
    "deck.zero_title": {
        "th": "ข้อ O ที่ได้ 0 คะแนน (ไม่ได้เผยแพร่)",
        "en": "O-items at zero (not published)",
    },
    "deck.zero_sub": {
        "th": "{n} ข้อ · เสียคะแนน ITA รวม {points}",
        "en": "{n} items · {points} ITA points lost",
    },
    "deck.zero_none": {
        "th": "ไม่มีข้อ O ที่ได้ 0 คะแนน — เผยแพร่ข้อมูลครบทุกข้อที่ประเมิน",
        "en": "No O-item at zero — every assessed document was published",
    },
    "deck.zero_no_items": {
        "th": "ไม่มีคะแนนรายข้อ O ของ {unit} ใน {year}",
        "en": "No O-item scores for {unit} in {year}",
    },
    "deck.zero_more": {
        "th": "และอีก {n} ข้อ (ดูในไฟล์ Excel)",
        "en": "and {n} more (see the Excel file)",
    },
    "deck.points_title": {"th": "คะแนนที่เรียกคืนได้", "en": "Points to win back"},
    "deck.points_sub": {
        "th": "{n} ข้อแรกเพิ่มได้ {top} คะแนน · ทุกข้อรวม {all} คะแนน",
        "en": "The first {n} items add {top} points · all items {all} points",
    },
    "deck.points_none": {
        "th": "ทุกข้อได้คะแนนเต็มแล้ว ไม่มีคะแนนให้เรียกคืน",
        "en": "Every item has full marks; no points to win back",
    },
    "deck.points_unknown": {
        "th": "ไม่ทราบคะแนนเต็มรายข้อของกรอบการประเมินนี้ จึงคำนวณคะแนนที่เรียกคืนได้ไม่ได้",
        "en": ("The framework gives no points per item, so the points to win back "
               "cannot be computed"),
    },
    "deck.points_no_items": {
        "th": "ไม่มีคะแนนรายข้อของ {unit} ใน {year}",
        "en": "No item scores for {unit} in {year}",
    },
    "deck.points_axis": {
        "th": "คะแนน ITA ที่ได้เพิ่มถ้าข้อนั้นได้เต็ม",
        "en": "ITA points gained if the item reached full marks",
    },
    "deck.points_series": {"th": "คะแนน ITA ที่ได้เพิ่ม", "en": "ITA points to gain"},
    "deck.all_units": {"th": "ทุกหน่วยงาน", "en": "all units"},
    "deck.selected_units": {"th": "หน่วยงานที่เลือก ({n})", "en": "selected units ({n})"},
    "deck.unit_type": {"th": "ประเภท {value}", "en": "type {value}"},
    "deck.parent": {"th": "สังกัด {value}", "en": "under {value}"},
}

# issue 12: the users' journeys (profile outlook, measures, compare, presentation, exports)
STRINGS.update({
    "profile.recoverable_total": {"th": "คะแนนที่เก็บคืนได้ทั้งหมด",
                                  "en": "Points recoverable in all"},
    "profile.recoverable_total_help": {
        "th": "ผลรวมของคะแนนที่จะได้เพิ่ม ถ้าข้อที่ยังไม่เต็มทั้ง {n} ข้อได้คะแนนเต็ม",
        "en": "The points gained if all {n} items below full marks reached full marks."},
    "profile.now": {"th": "คะแนนและระดับ {year}", "en": "Score and rating, {year}"},
    "profile.if_full": {"th": "ถ้าได้คะแนนเต็มทุกข้อ", "en": "If every item reached full marks"},
    "profile.level_unknown": {"th": "ไม่ทราบระดับ", "en": "Rating unknown"},
    "profile.outlook": {
        "th": "ถ้าข้อที่ยังไม่เต็มทั้ง {n} ข้อได้คะแนนเต็ม จะได้เพิ่ม {points} คะแนน: จาก {score} "
              "({level}) เป็น {projected} ({new_level})",
        "en": "If all {n} items below full marks reached full marks, the unit would gain "
              "{points} points: from {score} ({level}) to {projected} ({new_level})."},
    "profile.recoverable_table": {"th": "ตารางข้อที่ยังไม่เต็มทั้งหมด",
                                  "en": "Every item below full marks (table)"},
    "profile.measures_table": {"th": "ตารางมาตรการทั้งหมด (พร้อมแหล่งที่มา)",
                               "en": "Every measure as a table (with sources)"},
    "profile.no_measures_year": {"th": "รายงานไม่ได้ระบุมาตรการของหน่วยงานนี้ในปี {year}",
                                 "en": "The reports list no measures for this unit in {year}."},
    "measure.pick_indicator": {"th": "มาตรการของตัวชี้วัด (ตัวชี้วัดที่อ่อนที่สุดอยู่บนสุด)",
                               "en": "Measures of the indicator (weakest first)"},
    "measure.indicator": {"th": "ตัวชี้วัด {code} {label} · คะแนน {score} · {n} มาตรการ",
                          "en": "Indicator {code} {label} · score {score} · {n} measures"},
    "measure.whole_indicator": {"th": "ทั้งตัวชี้วัด", "en": "The whole indicator"},
    "measure.score": {"th": "คะแนน {year}: {score}", "en": "Score {year}: {score}"},
    "measure.next": {"th": "ปีถัดไป ({year}): {score}", "en": "Next year ({year}): {score}"},
    "measure.next_none": {"th": "ยังไม่มีคะแนนของปีถัดไป ({year})",
                          "en": "No score for the next year ({year}) yet"},
    "measure.next_missing": {"th": "รายงานปี {year} ไม่ได้พิมพ์คะแนนข้อนี้",
                             "en": "The {year} results print no score for this"},
    "page.compare": {"th": "เปรียบเทียบหน่วยงาน", "en": "Compare units"},
    "compare.title": {"th": "เปรียบเทียบหน่วยงานแบบเคียงกัน", "en": "Units side by side"},
    "compare.pick": {"th": "เลือกหน่วยงาน 2–5 แห่ง (พิมพ์ชื่อเพื่อค้นหา)",
                     "en": "Choose 2–5 units (type a name to search)"},
    "compare.need_two": {"th": "เลือกหน่วยงานอย่างน้อย 2 แห่งเพื่อเปรียบเทียบ",
                         "en": "Choose at least two units to compare."},
    "compare.too_many": {"th": "เปรียบเทียบได้ครั้งละไม่เกิน 5 แห่ง จึงแสดง 5 แห่งแรก",
                         "en": "At most five units at a time; showing the first five."},
    "compare.over_years": {"th": "คะแนนรวม เครื่องมือ และตัวชี้วัด ตามปี",
                           "en": "Totals, tools and indicators over the years"},
    "compare.show": {"th": "แสดง", "en": "Show"},
    "compare.totals": {"th": "คะแนนรวม ITA ตามปี", "en": "ITA totals over the years"},
    "compare.tools": {"th": "คะแนนรายเครื่องมือ (IIT · EIT · OIT) ตามปี",
                      "en": "Tools (IIT · EIT · OIT) over the years"},
    "compare.indicators": {"th": "ตัวชี้วัดทั้ง 10 ตามปี", "en": "The ten indicators over the years"},
    "compare.radar": {"th": "ตัวชี้วัดทั้ง 10 ของปี {year} ซ้อนกัน",
                      "en": "The ten indicators of {year}, overlaid"},
    "compare.no_radar": {"th": "ไม่มีคะแนนรายตัวชี้วัดของหน่วยงานที่เลือกในปี {year}",
                         "en": "No indicator scores of the chosen units in {year}."},
    "compare.items": {"th": "คะแนนรายข้อ ปี {year} (เฉพาะหน่วยงานที่ใช้เกณฑ์เดียวกัน)",
                      "en": "Item scores, {year} (units assessed under the same framework)"},
    "compare.no_items": {"th": "ไม่มีคะแนนรายข้อที่เทียบกันได้ในปี {year}",
                         "en": "No comparable item scores in {year}."},
    "compare.items_note": {
        "th": "รายข้อเทียบได้เฉพาะในปีและเกณฑ์เดียวกัน ข้ามปีให้เทียบที่ระดับเครื่องมือและตัวชี้วัด",
        "en": "Items compare only within one year and framework; across years compare the "
              "tools and indicators."},
    "compare.share": {"th": "ลิงก์ของมุมมองนี้ (คัดลอกไปแบ่งปันได้)",
                      "en": "Link to this view (copy to share)"},
    "compare.deck": {"th": "เปิดเป็นสไลด์นำเสนอ", "en": "Open as presentation slides"},
    "compare.one_year": {"th": "หน่วยงานที่เลือกมีข้อมูลเพียงปีเดียว ({year})",
                         "en": "The chosen units have data for one year only ({year})."},
    "col.indicator_short": {"th": "ตัวชี้วัด", "en": "Indicator"},
    "groups.present": {"th": "นำเสนอกลุ่มนี้ในโหมดนำเสนอ", "en": "Present this group"},
    "deck.bundle": {"th": "PowerPoint พร้อมฟอนต์ (ZIP)", "en": "PowerPoint with its font (ZIP)"},
    "deck.first": {"th": "สไลด์แรก", "en": "First slide"},
    "deck.last": {"th": "สไลด์สุดท้าย", "en": "Last slide"},
    "deck.exit": {"th": "ออกจากโหมดนำเสนอ", "en": "Leave presentation"},
    "deck.slide_list": {"th": "รายการสไลด์", "en": "Slides"},
    "deck.keys": {"th": "แป้นพิมพ์: ← → หรือ PageUp PageDown เลื่อนสไลด์ · Home/End สไลด์แรก/สุดท้าย",
                  "en": "Keyboard: ← → or PageUp PageDown to move · Home/End for first/last"},
    "deck.pickers": {"th": "หน่วยงาน ปี และขอบเขตของสไลด์", "en": "Unit, year and scope of the slides"},
    "export.source": {"th": "ที่มา: {source}", "en": "Source: {source}"},
    "export.synthetic": {"th": "ข้อมูลสังเคราะห์ ไม่ใช่ผลการประเมินจริง",
                         "en": "Synthetic data, not real assessment results"},
    "chart_title.ratings": {"th": "จำนวนหน่วยงานในแต่ละระดับผลการประเมิน",
                            "en": "Units per rating"},
    "chart_title.ranking": {"th": "อันดับคะแนน ITA", "en": "ITA ranking"},
    "chart_title.group-trend": {"th": "คะแนนเฉลี่ยของแต่ละกลุ่มตามปี",
                                "en": "Group means over the years"},
    "chart_title.group-spread": {"th": "การกระจายของคะแนนในแต่ละกลุ่ม",
                                 "en": "Spread of units in each group"},
    "chart_title.history": {"th": "คะแนนรวมและรายเครื่องมือตามปี", "en": "Total and tools over time"},
    "chart_title.radar": {"th": "ตัวชี้วัดทั้ง 10", "en": "The ten indicators"},
    "chart_title.deltas": {"th": "การเปลี่ยนแปลงรายตัวชี้วัดเทียบปีก่อน",
                           "en": "Indicator changes vs the previous year"},
    "chart_title.recoverable": {"th": "ข้อที่ยังไม่เต็ม: คะแนนที่เก็บคืนได้",
                                "en": "Items below full marks: points to win back"},
    "chart_title.heatmap": {"th": "คะแนนรายตัวชี้วัดของแต่ละหน่วยงาน", "en": "Units × indicators"},
    "chart_title.frequency": {"th": "ตัวชี้วัดใดเป็นจุดอ่อนบ่อยที่สุด",
                              "en": "How often each indicator is the weakest"},
    "chart_title.item-grid": {"th": "สถานะข้อ O ของแต่ละหน่วยงาน",
                              "en": "O-item status of each unit"},
    "chart_title.miss-counts": {"th": "จำนวนหน่วยงานที่ไม่ได้คะแนนในแต่ละข้อ O",
                                "en": "Units missing each O-item"},
    "chart_title.compare-lines": {"th": "เปรียบเทียบหน่วยงานตามปี", "en": "Units over the years"},
    "chart_title.compare-radar": {"th": "ตัวชี้วัดทั้ง 10 ซ้อนกัน",
                                  "en": "The ten indicators, overlaid"},
    "col.condition": {"th": "เงื่อนไขรายเครื่องมือ", "en": "Condition on the tools"},
    "about.conflict": {
        "th": "รายงานพิมพ์ค่าไว้ไม่ตรงกัน ({printed}) จึงเลือกใช้ {chosen} ตามหลักการที่บันทึกไว้ "
              "(เอกสาร: {document})",
        "en": "The report prints differing values ({printed}); {chosen} is used ({document})."},
    "about.conflict_none": {
        "th": "รายงานพิมพ์ค่าไว้ไม่ตรงกัน ({printed}) จึงไม่ใช้ค่าใดเลย ตามหลักการที่บันทึกไว้ "
              "(เอกสาร: {document})",
        "en": "The report prints differing values ({printed}); none of them is used "
              "({document})."},
    "about.each_tool": {"th": "IIT, EIT และ OIT ต้องได้อย่างน้อย {x} ทุกเครื่องมือ",
                        "en": "IIT, EIT and OIT must each be at least {x}"},
    "about.no_tool_condition": {"th": "ไม่มีเงื่อนไขรายเครื่องมือ", "en": "No condition on the tools"},
    "about.status.printed": {"th": "ตามที่รายงานพิมพ์", "en": "As printed"},
    "about.status.inferred": {"th": "อนุมานจากรายงาน", "en": "Inferred from the reports"},
    "about.status.unknown": {"th": "ไม่ทราบ", "en": "Unknown"},
    "about.assessor.NACC": {"th": "สำนักงาน ป.ป.ช.", "en": "NACC"},
    "about.assessor.BMA": {"th": "กรุงเทพมหานคร", "en": "Bangkok (BMA)"},
    "about.aggregation.equal_split": {
        "th": "ค่าเฉลี่ยของส่วนย่อย (อนุมานจากตัวเลขในรายงาน)",
        "en": "Mean of the parts (inferred from the printed figures)"},
    "about.aggregation.points": {"th": "รวมคะแนนตามตารางคะแนนที่พิมพ์",
                                 "en": "Sum of the printed points table"},
    "about.aggregation.unknown": {"th": "ไม่ทราบ (รายงานไม่ได้พิมพ์คะแนนเต็ม)",
                                  "en": "Unknown (points not printed)"},
    "about.kind.tool_points": {"th": "คะแนนถ่วงน้ำหนักของเครื่องมือ", "en": "Weighted tool points"},
    "about.kind.tool": {"th": "คะแนนเครื่องมือ", "en": "Tool score"},
    "about.kind.indicator": {"th": "คะแนนตัวชี้วัด", "en": "Indicator score"},
    "about.kind.subindicator": {"th": "คะแนนตัวชี้วัดย่อย", "en": "Sub-indicator score"},
    "about.kind.heading": {"th": "คะแนนหัวข้อย่อย", "en": "Heading score"},
    "about.kind.item": {"th": "คะแนนรายข้อ", "en": "Item score"},
    "about.kind.total": {"th": "คะแนนรวม", "en": "Total"},
    "about.kind.level": {"th": "ระดับผลการประเมิน", "en": "Rating"},
    "chart.radar_range": {"th": "แกนเริ่มที่ {low:.0f} (ไม่ใช่ 0) เพื่อให้เห็นความต่าง",
                          "en": "The axis starts at {low:.0f} (not 0) to show the differences"},
})


def status_label(status: object, lang: str = DEFAULT_LANG) -> str:
    """A framework status (printed, sourced, derived, unconfirmed, unknown) in ``lang``."""
    if not isinstance(status, str) or not status:
        return ""
    return t(f"fwstatus.{status}", lang) if has(f"fwstatus.{status}") else status


def _unit_type_strings() -> dict[str, dict[str, str]]:
    from ita_dash.thailand import UNIT_TYPES

    return {f"unit_type.{code}": {"th": th, "en": en} for code, (th, en) in UNIT_TYPES.items()}


STRINGS.update(_unit_type_strings())
# a damaged published build, made again while the last good one is shown
STRINGS.update({
    "build.healing": {
        "th": "ไฟล์ฐานข้อมูลล่าสุดเสียหาย ระบบได้ย้ายไปเก็บไว้และกำลังสร้างใหม่จากไฟล์ข้อมูลและคลังข้อมูลนำเข้า "
              "ระหว่างนี้แสดงข้อมูลชุดที่สมบูรณ์ล่าสุดก่อนหน้า หน้านี้จะแสดงข้อมูลใหม่เองเมื่อสร้างเสร็จ",
        "en": "The latest database file is damaged: it was set aside and is being built again from "
              "the data files and the import store. Meanwhile the last good build is shown; the "
              "page updates by itself when the new build is ready."},
})
# what the reports print beside the scores (reference figures, unplaced figures); crosswalk
STRINGS.update({
    "col.ref.bangkok_mean": {"th": "ค่าเฉลี่ย กทม.", "en": "Bangkok average"},
    "col.refdiff.bangkok_mean": {"th": "ต่างจากค่าเฉลี่ย กทม.", "en": "vs Bangkok average"},
    "col.reference": {"th": "ค่าอ้างอิงที่พิมพ์ในรายงาน", "en": "Reference printed in the report"},
    "col.reference_diff": {"th": "ต่างจากค่าอ้างอิง", "en": "vs reference"},
    "col.code_printed": {"th": "รหัสตามที่พิมพ์", "en": "Code as printed"},
    "col.text_printed": {"th": "ข้อความตามที่พิมพ์", "en": "Text as printed"},
    "col.source_ref": {"th": "ตำแหน่งในรายงาน", "en": "Where in the report"},
    "col.first_code": {"th": "รหัสข้อในปีแรก", "en": "Item code in the first year"},
    "col.prev_year": {"th": "ปีก่อนหน้า", "en": "Previous year"},
    "col.prev_framework": {"th": "กรอบการประเมินปีก่อนหน้า", "en": "Previous year's framework"},
    "col.items_comparable": {"th": "เทียบรายข้อกับปีก่อนหน้าได้หรือไม่",
                             "en": "Items comparable with the previous year"},
    "ref.caption": {
        "th": "ค่าเฉลี่ย กทม. คือค่าที่รายงานพิมพ์ไว้ข้างคะแนนของหน่วยงาน ({n} ข้อ; ที่มา: {source})",
        "en": "The Bangkok average is the figure the report prints beside the unit's own score "
              "({n} questions; source: {source})"},
    "ref.no_own_scores": {
        "th": "ข้อมูลไม่มีคะแนนรายข้อของหน่วยงานเองสำหรับข้อเหล่านี้ จึงแสดงเฉพาะค่าเฉลี่ย กทม. "
              "ที่พิมพ์ไว้ (ช่องคะแนนและผลต่างเว้นว่าง)",
        "en": "The data hold no item scores of the unit itself for these questions, so only the "
              "printed Bangkok averages are shown (score and difference left blank)"},
    "weak.items": {"th": "ข้อที่อ่อนที่สุดของ {unit} ({year})",
                   "en": "Weakest items of {unit} ({year})"},
    "weak.items_help": {
        "th": "ข้อที่ได้คะแนนต่ำสุดในแต่ละตัวชี้วัด เทียบกับค่าเฉลี่ย กทม. เมื่อรายงานพิมพ์ไว้",
        "en": "The lowest item of each indicator, beside the Bangkok average where the report "
              "prints one"},
    "weak.items_none": {"th": "ไม่มีคะแนนรายข้อของ {unit} ในปี {year}",
                        "en": "No item scores of {unit} in {year}"},
    "unplaced.title": {"th": "คะแนนที่ไม่ได้จัดเข้ากรอบการประเมิน",
                       "en": "Figures not placed in the framework"},
    "unplaced.help": {
        "th": "รายงานพิมพ์คะแนนเหล่านี้โดยไม่มีรหัสข้อที่อ่านได้ จึงไม่ได้จัดเข้าข้อใดในกรอบการประเมิน "
              "และไม่ได้นำไปคำนวณคะแนนใด แสดงตามที่พิมพ์ใต้ตัวชี้วัดที่พิมพ์ไว้",
        "en": "The report prints these figures without a readable question code, so they are "
              "not placed in any item of the framework and enter no computation; shown as "
              "printed, under the indicator they were printed under"},
    "compare.items_not_comparable": {
        "th": "คะแนนรายข้อปี {year} ({framework}) เทียบกับปี {prev} ({prev_framework}) ไม่ได้: "
              "คนละกรอบการประเมิน และไม่มีตารางเทียบข้อ",
        "en": "The item scores of {year} ({framework}) are not comparable with {prev} "
              "({prev_framework}): different frameworks and no crosswalk"},
    "compare.items_crosswalk": {
        "th": "ปี {year} ({framework}) กับปี {prev} ({prev_framework}) ใช้คนละกรอบการประเมิน: "
              "เทียบรายข้อได้เฉพาะ {n} คู่ในตารางเทียบข้อ",
        "en": "{year} ({framework}) and {prev} ({prev_framework}) use different frameworks: "
              "items are compared only through the {n} pairs of the crosswalk"},
    "compare.items_tools": {
        "th": "เปรียบเทียบข้ามปีได้ที่ระดับเครื่องมือ (IIT, EIT, OIT) และตัวชี้วัดทั้ง 10",
        "en": "Across these years, compare the tools (IIT, EIT, OIT) and the ten indicators"},
    "compare.zero_not_comparable": {
        "th": "{n} หน่วยงาน: ข้อ O ปี {year} ({framework}) เทียบกับปี {prev} ({prev_framework}) "
              "ไม่ได้ (คนละกรอบการประเมิน ไม่มีตารางเทียบข้อ) การนับปีที่ได้ศูนย์ต่อเนื่องจึงเริ่มที่ปี {year}",
        "en": "{n} units: the O-items of {year} ({framework}) are not comparable with {prev} "
              "({prev_framework}) (different frameworks, no crosswalk), so zero streaks start "
              "in {year}"},
    "compare.yes": {"th": "ได้ (กรอบเดียวกัน)", "en": "Yes (same framework)"},
    "compare.crosswalk": {"th": "ผ่านตารางเทียบข้อ ({n} คู่)", "en": "Through the crosswalk ({n} pairs)"},
    "compare.no": {"th": "ไม่ได้", "en": "No"},
    "compare.items_table": {"th": "กรอบการประเมินของแต่ละปี", "en": "Framework of each year"},
})
# short type names for chart rows (a phone's width)
STRINGS.update({f"unit_type_short.{code}": {"th": th, "en": en} for code, th, en in (
    ("independent_org", "องค์กรอิสระ", "Independent"), ("court", "ศาล", "Courts"),
    ("parliament", "รัฐสภา", "Parliament"), ("prosecutor", "อัยการ", "Prosecution"),
    ("ministry", "กระทรวง", "Ministries"), ("department", "กรม", "Departments"),
    ("state_enterprise", "รัฐวิสาหกิจ", "State enterprises"),
    ("other_state_agency", "หน่วยงานอื่นของรัฐ", "Other agencies"),
    ("province", "จังหวัด", "Provinces"), ("pao", "อบจ.", "PAOs"),
    ("special_local", "อปท. พิเศษ", "Special local"),
    ("city_municipality", "เทศบาลนคร", "City munic."),
    ("town_municipality", "เทศบาลเมือง", "Town munic."),
    ("subdistrict_municipality", "เทศบาลตำบล", "Subdistrict munic."), ("sao", "อบต.", "SAOs"),
    ("district_office", "สำนักงานเขต", "District offices"))})


def register(strings: dict[str, dict[str, str]]) -> None:
    """Add strings of another module (existing keys are replaced)."""
    STRINGS.update(strings)


def normalize_lang(lang: str | None) -> str:
    return lang if lang in LANGS else DEFAULT_LANG


def t(key: str, lang: str = DEFAULT_LANG, /, **values: object) -> str:
    """The string ``key`` in ``lang`` (the key itself when unknown), formatted with ``values``."""
    entry = STRINGS.get(key)
    if entry is None:
        return key
    text = entry.get(normalize_lang(lang)) or entry.get(DEFAULT_LANG, key)
    return text.format(**values) if values else text


def has(key: str) -> bool:
    return key in STRINGS


def year_label(year: int, lang: str = DEFAULT_LANG) -> str:
    """'พ.ศ. 2567' / 'B.E. 2567 (2024)'."""
    return format_be_year(int(year), normalize_lang(lang))


def pick(th: object, en: object, lang: str) -> str:
    """The English text when asked for and present, the Thai otherwise."""
    if lang == "en" and isinstance(en, str) and en:
        return en
    return "" if th is None or (isinstance(th, float) and th != th) else str(th)


def slice_label(by: str, value: object, lang: str = DEFAULT_LANG,
                names: dict[str, str] | None = None, *, short: bool = False) -> str:
    """The label of a slice value: ``names[value]`` when given (e.g. a group's name), an
    agency type's name, or a province, region or ministry (in English when listed);
    '(not set)' for a missing value; ``short`` for chart rows."""
    from ita_dash.thailand import place_en

    if value is None or value != value or value == "":  # None or NaN
        return t("slice.none", lang)
    text = str(value)
    if names and text in names:
        return names[text]
    if by == "unit_type":
        key = f"unit_type_short.{text}" if short and has(f"unit_type_short.{text}") \
            else f"unit_type.{text}"
        return t(key, lang) if has(key) else text
    if lang == "en":
        return place_en(text) or text
    return text
