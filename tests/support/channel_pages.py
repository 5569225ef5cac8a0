"""Channel pages as Thai agency sites publish them (Q&A, E-Service, corruption complaints), for
the extraction and assessment tests: the same header (logo, site search box), menu and footer
(phone, e-mail) around each, as on a real อบต. site."""

from __future__ import annotations

SITE = "https://www.example-sao.go.th/"


def agency_page(title: str, body: str) -> str:
    """A whole page of the site: header with the site search box, menu, content, footer."""
    return f"""<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8"><title>{title} :: องค์การบริหารส่วนตำบลชุมแสง</title></head>
<body>
<header><img src="/images/logo.png" alt="ตราสัญลักษณ์ อบต.ชุมแสง">
<span>องค์การบริหารส่วนตำบลชุมแสง อำเภอจักราช จังหวัดนครราชสีมา</span>
<form action="/search.php" method="get"><input type="text" name="q" placeholder="ค้นหาในเว็บไซต์">
<button type="submit">ค้นหา</button></form></header>
<nav><ul><li><a href="/">หน้าหลัก</a></li><li><a href="/ita/">ITA 2567</a></li>
<li><a href="/contact.html">ติดต่อเรา</a></li></ul></nav>
<main><h1>{title}</h1>
{body}
</main>
<footer>องค์การบริหารส่วนตำบลชุมแสง โทรศัพท์ 044-123-456 อีเมล
<a href="mailto:saraban@chumsaeng.go.th">saraban@chumsaeng.go.th</a></footer>
</body></html>"""


SERVICE_FORM = agency_page(
    "E-Service ยื่นคำร้องออนไลน์",
    """<p>ระบบบริการออนไลน์ (E-Service) ประชาชนยื่นคำขอรับบริการได้ด้วยตนเองตลอด 24 ชั่วโมง</p>
<form action="eservice/submit.php" method="POST" enctype="multipart/form-data">
<fieldset><legend>แบบคำร้องทั่วไป</legend>
<input type="hidden" name="token" value="a81f">
<label>ชื่อ-นามสกุล <input type="text" name="fullname" required></label>
<label>เบอร์โทรศัพท์ <input type="tel" name="phone"></label>
<label>ประเภทคำร้อง <select name="kind"><option>ขอรับความช่วยเหลือ</option>
<option>ขอซ่อมไฟฟ้าสาธารณะ</option><option>ขอใช้สถานที่</option></select></label>
<label>รายละเอียด <textarea name="detail" placeholder="ระบุรายละเอียดคำร้อง"></textarea></label>
<label>แนบไฟล์ <input type="file" name="attach"></label>
<input type="submit" value="ส่งคำร้อง"> <input type="reset" value="ล้างข้อมูล">
</fieldset></form>""",
)
"""An E-Service page with its own request form."""

SEARCH_ONLY = agency_page(
    "E-Service",
    """<p>ระบบบริการออนไลน์ (E-Service) ของ อบต.ชุมแสง
ประชาชนสามารถยื่นคำร้องออนไลน์ได้โดยไม่ต้องเดินทางมาที่สำนักงาน</p>
<div role="search"><form action="/eservice/find.php"><input type="text" name="no"
placeholder="เลขที่คำร้อง"><button>ตรวจสอบสถานะ</button></form></div>
<form action="/search.php"><input type="search" name="keyword"><button>ค้นหาบริการ</button></form>""",
)
"""An E-Service page that describes the service; its only forms are search boxes."""

GOOGLE_FORM_IFRAME = agency_page(
    "แจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    """<p>ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบของเจ้าหน้าที่ แยกจากช่องทางร้องเรียนทั่วไป
ข้อมูลของผู้ร้องเรียนจะถูกเก็บเป็นความลับ กรอกข้อมูลในแบบฟอร์มด้านล่าง</p>
<iframe src="https://docs.google.com/forms/d/e/1FAIpQLSchumsaeng-complaint/viewform?embedded=true"
width="640" height="900" frameborder="0">กำลังโหลด…</iframe>""",
)
"""A corruption complaint page with an embedded Google Form."""

NAMED_ONLY = agency_page(
    "กระดานถาม-ตอบ (Q&A)",
    """<p>ช่องทางถาม-ตอบ (Q&A) สำหรับประชาชนและผู้มาติดต่อ อบต.ชุมแสง</p>
<p>ท่านสามารถตั้งคำถามเกี่ยวกับการให้บริการและการดำเนินงานของ อบต.ชุมแสง
เจ้าหน้าที่จะตอบกลับภายใน 3 วันทำการ</p>""",
)
"""A Q&A page that only names the channel: no form, no link to a webboard or chat."""

LOGIN_ONLY = agency_page(
    "E-Service",
    """<p>ระบบบริการออนไลน์ (E-Service) ของ อบต.ชุมแสง ยื่นคำร้องออนไลน์ได้ตลอด 24 ชั่วโมง</p>
<aside><h3>สมาชิก</h3><form action="/member/login.php" method="post">
<input name="username" placeholder="ชื่อผู้ใช้"><input type="password" name="password"
placeholder="รหัสผ่าน"><button type="submit">เข้าสู่ระบบ</button></form></aside>""",
)
"""An E-Service page whose only form is the CMS's member log-in box."""


def named_link(href: str) -> str:
    """A Q&A page whose way in is a link naming the channel (to the webboard at ``href``)."""
    return agency_page(
        "ช่องทางถาม-ตอบ",
        f"""<p>ท่านสามารถตั้งคำถามเกี่ยวกับการให้บริการของ อบต.ชุมแสง ได้ที่
<a href="{href}">กระดานถาม-ตอบ</a> เจ้าหน้าที่จะตอบกลับภายใน 3 วันทำการ</p>""",
    )


LINE_OA = agency_page(
    "ถาม-ตอบ",
    """<p>ช่องทางถาม-ตอบ สอบถามเจ้าหน้าที่ได้ทาง LINE Official Account ของ อบต.ชุมแสง</p>
<p><a href="https://lin.ee/chumsaeng"><img src="/images/line-add-friend.png"
alt="เพิ่มเพื่อน"></a></p>""",
)
"""A Q&A page whose way in is an "add friend" button of a LINE Official Account."""
