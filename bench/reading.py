"""How well the reader reads: the corpus in tests/forms/corpus/ against its expected records.

    .venv/bin/python bench/reading.py [-v]

Per kind and in total: items read right / total, and silent misreads — a value that would be filed although it
differs from the expected one, with no set-aside and no weak note (the worst outcome: a wrong letter, a wrong
deadline). An item is right when the file is refused with the expected words, or when every record has the
expected kind, values, choices, outcome (filed / notice to the applicant / for the officer / refused) and
weak-rule note. Then the earlier samples (tests/forms/*.docx|xlsx) are read and compared with what the reader
returned for them before issue 12 (bench/reading-earlier.json); the differences the issue asked for are listed.
Exit status 1 when anything is wrong.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.intake.answers import answer_fields, decision_from_fields  # noqa: E402
from pipeline.intake.lists import opd_of, validate_dik, validate_dip  # noqa: E402
from pipeline.intake.reading import FormDocument, FormRecord, UnreadableForm, read_form  # noqa: E402
from pipeline.intake.validation import validate_objection, validate_request  # noqa: E402

CORPUS = ROOT / "tests" / "forms" / "corpus"
EARLIER = ROOT / "tests" / "forms"
EARLIER_SNAPSHOT = ROOT / "bench" / "reading-earlier.json"
TODAY = date(2026, 12, 31)
# Keys whose presence with another value, or when none is expected, is a misread.
CORE = {"nama", "nik", "nomor_sk", "penanggung_jawab", "nama_kuasa", "jenis_pemohon", "nomor_pendaftaran", "tanggal"}
# Earlier samples whose reading issue 12 changed on purpose: file -> why.
CHANGED_ON_PURPOSE = {
    "teks.xlsx": "a CSV named .xlsx is called CSV, not 'rusak'",
}


def outcome(kind: str, record: FormRecord, document: FormDocument) -> tuple[str, list[str]]:
    """What the pipeline would do with the record: filed, notice, officer or refused (and why)."""
    if kind in ("permohonan", "keberatan"):
        if record.unplaced:
            return "officer", record.unplaced
        check = validate_request if kind == "permohonan" else validate_objection
        _, problems = check(record, TODAY)
        return ("notice" if problems else "filed"), problems
    if kind == "jawaban":
        _, problems = decision_from_fields(answer_fields(record), today=TODAY)
        return ("refused" if problems else "filed"), problems
    if kind == "dip":
        _, problems = validate_dip([record], opd=opd_of(document) or "OPD")
    else:
        _, problems = validate_dik([record])
    return ("refused" if problems else "filed"), [p.message for p in problems]


def same(a: str, b: str) -> bool:
    return " ".join(str(a).split()) == " ".join(str(b).split())


def judge(item: dict) -> tuple[bool, int, list[str]]:
    """(right, silent misreads, what differs) for one corpus item."""
    path = CORPUS / item["file"]
    try:
        document = read_form(path)
    except UnreadableForm as exc:
        if item["reason"] and item["reason"].lower() in str(exc).lower():
            return True, 0, []
        return False, 0, [f"refused: {exc}"]
    if item["reason"]:
        filed = sum(outcome(document.kind, r, document)[0] == "filed" for r in document.records)
        return False, filed, [f"read as {document.kind} with {len(document.records)} record(s), expected a refusal"]
    differences: list[str] = []
    silent = 0
    if document.kind != item["kind"]:
        differences.append(f"kind {document.kind}, expected {item['kind']}")
    if item.get("doc_notes") and not any(item["doc_notes"] in note.lower() for note in document.notes):
        differences.append(f"no document note about {item['doc_notes']!r}")
    expected_records = item["records"]
    if len(document.records) != len(expected_records):
        differences.append(f"{len(document.records)} records, expected {len(expected_records)}")
    for index, (record, wanted) in enumerate(zip(document.records, expected_records), 1):
        result, problems = outcome(document.kind, record, document)
        wrong = value_differences(record, wanted)
        if result == "filed" and (wrong or document.kind != item["kind"]) and not record.weak:
            silent += 1
        if result != wanted["outcome"]:
            differences.append(f"record {index}: {result}, expected {wanted['outcome']} ({'; '.join(problems)[:300]})")
        if wanted["outcome"] != "officer":
            differences.extend(f"record {index}: {w}" for w in wrong)
        if bool(record.weak) != wanted["weak"]:
            differences.append(f"record {index}: weak notes {record.weak}, expected {'some' if wanted['weak'] else 'none'}")
    return not differences, silent, differences


def value_differences(record: FormRecord, wanted: dict) -> list[str]:
    wrong = []
    fields = wanted["fields"]
    for key in sorted(set(fields) | (CORE & set(record.fields))):
        if key in fields and key in record.fields and same(fields[key], record.fields[key]):
            continue
        if key in fields or key in CORE:
            wrong.append(f"{key}: {record.fields.get(key)!r}, expected {fields.get(key)!r}")
    if record.choices != wanted["choices"]:
        wrong.append(f"choices {record.choices}, expected {wanted['choices']}")
    return wrong


def snapshot_of(path: Path) -> dict:
    """What the reader returns for one file, comparable across versions."""
    try:
        document = read_form(path)
    except UnreadableForm as exc:
        return {"unreadable": str(exc)}
    return {"kind": document.kind, "records": [{"fields": r.fields, "choices": r.choices, "row": r.row,
                                                 "notes": r.notes} for r in document.records]}


def earlier_samples() -> list[Path]:
    return sorted(p for p in EARLIER.iterdir() if p.suffix in (".docx", ".xlsx") and p.is_file())


def compare_earlier(verbose: bool) -> tuple[int, int, list[str]]:
    if not EARLIER_SNAPSHOT.exists():
        return 0, 0, ["no snapshot of the earlier readings (bench/reading-earlier.json)"]
    before = json.loads(EARLIER_SNAPSHOT.read_text(encoding="utf-8"))
    same_count, changed = 0, []
    for path in earlier_samples():
        now = json.loads(json.dumps(snapshot_of(path), ensure_ascii=False))
        if now == before.get(path.name):
            same_count += 1
        elif path.name in CHANGED_ON_PURPOSE:
            same_count += 1
            changed.append(f"{path.name}: changed on purpose ({CHANGED_ON_PURPOSE[path.name]})")
        else:
            changed.append(f"{path.name}: differs from before\n    before {before.get(path.name)}\n    now    {now}")
    return same_count, len(earlier_samples()), changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="say what differs for every item read wrong")
    parser.add_argument("--snapshot-earlier", action="store_true",
                        help="write bench/reading-earlier.json from the reader as it is now")
    args = parser.parse_args()
    if args.snapshot_earlier:
        data = {path.name: snapshot_of(path) for path in earlier_samples()}
        EARLIER_SNAPSHOT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"snapshot of {len(data)} earlier samples written")
        return 0
    items = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    failures = []
    started = time.perf_counter()
    for item in items:
        right, silent, differences = judge(item)
        bucket = "tidak terbaca" if item["reason"] else item["kind"]
        totals[bucket][0] += right
        totals[bucket][1] += 1
        totals[bucket][2] += silent
        if not right:
            failures.append((item, differences))
    elapsed = time.perf_counter() - started
    print(f"{'jenis':<16}{'benar/total':>12}{'salah diam-diam':>18}")
    for kind in ("permohonan", "keberatan", "jawaban", "dip", "dik", "tidak terbaca"):
        if kind in totals:
            right, total, silent = totals[kind]
            print(f"{kind:<16}{f'{right}/{total}':>12}{silent:>18}")
    right = sum(t[0] for t in totals.values())
    total = sum(t[1] for t in totals.values())
    silent = sum(t[2] for t in totals.values())
    print(f"{'total':<16}{f'{right}/{total}':>12}{silent:>18}   ({elapsed / max(total, 1) * 1000:.0f} ms per item)")
    same_count, earlier_total, changed = compare_earlier(args.verbose)
    print(f"earlier samples reading the same: {same_count}/{earlier_total}")
    for line in changed:
        print("  " + line)
    for item, differences in failures:
        print(f"\nWRONG {item['file']} ({item['how']})")
        for difference in differences[: None if args.verbose else 4]:
            print("  - " + difference)
    return 0 if right == total and silent == 0 and same_count == earlier_total else 1


if __name__ == "__main__":
    sys.exit(main())
