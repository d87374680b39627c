from ita_dash.thai import district_short_name, format_be_year, name_key, to_arabic_digits


def test_thai_digits_and_names():
    assert to_arabic_digits("๘๗.๖๗") == "87.67"
    assert district_short_name("สำนักงานเขตสัมพันธวงศ์") == "สัมพันธวงศ์"
    assert district_short_name("เขตสัมพันธวงศ์") == "สัมพันธวงศ์"
    assert name_key("เทศบาลตำบล เขาใหญ่") == name_key("เทศบาลตำบลเขาใหญ่")
    assert format_be_year(2567) == "พ.ศ. 2567"
    assert format_be_year(2567, "en") == "B.E. 2567 (2024)"
