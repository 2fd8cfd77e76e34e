// The archive page's script (pipeline/views/index.py): filters the embedded cases in memory and shows them.
(function () {
  "use strict";
  var el = function (id) { return document.getElementById(id); };
  // Month, kind and status names come with the page (pipeline.core.bahasa, pipeline.core.vocab).
  var KATA = JSON.parse(document.body.getAttribute("data-kosakata"));
  var BULAN = KATA.bulan;
  var JENIS = KATA.jenis;
  var STATUS = KATA.status;
  var BERJALAN = {};
  KATA.berjalan.forEach(function (status) { BERJALAN[status] = true; });
  var DOKUMEN = { pdfa: "PDF/A", cetak: "Cetak", ttd: "TTD", asli: "Asli" };
  var PER_HALAMAN = 500;
  var JEDA_MS = 150;

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
             folder: r[6], dokumen: r[7], catatan: r[8] || [], kunci: fold(r[0] + "\u0001" + r[2]) };
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
    var status = node("div", "status-catatan");
    status.appendChild(statusBadge(c.status));
    c.catatan.forEach(function (text) { status.appendChild(node("div", "catatan", text)); });
    cell(tr, "status", status);
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
