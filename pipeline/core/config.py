"""The typed configuration, loaded once from ``config.toml`` and validated.

Every section is a frozen dataclass; loading walks the TOML against the dataclass fields so an
unknown key, a missing required key or a value of the wrong type stops with a message naming the key.
Relative paths are resolved against the folder holding the config file, so a workspace can be moved.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
import types
import typing
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pipeline.core.vocab import DEFAULT_PAPER, PAPERS

DEFAULT_CONFIG_NAME = "config.toml"


class ConfigError(Exception):
    """A configuration problem; the message names the key and is shown to the user as is."""


@dataclass(frozen=True)
class AgencySettings:
    government: str = "PEMERINTAH PROVINSI BALI"
    name: str = "DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK"
    short_name: str = "Diskominfos"
    address: str = "Jalan D.I. Panjaitan Nomor 7, Niti Mandala Renon"
    city: str = "Denpasar"
    phone: str = "(0361) 229740"
    email: str = "ppid@baliprov.go.id"
    website: str = "ppid.baliprov.go.id"
    letterhead: list[str] = field(default_factory=list)
    logo: str = ""


@dataclass(frozen=True)
class Signer:
    name: str
    nip: str = ""
    rank: str = ""
    position: str = ""
    delegation: Literal["", "a.n.", "u.b.", "Plt.", "Plh."] = ""
    on_behalf_of: str = ""


@dataclass(frozen=True)
class SignerSettings:
    ppid: Signer
    atasan_ppid: Signer
    desk: Signer


@dataclass(frozen=True)
class PaperSettings:
    size: Literal["F4", "A4"] = DEFAULT_PAPER   # the sizes themselves: pipeline.core.vocab.PAPERS

    @property
    def millimetres(self) -> tuple[int, int]:
        return PAPERS[self.size].millimetres


@dataclass(frozen=True)
class NumberingSettings:
    permohonan: str = "{seq:03d}/PPID/{bulan_romawi}/{tahun}"
    keberatan: str = "{seq:03d}/KEB/PPID/{bulan_romawi}/{tahun}"
    letter: str = "000.9.2/{seq}/IKP/Diskominfos"
    dip: str = "{seq:03d}/DIP/{tahun}"
    dik: str = "{seq:03d}/DIK/{tahun}"


@dataclass(frozen=True)
class DeadlineSettings:
    notice_days: int = 10
    extension_days: int = 7
    forward_target_days: int = 5
    objection_answer_days: int = 30
    objection_coordination_days: int = 5
    objection_draft_days: int = 2
    objection_send_days: int = 1
    objection_filing_days: int = 30
    dispute_days: int = 14
    late_registration_days: int = 3
    day_zero: Literal["receipt", "next_day"] = "receipt"
    include_cuti_bersama: bool = True
    holiday_file: Path | None = None


@dataclass(frozen=True)
class PathSettings:
    inbox: Path = Path("inbox")
    archive: Path = Path("archive")
    set_aside: Path = Path("inbox/_disisihkan")
    ready_to_sign: Path = Path("siap-tanda-tangan")
    print_bundles: Path = Path("cetak")
    results: Path = Path("inbox/_hasil")
    database: Path = Path("var/ppid.sqlite3")
    templates: Path = Path("templates_docx")
    folder_pattern: str = "{tahun}/{bulan}/{nomor}"


@dataclass(frozen=True)
class WatchSettings:
    mode: Literal["native", "polling"] = "native"
    stable_seconds: float = 2.0
    incomplete_seconds: float = 300.0
    poll_seconds: float = 2.0
    rescan_seconds: float = 60.0


@dataclass(frozen=True)
class LibreOfficeSettings:
    program: str = "soffice"
    workers: int = 0
    timeout_seconds: float = 60.0
    recycle_after: int = 500
    max_rss_mb: int = 700
    profile_dir: Path = Path("var/libreoffice")
    base_port: int = 2202

    @property
    def worker_count(self) -> int:
        return self.workers or max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class ForwardSettings:
    default_holder: str = "PPID Pelaksana Perangkat Daerah terkait"
    default_holder_place: str = "Tempat"


@dataclass(frozen=True)
class DecreeSettings:
    dip_signer: Literal["ppid", "atasan_ppid"] = "atasan_ppid"
    dik_signer: Literal["ppid", "atasan_ppid"] = "atasan_ppid"


@dataclass(frozen=True)
class ClassificationSettings:
    enabled: bool = True
    synonyms: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class SignatureSettings:
    """Digitally signed copies: the certificates the office trusts (e.g. the BSrE chain), PEM or DER files."""

    trust_roots: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class PermissionSettings:
    umask: int = 0o027          # the process umask, set at start: files 0640, folders 0750 (0o007: 0660/0770)
    group: str = ""             # the share group: the share folders are given to it (setgid, 2770)


@dataclass(frozen=True)
class DisplaySettings:
    timezone: str = "Asia/Makassar"   # times are shown in this zone (WIB Asia/Jakarta, WITA, WIT Asia/Jayapura)


@dataclass(frozen=True)
class Config:
    signers: SignerSettings
    agency: AgencySettings = field(default_factory=AgencySettings)
    paper: PaperSettings = field(default_factory=PaperSettings)
    numbering: NumberingSettings = field(default_factory=NumberingSettings)
    deadlines: DeadlineSettings = field(default_factory=DeadlineSettings)
    paths: PathSettings = field(default_factory=PathSettings)
    watch: WatchSettings = field(default_factory=WatchSettings)
    libreoffice: LibreOfficeSettings = field(default_factory=LibreOfficeSettings)
    forward: ForwardSettings = field(default_factory=ForwardSettings)
    decrees: DecreeSettings = field(default_factory=DecreeSettings)
    classification: ClassificationSettings = field(default_factory=ClassificationSettings)
    signatures: SignatureSettings = field(default_factory=SignatureSettings)
    permissions: PermissionSettings = field(default_factory=PermissionSettings)
    display: DisplaySettings = field(default_factory=DisplaySettings)
    source: Path | None = None
    """The file this configuration was loaded from (not a TOML key)."""

    @property
    def workspace(self) -> Path:
        return self.source.parent if self.source else Path.cwd()


_NOT_TOML_KEYS = {"source"}
_PATTERN_FIELDS = {"seq", "tahun", "bulan", "bulan_romawi", "kode"}
_FOLDER_FIELDS = {"tahun", "bulan", "nomor", "jenis", "seq"}


def load_config(path: Path | str | None = None) -> Config:
    """Load and validate the configuration: ``path``, else ``$PPID_CONFIG``, else ``./config.toml``."""
    path = Path(path or os.environ.get("PPID_CONFIG") or DEFAULT_CONFIG_NAME).resolve()
    if not path.is_file():
        raise ConfigError(f"Berkas konfigurasi tidak ditemukan: {path}")
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path.name}: TOML tidak sah: {exc}") from exc
    config = _resolve_defaults(_build(Config, raw, prefix="", base=path.parent), path.parent)
    config = dataclasses.replace(config, source=path)
    _check_semantics(config)
    return config


def _resolve_defaults(obj, base: Path):
    """Relative paths left at their defaults are relative to the config file too, like the given ones."""
    changes = {}
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if dataclasses.is_dataclass(value):
            changes[f.name] = _resolve_defaults(value, base)
        elif isinstance(value, Path) and not value.is_absolute():
            changes[f.name] = base / value
    return dataclasses.replace(obj, **changes)


def _build(cls, raw: dict, *, prefix: str, base: Path):
    if not isinstance(raw, dict):
        raise ConfigError(f"Kunci '{prefix.rstrip('.')}' harus berupa tabel [bagian].")
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.name not in _NOT_TOML_KEYS}
    unknown = sorted(set(raw) - set(fields))
    if unknown:
        raise ConfigError(f"Kunci tidak dikenal: '{prefix}{unknown[0]}'. Kunci yang sah: {', '.join(sorted(fields))}.")
    values = {}
    for name, f in fields.items():
        key = prefix + name
        if name not in raw:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise ConfigError(f"Kunci wajib belum diisi: '{key}'.")
            continue
        values[name] = _coerce(hints[name], raw[name], key=key, base=base)
    return cls(**values)


def _coerce(hint, value, *, key: str, base: Path):
    origin = typing.get_origin(hint)
    if dataclasses.is_dataclass(hint):
        return _build(hint, value, prefix=key + ".", base=base)
    if origin is Literal:
        allowed = typing.get_args(hint)
        if value not in allowed:
            raise ConfigError(f"Nilai '{key}' tidak sah: {value!r}. Pilihan: {', '.join(map(repr, allowed))}.")
        return value
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if value in ("", None):
            return None
        return _coerce(args[0], value, key=key, base=base)
    if origin is dict:
        if not isinstance(value, dict) or not all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in value.values()):
            raise ConfigError(f"Nilai '{key}' harus berupa tabel: kata = [\"sinonim\", ...].")
        return {str(k): list(v) for k, v in value.items()}
    if origin is list:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"Nilai '{key}' harus berupa daftar teks, misalnya [\"...\"].")
        if typing.get_args(hint) == (Path,):   # a list of paths: each resolved like a single one
            return [_coerce(Path, v, key=key, base=base) for v in value]
        return list(value)
    if hint is Path:
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"Nilai '{key}' harus berupa path (teks).")
        p = Path(os.path.expanduser(value))
        return p if p.is_absolute() else (base / p)
    if hint is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"Nilai '{key}' harus true atau false.")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ConfigError(f"Nilai '{key}' harus bilangan bulat tidak negatif.")
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ConfigError(f"Nilai '{key}' harus angka tidak negatif.")
        return float(value)
    if hint is str:
        if not isinstance(value, str):
            raise ConfigError(f"Nilai '{key}' harus berupa teks.")
        return value
    raise ConfigError(f"Kunci '{key}' bertipe yang tidak didukung.")  # pragma: no cover


def _check_semantics(config: Config) -> None:
    for name in ("permohonan", "keberatan", "letter", "dip", "dik"):
        _check_pattern(getattr(config.numbering, name), f"numbering.{name}", _PATTERN_FIELDS, needs="seq")
    _check_pattern(config.paths.folder_pattern, "paths.folder_pattern", _FOLDER_FIELDS, needs="nomor")
    pattern = config.paths.folder_pattern
    if pattern.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", pattern) or ".." in re.split(r"[/\\]", pattern):
        raise ConfigError("Nilai 'paths.folder_pattern' tidak boleh berupa path absolut atau memuat '..'.")
    for name in ("ppid", "atasan_ppid", "desk"):
        signer: Signer = getattr(config.signers, name)
        digits = signer.nip.replace(" ", "")
        if digits and not (digits.isdigit() and len(digits) == 18):
            raise ConfigError(f"Nilai 'signers.{name}.nip' harus 18 angka (boleh dengan spasi).")
        if signer.delegation in ("a.n.", "u.b.") and not signer.on_behalf_of:
            raise ConfigError(f"Kunci 'signers.{name}.on_behalf_of' wajib diisi bila delegation = {signer.delegation!r}.")
    if config.deadlines.notice_days < 1:
        raise ConfigError("Nilai 'deadlines.notice_days' minimal 1.")
    if config.watch.stable_seconds > 3600:
        raise ConfigError("Nilai 'watch.stable_seconds' terlalu besar (maksimal 3600).")
    if config.libreoffice.base_port < 1024 or config.libreoffice.base_port > 65000:
        raise ConfigError("Nilai 'libreoffice.base_port' harus antara 1024 dan 65000.")
    for root in config.signatures.trust_roots:
        if not root.is_file():
            raise ConfigError(f"Berkas sertifikat pada 'signatures.trust_roots' tidak ditemukan: {root}")
    _check_permissions(config.permissions)
    try:
        zoneinfo.ZoneInfo(config.display.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"Nilai 'display.timezone' bukan zona waktu yang dikenal: {config.display.timezone!r} "
                          "(mis. \"Asia/Jakarta\" WIB, \"Asia/Makassar\" WITA, \"Asia/Jayapura\" WIT).") from exc


def _check_permissions(permissions: PermissionSettings) -> None:
    if permissions.umask > 0o777 or permissions.umask & 0o700:
        raise ConfigError("Nilai 'permissions.umask' harus oktal seperti 0o027 (berkas 0640, folder 0750) atau 0o007, "
                          "dan tidak boleh menutup hak pemilik.")
    if permissions.umask & 0o007 != 0o007:
        raise ConfigError("Nilai 'permissions.umask' harus menutup semua hak pengguna lain (angka terakhir 7): "
                          "berkas perkara memuat data pribadi.")
    if permissions.group and not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.-]*\$?", permissions.group):
        raise ConfigError(f"Nilai 'permissions.group' bukan nama grup: {permissions.group!r}.")


# A value ``ppid init`` leaves for the office to fill: never printed into a letter (see ``placeholder_keys``).
PLACEHOLDER = "[ISI"


def placeholder_keys(config: Config) -> list[str]:
    """The letterhead and signer keys still holding ``ppid init``'s placeholders ("[ISI: …]")."""
    keys = [f"agency.{f.name}" for f in dataclasses.fields(config.agency) if _is_placeholder(getattr(config.agency, f.name))]
    for name in ("ppid", "atasan_ppid", "desk"):
        signer = getattr(config.signers, name)
        keys += [f"signers.{name}.{f.name}" for f in dataclasses.fields(signer) if _is_placeholder(getattr(signer, f.name))]
    return keys


def _is_placeholder(value) -> bool:
    if isinstance(value, list):
        return any(_is_placeholder(v) for v in value)
    return isinstance(value, str) and value.strip().startswith(PLACEHOLDER)


def _check_pattern(pattern: str, key: str, allowed: set[str], *, needs: str) -> None:
    import string

    try:
        names = {fname.split(".")[0].split("[")[0] for _, fname, _, _ in string.Formatter().parse(pattern) if fname}
    except ValueError as exc:
        raise ConfigError(f"Pola '{key}' tidak sah: {exc}.") from exc
    unknown = names - allowed
    if unknown:
        raise ConfigError(f"Pola '{key}' memakai kolom tidak dikenal {{{sorted(unknown)[0]}}}. Kolom yang sah: {', '.join(sorted(allowed))}.")
    if needs not in names:
        raise ConfigError(f"Pola '{key}' harus memuat {{{needs}}}.")
