"""The packs' recognizers on small real-style Thai texts (Thai digits, spacing and wording as
agencies publish them; some lines are excerpts of the agency reports in shared/seeds)."""

from __future__ import annotations

from oit_checker.rules.schema import Pack
from oit_checker.thai.text import fold
from tests.rules_packs.matching import matches, missing_elements, wrong_document

ANNUAL_REPORT_WITH_SECTION = """รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. ๒๕๖๕
องค์การบริหารส่วนตำบลชุมแสง อำเภอสตึก จังหวัดบุรีรัมย์
๑. ผลการดำเนินงานตามแผนการดำเนินงาน
โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ ๓ งบประมาณ ๔๙๕,๐๐๐ บาท ดำเนินการแล้วเสร็จ
๒. ผลการใช้จ่ายงบประมาณ
เบิกจ่ายรวม ๑๒,๓๔๕,๖๗๘.๐๐ บาท คิดเป็นร้อยละ ๙๒.๑๕
๓. ปัญหา อุปสรรค และข้อเสนอแนะ
งบประมาณได้รับการจัดสรรล่าช้า ควรวางแผนการเบิกจ่ายให้เร็วขึ้น"""

ANNUAL_REPORT_WITHOUT_SECTION = """รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. ๒๕๖๕
องค์การบริหารส่วนตำบลชุมแสง
๑. ผลการดำเนินงานตามแผนการดำเนินงาน
โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ ๓ งบประมาณ ๔๙๕,๐๐๐ บาท ดำเนินการแล้วเสร็จ
๒. ผลการใช้จ่ายงบประมาณ
เบิกจ่ายรวม ๑๒,๓๔๕,๖๗๘.๐๐ บาท
การจัดประชุมประจำเดือนเพื่อร่วมกันทบทวนปัญหาและอุปสรรคใน การปฏิบัติงานอย่างเป็นระบบ"""

ANNUAL_REPORT_SEPARATE_HEADINGS = """รายงานผลการดำเนินงาน ประจำปี ๒๕๖๕
ผลการดำเนินงาน: ดำเนินโครงการ ๔๒ โครงการ เบิกจ่ายงบประมาณร้อยละ ๘๘
๔. ปัญหาและอุปสรรค
ขาดบุคลากรด้านช่าง
๕. ข้อเสนอแนะ
ควรสรรหาบุคลากรเพิ่ม"""

EXPENDITURE_WORKSHEET = """กระดาษทำการกระทบยอดรายจ่ายตามงบประมาณ (จ่ายจากรายรับ)
ประจำปีงบประมาณ พ.ศ. ๒๕๖๕
องค์การบริหารส่วนตำบลชุมแสง
แผนงานงบกลาง ประมาณการ ๒,๐๐๐,๐๐๐ รายจ่ายจริง ๑,๙๘๕,๐๐๐ คงเหลือ ๑๕,๐๐๐"""

PURCHASE_REGISTER = """ทะเบียนคุมการขอซื้อขอจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๖
องค์การบริหารส่วนตำบลชุมแสง
ลำดับ วันที่ เลขที่รายงานขอซื้อ/ขอจ้าง รายการ จำนวนเงิน (บาท) ผู้ขอ หมายเหตุ
๑ ๓ ต.ค. ๖๕ ๑/๒๕๖๖ จัดซื้อวัสดุสำนักงาน ๑๒,๕๐๐ สำนักปลัด
๒ ๑๐ ต.ค. ๖๕ ๒/๒๕๖๖ จ้างเหมาซ่อมแซมรถยนต์ส่วนกลาง ๘,๐๐๐ กองคลัง"""

PURCHASE_REGISTER_SPACED = "ทะเบียน รายงาน ขอซื้อ ขอจ้าง ปีงบประมาณ ๒๕๖๖\nรายการ จำนวนเงิน ผู้ขอ"

PROCUREMENT_PLAN = """ประกาศองค์การบริหารส่วนตำบลชุมแสง
เรื่อง เผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๖
ด้วยองค์การบริหารส่วนตำบลชุมแสงได้จัดทำแผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ เสร็จเรียบร้อยแล้ว
ลำดับที่ รายการที่จะจัดซื้อจัดจ้าง วงเงินที่จะจัดซื้อจัดจ้าง (บาท) คาดว่าจะประกาศจัดซื้อจัดจ้าง (เดือน/ปี)
๑ โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ ๓ ๔๙๕,๐๐๐ ธันวาคม ๒๕๖๕"""

MONTHLY_SUMMARY = """แบบ สขร.๑
สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม ๒๕๖๕
องค์การบริหารส่วนตำบลชุมแสง
ลำดับที่ งานที่จัดซื้อหรือจัดจ้าง วงเงินที่จะซื้อหรือจ้าง ราคากลาง วิธีซื้อหรือจ้าง
รายชื่อผู้เสนอราคาและราคาที่เสนอ ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง
เหตุผลที่คัดเลือกโดยสรุป เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง
๑ จัดซื้อวัสดุสำนักงาน ๑๒,๕๐๐ ๑๒,๕๐๐ เฉพาะเจาะจง ร้านรุ่งเรือง ๑๒,๕๐๐ ร้านรุ่งเรือง ๑๒,๕๐๐
ราคาต่ำสุด ใบสั่งซื้อเลขที่ ๑/๒๕๖๖ ลงวันที่ ๕ ต.ค. ๖๕"""

PLAN_TABLE = """แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๖
องค์การบริหารส่วนตำบลชุมแสง
บัญชีโครงการ/กิจกรรม/งบประมาณ
ที่ โครงการ รายละเอียดของกิจกรรม งบประมาณ (บาท) สถานที่ดำเนินการ หน่วยงานรับผิดชอบ ต.ค. พ.ย. ธ.ค. ม.ค.
๑ โครงการป้องกันและลดอุบัติเหตุทางถนน ๓๐,๐๐๐ ตำบลชุมแสง สำนักปลัด"""

SIX_MONTH_REPORT = """รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณ ประจำปี รอบ ๖ เดือน
(๑ ตุลาคม ๒๕๖๕ – ๓๑ มีนาคม ๒๕๖๖) ตามแผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๖
ที่ โครงการ งบประมาณตามแผน เบิกจ่ายแล้ว สถานะการดำเนินงาน
๑ โครงการป้องกันและลดอุบัติเหตุทางถนน ๓๐,๐๐๐ ๒๘,๕๐๐ ดำเนินการแล้ว
๒ โครงการก่อสร้างถนน ๔๙๕,๐๐๐ - อยู่ระหว่างดำเนินการ"""

STAFF_DEVELOPMENT_PLAN = """แผนพัฒนาบุคลากร ประจำปีงบประมาณ พ.ศ. ๒๕๖๖–๒๕๖๘
องค์การบริหารส่วนตำบลชุมแสง
หลักสูตรการฝึกอบรม กลุ่มเป้าหมาย วิธีการพัฒนา ระยะเวลา งบประมาณ ๕๐,๐๐๐ บาท"""

HR_PROGRESS_REPORT = """รายงานผลการดำเนินการตามแผนการบริหารทรัพยากรบุคคล รอบ ๖ เดือน ปีงบประมาณ ๒๕๖๖
ที่ โครงการ/กิจกรรม งบประมาณ ผลการดำเนินการ
๑ อบรมพัฒนาศักยภาพบุคลากร ๒๐,๐๐๐ บาท ดำเนินการแล้ว
๒ สรรหาพนักงานจ้างทดแทนตำแหน่งว่าง - อยู่ระหว่างดำเนินการ"""

# shared/seeds/000 (อบต.ชุมแสง): the measures table, before the report of results.
MEASURES_2566 = "\n".join(
    [
        "มาตรการการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ ๒๕๖๖",
        "จากการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน ประจำปีงบประมาณ ๒๕๖๕",
        "นำสู่ข้อเสนอแนะในการกำหนดมาตรการในการส่งเสริมคุณธรรมและความโปร่งใส ดังนี้",
        "\t".join(
            [
                "มาตรการ/แนวทาง",
                "วิธีการดำเนินการ",
                "ระยะเวลาดำเนินการ",
                "ติดตามผลการดำเนินการ",
                "ผู้รับผิดชอบ",
            ]
        ),
        "\t".join(
            [
                "ตัวชี้วัดที่ ๒ ๒. การใช้งบประมาณ",
                "๑. เผยแพร่ข้อมูลของหน่วยงาน แก่บุคลากรภายในและประชาชนทราบผ่านช่องทางที่หลากหลาย",
                "ตลอดปีงบประมาณ",
                "รายงานความก้าวหน้าและสรุปผล ณ สิ้นปีงบประมาณ",
                "ทุกๆ กอง/สำนักงาน",
            ]
        ),
    ]
)

# shared/seeds/003 (อบต.ตะลุโบะ): the report of results of the measures.
MEASURES_REPORT_2567 = "\n".join(
    [
        "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        "ประจำปีงบประมาณ ๒๕๖๗",
        "\t".join(
            [
                "ลำดับ",
                "มาตรการ/กิจกรรม",
                "วิธีดำเนินการ",
                "ระยะเวลาในการดำเนินการ",
                "ผู้รับผิดชอบ",
                "สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม",
                "ผลลัพธ์หรือความสำเร็จในการดำเนินการ",
            ]
        ),
        "\t".join(
            [
                "๖",
                "กระบวนการปฏิบัติงานที่โปร่งใส และมีประสิทธิภาพ",
                "จัดทำแบบประเมินความพึงพอใจในการบริการของหน่วยงาน",
                "๑ ต.ค ๖๖ – ๓๐ ก.ย ๖๗",
                "สำนักปลัดงานการเจ้าหน้าที่",
                "๑.ได้มีการจัดทำแบบประเมินความพึงพอใจในการบริการของหน่วยงาน",
            ]
        ),
    ]
)

GENERAL_COMPLAINT_FORM = "แบบฟอร์มร้องเรียนร้องทุกข์ออนไลน์\nกรอกชื่อ ที่อยู่ เรื่องที่ร้องเรียน ส่งเรื่อง"

CORRUPTION_CHANNEL = """แจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ (ออนไลน์)
กรอกแบบฟอร์มแล้วกดส่งเรื่อง ข้อมูลของผู้ร้องเรียนจะถูกเก็บเป็นความลับ ไม่เปิดเผยชื่อผู้แจ้ง"""

CONTACT = """ติดต่อเรา
องค์การบริหารส่วนตำบลชุมแสง ที่อยู่ ๙๙ หมู่ ๑ ตำบลชุมแสง อำเภอสตึก จังหวัดบุรีรัมย์ ๓๑๑๕๐
โทรศัพท์ ๐-๔๔๖๘-๑๒๓๔ โทรสาร ๐-๔๔๖๘-๑๒๓๕
อีเมล saraban@chumsaeng.go.th"""

EXECUTIVES = """ข้อมูลผู้บริหาร
นายสมชาย ใจดี
นายกองค์การบริหารส่วนตำบลชุมแสง โทร. ๐๘๑-๒๓๔-๕๖๗๘
นางสาวสุดา แสงทอง
รองนายกองค์การบริหารส่วนตำบลชุมแสง โทร. ๐๘๙-๘๗๖-๕๔๓๒"""

LAO_CHART_BOTH_SIDES = """โครงสร้างองค์การบริหารส่วนตำบลชุมแสง
ฝ่ายการเมือง: นายกองค์การบริหารส่วนตำบล รองนายก เลขานุการนายก ประธานสภา
ฝ่ายข้าราชการประจำ: ปลัดองค์การบริหารส่วนตำบล รองปลัด สำนักปลัด กองคลัง กองช่าง
อำนาจหน้าที่ขององค์การบริหารส่วนตำบลตามมาตรา ๖๗ และ ๖๘"""

LAO_CHART_PERMANENT_ONLY = """โครงสร้างส่วนราชการ
ปลัดองค์การบริหารส่วนตำบล รองปลัดองค์การบริหารส่วนตำบล
สำนักปลัด กองคลัง กองช่าง กองการศึกษา
อำนาจหน้าที่ขององค์การบริหารส่วนตำบลตามมาตรา ๖๗ และ ๖๘"""

LAW_FULL_TEXT = """พระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. ๒๕๓๗
มาตรา ๑ พระราชบัญญัตินี้เรียกว่า "พระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. ๒๕๓๗"
มาตรา ๒ พระราชบัญญัตินี้ให้ใช้บังคับเมื่อพ้นกำหนดเก้าสิบวันนับแต่วันประกาศในราชกิจจานุเบกษาเป็นต้นไป
มาตรา ๖๖ องค์การบริหารส่วนตำบลมีอำนาจหน้าที่ในการพัฒนาตำบล"""

DUTIES_SUMMARY = """ภารกิจและอำนาจหน้าที่ขององค์การบริหารส่วนตำบลชุมแสง
ตามพระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. ๒๕๓๗ มาตรา ๖๗ และพระราชบัญญัตินี้ให้ใช้บังคับ
ภารกิจหลัก ๑. จัดให้มีและบำรุงรักษาทางน้ำและทางบก ๒. รักษาความสะอาดของถนน"""

NO_GIFT_DECLARATION = """ประกาศองค์การบริหารส่วนตำบลชุมแสง
เรื่อง ประกาศเจตนารมณ์นโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)
ข้าพเจ้าพร้อมด้วยคณะผู้บริหาร พนักงานส่วนตำบล และบุคลากรทุกคน จะไม่รับของขวัญจากการปฏิบัติหน้าที่
ประกาศ ณ วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๕
(ลงชื่อ)
(นายสมชาย ใจดี)
นายกองค์การบริหารส่วนตำบลชุมแสง"""

APPROVAL_MEMO = """บันทึกข้อความ
ส่วนราชการ สำนักปลัด องค์การบริหารส่วนตำบลชุมแสง
เรื่อง ขออนุมัติประกาศเจตนารมณ์นโยบาย No Gift Policy
เรียน นายกองค์การบริหารส่วนตำบลชุมแสง"""


def test_annual_report_needs_the_problems_section(p2566: Pack) -> None:
    item = p2566.item("o13")
    assert missing_elements(item, ANNUAL_REPORT_WITH_SECTION) == []
    assert missing_elements(item, ANNUAL_REPORT_SEPARATE_HEADINGS) == []
    # "ทบทวนปัญหาและอุปสรรคในการปฏิบัติงาน" in a sentence is not the section
    assert missing_elements(item, ANNUAL_REPORT_WITHOUT_SECTION) == ["problems_suggestions"]
    assert wrong_document(item, ANNUAL_REPORT_WITH_SECTION) is None


def test_expenditure_worksheet_is_not_an_annual_report(p2566: Pack) -> None:
    item = p2566.item("o13")
    code = wrong_document(item, EXPENDITURE_WORKSHEET)
    assert code == "wrong_document_expenditure_worksheet_as_annual_report"
    assert "problems_suggestions" in missing_elements(item, EXPENDITURE_WORKSHEET)
    # a real report with the worksheet attached keeps its section and is not flagged
    assert wrong_document(item, ANNUAL_REPORT_WITH_SECTION + "\n" + EXPENDITURE_WORKSHEET) is None


def test_purchase_register_is_not_a_procurement_plan(p2566: Pack) -> None:
    plan = p2566.item("o19")
    for register in (PURCHASE_REGISTER, PURCHASE_REGISTER_SPACED):
        assert wrong_document(plan, register) == "wrong_document_purchase_register_as_plan"
    assert wrong_document(plan, PROCUREMENT_PLAN) is None
    assert missing_elements(plan, PROCUREMENT_PLAN) == []
    assert "plan" in missing_elements(plan, PURCHASE_REGISTER)


def test_purchase_register_is_not_a_monthly_summary_or_annual_report(
    p2566: Pack, p2568: Pack
) -> None:
    monthly, annual = p2566.item("o21"), p2566.item("o22")
    assert wrong_document(monthly, PURCHASE_REGISTER) == (
        "wrong_document_purchase_register_as_monthly_summary"
    )
    assert wrong_document(annual, PURCHASE_REGISTER) == (
        "wrong_document_purchase_register_as_annual_report"
    )
    assert wrong_document(p2568.item("o12"), PURCHASE_REGISTER) == (
        "wrong_document_purchase_register_as_procurement_list"
    )
    assert wrong_document(monthly, MONTHLY_SUMMARY) is None
    assert missing_elements(monthly, MONTHLY_SUMMARY) == []
    assert len(missing_elements(monthly, PURCHASE_REGISTER)) >= 4


def test_month_without_procurement_is_a_none_statement(p2566: Pack) -> None:
    page = fold("สรุปผลการจัดซื้อจัดจ้าง เดือน พฤศจิกายน ๒๕๖๕ : ไม่มีการจัดซื้อ จัดจ้าง")
    assert any(fold(s) in page for s in p2566.item("o21").none_statements)


def test_plan_reposted_as_six_month_report(p2566: Pack) -> None:
    item = p2566.item("o12")
    assert wrong_document(item, PLAN_TABLE) == "wrong_document_plan_as_six_month_report"
    assert wrong_document(item, SIX_MONTH_REPORT) is None
    assert missing_elements(item, SIX_MONTH_REPORT) == []
    assert {"progress", "budget_spent"} <= set(missing_elements(item, PLAN_TABLE))
    # the plan itself satisfies the plan item
    assert missing_elements(p2566.item("o11"), PLAN_TABLE) == []


def test_staff_development_plan_is_not_hr_progress_or_report(p2566: Pack, p2569: Pack) -> None:
    progress, report = p2566.item("o24"), p2566.item("o26")
    assert wrong_document(progress, STAFF_DEVELOPMENT_PLAN) == (
        "wrong_document_staff_development_plan_as_hr_progress"
    )
    assert wrong_document(report, STAFF_DEVELOPMENT_PLAN) == (
        "wrong_document_staff_development_plan_as_hr_report"
    )
    assert wrong_document(p2569.item("o14"), STAFF_DEVELOPMENT_PLAN) == (
        "wrong_document_staff_development_plan_as_hr_report"
    )
    assert wrong_document(progress, HR_PROGRESS_REPORT) is None
    assert missing_elements(progress, HR_PROGRESS_REPORT) == []


def test_measures_reposted_versus_their_report(p2566: Pack, p2569: Pack) -> None:
    measures, actions = p2566.item("o42"), p2566.item("o43")
    assert missing_elements(measures, MEASURES_2566) == []
    assert wrong_document(actions, MEASURES_2566) == "wrong_document_measures_as_measures_report"
    assert wrong_document(actions, MEASURES_REPORT_2567) is None
    assert missing_elements(actions, MEASURES_REPORT_2567) == []
    assert missing_elements(p2569.item("o26"), MEASURES_REPORT_2567) == []


def test_general_complaint_form_is_not_the_corruption_channel(p2566: Pack) -> None:
    item = p2566.item("o28")
    assert (
        wrong_document(item, GENERAL_COMPLAINT_FORM) == "wrong_document_general_complaint_channel"
    )
    assert "corruption_channel" in missing_elements(item, GENERAL_COMPLAINT_FORM)
    assert wrong_document(item, CORRUPTION_CHANNEL) is None
    assert missing_elements(item, CORRUPTION_CHANNEL) == []


def test_contact_page_with_thai_digits(p2566: Pack, p2569: Pack) -> None:
    contact = p2566.item("o05")
    assert missing_elements(contact, CONTACT) == []  # the map is optional in 2566
    assert missing_elements(
        contact, CONTACT.replace("โทรศัพท์ ๐-๔๔๖๘-๑๒๓๔ โทรสาร ๐-๔๔๖๘-๑๒๓๕", "")
    ) == ["phone"]
    merged = p2569.item("o03")
    missing = missing_elements(merged, CONTACT)
    assert "two_way" in missing and "map" in missing
    with_qa = CONTACT + "\nแผนที่ตั้งสำนักงาน\nกระดานถาม-ตอบ: ส่งคำถามถึงเจ้าหน้าที่"
    assert missing_elements(merged, with_qa) == []


def test_executives_text_elements(p2566: Pack) -> None:
    # every element shows in the text except the photo, which needs an image
    assert missing_elements(p2566.item("o02"), EXECUTIVES) == ["photo"]
    no_deputy = EXECUTIVES.split("นางสาวสุดา")[0]
    assert "deputies" in missing_elements(p2566.item("o02"), no_deputy)


def test_2568_local_government_chart_needs_both_sides(p2568: Pack) -> None:
    item = p2568.item("o01")
    assert missing_elements(item, LAO_CHART_BOTH_SIDES, agency="lao") == []
    assert missing_elements(item, LAO_CHART_PERMANENT_ONLY, agency="lao") == [
        "lao_political_and_permanent"
    ]
    # the rule is for อปท. only: a central agency's chart is not held to it
    assert missing_elements(item, LAO_CHART_PERMANENT_ONLY, agency="central") == []


def test_law_text_is_not_duties(p2568: Pack, p2569: Pack) -> None:
    other_wording = LAW_FULL_TEXT.replace(
        "พระราชบัญญัตินี้ให้ใช้บังคับเมื่อพ้นกำหนดเก้าสิบวันนับแต่วันประกาศในราชกิจจานุเบกษาเป็นต้นไป",
        "ให้ใช้บังคับตั้งแต่วันถัดจากวันประกาศในราชกิจจานุเบกษาเป็นต้นไป",
    )
    assert other_wording != LAW_FULL_TEXT
    for item in (p2568.item("o01"), p2569.item("o01")):
        assert wrong_document(item, LAW_FULL_TEXT) == "wrong_document_law_text_as_duties"
        assert wrong_document(item, other_wording) == "wrong_document_law_text_as_duties"
        # an own summary that quotes the law is the right document
        assert wrong_document(item, DUTIES_SUMMARY) is None
        assert wrong_document(item, LAO_CHART_BOTH_SIDES) is None


def test_no_gift_declaration_and_memo(p2566: Pack, p2568: Pack) -> None:
    decl = p2566.item("o31")
    assert missing_elements(decl, NO_GIFT_DECLARATION) == []
    assert wrong_document(decl, NO_GIFT_DECLARATION) is None
    assert wrong_document(decl, APPROVAL_MEMO) == "wrong_document_memo_as_declaration"
    assert "signed_by_head" in missing_elements(decl, APPROVAL_MEMO)
    # the declaration is not the report of results, nor a culture-building activity
    assert wrong_document(p2566.item("o33"), NO_GIFT_DECLARATION) == (
        "wrong_document_declaration_as_no_gift_report"
    )
    assert wrong_document(p2566.item("o32"), NO_GIFT_DECLARATION) == (
        "wrong_document_declaration_as_no_gift_activity"
    )
    merged = p2568.item("o21")
    assert missing_elements(merged, NO_GIFT_DECLARATION) == ["culture_activity"]


def test_recognizers_ignore_spacing_and_decomposed_sara_am(p2566: Pack) -> None:
    text = "รายงานผลการดําเนินงาน ประจําปี\nผลการดำเนินงาน เบิกจ่าย\nปัญหา  อุปสรรค  และ ข้อเสนอแนะ"
    assert missing_elements(p2566.item("o13"), text) == []
    rec = p2566.item("o13").elements[-1].recognize
    assert matches(rec, "๕.ปัญหาอุปสรรคและข้อเสนอแนะ")
