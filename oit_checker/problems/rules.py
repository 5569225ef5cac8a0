"""Problems that come from the rule pack itself rather than from the site."""

from oit_checker.problems import ProblemSpec, register

register(
    ProblemSpec(
        "rule_item_unknown",
        "ยังไม่ทราบเนื้อหาของข้อ {item} ในเกณฑ์ปี {year} จึงให้ผู้ประเมินตรวจเอง โปรดตรวจกับคู่มือการประเมิน"
        " ITA ของสำนักงาน ป.ป.ช.",
        "The content of item {item} in the {year} criteria is not established, so it is left for"
        " review; check the NACC ITA manual.",
    ),
    ProblemSpec(
        "rule_base_item_failed",
        "ข้อนี้ต่อเนื่องจากข้อ {base} ซึ่งยังไม่ผ่าน: {reason}",
        "This item builds on item {base}, which did not pass: {reason}",
    ),
    ProblemSpec(
        "rule_pack_not_official",
        "เกณฑ์ปี {year} ในเครื่องมือนี้เรียบเรียงจากแหล่งสาธารณะ ({status}) ไม่ใช่สำเนาคู่มือทางการ"
        " ผลการตรวจจึงเป็นการตรวจเบื้องต้น",
        "The {year} criteria in this tool are reconstructed from public sources ({status}), not"
        " copied from the official manual; results are a preliminary check.",
    ),
)
