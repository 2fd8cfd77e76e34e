"""The archive's front page: ``archive/index.html``, a case browser that works from a shared drive.

Archivists open the archive over SMB in a browser, through ``file://``, with no server. A page opened
that way may not read other files (no fetch, no XHR), so everything lives in one self-contained file:
the cases are embedded as a JSON literal in a ``<script type="application/json">`` element, the CSS and
the script are inline, nothing is loaded from anywhere. A Content-Security-Policy with the hashes of
the page's own style and script forbids everything else, so a crafted name in the data could not run
code even if it escaped its JSON string (it cannot: every ``<`` is written as ``\\u003c``).

Links to case folders and PDFs are relative to the archive root, so the page works wherever the share
is mounted. The script filters in memory on each input (debounced) and renders at most 500 rows at a
time, which keeps 100 000 cases responsive.

Embedded data (compact, because 100 000 cases must stay a file a share can serve quickly)::

    {"dibuat": "2026-03-20",                      # generation date: due dates before it are overdue
     "judul": ["Tanda terima", ...],              # document titles, each once
     "perkara": [                                 # one array per case, newest first
        [nomor, jenis, pemohon, diterima, tenggat, status, folder,
         [[judul_index, path, jenis], ...]], ...]}

A document ``path`` is relative to the case folder, or to the archive root when it starts with ``/``.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from datetime import date, datetime
from pathlib import Path

import orjson

from pipeline.core.bahasa import tanggal
from pipeline.core.files import write_atomic

__all__ = ["INDEX_NAME", "write_index", "write_rows", "compact_row", "row_json", "sort_key"]

INDEX_NAME = "index.html"


def write_index(archive_root: Path, cases: list[dict], *, agency: str, generated: datetime) -> Path:
    """Write ``archive_root/index.html`` (temporary file + rename) and return its path."""
    titles: dict[str, int] = {}
    rows = [row_json(case_row(case, titles)) for case in newest_first(cases)]
    return write_rows(archive_root, rows, list(titles), agency=agency, generated=generated)


def write_rows(archive_root: Path, rows: list[bytes], titles: list[str], *, agency: str, generated: datetime) -> Path:
    """``write_index`` for rows already compact (see the module docstring), as ``row_json``, newest first."""
    head = {"dibuat": generated.date().isoformat(), "judul": titles}
    data = embedded_json(head).encode("utf-8")[:-1] + b',"perkara":[' + b",".join(rows) + b"]}"
    before, after = render_page(agency=agency, generated=generated).split("@@DATA@@")
    target = Path(archive_root) / INDEX_NAME
    write_atomic(target, before.encode("utf-8") + data + after.encode("utf-8"), overwrite=True)
    return target


# ---------------------------------------------------------------------------------------------
# The data
# ---------------------------------------------------------------------------------------------

def newest_first(cases: list[dict]) -> list[dict]:
    """Latest received first; on the same day the higher number first, numbers compared as numbers."""
    return sorted(cases, key=lambda case: sort_key(iso_date(case.get("diterima")), case["nomor"]), reverse=True)


def sort_key(received: str | None, number: str) -> str:
    """A text that sorts as the page's rows do, oldest first: by date received, then by number with its
    digits compared as numbers (``2/PPID`` before ``10/PPID``). A text, so a database can keep the order."""
    parts = (("0" + part.zfill(20)) if part.isdigit() else "1" + part for part in re.split(r"(\d+)", number) if part)
    return (received or "") + "\x01" + "\x01".join(parts)   # \x01 ends a part: "PPID" before "PPIDA"


def iso_date(value: str | date | None) -> str | None:
    """``2026-03-16`` from an ISO date, an ISO timestamp or a ``date``; ``None`` stays ``None``."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    text = str(value)[:10]
    date.fromisoformat(text)   # raises ValueError on anything that is not a date
    return text


def archive_link(path: str | None) -> str | None:
    """A path relative to the archive root, checked: POSIX, not absolute, never ``..``."""
    if path is None or path == "":
        return None
    if "\\" in path or path.startswith("/") or (".." in path and ".." in path.split("/")):
        raise ValueError(f"Tautan arsip harus relatif terhadap akar arsip: {path!r}")
    if "//" in path or "/./" in path or path.startswith("./") or path.endswith(("/", "/.")) or path == ".":
        return "/".join(part for part in path.split("/") if part not in ("", "."))
    return path   # the usual case, checked without splitting (an index lists every document of every case)


def document_link(path: str, folder: str | None) -> str:
    """The document's path relative to its case folder, or ``/`` + its path from the archive root."""
    link = archive_link(path) or ""
    if folder and link.startswith(folder + "/"):
        return link[len(folder) + 1:]
    return "/" + link


def document_entry(doc: dict, folder: str | None, titles: dict[str, int]) -> list:
    title = doc.get("judul") or doc["path"].rsplit("/", 1)[-1]
    return [titles.setdefault(title, len(titles)), document_link(doc["path"], folder), doc.get("jenis") or ""]


def case_row(case: dict, titles: dict[str, int]) -> list:
    """``compact_row`` of a case given as a dict (``ppid cases --json`` fields and its documents)."""
    folder = archive_link(case.get("folder"))
    return compact_row(case["nomor"], case.get("jenis"), case.get("pemohon"), case.get("diterima"), case.get("tenggat"),
                       case.get("status"), folder, [document_entry(doc, folder, titles) for doc in case.get("dokumen") or []])


def compact_row(number: str, kind: str | None, applicant: str | None, received, due, status: str | None,
                folder: str | None, documents: list[list]) -> list:
    """One case as the compact array the page's script reads (see the module docstring); ``documents``
    already compact: [title index, path, kind]."""
    return [str(number), kind or "", applicant or "", iso_date(received), iso_date(due), status or "",
            archive_link(folder), documents]


def embedded_json(value) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<`` at all, so no ``</script>`` or ``<!--``."""
    return row_json(value).decode("utf-8")


def row_json(row) -> bytes:
    """``embedded_json`` as UTF-8: one row of the page's data, kept between rewrites (pipeline.views.viewcache)."""
    return orjson.dumps(row).replace(b"<", b"\\u003c")   # compact; ~10x json.dumps on 100 000 cases


# ---------------------------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------------------------

def generated_label(generated: datetime) -> str:
    """ "16 Maret 2026 pukul 14.30" (Indonesian writes the time with a dot)."""
    return f"{tanggal(generated.date())} pukul {generated:%H.%M}"


def csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def content_security_policy() -> str:
    """Only this page's own style and script; no connections, no other files, no forms sent anywhere."""
    return (f"default-src 'none'; style-src {csp_hash(_CSS)}; script-src {csp_hash(_SCRIPT)}; "
            "form-action 'none'; base-uri 'none'")


def render_page(*, agency: str, generated: datetime) -> str:
    """The page with ``@@DATA@@`` where the data goes (``write_rows`` puts it in as bytes: tens of MB)."""
    replacements = {
        "@@CSP@@": content_security_policy(),   # our own constant text: no quotes, no markup
        "@@AGENCY@@": html.escape(agency),
        "@@GENERATED_ISO@@": html.escape(generated.isoformat(timespec="minutes")),
        "@@GENERATED@@": html.escape(generated_label(generated)),
        "@@GENERATED_DATE@@": html.escape(tanggal(generated.date())),
        "@@CSS@@": _CSS,
        "@@DATA@@": "@@DATA@@",
        "@@SCRIPT@@": _SCRIPT,
    }
    return re.sub(r"@@[A-Z_]+@@", lambda m: replacements[m.group(0)], _PAGE)


_CSS = """
:root { --tinta: #1f2933; --redup: #616e7c; --garis: #d9dee3; --latar: #f5f7fa; --aksen: #1d4e89; }
* { box-sizing: border-box; }
body { max-width: 100rem; margin: 0 auto; padding: 1.5rem 1.5rem 3rem; color: var(--tinta); background: #fff;
  font: 15px/1.45 system-ui, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif; }
header { border-bottom: 3px solid var(--aksen); padding-bottom: .6rem; margin-bottom: 1.2rem; }
h1 { font-size: 1.5rem; margin: 0; }
.instansi { font-size: 1.05rem; margin: .15rem 0 0; }
.dibuat { color: var(--redup); margin: .2rem 0 0; font-size: .9rem; }
form { display: flex; flex-wrap: wrap; gap: .8rem 1rem; align-items: flex-end; padding: .9rem 1rem;
  background: var(--latar); border: 1px solid var(--garis); border-radius: 6px; }
.isian { display: flex; flex-direction: column; gap: .2rem; }
.isian.cari { flex: 1 1 18rem; }
label { font-size: .82rem; font-weight: 600; color: var(--redup); }
input, select, button { font: inherit; padding: .35rem .5rem; border: 1px solid #b8c2cc; border-radius: 4px;
  background: #fff; color: var(--tinta); }
input:focus, select:focus, button:focus, a:focus { outline: 2px solid var(--aksen); outline-offset: 1px; }
button { cursor: pointer; }
button:hover { background: #e4e9ef; }
#jumlah { margin: 1rem 0 .5rem; }
#jumlah-angka { font-size: 1.1rem; }
#jumlah-tampil { color: var(--redup); margin-left: .4rem; }
table { width: 100%; min-width: 78rem; table-layout: fixed; border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: .45rem .5rem; border-bottom: 1px solid var(--garis); }
thead th { position: sticky; top: 0; background: #e9edf2; font-size: .85rem; white-space: nowrap; }
tbody tr:nth-child(even) { background: #fafbfc; }
tbody tr:hover { background: #eef4fb; }
th.k-nomor { width: 11rem; }
th.k-jenis { width: 7rem; }
th.k-tanggal { width: 10.5rem; }
th.k-status { width: 8.5rem; }
th.k-dokumen { width: 18rem; }
td { overflow-wrap: anywhere; }
td.tanggal, .lencana { white-space: nowrap; }
td.nomor a { font-weight: 600; }
a { color: var(--aksen); }
tr.batal td { color: #8a949e; }
tr.batal td.nomor a, tr.batal td.nomor span { text-decoration: line-through; color: #8a949e; }
.lewat { color: #b42318; text-decoration: underline dotted; text-underline-offset: 3px; }
.lencana { display: inline-block; padding: .05rem .55rem; border-radius: 999px; font-size: .8rem;
  font-weight: 600; border: 1px solid transparent; white-space: nowrap; }
.s-diterima { background: #e0ecfb; color: #1d4e89; }
.s-diteruskan { background: #ede4fb; color: #5b2a9b; }
.s-diperpanjang { background: #fdf0d5; color: #8a5300; }
.s-dijawab { background: #dcf3e5; color: #1c6b3c; }
.s-selesai { background: #d7f0ec; color: #0f5f55; }
.s-batal { background: #eceff1; color: #707a84; }
.berkas-daftar { display: grid; grid-template-columns: fit-content(8rem) auto; justify-content: start; align-items: baseline;
  gap: .2rem .45rem; }
.judul { font-size: .82rem; color: var(--redup); }
.tautan-grup { display: flex; gap: .25rem; }
.cetak-saja { display: none; }
.tautan { display: inline-block; font-size: .78rem; padding: 0 .4rem; border: 1px solid #b8c7da;
  border-radius: 3px; text-decoration: none; background: #f4f8fc; }
.tautan:hover { background: #e0ecfb; }
.kosong { padding: 2rem 1rem; text-align: center; color: var(--redup); border: 1px dashed var(--garis);
  border-radius: 6px; margin-top: 1rem; }
#lebih { display: block; margin: 1rem auto 0; padding: .5rem 1.4rem; }
[hidden] { display: none !important; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print {
  body { padding: 0; font-size: 10pt; }
  table { min-width: 0; table-layout: auto; }
  th.k-dokumen, td.berkas { display: none; }
  th[class^="k-"] { width: auto; }
  form, #lebih, noscript { display: none !important; }
  .cetak-saja { display: block; color: #000; margin: .3rem 0; }
  thead th { position: static; background: none; border-bottom: 2px solid #000; }
  tbody tr:nth-child(even), tbody tr:hover { background: none; }
  a { color: inherit; text-decoration: none; }
  .tautan { border-color: #999; background: none; }
  .lencana { border-color: #999; background: none !important; color: #000 !important; }
  tr { break-inside: avoid; }
}
"""

_SCRIPT = r"""
(function () {
  "use strict";
  var BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
               "Oktober", "November", "Desember"];
  var JENIS = { permohonan: "Permohonan", keberatan: "Keberatan" };
  var STATUS = { diterima: "Diterima", diteruskan: "Diteruskan", diperpanjang: "Diperpanjang",
                 dijawab: "Dijawab", selesai: "Selesai", batal: "Batal" };
  var BERJALAN = { diterima: true, diteruskan: true, diperpanjang: true };
  var DOKUMEN = { pdfa: "PDF/A", cetak: "Cetak", ttd: "TTD", asli: "Asli" };
  var PER_HALAMAN = 500;
  var JEDA_MS = 150;

  var el = function (id) { return document.getElementById(id); };
  var data = JSON.parse(el("data-perkara").textContent);
  var semua = data.perkara.map(toCase);
  var hasil = semua;
  var tampil = 0;
  var timer = null;

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function toCase(r) {
    return { nomor: r[0], jenis: r[1], pemohon: r[2], diterima: r[3], tenggat: r[4], status: r[5],
             folder: r[6], dokumen: r[7], kunci: fold(r[0] + "\u0001" + r[2]) };
  }

  function documentOf(c, d) {
    var path = d[1].charAt(0) === "/" ? d[1].slice(1) : c.folder + "/" + d[1];
    return { judul: data.judul[d[0]], path: path, jenis: d[2] };
  }

  function angka(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  function tanggal(iso) {
    if (!iso) return "";
    var p = iso.split("-");
    return parseInt(p[2], 10) + " " + BULAN[parseInt(p[1], 10) - 1] + " " + p[0];
  }

  function href(path) {
    return "./" + path.split("/").map(encodeURIComponent).join("/");
  }

  function readFilters() {
    return {
      kata: fold(el("q").value).split(/\s+/).filter(Boolean),
      dari: el("dari").value,
      sampai: el("sampai").value,
      jenis: el("jenis").value,
      status: el("status").value
    };
  }

  function isFiltered(f) {
    return f.kata.length > 0 || f.dari || f.sampai || f.jenis || f.status;
  }

  function matches(c, f) {
    if (f.jenis && c.jenis !== f.jenis) return false;
    if (f.status === "berjalan" ? !BERJALAN[c.status] : (f.status && c.status !== f.status)) return false;
    if (f.dari && !(c.diterima && c.diterima >= f.dari)) return false;
    if (f.sampai && !(c.diterima && c.diterima <= f.sampai)) return false;
    for (var i = 0; i < f.kata.length; i++) {
      if (c.kunci.indexOf(f.kata[i]) < 0) return false;
    }
    return true;
  }

  function node(tag, className, text) {
    var n = document.createElement(tag);
    if (className) n.className = className;
    if (text !== undefined) n.textContent = text;
    return n;
  }

  function cell(tr, className, child) {
    var td = node("td", className);
    if (typeof child === "string") td.textContent = child; else if (child) td.appendChild(child);
    tr.appendChild(td);
    return td;
  }

  function numberCell(c) {
    if (!c.folder) return node("span", "", c.nomor);
    var a = node("a", "", c.nomor);
    a.href = href(c.folder) + "/";
    a.title = "Buka folder perkara " + c.nomor;
    return a;
  }

  function dateCell(iso) {
    if (!iso) return node("span", "", "\u2014");
    var t = node("time", "", tanggal(iso));
    t.dateTime = iso;
    return t;
  }

  function dueCell(c) {
    var t = dateCell(c.tenggat);
    if (c.tenggat && BERJALAN[c.status] && c.tenggat < data.dibuat) {
      t.className = "lewat";
      t.title = "Lewat tenggat pada " + tanggal(data.dibuat);
    }
    return t;
  }

  function statusBadge(status) {
    return node("span", "lencana s-" + status, STATUS[status] || status);
  }

  function documentGroups(c) {
    var groups = [], byTitle = {};
    c.dokumen.forEach(function (entry) {
      var d = documentOf(c, entry);
      if (!byTitle[d.judul]) { byTitle[d.judul] = { judul: d.judul, files: [] }; groups.push(byTitle[d.judul]); }
      byTitle[d.judul].files.push(d);
    });
    return groups;
  }

  function documentLinks(c) {
    if (!c.dokumen.length) return node("span", "judul", "\u2014");
    var box = node("div", "berkas-daftar");
    documentGroups(c).forEach(function (g) {
      var line = node("span", "tautan-grup");
      box.appendChild(node("span", "judul", g.judul));
      g.files.forEach(function (d) {
        var label = DOKUMEN[d.jenis] || d.jenis || "Berkas";
        var a = node("a", "tautan", label);
        a.href = href(d.path);
        a.title = d.judul + " \u2014 " + label;
        a.setAttribute("aria-label", a.title);
        line.appendChild(a);
      });
      box.appendChild(line);
    });
    return box;
  }

  function caseRow(c) {
    var tr = node("tr", c.status === "batal" ? "batal" : "");
    cell(tr, "nomor", numberCell(c));
    cell(tr, "jenis", JENIS[c.jenis] || c.jenis);
    cell(tr, "pemohon", c.pemohon);
    cell(tr, "tanggal", dateCell(c.diterima));
    cell(tr, "tanggal", dueCell(c));
    cell(tr, "status", statusBadge(c.status));
    cell(tr, "berkas", documentLinks(c));
    return tr;
  }

  function showMore() {
    var frag = document.createDocumentFragment();
    var end = Math.min(hasil.length, tampil + PER_HALAMAN);
    for (var i = tampil; i < end; i++) frag.appendChild(caseRow(hasil[i]));
    el("baris").appendChild(frag);
    tampil = end;
    updateSummary();
  }

  function updateSummary() {
    el("jumlah-angka").textContent = angka(hasil.length) + " perkara";
    el("jumlah-tampil").textContent = hasil.length > tampil
      ? "(ditampilkan " + angka(tampil) + " teratas)" : "";
    el("lebih").hidden = hasil.length <= tampil;
    var none = hasil.length === 0;
    el("daftar").hidden = none;
    el("kosong-arsip").hidden = !(none && semua.length === 0);
    el("kosong-saringan").hidden = !(none && semua.length > 0);
  }

  function describeFilters(f) {
    var parts = [];
    if (f.kata.length) parts.push("kata \u201c" + el("q").value.trim() + "\u201d");
    if (f.dari) parts.push("diterima sejak " + tanggal(f.dari));
    if (f.sampai) parts.push("diterima sampai " + tanggal(f.sampai));
    if (f.jenis) parts.push("jenis " + (JENIS[f.jenis] || f.jenis));
    if (f.status) parts.push("status " + el("status").selectedOptions[0].textContent);
    return parts.length ? "Saringan: " + parts.join("; ") + "." : "Semua perkara.";
  }

  function applyFilters() {
    var f = readFilters();
    el("saringan-aktif").textContent = describeFilters(f);
    hasil = isFiltered(f) ? semua.filter(function (c) { return matches(c, f); }) : semua;
    el("baris").textContent = "";
    tampil = 0;
    showMore();
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(applyFilters, JEDA_MS);
  }

  var form = el("saring");
  form.addEventListener("input", later);
  form.addEventListener("change", later);
  form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); applyFilters(); });
  form.addEventListener("reset", function () { clearTimeout(timer); setTimeout(applyFilters, 0); });
  el("lebih").addEventListener("click", showMore);
  applyFilters();
  document.body.setAttribute("data-siap", "1");
})();
"""

_PAGE = """<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="@@CSP@@">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Arsip Perkara \u2014 @@AGENCY@@ (@@GENERATED_DATE@@)</title>
<style>@@CSS@@</style>
</head>
<body>
<header>
  <h1>Arsip Perkara Informasi Publik</h1>
  <p class="instansi">@@AGENCY@@</p>
  <p class="dibuat">Daftar dibuat <time datetime="@@GENERATED_ISO@@">@@GENERATED@@</time></p>
</header>
<main>
  <form id="saring" role="search" aria-label="Saring perkara">
    <div class="isian cari">
      <label for="q">Cari nomor atau nama pemohon</label>
      <input id="q" name="q" type="search" autocomplete="off" spellcheck="false"
             placeholder="mis. 012/PPID atau Ayu Lestari">
    </div>
    <div class="isian">
      <label for="dari">Diterima sejak</label>
      <input id="dari" name="dari" type="date">
    </div>
    <div class="isian">
      <label for="sampai">Diterima sampai</label>
      <input id="sampai" name="sampai" type="date">
    </div>
    <div class="isian">
      <label for="jenis">Jenis</label>
      <select id="jenis" name="jenis">
        <option value="">Semua jenis</option>
        <option value="permohonan">Permohonan</option>
        <option value="keberatan">Keberatan</option>
      </select>
    </div>
    <div class="isian">
      <label for="status">Status</label>
      <select id="status" name="status">
        <option value="">Semua status</option>
        <option value="berjalan">Masih berjalan</option>
        <option value="diterima">Diterima</option>
        <option value="diteruskan">Diteruskan</option>
        <option value="diperpanjang">Diperpanjang</option>
        <option value="dijawab">Dijawab</option>
        <option value="selesai">Selesai</option>
        <option value="batal">Batal</option>
      </select>
    </div>
    <button type="reset">Hapus saringan</button>
  </form>
  <p id="saringan-aktif" class="cetak-saja"></p>
  <p id="jumlah" role="status" aria-live="polite"><strong id="jumlah-angka"></strong><span id="jumlah-tampil"></span></p>
  <table id="daftar">
    <caption class="sr-only">Daftar perkara, yang terbaru di atas</caption>
    <thead>
      <tr>
        <th scope="col" class="k-nomor">Nomor</th>
        <th scope="col" class="k-jenis">Jenis</th>
        <th scope="col">Pemohon</th>
        <th scope="col" class="k-tanggal">Diterima</th>
        <th scope="col" class="k-tanggal">Tenggat</th>
        <th scope="col" class="k-status">Status</th>
        <th scope="col" class="k-dokumen">Dokumen</th>
      </tr>
    </thead>
    <tbody id="baris"></tbody>
  </table>
  <p id="kosong-saringan" class="kosong" hidden>Tidak ada perkara yang cocok dengan pencarian ini. Ubah kata kunci atau hapus saringan.</p>
  <p id="kosong-arsip" class="kosong" hidden>Belum ada perkara di arsip.</p>
  <button id="lebih" type="button" hidden>Tampilkan lebih banyak</button>
  <noscript><p class="kosong">Halaman ini memerlukan JavaScript untuk menampilkan daftar perkara.</p></noscript>
</main>
<script type="application/json" id="data-perkara">@@DATA@@</script>
<script>@@SCRIPT@@</script>
</body>
</html>
"""
