"""Reference lists of Thailand's administration: the 77 provinces with their region, the
20 ministries, and the agency types the NACC publishes results by (FRAMEWORKS.md).

Names are public facts (Thai as written officially, English as commonly romanised);
regions follow the six-region geographic scheme. Used by the national demo generator
and for English labels of provinces and regions.
"""

from __future__ import annotations

REGIONS: dict[str, str] = {
    "ภาคเหนือ": "North", "ภาคตะวันออกเฉียงเหนือ": "Northeast", "ภาคกลาง": "Central",
    "ภาคตะวันออก": "East", "ภาคตะวันตก": "West", "ภาคใต้": "South",
}

_PROVINCES = {
    "ภาคเหนือ": "เชียงราย:Chiang Rai,เชียงใหม่:Chiang Mai,น่าน:Nan,พะเยา:Phayao,แพร่:Phrae,"
                "แม่ฮ่องสอน:Mae Hong Son,ลำปาง:Lampang,ลำพูน:Lamphun,อุตรดิตถ์:Uttaradit",
    "ภาคตะวันออกเฉียงเหนือ": "กาฬสินธุ์:Kalasin,ขอนแก่น:Khon Kaen,ชัยภูมิ:Chaiyaphum,"
                "นครพนม:Nakhon Phanom,นครราชสีมา:Nakhon Ratchasima,บึงกาฬ:Bueng Kan,"
                "บุรีรัมย์:Buriram,มหาสารคาม:Maha Sarakham,มุกดาหาร:Mukdahan,ยโสธร:Yasothon,"
                "ร้อยเอ็ด:Roi Et,เลย:Loei,ศรีสะเกษ:Sisaket,สกลนคร:Sakon Nakhon,สุรินทร์:Surin,"
                "หนองคาย:Nong Khai,หนองบัวลำภู:Nong Bua Lamphu,อุดรธานี:Udon Thani,"
                "อุบลราชธานี:Ubon Ratchathani,อำนาจเจริญ:Amnat Charoen",
    "ภาคกลาง": "กรุงเทพมหานคร:Bangkok,กำแพงเพชร:Kamphaeng Phet,ชัยนาท:Chai Nat,"
               "นครนายก:Nakhon Nayok,นครปฐม:Nakhon Pathom,นครสวรรค์:Nakhon Sawan,"
               "นนทบุรี:Nonthaburi,ปทุมธานี:Pathum Thani,พระนครศรีอยุธยา:Phra Nakhon Si Ayutthaya,"
               "พิจิตร:Phichit,พิษณุโลก:Phitsanulok,เพชรบูรณ์:Phetchabun,ลพบุรี:Lopburi,"
               "สมุทรปราการ:Samut Prakan,สมุทรสงคราม:Samut Songkhram,สมุทรสาคร:Samut Sakhon,"
               "สิงห์บุรี:Sing Buri,สุโขทัย:Sukhothai,สุพรรณบุรี:Suphan Buri,สระบุรี:Saraburi,"
               "อ่างทอง:Ang Thong,อุทัยธานี:Uthai Thani",
    "ภาคตะวันออก": "จันทบุรี:Chanthaburi,ฉะเชิงเทรา:Chachoengsao,ชลบุรี:Chonburi,ตราด:Trat,"
                   "ปราจีนบุรี:Prachinburi,ระยอง:Rayong,สระแก้ว:Sa Kaeo",
    "ภาคตะวันตก": "กาญจนบุรี:Kanchanaburi,ตาก:Tak,ประจวบคีรีขันธ์:Prachuap Khiri Khan,"
                  "เพชรบุรี:Phetchaburi,ราชบุรี:Ratchaburi",
    "ภาคใต้": "กระบี่:Krabi,ชุมพร:Chumphon,ตรัง:Trang,นครศรีธรรมราช:Nakhon Si Thammarat,"
              "นราธิวาส:Narathiwat,ปัตตานี:Pattani,พังงา:Phang Nga,พัทลุง:Phatthalung,"
              "ภูเก็ต:Phuket,ระนอง:Ranong,สตูล:Satun,สงขลา:Songkhla,สุราษฎร์ธานี:Surat Thani,"
              "ยะลา:Yala",
}

# (province_th, province_en, region_th), in region order
PROVINCES: tuple[tuple[str, str, str], ...] = tuple(
    (th, en, region) for region, text in _PROVINCES.items()
    for th, en in (pair.split(":") for pair in text.split(",")))
PROVINCE_EN: dict[str, str] = {th: en for th, en, _ in PROVINCES}
PROVINCE_REGION: dict[str, str] = {th: region for th, _, region in PROVINCES}
BANGKOK = "กรุงเทพมหานคร"

MINISTRIES: tuple[tuple[str, str], ...] = (
    ("สำนักนายกรัฐมนตรี", "Office of the Prime Minister"),
    ("กระทรวงกลาโหม", "Ministry of Defence"),
    ("กระทรวงการคลัง", "Ministry of Finance"),
    ("กระทรวงการต่างประเทศ", "Ministry of Foreign Affairs"),
    ("กระทรวงการท่องเที่ยวและกีฬา", "Ministry of Tourism and Sports"),
    ("กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์", "Ministry of Social Development and Human Security"),
    ("กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม",
     "Ministry of Higher Education, Science, Research and Innovation"),
    ("กระทรวงเกษตรและสหกรณ์", "Ministry of Agriculture and Cooperatives"),
    ("กระทรวงคมนาคม", "Ministry of Transport"),
    ("กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม", "Ministry of Digital Economy and Society"),
    ("กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม", "Ministry of Natural Resources and Environment"),
    ("กระทรวงพลังงาน", "Ministry of Energy"),
    ("กระทรวงพาณิชย์", "Ministry of Commerce"),
    ("กระทรวงมหาดไทย", "Ministry of Interior"),
    ("กระทรวงยุติธรรม", "Ministry of Justice"),
    ("กระทรวงแรงงาน", "Ministry of Labour"),
    ("กระทรวงวัฒนธรรม", "Ministry of Culture"),
    ("กระทรวงศึกษาธิการ", "Ministry of Education"),
    ("กระทรวงสาธารณสุข", "Ministry of Public Health"),
    ("กระทรวงอุตสาหกรรม", "Ministry of Industry"),
)
MINISTRY_EN: dict[str, str] = dict(MINISTRIES)
INTERIOR = "กระทรวงมหาดไทย"

# The agency types the NACC ranks within, in the order of its result tables.
UNIT_TYPES: dict[str, tuple[str, str]] = {
    "independent_org": ("องค์กรอิสระ / องค์กรตามรัฐธรรมนูญ", "Independent / constitutional organisations"),
    "court": ("ศาล", "Courts"),
    "parliament": ("หน่วยงานของรัฐสภา", "Parliamentary agencies"),
    "prosecutor": ("องค์กรอัยการ", "Public prosecution"),
    "ministry": ("กระทรวง", "Ministries"),
    "department": ("ส่วนราชการระดับกรม", "Departments"),
    "state_enterprise": ("รัฐวิสาหกิจ", "State enterprises"),
    "other_state_agency": ("หน่วยงานอื่นของรัฐ", "Other state agencies"),
    "province": ("จังหวัด", "Provinces"),
    "pao": ("องค์การบริหารส่วนจังหวัด (อบจ.)", "Provincial administrative organisations"),
    "special_local": ("อปท. รูปแบบพิเศษ", "Special local governments"),
    "city_municipality": ("เทศบาลนคร", "City municipalities"),
    "town_municipality": ("เทศบาลเมือง", "Town municipalities"),
    "subdistrict_municipality": ("เทศบาลตำบล", "Subdistrict municipalities"),
    "sao": ("องค์การบริหารส่วนตำบล (อบต.)", "Subdistrict administrative organisations"),
    "district_office": ("สำนักงานเขต", "District offices"),
    "municipality": ("เทศบาล", "Municipalities"),
}


def region_of(province: str | None) -> str | None:
    """The region of a province (Thai names), None when unknown."""
    return PROVINCE_REGION.get(province or "")


def place_en(name_th: str | None) -> str | None:
    """English name of a province, region or ministry (None when not listed)."""
    if not name_th:
        return None
    return PROVINCE_EN.get(name_th) or REGIONS.get(name_th) or MINISTRY_EN.get(name_th)
