"""Wrong documents: a page or file posted for an item that is a different kind of document.

Every ``wrong_documents[].problem_code`` of every rule pack must be registered here (the loader
checks it). Messages stand alone (no parameters): they say what the document is, what the item
needs instead, and what to publish.
"""

from oit_checker.problems import ProblemSpec, register

register(
    ProblemSpec(
        "wrong_document_purchase_register_as_plan",
        "เอกสารนี้เป็นทะเบียนคุมการขอซื้อขอจ้าง/ทะเบียนรายงานขอซื้อขอจ้าง ไม่ใช่แผนการจัดซื้อจัดจ้าง"
        "หรือแผนการจัดหาพัสดุ ให้เผยแพร่แผนการจัดซื้อจัดจ้างประจำปีที่ประกาศตาม พ.ร.บ.การจัดซื้อจัดจ้าง"
        "และการบริหารพัสดุภาครัฐ พ.ศ. 2560 (หรือชี้แจงว่าไม่มีรายการที่ต้องจัดทำแผน)",
        "This is a purchase-request register (ทะเบียนคุมการขอซื้อขอจ้าง), not a procurement plan."
        " Publish the annual procurement plan announced under the Public Procurement Act B.E. 2560"
        " (or state that nothing required a published plan).",
    ),
    ProblemSpec(
        "wrong_document_announcement_as_plan",
        "เอกสารนี้เป็นประกาศจัดซื้อจัดจ้างรายการเดียว (เช่น ประกาศเชิญชวนหรือประกาศผู้ชนะ) ไม่ใช่แผน"
        "การจัดซื้อจัดจ้างประจำปี ให้เผยแพร่แผนการจัดซื้อจัดจ้างทั้งปีงบประมาณ",
        "This is a single procurement announcement (invitation or award), not the annual"
        " procurement plan. Publish the plan for the whole fiscal year.",
    ),
    ProblemSpec(
        "wrong_document_purchase_register_as_monthly_summary",
        "เอกสารนี้เป็นทะเบียนคุมการขอซื้อขอจ้าง/ทะเบียนรายงานขอซื้อขอจ้าง ไม่ใช่สรุปผลการจัดซื้อจัดจ้าง"
        "รายเดือน ให้เผยแพร่สรุปผลรายเดือน (แบบ สขร.1) ที่มีงานที่ซื้อหรือจ้าง วงเงิน ราคากลาง วิธีซื้อหรือจ้าง"
        " ผู้เสนอราคา ผู้ได้รับคัดเลือก เหตุผลที่คัดเลือก และเลขที่และวันที่ของสัญญา",
        "This is a purchase-request register, not the monthly procurement summary. Publish the"
        " monthly summary (form สขร.1) with item, budget, reference price, method, bidders, winner,"
        " reason and contract number and date.",
    ),
    ProblemSpec(
        "wrong_document_purchase_register_as_annual_report",
        "เอกสารนี้เป็นทะเบียนคุมการขอซื้อขอจ้าง/ทะเบียนรายงานขอซื้อขอจ้าง ไม่ใช่รายงานผลการจัดซื้อจัดจ้าง"
        "ประจำปี ให้เผยแพร่รายงานสรุปผลทั้งปีงบประมาณที่ผ่านมา พร้อมการวิเคราะห์ ปัญหา อุปสรรค"
        " และแนวทางปรับปรุง",
        "This is a purchase-request register, not the annual procurement report. Publish the"
        " summary of the previous fiscal year with analysis, problems and improvements.",
    ),
    ProblemSpec(
        "wrong_document_expenditure_worksheet_as_annual_report",
        "เอกสารนี้เป็นกระดาษทำการหรือรายละเอียดประกอบงบประมาณรายจ่าย ไม่ใช่รายงานผลการดำเนินงาน"
        "ประจำปี ให้เผยแพร่รายงานผลการดำเนินงานที่มีผลการดำเนินงานตามโครงการ ผลการใช้จ่ายงบประมาณ"
        " และหัวข้อปัญหา อุปสรรค และข้อเสนอแนะ",
        "This is a budget worksheet or expenditure detail, not the annual operation report."
        " Publish a report with project results, budget use and a section on problems, obstacles"
        " and suggestions.",
    ),
    ProblemSpec(
        "wrong_document_plan_as_six_month_report",
        "เอกสารนี้เป็นตารางแผนที่นำมาเผยแพร่ซ้ำ ไม่ใช่รายงานความก้าวหน้ารอบ 6 เดือน ไม่พบความก้าวหน้า"
        " สถานะการดำเนินงาน หรืองบประมาณที่ใช้ไป ให้รายงานผลของแต่ละโครงการ/กิจกรรม"
        " ระหว่าง 1 ต.ค. ถึง 31 มี.ค. พร้อมงบประมาณที่เบิกจ่าย",
        "This is the plan table re-posted, not a six-month progress report: no progress, status"
        " or budget spent was found. Report each project's progress from 1 October to 31 March"
        " with the budget spent.",
    ),
    ProblemSpec(
        "wrong_document_plan_as_annual_report",
        "เอกสารนี้เป็นแผน ไม่ใช่รายงานผลการดำเนินงาน ให้เผยแพร่รายงานผลของปีงบประมาณที่ผ่านมา"
        " ที่แสดงผลการดำเนินงานจริงของแต่ละโครงการ งบประมาณที่ใช้ และปัญหา อุปสรรค ข้อเสนอแนะ",
        "This is a plan, not a results report. Publish the report for the previous fiscal year"
        " with each project's actual results, budget used, and problems and suggestions.",
    ),
    ProblemSpec(
        "wrong_document_staff_development_plan_as_hr_report",
        "เอกสารนี้เป็นแผนพัฒนาบุคลากร ไม่ใช่รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ให้เผยแพร่รายงานผล"
        "การดำเนินการตามนโยบาย/แผนการบริหารทรัพยากรบุคคลของปีงบประมาณที่ผ่านมา",
        "This is a staff development plan, not the HR management and development results report."
        " Publish the results of the HR policy/plan for the previous fiscal year.",
    ),
    ProblemSpec(
        "wrong_document_manpower_plan_as_hr_report",
        "เอกสารนี้เป็นแผนอัตรากำลัง ไม่ใช่รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ให้เผยแพร่รายงานผล"
        "ที่แสดงสิ่งที่ดำเนินการแล้วในปีงบประมาณที่ผ่านมา",
        "This is a manpower plan (แผนอัตรากำลัง), not the HR results report. Publish a report of"
        " what was done in the previous fiscal year.",
    ),
    ProblemSpec(
        "wrong_document_risk_assessment_as_risk_actions",
        "เอกสารนี้เป็นผลการประเมินความเสี่ยงการทุจริตที่นำมาเผยแพร่ซ้ำ ไม่ใช่การดำเนินการจัดการความเสี่ยง"
        " ให้แสดงว่าได้ดำเนินการตามมาตรการแต่ละข้อไปถึงขั้นตอนใดแล้ว และผลเป็นอย่างไร",
        "This is the corruption risk assessment re-posted, not the risk-management actions."
        " Show how far each control measure has been carried out and with what result.",
    ),
    ProblemSpec(
        "wrong_document_measures_as_measures_report",
        "เอกสารนี้เป็นมาตรการส่งเสริมคุณธรรมและความโปร่งใสที่นำมาเผยแพร่ซ้ำ ไม่ใช่การดำเนินการตามมาตรการ"
        " ให้แสดงผลการดำเนินการของแต่ละมาตรการ",
        "This is the integrity measures document re-posted, not their implementation. Show the"
        " results of each measure.",
    ),
    ProblemSpec(
        "wrong_document_general_complaint_channel",
        "ช่องทางนี้เป็นช่องทางร้องเรียนร้องทุกข์ทั่วไป ไม่ใช่ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติ"
        "มิชอบ ให้จัดช่องทางออนไลน์แยกเฉพาะเรื่องทุจริตที่คุ้มครองข้อมูลผู้ร้องเรียน",
        "This is the general complaint channel, not a channel for corruption complaints. Provide"
        " a separate online channel for corruption complaints that protects the complainant.",
    ),
    ProblemSpec(
        "wrong_document_memo_as_declaration",
        "เอกสารนี้เป็นบันทึกข้อความขออนุมัติ ไม่ใช่ประกาศเจตนารมณ์ที่ลงนามโดยผู้บริหารสูงสุด ให้เผยแพร่"
        "ประกาศเจตนารมณ์ No Gift Policy ฉบับที่ผู้บริหารสูงสุดลงนามแล้ว",
        "This is an internal memo asking for approval, not the declaration signed by the head of"
        " the agency. Publish the signed No Gift Policy declaration.",
    ),
    ProblemSpec(
        "wrong_document_staff_development_plan_as_hr_progress",
        "เอกสารนี้เป็นแผนพัฒนาบุคลากร ไม่ใช่การดำเนินการตามนโยบายหรือแผนการบริหารทรัพยากรบุคคล"
        " ให้รายงานความก้าวหน้าและงบประมาณของแต่ละโครงการ/กิจกรรมตามนโยบายหรือแผนที่เผยแพร่ไว้"
        " ในช่วง 6 เดือนแรกของปีงบประมาณ",
        "This is a staff development plan, not the progress of the HR policy or plan. Report the"
        " progress and budget of each project of the published policy or plan for the first six"
        " months of the fiscal year.",
    ),
    ProblemSpec(
        "wrong_document_declaration_as_no_gift_report",
        "เอกสารนี้เป็นประกาศเจตนารมณ์ No Gift Policy ไม่ใช่รายงานผล ให้เผยแพร่รายงานผลการดำเนินการ"
        "ตามนโยบาย และข้อมูลการรับทรัพย์สินหรือประโยชน์อื่นใด (หากไม่มีการรับให้ระบุว่าไม่มี)",
        "This is the No Gift Policy declaration, not a report. Publish the report of results and"
        " of any gifts or benefits received (or state that none were).",
    ),
    ProblemSpec(
        "wrong_document_declaration_as_no_gift_activity",
        "เอกสารนี้เป็นประกาศเจตนารมณ์ No Gift Policy เพียงอย่างเดียว ไม่ใช่กิจกรรมสร้างวัฒนธรรม"
        " ให้เผยแพร่กิจกรรมที่ดำเนินการ (ชื่อกิจกรรม วัน เวลา สถานที่ ผู้เข้าร่วม)",
        "This is only the No Gift Policy declaration, not a culture-building activity. Publish"
        " the activities carried out (name, date, place, participants).",
    ),
    ProblemSpec(
        "wrong_document_law_text_as_duties",
        "เอกสารนี้เป็นตัวบทกฎหมายทั้งฉบับ ไม่ใช่หน้าที่และอำนาจของหน่วยงาน ให้สรุปหน้าที่และอำนาจ"
        "ของหน่วยงานเองเป็นข้อ ๆ และอ้างอิงกฎหมายที่ให้อำนาจ",
        "This is the full text of a law, not the agency's duties and powers. Summarise the"
        " agency's own duties point by point and cite the law that grants them.",
    ),
    ProblemSpec(
        "wrong_document_purchase_register_as_procurement_list",
        "เอกสารนี้เป็นทะเบียนคุมการขอซื้อขอจ้าง/ทะเบียนรายงานขอซื้อขอจ้าง ไม่ใช่รายการและความก้าวหน้า"
        "การจัดซื้อจัดจ้าง ให้เผยแพร่รายการจัดซื้อจัดจ้างที่มีวงเงินงบประมาณ แหล่งที่มาของงบประมาณ"
        " สถานะ วิธีการ ราคากลาง ราคาที่ตกลง ผู้ประกอบการที่ได้รับคัดเลือก และเลขที่โครงการ e-GP",
        "This is a purchase-request register, not the list of procurement items and their"
        " progress. Publish each item with budget, source of funds, status, method, reference"
        " price, agreed price, selected supplier and e-GP project number.",
    ),
)
