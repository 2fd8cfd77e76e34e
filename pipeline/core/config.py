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
from datetime import date
from pathlib import Path
from typing import Literal

from pipeline.core.numbering import format_number, seq_of
from pipeline.core.vocab import DEFAULT_PAPER, LETTER_KEYS, PAPERS

DEFAULT_CONFIG_NAME = "config.toml"


class ConfigError(Exception):
    """A configuration problem; the message names the key and is shown to the user as is."""


@dataclass(frozen=True)
class AgencySettings:
    """The PPID's own office: its letterhead, and the issuer of whatever a signer without ``issuer`` signs."""

    government: str = "PEMERINTAH PROVINSI BALI"
    name: str = "DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK"
    short_name: str = "Diskominfos"
    address: str = "Jalan D.I. Panjaitan Nomor 7, Niti Mandala Renon"
    city: str = "Denpasar"
    phone: str = "(0361) 229740"
    email: str = "ppid@baliprov.go.id"
    website: str = "ppid.baliprov.go.id"
    letterhead: list[str] = field(default_factory=list)
    logo: Path | None = None
    public_body: str = "Pemerintah Provinsi Bali"
    """The Badan Publik the PPID serves: "PPID Pemerintah Provinsi Bali" in the SK Penolakan's title and body."""


@dataclass(frozen=True)
class IssuerSettings:
    """An office that issues documents: its letterhead and its own number series (Pergub Bali 6/2020 Pasal 20:
    what the Sekretaris Daerah signs is numbered by the Sekretariat Daerah and carries its letterhead).

    ``letters`` and ``decrees`` are number patterns; an empty pattern means the office's own registry numbers
    the document when it is signed: the draft leaves a dotted line for that registry to fill in, and
    ``ppid nomor`` records the number given."""

    government: str = ""
    name: str = ""
    short_name: str = ""
    address: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    letterhead: list[str] = field(default_factory=list)
    logo: Path | None = None
    letters: str = ""
    decrees: str = ""


@dataclass(frozen=True)
class Signer:
    """Who signs, and how (Tata Naskah Dinas). The delegation forms, modelled here once:

    ===========  ============================================  =========================================
    delegation   signature block above the name                the office the document is issued by
    ===========  ============================================  =========================================
    ""           ``<position>,``                               ``position``
    a.n.         ``a.n. <on_behalf_of>`` / ``<position>,``     ``on_behalf_of`` (signed on its behalf)
    u.b.         ``a.n. <on_behalf_of>`` / ``<via>,`` /        ``on_behalf_of``; ``via`` signs a.n. and
                 ``u.b.`` / ``<position>,``                    this signer signs for ``via``
    Plt., Plh.   ``Plt. <position>,`` on one line              ``position``: the office acted in
    ===========  ============================================  =========================================

    A decree stays the office's ("KEPUTUSAN SEKRETARIS DAERAH ...") whatever the delegation; only the signature
    block shows it. ``issuer`` names the ``[issuers]`` office whose letterhead and series its documents carry.
    """

    name: str
    nip: str = ""
    rank: str = ""
    position: str = ""
    delegation: Literal["", "a.n.", "u.b.", "Plt.", "Plh."] = ""
    on_behalf_of: str = ""
    via: str = ""
    issuer: str = ""

    @property
    def office(self) -> str:
        """The office in whose name the document is issued (a decree's "KEPUTUSAN <office>", a nota's "Dari")."""
        return self.on_behalf_of if self.delegation in ("a.n.", "u.b.") else self.position

    @property
    def acting_as(self) -> str:
        """The office as the signer holds it: "Plt. Sekretaris Daerah ..." under Plt./Plh., else the office."""
        return f"{self.delegation} {self.position}" if self.delegation in ("Plt.", "Plh.") else self.office

    @property
    def signed_as(self) -> str:
        """How the signer signs, on one line (a register's cell): "Plt. <office>", "a.n. <office>", the position."""
        return f"a.n. {self.on_behalf_of}" if self.delegation in ("a.n.", "u.b.") else self.acting_as

    def signature_lines(self, *, upper: bool = False) -> list[str]:
        """The lines of the signature block above the space for the signature; ``upper`` capitalises the
        offices (decrees), never the prefixes."""
        def cap(text: str) -> str:
            return text.upper() if upper else text

        if self.delegation == "a.n.":
            return [f"a.n. {cap(self.on_behalf_of)}", f"{cap(self.position)},"]
        if self.delegation == "u.b.":
            return [f"a.n. {cap(self.on_behalf_of)}", f"{cap(self.via)},", "u.b.", f"{cap(self.position)},"]
        if self.delegation in ("Plt.", "Plh."):
            return [f"{self.delegation} {cap(self.position)},"]
        return [f"{cap(self.position)},"]


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
    decree: str = "{seq:03d}/KEP/PPID/{tahun}"
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
    dip_addressee: str = "PPID Pelaksana di Lingkungan Pemerintah Provinsi Bali"
    """Whom the DIP's covering letter (surat pengantar) goes to once the SK DIP is signed."""


@dataclass(frozen=True)
class DecreeSettings:
    dip_signer: Literal["ppid", "atasan_ppid"] = "atasan_ppid"
    dik_signer: Literal["ppid", "atasan_ppid"] = "atasan_ppid"
    dik_approver: Literal["", "atasan_ppid"] = ""
    """Perki 1/2017 Pasal 4: the PPID classifies with the consent of the head of the public body. When the SK DIK
    is signed by the PPID, "atasan_ppid" adds the Atasan PPID's "Menyetujui" block."""


@dataclass(frozen=True)
class PaymentSettings:
    """How copy costs are paid (Perki 1/2010 Pasal 28): printed in the written notice, offered by ``ppid serahkan``."""

    methods: list[str] = field(default_factory=lambda: ["tunai"])
    """Keys of ``method_texts`` the office accepts, in the order the notice lists them."""
    method_texts: dict[str, str] = field(default_factory=lambda: {
        "tunai": "tunai di meja layanan informasi, dengan tanda terima pembayaran yang terinci"})


@dataclass(frozen=True)
class LawSettings:
    """Laws as letters cite them: "UU 17/2023" is written "Undang-Undang Nomor 17 Tahun 2023 tentang <title>";
    a law in ``replaced`` is no longer in force, and a basis citing it is refused, naming what replaced it."""

    titles: dict[str, str] = field(default_factory=dict)
    replaced: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ReportSettings:
    """The yearly report's texts that no figure can give (Perki: a general description, obstacles and
    recommendations): paragraphs, as the office writes them."""

    general: list[str] = field(default_factory=list)
    obstacles: list[str] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)


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
    issuers: dict[str, IssuerSettings] = field(default_factory=dict)
    payment: PaymentSettings = field(default_factory=PaymentSettings)
    tembusan: dict[str, list[str]] = field(default_factory=dict)
    laws: LawSettings = field(default_factory=LawSettings)
    report: ReportSettings = field(default_factory=ReportSettings)
    source: Path | None = None
    """The file this configuration was loaded from (not a TOML key)."""

    @property
    def workspace(self) -> Path:
        return self.source.parent if self.source else Path.cwd()

    def issuer(self, key: str) -> IssuerSettings:
        """The issuing office ``key`` of ``[issuers]``; "" is the PPID's own office (``[agency]``, with the
        ``[numbering]`` letter and decree series). An issuer's empty letterhead fields are the agency's."""
        agency = self.agency
        if not key:
            return IssuerSettings(agency.government, agency.name, agency.short_name, agency.address, agency.city,
                                  agency.phone, agency.email, agency.website, list(agency.letterhead), agency.logo,
                                  self.numbering.letter, self.numbering.decree)
        own = self.issuers[key]
        return dataclasses.replace(own, **{name: getattr(agency, name) for name in ("government", "city")
                                           if not getattr(own, name)})


_NOT_TOML_KEYS = {"source"}
_PATTERN_FIELDS = {"seq", "tahun", "bulan", "bulan_romawi", "kode"}
_FOLDER_FIELDS = {"tahun", "bulan", "nomor", "jenis", "seq"}


def config_file(path: Path | str | None = None) -> Path:
    """Which configuration is meant: ``path``, else ``$PPID_CONFIG``, else ``./config.toml``."""
    return Path(path or os.environ.get("PPID_CONFIG") or DEFAULT_CONFIG_NAME).resolve()


def load_config(path: Path | str | None = None) -> Config:
    """Load and validate the configuration (``config_file``)."""
    path = config_file(path)
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
        if not isinstance(value, dict):
            raise ConfigError(f"Kunci '{key}' harus berupa tabel [bagian].")
        item = typing.get_args(hint)[1]
        return {str(k): _coerce(item, v, key=f"{key}.{k}", base=base) for k, v in value.items()}
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
    for name in ("permohonan", "keberatan", "letter", "dip", "dik"):   # "decree" may be empty: see _check_issuers
        _check_pattern(getattr(config.numbering, name), f"numbering.{name}", _PATTERN_FIELDS, needs="seq")
    _check_pattern(config.paths.folder_pattern, "paths.folder_pattern", _FOLDER_FIELDS, needs="nomor")
    pattern = config.paths.folder_pattern
    if pattern.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", pattern) or ".." in re.split(r"[/\\]", pattern):
        raise ConfigError("Nilai 'paths.folder_pattern' tidak boleh berupa path absolut atau memuat '..'.")
    for name in ("ppid", "atasan_ppid", "desk"):
        _check_signer(config, name, getattr(config.signers, name))
    _check_issuers(config)
    _check_payment(config.payment)
    for letter in config.tembusan:
        if letter not in LETTER_KEYS:
            raise ConfigError(f"Kunci tidak dikenal: 'tembusan.{letter}'. Surat yang sah: {', '.join(LETTER_KEYS)}.")
    for section in ("titles", "replaced"):
        for law in getattr(config.laws, section):
            if not re.fullmatch(r"\d+/\d{4}", law):
                raise ConfigError(f"Kunci 'laws.{section}.\"{law}\"' harus berbentuk nomor/tahun, misalnya \"17/2023\".")
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
    """Every key still holding ``ppid init``'s placeholders ("[ISI: …]"): the letterhead and signers first."""
    first = ("agency", "signers")
    rest = [f.name for f in dataclasses.fields(config) if f.name not in first and f.name != "source"]
    return [key for name in (*first, *rest) for key in _placeholders(getattr(config, name), name)]


def _placeholders(value, key: str):
    if dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _placeholders(getattr(value, f.name), f"{key}.{f.name}")
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _placeholders(item, f"{key}.{name}")
    elif _is_placeholder(value):
        yield key


def _is_placeholder(value) -> bool:
    if isinstance(value, list):
        return any(_is_placeholder(v) for v in value)
    return isinstance(value, str) and value.strip().startswith(PLACEHOLDER)


def _check_signer(config: Config, name: str, signer: Signer) -> None:
    """A signer whose block cannot be written as the Tata Naskah Dinas writes it is refused, naming the key."""
    key = f"signers.{name}"
    digits = signer.nip.replace(" ", "")
    if digits and not (digits.isdigit() and len(digits) == 18):
        raise ConfigError(f"Nilai '{key}.nip' harus 18 angka (boleh dengan spasi).")
    if not signer.position.strip():
        raise ConfigError(f"Kunci '{key}.position' wajib diisi: jabatan dicetak pada blok tanda tangan.")
    needs = {"a.n.": ("on_behalf_of",), "u.b.": ("on_behalf_of", "via")}.get(signer.delegation, ())
    for field_name in ("on_behalf_of", "via"):
        value = getattr(signer, field_name).strip()
        if field_name in needs and not value:
            raise ConfigError(f"Kunci '{key}.{field_name}' wajib diisi bila delegation = {signer.delegation!r} "
                              f"({_DELEGATION_HELP[signer.delegation]}).")
        if field_name not in needs and value:
            meaning = _DELEGATION_HELP.get(signer.delegation, "tanpa delegasi")
            raise ConfigError(f"Kunci '{key}.{field_name}' harus kosong bila delegation = {signer.delegation!r} "
                              f"({meaning}); nilainya tidak akan tercetak.")
    if signer.issuer and signer.issuer not in config.issuers:
        raise ConfigError(f"Nilai '{key}.issuer' tidak dikenal: {signer.issuer!r}. Tambahkan [issuers.{signer.issuer}] "
                          f"atau kosongkan (surat diterbitkan dengan kop [agency]).")


_DELEGATION_HELP = {
    "": "tanpa delegasi",
    "a.n.": "atas nama: on_behalf_of = jabatan yang diwakili",
    "u.b.": "untuk beliau: on_behalf_of = pejabat a.n., via = pejabat yang menandatangani a.n.",
    "Plt.": "pelaksana tugas: position = jabatan yang dilaksanakan, dicetak \"Plt. <jabatan>\"",
    "Plh.": "pelaksana harian: position = jabatan yang dilaksanakan, dicetak \"Plh. <jabatan>\"",
}


def _check_issuers(config: Config) -> None:
    """Every issuer has a letterhead and an emblem it can print; its series' patterns are valid and no two series
    can give the same number."""
    series = {"numbering.letter": config.numbering.letter, "numbering.decree": config.numbering.decree}
    _check_logo(config.agency.logo, "agency.logo")
    for key, issuer in config.issuers.items():
        if not (issuer.name.strip() or issuer.letterhead):
            raise ConfigError(f"Kunci 'issuers.{key}.name' wajib diisi (baris kop surat), atau isi 'issuers.{key}.letterhead'.")
        _check_logo(issuer.logo, f"issuers.{key}.logo")
        series[f"issuers.{key}.letters"] = issuer.letters
        series[f"issuers.{key}.decrees"] = issuer.decrees
    for name, pattern in series.items():
        if pattern and name != "numbering.letter":    # the letter series is checked with the other patterns
            _check_pattern(pattern, name, _PATTERN_FIELDS, needs="seq")
    _check_series_apart({name: pattern for name, pattern in series.items() if pattern})


LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")


def _check_logo(path: Path | None, key: str) -> None:
    if path is not None and (not path.is_file() or path.suffix.lower() not in LOGO_SUFFIXES):
        raise ConfigError(f"Nilai '{key}' harus berkas gambar PNG atau JPEG yang ada: {path}")


def _check_series_apart(series: dict[str, str]) -> None:
    """A number of one series must not read as a number of another (the counters are rebuilt from the numbers)."""
    for name, pattern in series.items():
        sample = format_number(pattern, seq=123, on=date(2026, 3, 16))
        for other, other_pattern in series.items():
            if other != name and seq_of(other_pattern, sample) is not None:
                raise ConfigError(f"Pola '{name}' dan '{other}' dapat menghasilkan nomor yang sama ({sample}); "
                                  "bedakan kedua pola (mis. kode unit).")


def _check_payment(payment: PaymentSettings) -> None:
    if not payment.methods:
        raise ConfigError("Kunci 'payment.methods' wajib berisi minimal satu cara pembayaran.")
    for method in payment.methods:
        if not payment.method_texts.get(method, "").strip():
            raise ConfigError(f"Nilai 'payment.methods' memuat {method!r} yang belum diuraikan di "
                              f"[payment.method_texts] ({method} = \"...\").")


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
