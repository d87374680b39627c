"""The frameworks as the rules look them up: the years each covers, its codes (as
:func:`ita_dash.cells.code_key` compares them), the highest score of each and the default
framework of a year for a unit type."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from ita_dash.cells import code_key
from ita_dash.framework.model import default_frameworks

FULL_MARKS = 100.0

ITEM_CODE = re.compile(r"([IEO])(\d+)")
ITEM_TOOL = {"I": "IIT", "E": "EIT", "O": "OIT"}


def complete_item_lists(items: list[tuple[str, str | None, str]]) -> set[tuple[str, str]]:
    """(framework, tool) pairs whose item codes run 1..N without a gap (I1-I30, O1-O43)."""
    numbers: dict[tuple[str, str], set[int]] = {}
    for framework_id, tool, code in items:
        match = ITEM_CODE.fullmatch(code_key(code))
        if match and tool:
            numbers.setdefault((framework_id, tool), set()).add(int(match.group(2)))
    return {key for key, found in numbers.items() if found == set(range(1, max(found) + 1))}


@dataclass
class Frameworks:
    """The frameworks: the years each covers, its codes and the highest score of each."""

    frameworks: pd.DataFrame  # framework_id, assessor, first_year, last_year, unit_types
    codes: dict[tuple[str, str], str]  # (framework_id, code_key) -> code
    maxima: dict[tuple[str, str], float]  # (framework_id, code) -> highest score
    # (framework_id, tool) whose items are numbered 1..N without a gap: a known item list
    item_lists: set[tuple[str, str]] = field(default_factory=set)

    @classmethod
    def from_frames(cls, frameworks: pd.DataFrame, nodes: pd.DataFrame) -> Frameworks:
        """From ``frameworks`` and ``framework_nodes`` (code, kind, parent_code, points)."""
        rows = nodes.to_dict("records")
        weights = {(n["framework_id"], n["code"]): float(n["points"]) for n in rows
                   if pd.notna(n["points"])}
        maxima = {(str(n["framework_id"]), str(n["code"])):
                  weights.get((n["framework_id"], n["parent_code"]), FULL_MARKS)
                  if n["kind"] == "tool_points" else FULL_MARKS for n in rows}
        ordered = frameworks.reindex(columns=["framework_id", "assessor", "first_year",
                                              "last_year", "unit_types", "name_th", "name_en"])
        items = [(str(n["framework_id"]), n.get("tool"), str(n["code"])) for n in rows
                 if n["kind"] == "item"]
        return cls(
            frameworks=ordered.sort_values(["first_year", "framework_id"]).reset_index(drop=True),
            codes={(str(n["framework_id"]), code_key(str(n["code"]))): str(n["code"])
                   for n in rows},
            maxima=maxima, item_lists=complete_item_lists(items))

    def default_frameworks(self, year: int, unit_type: str) -> list[str]:
        """The framework(s) a unit of this type takes in ``year`` when the file names none."""
        return default_frameworks(self.frameworks.to_dict("records"), year, unit_type)

    def unknown_item_list(self, framework_id: object, code: object) -> tuple[str, str] | None:
        """Why an item-like code (I5, e3, O12) cannot be imported when the framework does not
        know the item list of its tool (Thai, English); None when the list is known or the
        code is not an item code."""
        match = ITEM_CODE.fullmatch(code_key(str(code)))
        if match is None:
            return None
        tool = ITEM_TOOL[match.group(1)]
        if (framework_id, tool) in self.item_lists:
            return None
        where = f"data/frameworks/{framework_id}/nodes.csv"
        return (f"ไม่ทราบรายการข้อของ {tool} ในกรอบการประเมิน {framework_id} จึงนำเข้าคะแนนรายข้อไม่ได้ "
                f"(ไม่เดารหัสข้อ) ให้เพิ่มข้อในกรอบการประเมินก่อน ตามแม่แบบกรอบการประเมิน {where} "
                "(ดู docs/FRAMEWORKS.md)",
                f"the item list of {tool} in framework {framework_id} is unknown, so item rows "
                f"cannot be imported (codes are never guessed): add the items to the framework "
                f"first, following the framework template {where} (see docs/FRAMEWORKS.md)")

    def totals_only(self, framework_id: object, code: object) -> tuple[str, str] | None:
        """Why a part (an indicator, a tool, an item) cannot be imported under a framework that
        records only the total (2558-2560, 2569): (Thai, English); None otherwise."""
        fw = str(framework_id)
        if any(f == fw and c != "ITA" for f, c in self.codes):
            return None
        return (f"กรอบการประเมิน {fw} ของปีนี้บันทึกได้เฉพาะคะแนนรวมและระดับ (ไม่มีแหล่งข้อมูลบอกตัวชี้วัด "
                f"เครื่องมือ หรือข้อ) จึงนำเข้า {code} ไม่ได้ ให้บันทึกกรอบการประเมินก่อนด้วยแม่แบบกรอบการประเมิน "
                "(python -m ita_dash framework-template, ดู docs/FRAMEWORKS.md)",
                f"framework {fw} of this year records only totals and levels (no source gives "
                f"its indicators, tools or items), so {code} cannot be imported: enter the "
                "framework first with the framework template (python -m ita_dash "
                "framework-template, see docs/FRAMEWORKS.md)")

    def for_year(self, year: int) -> list[str]:
        f = self.frameworks
        return list(f.loc[(f["first_year"] <= year) & (f["last_year"] >= year), "framework_id"])

    def years_known(self) -> str:
        spans = zip(self.frameworks["first_year"], self.frameworks["last_year"], strict=True)
        return ", ".join(dict.fromkeys(f"{first}-{last}" if first != last else str(first)
                                       for first, last in spans))

    def resolve(self, year: int, given: str,
                unit_type: str = "") -> tuple[str | None, str, str, bool]:
        """(framework id, '', '', _) or (None, Thai, English, whether the year is to blame).

        ``given`` is a framework id or an assessor (any case); empty: the default framework
        of ``year`` for a unit of ``unit_type`` (:func:`registry.default_frameworks`).
        """
        f = self.frameworks
        if not given:
            return self._of_year(year, unit_type)
        wanted = " ".join(given.split()).lower()  # an id, or the Thai or English name
        match = f[(f["framework_id"].str.lower() == wanted)
                  | (f["name_th"].fillna("").str.lower() == wanted)
                  | (f["name_en"].fillna("").str.lower() == wanted)]
        if not match.empty:
            r = match.iloc[0]
            if r.first_year <= year <= r.last_year:
                return r.framework_id, "", "", False
            return (None, f"ปี {year} ไม่อยู่ในกรอบการประเมิน {r.framework_id} "
                    f"(พ.ศ. {r.first_year}-{r.last_year})",
                    f"year {year} is outside framework {r.framework_id} "
                    f"({r.first_year}-{r.last_year})", True)
        assessors = dict(zip(f["framework_id"], f["assessor"].astype(str).str.lower(),
                             strict=True))
        by_assessor = [x for x in self.for_year(year) if assessors[x] == given.lower()]
        if len(by_assessor) == 1:
            return by_assessor[0], "", "", False
        known = ", ".join(f["framework_id"])
        return (None, f"ไม่รู้จักกรอบการประเมิน (ที่มี: {known})",
                f"unknown framework (known: {known})", False)

    def _of_year(self, year: int, unit_type: str = "") -> tuple[str | None, str, str, bool]:
        candidates = self.default_frameworks(year, unit_type)
        if len(candidates) == 1:
            return candidates[0], "", "", False
        if not candidates:
            known = self.years_known()
            return (None, f"ไม่รู้จักปี {year}: ไม่มีกรอบการประเมินของปีนี้ (ปีที่มี: {known})",
                    f"unknown year {year}: no framework covers it (years known: {known})", True)
        listed = ", ".join(candidates)
        return (None, f"ปี {year} มีหลายกรอบการประเมิน ({listed}) ให้เพิ่มคอลัมน์ กรอบการประเมิน",
                f"several frameworks cover {year} ({listed}): add a framework column", True)
