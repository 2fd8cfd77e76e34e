"""A zip file (an xlsx) put together from parts deflated beforehand.

A long register's sheet is 100+ MB of XML that changes only at its end or in a few rows, so its
parts are deflated once, kept (``pipeline.views.viewcache``) and stitched into the package as they are.
Each part is deflated on its own (no back-reference into another) and ends on a byte boundary with
a sync flush, so parts concatenate into one valid deflate stream; the entry's CRC-32 is combined
from the parts' CRCs. Only the plain zip format is written (no zip64): a sheet never nears 4 GiB
(Excel's 1 048 576-row limit comes first), and a part that would is refused.
"""

from __future__ import annotations

import struct
import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Part", "deflate_part", "crc32_combine", "zip_bytes"]

LEVEL = 6
_FINAL_EMPTY_BLOCK = b"\x03\x00"     # a final, empty fixed-Huffman block: closes a stream of parts
_LIMIT = 0xFFFFFFFF


@dataclass(frozen=True)
class Part:
    """A piece of an entry: its deflated bytes (sync-flushed, not final), CRC-32 and length of its text."""
    data: bytes
    crc: int
    size: int


def deflate_part(raw: bytes, level: int = LEVEL) -> Part:
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    return Part(packer.compress(raw) + packer.flush(zlib.Z_SYNC_FLUSH), zlib.crc32(raw), len(raw))


def crc32_combine(crc1: int, crc2: int, len2: int) -> int:
    """CRC-32 of A+B from CRC(A), CRC(B) and len(B): zlib's crc32_combine, which Python does not expose.

    Appending ``len2`` zero bytes to A is a linear operator on its CRC; it is applied as the product of
    the precomputed operators for the powers of two in ``len2``.
    """
    bit = 0
    while len2:
        if len2 & 1:
            crc1 = _times(_ZERO_BYTES[bit], crc1)
        len2 >>= 1
        bit += 1
    return crc1 ^ crc2


def _times(matrix: list[int], vector: int) -> int:
    total, row = 0, 0
    while vector:
        if vector & 1:
            total ^= matrix[row]
        vector >>= 1
        row += 1
    return total


def _square(matrix: list[int]) -> list[int]:
    return [_times(matrix, matrix[n]) for n in range(32)]


def _zero_byte_operators() -> list[list[int]]:
    """Operator k appends 2**k zero bytes to a CRC-32 (k < 32: lengths stay below 4 GiB)."""
    operator = [0xEDB88320] + [1 << n for n in range(31)]   # one zero bit (the reflected polynomial)
    for _ in range(3):
        operator = _square(operator)                        # 2, 4, 8 zero bits: one byte
    operators = [operator]
    for _ in range(31):
        operators.append(_square(operators[-1]))
    return operators


_ZERO_BYTES = _zero_byte_operators()


def zip_bytes(entries: Sequence[tuple[str, Sequence[Part]]]) -> bytes:
    """A zip of ``entries`` (name, its parts in order), each entry deflated."""
    stamp = time.localtime()
    dos_time = stamp.tm_hour << 11 | stamp.tm_min << 5 | stamp.tm_sec // 2
    dos_date = (stamp.tm_year - 1980) << 9 | stamp.tm_mon << 5 | stamp.tm_mday
    out: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for name, parts in entries:
        crc, size, deflated = 0, 0, 0
        for part in parts:
            crc, size, deflated = crc32_combine(crc, part.crc, part.size), size + part.size, deflated + len(part.data)
        deflated += len(_FINAL_EMPTY_BLOCK)
        if max(size, deflated, offset) >= _LIMIT:
            raise ValueError(f"{name}: terlalu besar untuk berkas zip biasa ({size} byte)")
        encoded = name.encode("utf-8")
        fields = (20, 0x800, 8, dos_time, dos_date, crc, deflated, size, len(encoded))   # 0x800: UTF-8 name
        header = struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + encoded
        out += [header, *(part.data for part in parts), _FINAL_EMPTY_BLOCK]
        directory.append(struct.pack("<IH", 0x02014B50, 0x0314) + struct.pack("<HHHHHIIIH", *fields)
                         + struct.pack("<HHHHII", 0, 0, 0, 0, 0o100640 << 16, offset) + encoded)
        offset += len(header) + deflated
    central = b"".join(directory)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), offset, 0)
    return b"".join(out) + central + end
