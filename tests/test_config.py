"""Loading config.toml: the shipped file is valid, and every mistake names its key."""

from pathlib import Path

import pytest

from pipeline.core.config import ConfigError, load_config

ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, text: str) -> Path:
    base = (ROOT / "config.toml").read_text(encoding="utf-8")
    path = tmp_path / "config.toml"
    path.write_text(base + "\n" + text, encoding="utf-8")
    return path


def test_shipped_config_loads_with_paths_relative_to_its_folder():
    config = load_config(ROOT / "config.toml")
    assert config.paths.inbox == ROOT / "inbox"
    assert config.paths.archive == ROOT / "archive"
    assert config.paper.size == "F4" and config.paper.millimetres == (215, 330)
    assert config.deadlines.notice_days == 10
    assert config.signers.ppid.nip.replace(" ", "").isdigit()


def test_env_variable_names_the_config(tmp_path, monkeypatch):
    path = write(tmp_path, "")
    monkeypatch.setenv("PPID_CONFIG", str(path))
    assert load_config().source == path


@pytest.mark.parametrize(
    ("section", "key_line", "named"),
    [
        ("[paper]", 'size = "Letter"', "paper.size"),
        ("[watch]", "stable_seconds = -1", "watch.stable_seconds"),
        ("[watch]", 'mode = "inotify"', "watch.mode"),
        ("[libreoffice]", "workers = 1.5", "libreoffice.workers"),
        ("[deadlines]", 'day_zero = "kemarin"', "deadlines.day_zero"),
        ("[numbering]", 'permohonan = "{nomor}/PPID"', "numbering.permohonan"),
        ("[numbering]", 'letter = "000.9.2/IKP"', "numbering.letter"),
        ("[paths]", 'folder_pattern = "../{nomor}"', "paths.folder_pattern"),
        ("[paths]", 'folder_pattern = "/srv/{nomor}"', "paths.folder_pattern"),
        ("[signers.ppid]", 'nip = "123"', "signers.ppid.nip"),
        ("[signers.ppid]", 'delegation = "a.n."', "signers.ppid.on_behalf_of"),
    ],
)
def test_bad_value_names_the_key(tmp_path, section, key_line, named):
    base = (ROOT / "config.toml").read_text(encoding="utf-8")
    key = key_line.split("=")[0].strip()
    # Replace the key inside its section so TOML stays valid (no duplicate keys).
    head, _, tail = base.partition(section + "\n")
    lines = tail.split("\n")
    lines = [line for line in lines if not line.startswith(key + " ")]
    path = tmp_path / "config.toml"
    path.write_text(head + section + "\n" + key_line + "\n" + "\n".join(lines), encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_config(path)
    assert named in str(exc.value)


def test_unknown_key_is_named(tmp_path):
    path = write(tmp_path, "[extra]\nfoo = 1\n")
    with pytest.raises(ConfigError, match="'extra'"):
        load_config(path)
    base = (ROOT / "config.toml").read_text(encoding="utf-8").replace("[paper]\n", "[paper]\nwarna = \"biru\"\n")
    path.write_text(base, encoding="utf-8")
    with pytest.raises(ConfigError, match="paper.warna"):
        load_config(path)


def test_missing_signer_is_named(tmp_path):
    base = (ROOT / "config.toml").read_text(encoding="utf-8")
    start = base.index("[signers.desk]")
    end = base.index("[paper]")
    path = tmp_path / "config.toml"
    path.write_text(base[:start] + base[end:], encoding="utf-8")
    with pytest.raises(ConfigError, match="signers.desk"):
        load_config(path)


def test_missing_file_and_bad_toml(tmp_path):
    with pytest.raises(ConfigError, match="tidak ditemukan"):
        load_config(tmp_path / "nope.toml")
    bad = tmp_path / "config.toml"
    bad.write_text("[paper\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="TOML"):
        load_config(bad)
