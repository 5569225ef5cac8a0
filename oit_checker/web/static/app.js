// oit-checker serve: live progress over Server-Sent Events, and printing the report.
// Every value from the server is put in the page as text (textContent), never as HTML.
"use strict";

const STAGES = {
  queued: "รอเริ่ม / waiting to start",
  crawl: "กำลังอ่านหน้าเว็บ / reading pages",
  read: "กำลังอ่านเอกสาร / reading documents",
  assess: "กำลังตัดสินแต่ละข้อ / deciding the items",
  batch: "กำลังตรวจหลายหน่วยงาน / scanning agencies",
};
const STATUSES = {
  queued: "รอคิว / queued",
  running: "กำลังตรวจ / running",
  done: "เสร็จแล้ว / done",
  failed: "ตรวจไม่สำเร็จ / failed",
  cancelled: "ยกเลิกแล้ว / cancelled",
  interrupted: "ถูกขัดจังหวะ / interrupted",
};

function seconds(value) {
  if (value === null || value === undefined) return "–";
  const whole = Math.round(value);
  const m = Math.floor(whole / 60);
  const s = whole % 60;
  return m ? `${m} นาที ${s} วินาที / ${m} min ${s} s` : `${s} s`;
}

function setText(id, text) {
  const el = document.getElementById(id);
  if (el) el.textContent = String(text);
}

function showProgress(data) {
  const p = data.progress || {};
  setText("status", STATUSES[data.status] || data.status);
  setText("p-stage", STAGES[p.stage] || p.stage || "");
  setText("p-pages", p.pages ?? 0);
  setText("p-documents", p.documents ?? 0);
  setText("p-items", `${p.items_decided ?? 0} / ${p.items_total ?? 0}`);
  setText("p-url", p.url || "");
  setText("p-elapsed", seconds(p.elapsed_s));
  setText("p-estimate", seconds(p.estimate_s));
  const bar = document.getElementById("bar");
  if (bar && p.estimate_s !== null && p.estimate_s !== undefined && p.elapsed_s) {
    bar.value = Math.min(99, (100 * p.elapsed_s) / (p.elapsed_s + p.estimate_s));
  }
}

function follow(live) {
  const source = new EventSource(live.dataset.events);
  source.addEventListener("progress", (event) => showProgress(JSON.parse(event.data)));
  source.addEventListener("end", () => {
    source.close();
    window.location.reload();
  });
}

function printReport(button) {
  const frame = document.createElement("iframe");
  frame.className = "print-frame";
  frame.src = button.dataset.report;
  frame.addEventListener("load", () => frame.contentWindow.print());
  document.body.appendChild(frame);
}

document.addEventListener("DOMContentLoaded", () => {
  const live = document.getElementById("live");
  if (live && window.EventSource) follow(live);
  const print = document.getElementById("print");
  if (print) print.addEventListener("click", () => printReport(print));
});
