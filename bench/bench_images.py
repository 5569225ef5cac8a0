"""What the image_text path costs: OCR seconds per image of the sizes agencies post, and the
header check that refuses a decompression bomb before anything decodes it.

Run: .venv/bin/python bench/bench_images.py   (prints figures; no targets are asserted)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from oit_checker.extract.image import extract_image
from oit_checker.extract.limits import ExtractLimits
from tests.support.images import photo, thai_image, with_png_size

CHART = [
    "แผนภูมิโครงสร้างองค์การบริหารส่วนตำบลบ้านทดสอบ",
    "นายกองค์การบริหารส่วนตำบล          สภาองค์การบริหารส่วนตำบล",
    "ปลัดองค์การบริหารส่วนตำบล",
    "สำนักปลัด    กองคลัง    กองช่าง    กองการศึกษา",
]


def _time(label: str, body: bytes, runs: int = 3) -> None:
    limits = ExtractLimits()
    best = float("inf")
    doc = None
    for _ in range(runs):
        start = time.perf_counter()
        doc = extract_image(body, "http://127.0.0.1/x", limits)
        best = min(best, time.perf_counter() - start)
    assert doc is not None
    outcome = doc.review_reason or ("text" if doc.ocr_used else ",".join(doc.warnings) or "-")
    print(f"{label:<34} {len(body) / 1024:8.0f} KiB {best:8.3f} s  {outcome}")


def main() -> None:
    print(f"{'image':<34} {'size':>12} {'best of 3':>10}  outcome")
    _time("chart 1000 px wide (PNG)", thai_image(CHART))
    _time("chart 1000 px wide (JPEG)", thai_image(CHART, fmt="JPEG"))
    _time("chart 2000 px wide (PNG)", thai_image(CHART, size=(2000, 0), font_size=60))
    _time("blurred chart (PNG)", thai_image(CHART, blur=4))
    _time("photo 480x360 (JPEG)", photo())
    _time("photo 1600x1200 (JPEG)", photo((1600, 1200)))
    _time("bomb header 60000x60000 (PNG)", with_png_size(thai_image(["ประกาศ"]), 60_000, 60_000))
    cap = ExtractLimits()
    print(
        f"\nper site at most {cap.max_page_images} images ({cap.max_images_per_page} per page),"
        f" {cap.image_ocr_seconds:.0f} s each at worst"
    )


if __name__ == "__main__":
    main()
