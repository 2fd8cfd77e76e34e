// The archive page's script (pipeline/views/index.py): searches the embedded cases in memory and shows them.
(function () {
  "use strict";
  var el = function (id) { return document.getElementById(id); };
  // Month, kind and status names come with the page (pipeline.core.bahasa, pipeline.core.vocab).
  var KATA = JSON.parse(document.body.getAttribute("data-kosakata"));
  var BULAN = KATA.bulan;
  var SINGKAT = BULAN.map(function (b) { return b.slice(0, 3); });
  var JENIS = KATA.jenis;
  var STATUS = KATA.status;
  var TERLAMBAT = KATA.tanda_terlambat;
  var BERJALAN = {};
  KATA.berjalan.forEach(function (status) { BERJALAN[status] = true; });
  var DOKUMEN = { pdfa: "PDF/A", cetak: "Cetak", ttd: "TTD", asli: "Asli" };
  var PER_HALAMAN = 200;
  var JEDA_MS = 150;
  var IRISAN = 4000;          // cases indexed per slice after the first rows are shown
  // A case's array (pipeline/views/index.py): its fields by position.
  var NOMOR = 0, KIND = 1, PEMOHON = 2, DITERIMA = 3, TENGGAT = 4, STAT = 5, FOLDER = 6, DOK = 7, CATATAN = 8,
      INFO = 9, OPD = 10, ASAL = 11, TANDA = 12;

  var data = JSON.parse(el("data-perkara").textContent);
  var semua = data.perkara;
  var kunci = new Array(semua.length);  // each case's search text, built in slices after the first rows show
  var terindeks = 0;
  var hasil = semua;
  var tampil = 0;
  var timer = null;

  var ASCII = /^[\x00-\x7f]*$/;
  function fold(text) {
    text = String(text);
    return ASCII.test(text) ? text.toLowerCase()
      : text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // 001/PPID/XII/2026, 1/ppid/xii/2026 and 001-PPID-XII-2026 all give "|1/ppid/xii/2026".
  function numberKey(text) {
    return "|" + fold(text).split(/[\s\/\\\-_.]+/).filter(Boolean).map(function (part) {
      return /^\d+$/.test(part) ? String(parseInt(part, 10)) : part;
    }).join("/");
  }

  function isOverdue(c) {
    return !!(c[TENGGAT] && BERJALAN[c[STAT]] && c[TENGGAT] < data.dibuat);
  }

  function dmy(iso) {
    if (!iso) return "";
    var p = iso.split("-");
    return p[2] + "-" + p[1] + "-" + p[0] + " " + tanggal(iso);
  }

  function searchText(c) {
    return fold([c[NOMOR], numberKey(c[NOMOR]), c[PEMOHON], c[INFO], c[OPD], c[ASAL], JENIS[c[KIND]] || c[KIND],
      STATUS[c[STAT]] || c[STAT], c[DITERIMA] || "", dmy(c[DITERIMA]), c[TENGGAT] || "", dmy(c[TENGGAT]),
      c[CATATAN].join(" "), isOverdue(c) ? "lewat tenggat" : "",
      (c[TANDA] & TERLAMBAT) ? "didaftarkan terlambat" : ""].join("\u0001"));
  }

  function indexUpTo(end) {
    for (; terindeks < end; terindeks++) kunci[terindeks] = searchText(semua[terindeks]);
  }

  function indexInSlices() {
    indexUpTo(Math.min(semua.length, terindeks + IRISAN));
    if (terindeks < semua.length) setTimeout(indexInSlices, 0);
    else document.body.setAttribute("data-indeks", "1");
  }

  // What one typed word may be: a number in any form, a date written day first, or plain text.
  function alternatives(word) {
    if (/^\d+[\/\\\-.]/.test(word)) {
      var alts = [numberKey(word)];
      var d = /^(\d{1,2})[\/\-.](\d{1,2})[\/\-.](\d{4})$/.exec(word);
      if (d) alts.push(d[3] + "-" + ("0" + d[2]).slice(-2) + "-" + ("0" + d[1]).slice(-2));
      if (/^\d{4}-\d{2}(-\d{2})?$/.test(word)) alts.push(word);
      return alts;
    }
    return [word];
  }

  function readFilters() {
    var typed = fold(el("q").value).replace(/\s*([\/\\])\s*/g, "$1");
    return {
      kata: typed.split(/\s+/).filter(Boolean).map(alternatives),
      dari: el("dari").value,
      sampai: el("sampai").value,
      jenis: el("jenis").value,
      status: el("status").value
    };
  }

  function isFiltered(f) {
    return f.kata.length > 0 || f.dari || f.sampai || f.jenis || f.status;
  }

  function statusMatches(c, status) {
    if (!status) return true;
    if (status === "berjalan") return !!BERJALAN[c[STAT]];
    if (status === "lewat") return isOverdue(c);
    if (status === "terlambat") return !!(c[TANDA] & TERLAMBAT);
    return c[STAT] === status;
  }

  function matches(i, f) {
    var c = semua[i];
    if (f.jenis && c[KIND] !== f.jenis) return false;
    if (!statusMatches(c, f.status)) return false;
    if (f.dari && !(c[DITERIMA] && c[DITERIMA] >= f.dari)) return false;
    if (f.sampai && !(c[DITERIMA] && c[DITERIMA] <= f.sampai)) return false;
    var text = kunci[i];
    for (var w = 0; w < f.kata.length; w++) {
      var alts = f.kata[w], found = false;
      for (var a = 0; a < alts.length && !found; a++) found = text.indexOf(alts[a]) >= 0;
      if (!found) return false;
    }
    return true;
  }

  function node(tag, className, text) {
    var n = document.createElement(tag);
    if (className) n.className = className;
    if (text !== undefined) n.textContent = text;
    return n;
  }

  function cell(tr, className, child, title) {
    var td = node("td", className);
    if (typeof child === "string") td.textContent = child; else if (child) td.appendChild(child);
    if (title) td.title = title;
    tr.appendChild(td);
    return td;
  }

  function tanggal(iso) {
    if (!iso) return "";
    var p = iso.split("-");
    return parseInt(p[2], 10) + " " + BULAN[parseInt(p[1], 10) - 1] + " " + p[0];
  }

  function tanggalSingkat(iso) {
    var p = iso.split("-");
    return parseInt(p[2], 10) + " " + SINGKAT[parseInt(p[1], 10) - 1] + " " + p[0];
  }

  function angka(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  function href(path) {
    return "./" + path.split("/").map(encodeURIComponent).join("/");
  }

  function documentOf(c, d) {
    var path = d[1].charAt(0) === "/" ? d[1].slice(1) : c[FOLDER] + "/" + d[1];
    return { judul: data.judul[d[0]], path: path, jenis: d[2] };
  }

  function numberCell(c) {
    if (!c[FOLDER]) return node("span", "", c[NOMOR]);
    var a = node("a", "", c[NOMOR]);
    a.href = href(c[FOLDER]) + "/";
    a.title = "Buka folder perkara " + c[NOMOR];
    return a;
  }

  function dateCell(iso, overdue) {
    if (!iso) return node("span", "", "\u2014");
    var t = node("time", overdue ? "lewat" : "", tanggalSingkat(iso));
    t.dateTime = iso;
    t.title = tanggal(iso) + (overdue ? " \u2014 lewat tenggat pada " + tanggal(data.dibuat) : "");
    return t;
  }

  function badge(className, text, title) {
    var b = node("span", "lencana " + className, text);
    if (title) b.title = title;
    return b;
  }

  function statusCell(c) {
    var box = node("span", "status-tanda");
    box.appendChild(badge("s-" + c[STAT], STATUS[c[STAT]] || c[STAT]));
    if (isOverdue(c)) box.appendChild(badge("t-lewat", "lewat tenggat", "Tenggat " + tanggal(c[TENGGAT]) + " sudah lewat"));
    if (c[TANDA] & TERLAMBAT) {
      var late = c[CATATAN].filter(function (n) { return /terlambat/i.test(n); })[0];
      box.appendChild(badge("t-telat", "didaftarkan terlambat", late || "Didaftarkan terlambat"));
    }
    return box;
  }

  function infoCell(tr, c) {
    if (c[STAT] === "batal") {
      var reason = c[CATATAN][0] || "";
      cell(tr, "info alasan-batal", "Batal: " + reason, reason);
    } else {
      cell(tr, "info", c[INFO], c[INFO]);
    }
  }

  function original(c) {
    for (var i = 0; i < c[DOK].length; i++) if (c[DOK][i][2] === "asli") return documentOf(c, c[DOK][i]);
    return null;
  }

  function filesCell(c, index) {
    var box = node("span", "berkas-sel");
    var asli = original(c);
    if (asli) {
      var a = node("a", "tautan", "Asli");
      a.href = href(asli.path);
      a.title = "Formulir asli" + (c[ASAL] ? ": " + c[ASAL] : "");
      box.appendChild(a);
    }
    var more = node("button", "rinci", "\u25b8 Rincian");
    more.type = "button";
    more.setAttribute("aria-expanded", "false");
    more.setAttribute("data-i", index);
    more.title = "Dokumen dan rincian perkara " + c[NOMOR];
    box.appendChild(more);
    return box;
  }

  function caseRow(c, index) {
    var tr = node("tr", c[STAT] === "batal" ? "batal" : "");
    var overdue = isOverdue(c);
    cell(tr, "nomor", numberCell(c));
    cell(tr, "jenis", JENIS[c[KIND]] || c[KIND]);
    cell(tr, "pemohon", c[PEMOHON], c[PEMOHON]);
    infoCell(tr, c);
    cell(tr, "opd", c[OPD], c[OPD]);
    cell(tr, "tanggal", dateCell(c[DITERIMA]));
    cell(tr, "tanggal", dateCell(c[TENGGAT], overdue));
    cell(tr, "status", statusCell(c));
    cell(tr, "berkas", filesCell(c, index));
    return tr;
  }

  function documentGroups(c) {
    var groups = [], byTitle = {};
    c[DOK].forEach(function (entry) {
      var d = documentOf(c, entry);
      if (!byTitle[d.judul]) { byTitle[d.judul] = { judul: d.judul, files: [] }; groups.push(byTitle[d.judul]); }
      byTitle[d.judul].files.push(d);
    });
    return groups;
  }

  function documentLinks(c) {
    if (!c[DOK].length) return node("span", "judul", "Tidak ada dokumen.");
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

  function fact(list, term, value) {
    if (!value) return;
    list.appendChild(node("dt", "", term));
    list.appendChild(node("dd", "", value));
  }

  function detailRow(c) {
    var tr = node("tr", "rincian");
    var td = node("td");
    td.colSpan = 9;
    var facts = node("dl", "fakta");
    fact(facts, "Informasi diminta", c[INFO]);
    fact(facts, "OPD", c[OPD]);
    fact(facts, "Berkas asal", c[ASAL]);
    fact(facts, "Diterima", tanggal(c[DITERIMA]));
    fact(facts, "Tenggat", tanggal(c[TENGGAT]));
    c[CATATAN].forEach(function (note) { fact(facts, "Catatan", note); });
    td.appendChild(facts);
    td.appendChild(documentLinks(c));
    tr.appendChild(td);
    return tr;
  }

  function toggle(button) {
    var tr = button.closest("tr");
    var open = button.getAttribute("aria-expanded") === "true";
    if (open) {
      tr.nextSibling.remove();
    } else {
      tr.after(detailRow(semua[parseInt(button.getAttribute("data-i"), 10)]));
    }
    button.setAttribute("aria-expanded", open ? "false" : "true");
    button.textContent = (open ? "\u25b8" : "\u25be") + " Rincian";
  }

  function showMore() {
    var frag = document.createDocumentFragment();
    var end = Math.min(hasil.length, tampil + PER_HALAMAN);
    for (var i = tampil; i < end; i++) {
      var index = hasil === semua ? i : hasil[i];
      frag.appendChild(caseRow(semua[index], index));
    }
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
    if (isFiltered(f)) {
      indexUpTo(semua.length);   // typed before the slices finished: finish now
      hasil = [];
      for (var i = 0; i < semua.length; i++) if (matches(i, f)) hasil.push(i);
    } else {
      hasil = semua;
    }
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
  el("baris").addEventListener("click", function (e) {
    var button = e.target.closest("button.rinci");
    if (button) toggle(button);
  });
  applyFilters();
  document.body.setAttribute("data-siap", "1");
  setTimeout(indexInSlices, 0);
})();
