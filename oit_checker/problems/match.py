"""Problems found while mapping pages to checklist items."""

from oit_checker.problems import ProblemSpec, register

register(
    ProblemSpec(
        "hub_label_mismatch",
        'ลิงก์ "{label}" ในหน้า ITA ระบุว่าเป็นข้อ {item} แต่เอกสารปลายทางมีเนื้อหาตรงกับข้อ {other_item}'
        " ({other_title}) ควรตรวจว่าแนบเอกสารถูกข้อหรือไม่",
        'The ITA page link "{label}" says it is item {item}, but the linked document\'s content'
        " matches item {other_item} ({other_title}). Check that the right document is attached.",
    ),
    ProblemSpec(
        "link_label_mismatch",
        'ลิงก์ "{label}" ดูเหมือนเป็นข้อ {item} แต่เอกสารปลายทางมีเนื้อหาตรงกับข้อ {other_item}'
        " ({other_title})",
        'The link "{label}" looks like item {item}, but the linked document\'s content matches'
        " item {other_item} ({other_title}).",
    ),
    ProblemSpec(
        "hub_row_no_link",
        'หน้า ITA มีหัวข้อ "{label}" (ข้อ {item}) แต่ลิงก์ยังว่างหรือเป็นลิงก์หลอก (#)',
        'The ITA page lists "{label}" (item {item}) but its link is empty or a placeholder (#).',
    ),
    ProblemSpec(
        "hub_code_differs",
        'หน้า ITA ใช้รหัส {row_code} กับหัวข้อ "{label}" แต่ในเกณฑ์ปี {year} หัวข้อนี้คือข้อ {item}'
        " อาจใช้เลขข้อของปีอื่นอยู่",
        'The ITA page uses code {row_code} for "{label}", but in the {year} checklist this is item'
        " {item}; the page may still use another year's numbering.",
    ),
)
