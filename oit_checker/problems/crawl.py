"""Problems found while fetching: per resource and per site."""

from oit_checker.problems import ProblemSpec, register

register(
    ProblemSpec(
        "dns",
        "ไม่พบชื่อโดเมน {host} (DNS) จึงเปิดเว็บไซต์ไม่ได้",
        "The host name {host} could not be resolved (DNS), so the site could not be opened.",
    ),
    ProblemSpec(
        "connect",
        "เชื่อมต่อเครื่องแม่ข่าย {host} ไม่ได้",
        "Could not connect to the server {host}.",
    ),
    ProblemSpec(
        "tls_error",
        "ใบรับรองความปลอดภัย (HTTPS/TLS) ของ {host} ไม่ถูกต้อง: {detail}"
        " ผู้เข้าชมจะเห็นคำเตือนความปลอดภัย ควรติดตั้งใบรับรองที่ยังไม่หมดอายุพร้อม intermediate certificate ให้ครบ",
        "The HTTPS/TLS certificate of {host} is not valid: {detail}. Visitors see a security"
        " warning; install a current certificate with its complete intermediate chain.",
    ),
    ProblemSpec(
        "tls_unverified",
        "ตรวจเนื้อหาต่อโดยไม่ตรวจใบรับรอง เพราะใบรับรองของ {host} ไม่ถูกต้อง (ใช้ --strict-tls เพื่อหยุดแทน)",
        "Content was checked without certificate verification because the certificate of {host}"
        " is not valid (use --strict-tls to stop instead).",
    ),
    ProblemSpec(
        "timeout",
        "เครื่องแม่ข่ายไม่ตอบภายในเวลาที่กำหนด",
        "The server did not answer in time.",
    ),
    ProblemSpec(
        "reset",
        "การเชื่อมต่อถูกตัดกลางคัน",
        "The connection was reset.",
    ),
    ProblemSpec(
        "http_status",
        "เปิดไม่ได้: เครื่องแม่ข่ายตอบรหัส HTTP {status}",
        "Could not be opened: the server answered HTTP {status}.",
    ),
    ProblemSpec(
        "too_large",
        "ไฟล์ใหญ่เกินขนาดที่ตั้งไว้ ({limit} ไบต์) จึงไม่ได้อ่านทั้งหมด",
        "The file is larger than the configured limit ({limit} bytes), so it was not read in full.",
    ),
    ProblemSpec(
        "too_many_redirects",
        "เปลี่ยนเส้นทาง (redirect) ต่อกันมากเกินไป หรือวนซ้ำ",
        "Too many redirects, or a redirect loop.",
    ),
    ProblemSpec(
        "robots_disallowed",
        "robots.txt ของเว็บไซต์ไม่อนุญาตให้เครื่องมือตรวจหน้านี้ ผู้ประเมินอาจเปิดได้แต่เครื่องมือไม่ได้ตรวจ",
        "The site's robots.txt does not allow this page to be fetched; it was not checked.",
    ),
    ProblemSpec(
        "address_refused",
        "ไม่ได้เปิดเพราะที่อยู่นี้ชี้ไปยังเครือข่ายภายในหรือเครื่องตรวจเอง ({detail}) จึงไม่ได้ตรวจ",
        "Not opened because the address leads to an internal network or to the checking machine"
        " itself ({detail}), so it was not checked.",
    ),
    ProblemSpec(
        "out_of_scope",
        "อยู่นอกเว็บไซต์หลักของหน่วยงาน จึงไม่ได้ตรวจต่อ",
        "Outside the agency's main website, so it was not crawled.",
    ),
    ProblemSpec(
        "content_type",
        "ชนิดไฟล์ ({content_type}) ไม่ตรงกับที่คาด",
        "Unexpected content type ({content_type}).",
    ),
    ProblemSpec(
        "decode",
        "อ่านรหัสอักขระของหน้านี้ไม่ได้ ข้อความภาษาไทยอาจเพี้ยน",
        "The page's character encoding could not be read; Thai text may be garbled.",
    ),
    ProblemSpec(
        "circuit_open",
        "หยุดส่งคำขอไปยัง {host} หลังล้มเหลวติดกัน {failures} ครั้ง หน้าที่เหลือจึงไม่ได้ตรวจ",
        "Stopped requesting {host} after {failures} consecutive failures; the remaining pages"
        " were not checked.",
    ),
    ProblemSpec(
        "not_fetched",
        "ไม่ได้ดึงข้อมูลเพราะถึงขีดจำกัดการตรวจ ({limit}) หรือการตรวจถูกหยุด",
        "Not fetched because a crawl limit was reached ({limit}) or the crawl was stopped.",
    ),
    ProblemSpec(
        "soft_404",
        "เว็บไซต์ตอบ 200 แม้หน้านั้นไม่มีอยู่จริง (soft 404) การมีหน้าอยู่จึงไม่นับเป็นหลักฐานโดยลำพัง",
        "The site answers 200 even for pages that do not exist (soft 404), so a page existing"
        " is never taken as evidence by itself.",
    ),
    ProblemSpec(
        "crawl_limit",
        "การตรวจถึงขีดจำกัด {limit} บางหน้าจึงยังไม่ได้ตรวจ",
        "The crawl reached its {limit} limit; some pages were not checked.",
    ),
    ProblemSpec(
        "interrupted",
        "การตรวจถูกหยุดกลางคัน รายงานนี้จึงไม่ครบ",
        "The crawl was interrupted; this report is partial.",
    ),
    ProblemSpec(
        "site_unreachable",
        "เปิดเว็บไซต์ {site} ไม่ได้ ({reason}) จึงตรวจไม่ได้ ผลนี้ไม่ได้แปลว่าข้อมูลขาด",
        "The site {site} could not be opened ({reason}), so it could not be assessed. This does"
        " not mean that data is missing.",
    ),
)
