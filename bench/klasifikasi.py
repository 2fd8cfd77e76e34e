"""Benchmark: DIP/DIK classification of request text (pipeline/klasifikasi.py) on the labelled requests.

Loads tests/klasifikasi/{dip,dik,labelled}.json, classifies every labelled request and prints, for the held-out
"test" split, the "dev" split the weights were chosen on, and both together: precision / recall / F1 per kind,
entry and OPD accuracy, the confusion matrix; then the held-out errors, the time to build the index and the
milliseconds per request on the lists as given and on a list of about ``--entries`` entries (the DIP repeated
under other OPD names), and a final JSON line.

    .venv/bin/python bench/klasifikasi.py [--entries 500] [--repeat 5] [--data tests/klasifikasi]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.kinds.classification import Classifier, evaluate, format_report, stem  # noqa: E402


def _load(folder: Path, name: str) -> list[dict]:
    return json.loads((folder / name).read_text(encoding="utf-8"))


def _timing(dip: list[dict], dik: list[dict], texts: list[str], repeat: int) -> tuple[float, float, float]:
    """(build ms, first pass ms/request with the stem cache emptied first, warm ms/request)."""
    stem.cache_clear()
    start = time.perf_counter()
    classifier = Classifier(dip, dik)
    build = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    for text in texts:
        classifier.classify(text)
    first = (time.perf_counter() - start) * 1000 / len(texts)
    start = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            classifier.classify(text)
    warm = (time.perf_counter() - start) * 1000 / (repeat * len(texts))
    return build, first, warm


def _enlarged(dip: list[dict], dik: list[dict], size: int) -> list[dict]:
    regions = ["Wilayah Timur", "Wilayah Barat", "Wilayah Utara", "Wilayah Selatan", "Wilayah Tengah"]
    out: list[dict] = []
    k = 0
    while len(out) + len(dik) < size:
        for entry in dip:
            out.append(dict(entry, id=f"{entry['id']}-{k}", opd=f"{entry['opd']} {regions[k % len(regions)]}"))
        k += 1
    return out[: max(0, size - len(dik))]


def _round(result: dict) -> dict:
    return {
        "n": result["n"],
        "accuracy": round(result["accuracy"], 3),
        "macro_f1": round(result["macro_f1"], 3),
        "entry_accuracy": round(result["entry_accuracy"], 3),
        "opd_accuracy": round(result["opd_accuracy"], 3),
        **{f"{k}_{m[0]}": round(v[m], 3) for k, v in result["per_kind"].items() for m in ("precision", "recall", "f1")},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "tests" / "klasifikasi")
    parser.add_argument("--entries", type=int, default=500, help="size of the enlarged list for timing")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    dip, dik, labelled = (_load(args.data, n) for n in ("dip.json", "dik.json", "labelled.json"))
    classifier = Classifier(dip, dik)
    print(f"DIP {len(dip)} entri ({len({e['opd'] for e in dip})} OPD), DIK {len(dik)} entri, "
          f"{len(labelled)} permohonan berlabel; ambang {classifier.threshold}, margin {classifier.margin}, "
          f"dik_boost {classifier.dik_boost}\n")
    results = {}
    for split, title in (("test", "uji (held-out)"), ("dev", "dev (dipakai untuk penyetelan)"), ("all", "semua")):
        items = labelled if split == "all" else [x for x in labelled if x["split"] == split]
        results[split] = evaluate(classifier, items)
        print(format_report(results[split], f"== {title}") + "\n")

    print("== kesalahan pada data uji (held-out)")
    for e in results["test"]["errors"]:
        print(f"  {e['id']} {e['expected']}/{e['expected_id']} -> {e['got']}/{e['got_id']} "
              f"(skor {e['score']:.2f}): {e['text']}")

    texts = [x["rincian_informasi"] for x in labelled]
    build, first, warm = _timing(dip, dik, texts, args.repeat)
    big = _enlarged(dip, dik, args.entries)
    build_big, first_big, warm_big = _timing(big, dik, texts, args.repeat)
    print(f"\n== waktu ({len(texts)} permohonan, {args.repeat}x)")
    print(f"  {len(dip) + len(dik):>4} entri: indeks {build:7.1f} ms, {first:.3f} ms/permohonan pertama kali, "
          f"{warm:.3f} ms/permohonan")
    print(f"  {len(big) + len(dik):>4} entri: indeks {build_big:7.1f} ms, {first_big:.3f} ms/permohonan pertama kali, "
          f"{warm_big:.3f} ms/permohonan")

    line = {
        "bench": "klasifikasi",
        "dip": len(dip), "dik": len(dik), "labelled": len(labelled),
        "threshold": classifier.threshold, "margin": classifier.margin, "dik_boost": classifier.dik_boost,
        "test": _round(results["test"]), "dev": _round(results["dev"]), "all": _round(results["all"]),
        "confusion_test": results["test"]["confusion"],
        "ms_per_request": round(warm, 3), "ms_per_request_first": round(first, 3),
        "entries_big": len(big) + len(dik), "ms_per_request_big": round(warm_big, 3),
        "ms_per_request_big_first": round(first_big, 3), "build_ms": round(build, 1),
        "build_ms_big": round(build_big, 1),
    }
    print(json.dumps(line, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
