"""Records from labelled entries: field values with where they were read, choices, the applicant settled
(an organisation and its person in charge), and what the officer must be told about values the reader found
but could not place.
"""

from __future__ import annotations

import re

from pipeline.intake.reading.choices import is_marker_only, read_choice
from pipeline.intake.reading.entries import DATE_LINE, Entry, FieldScanner
from pipeline.intake.reading.model import FormRecord
from pipeline.intake.reading.text import (
    DEFAULT_PROFILE,
    Profile,
    clean_line,
    clean_request_number,
    is_blank_value,
    is_hint_only,
)


def _entry_text(entry: Entry, profile: Profile = DEFAULT_PROFILE) -> str:
    lines: list[str] = []
    for index, para in enumerate(entry.value):
        text = para.text
        if index == 0:
            text = re.sub(r"^\s*[:：]", "", text)
        for line in text.split("\n"):
            cleaned = clean_line(line)
            if cleaned and not is_hint_only(cleaned):
                lines.append(cleaned)
    if not lines:
        return ""
    separator = "\n" if entry.key in profile.multiline_keys or entry.key.startswith("alamat") else " "
    text = separator.join(lines)
    if is_blank_value(text) or is_marker_only(text):
        return ""
    return text


def record_from_entries(scanner: FieldScanner) -> FormRecord:
    record = FormRecord(fields={}, choices={})
    for entry in scanner.entries:
        if entry.key in scanner.choice_keys:
            _store_choice(record, entry, entry.stars in scanner.pick_one_stars)
        else:
            store_field(record, entry.key, _entry_text(entry, scanner.profile), where=entry.where,
                        label=entry.label)
            if entry.weak and entry.key in record.fields:
                record.weak.append(entry.weak)
    if scanner.date_line is not None:
        tempat, tanggal, where = scanner.date_line
        if "tempat" not in record.fields:
            store_field(record, "tempat", tempat, where=where)
        if "tanggal" not in record.fields:
            store_field(record, "tanggal", tanggal, where=where)
    record.unplaced.extend(scanner.unplaced)
    settle_applicant(record)
    return record


def _store_choice(record: FormRecord, entry: Entry, footnote_says_one: bool = False) -> None:
    if entry.key in record.choices or entry.key == "_ignore":
        return
    reading = read_choice(entry.key, entry.label, entry.value, printed=True,
                          single=_says_pick_one(entry) or footnote_says_one or None)
    record.notes.extend(reading.notes)
    record.weak.extend(reading.weak)
    record.unplaced.extend(reading.unplaced)
    if reading.options:
        record.choices[entry.key] = reading.options
        record.sources[entry.key] = entry.where


def _says_pick_one(entry: Entry) -> bool:
    return bool(re.search(r"salah\s+satu", entry.label + " " + " ".join(p.text for p in entry.value[:1]), re.I))


def store_field(record: FormRecord, key: str, text: str, where: str = "", label: str = "") -> None:
    """Store a value under its canonical key, with where it was read. The same field filled twice with
    different values is never settled by guessing: the first stays and the officer is told."""
    if not text or key == "_ignore":
        return
    if key == "nik_atau_sk":
        # "NIK/Nomor SK badan hukum": digits only is a NIK (right or wrong); letters or slashes an SK number.
        key = "nomor_sk" if re.search(r"[A-Za-z/]", text) else "nik"
    if key == "tempat_tanggal":
        match = DATE_LINE.fullmatch(text)
        if match:
            store_field(record, "tempat", clean_line(match["tempat"]), where, label)
            store_field(record, "tanggal", clean_line(match["tanggal"]), where, label)
            return
        key = "tanggal"
    if key in ("nomor_pendaftaran", "nomor_registrasi_keberatan"):
        text = clean_request_number(text) or text
    earlier = record.fields.get(key)
    if earlier is None:
        record.fields[key] = text
        if where:
            record.sources[key] = where
    elif key in _JOINED and _comparable(text) not in _comparable(earlier):
        record.fields[key] = f"{earlier} / {text}"  # "Telepon rumah" and "No. HP": both numbers are the applicant's
        record.sources[key] = f"{record.sources.get(key, '')}; {where}".strip("; ")
    elif _comparable(earlier) != _comparable(text) and key not in _REPEATABLE:
        name = label or key.replace("_", " ")
        record.unplaced.append(
            f"Isian '{name}' terisi dua kali dengan isi berbeda ({record.sources.get(key, '?')} dan "
            f"{where or '?'}); mungkin ada lebih dari satu formulir atau isian tertukar. Periksa formulir aslinya."
        )


# Fields that legitimately appear more than once with other words (a place in the date line and a "Tempat" row).
_REPEATABLE = {"tempat", "kelompok"}
# Fields a form may ask for twice, both answers kept ("Telepon" and "HP").
_JOINED = {"telepon", "telepon_kuasa"}


def _comparable(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).lower()


_ORGANISATION_WORDS = re.compile(
    r"^(?:yayasan|perkumpulan|lembaga|lsm|pt\.?|cv\.?|koperasi|komunitas|organisasi|ormas|forum|aliansi|ikatan"
    r"|himpunan|persatuan|asosiasi|paguyuban|serikat|badan|kantor hukum|lbh|ylbhi|universitas|sekolah)\b",
    re.IGNORECASE,
)


# What a form of each kind cannot do without (one key of each group), with the words for the officer.
_REQUIRED = {
    "permohonan": [({"nama"}, "nama"), ({"alamat"}, "alamat"), ({"rincian_informasi"}, "rincian informasi"),
                   ({"tujuan"}, "tujuan"), ({"nik", "nomor_sk"}, "NIK"),
                   ({"telepon", "email", "telepon_email"}, "telepon/e-mail"),
                   ({"cara_memperoleh"}, "cara memperoleh"), ({"cara_salinan"}, "cara mendapatkan salinan")],
    "keberatan": [({"nama"}, "nama"), ({"alamat"}, "alamat"), ({"tujuan"}, "tujuan"), ({"alasan"}, "alasan"),
                  ({"kasus_posisi"}, "kasus posisi"), ({"nik", "nomor_sk"}, "NIK")],
    "jawaban": [({"nomor_pendaftaran"}, "nomor pendaftaran"), ({"keputusan"}, "keputusan")],
}  # fmt: skip


def flag_unread(record: FormRecord, kind: str, unread: list[tuple[str, str]]) -> None:
    """Values under labels the reader does not know, while a field the form needs is missing: the answer may be
    there, so the officer looks (no notice to the applicant for fields that are filled but unread)."""
    if not unread:
        return
    present = set(record.fields) | set(record.choices)
    missing = [name for keys, name in _REQUIRED.get(kind, []) if not keys & present]
    if not missing:
        return
    places = "; ".join(f"'{label}' ({where})" if where else f"'{label}'" for label, where in unread[:6])
    record.unplaced.append(
        f"Isian {', '.join(missing)} tidak ditemukan, tetapi ada isian yang tidak dikenali: {places}. Periksa "
        "formulir aslinya; isian tersebut mungkin jawabannya."
    )


def settle_applicant(record: FormRecord) -> None:
    """An organisation applies through its person in charge: `nama` becomes the organisation, the person
    goes to `penanggung_jawab`, and `jenis_pemohon` says "organisasi". A person's form is left as it is."""
    fields, sources = record.fields, record.sources
    chosen = record.choices.get("jenis_pemohon") or []
    organisation = fields.pop("nama_organisasi", None)
    if organisation:
        person = fields.get("penanggung_jawab") or fields.get("nama")
        if person and _comparable(person) != _comparable(organisation):
            fields["penanggung_jawab"] = person
            sources.setdefault("penanggung_jawab", sources.get("nama", ""))
        fields["nama"] = organisation
        sources["nama"] = sources.pop("nama_organisasi", "")
        fields["jenis_pemohon"] = "organisasi"
    elif fields.get("penanggung_jawab") and fields.get("nama"):
        fields["jenis_pemohon"] = "organisasi"
    elif chosen == ["organisasi"] or (
        fields.get("nomor_sk") and not fields.get("nik") and _ORGANISATION_WORDS.match(fields.get("nama", ""))
    ):
        fields["jenis_pemohon"] = "organisasi"
    elif chosen == ["perorangan"]:
        fields["jenis_pemohon"] = "perorangan"
    sources.pop("nama_organisasi", None)
    if fields.get("jenis_pemohon"):
        sources.setdefault("jenis_pemohon", sources.get("nama", ""))
