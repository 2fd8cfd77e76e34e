"""The layer contract (docs/architecture.md): a module imports only its own layer and the layers below it, and
no function imports a pipeline module (the command line alone loads its commands lazily).

Read from the source with ``ast``, every import of the package counts: top-level, inside functions and under
``TYPE_CHECKING``. Following a dropped file through the code then never climbs back up the layers.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"

# Bottom to top. A module may import modules of its own layer and of the layers before it.
LAYERS = [
    {"pipeline", "pipeline._exec", "pipeline.core"},
    {"pipeline.store"},
    {"pipeline.intake"},
    {"pipeline.render"},
    {"pipeline.jobs"},
    {"pipeline.kinds"},
    {"pipeline.views"},
    {"pipeline.story"},
    {"pipeline.cli", "pipeline.__main__"},
]
LAZY_IMPORTS_ALLOWED = "pipeline.cli"   # the command line and its modules


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> int:
    """The layer of a module: that of the longest listed prefix of its name."""
    best, found = -1, None
    for index, layer in enumerate(LAYERS):
        for prefix in layer:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, found = len(prefix), index
    assert found is not None, f"{module} belongs to no layer: add it to LAYERS and docs/architecture.md"
    return found


def imports(tree: ast.Module, module: str):
    """(imported pipeline module, line, at module level?) for every import in the module."""
    package = module if module.count(".") == 0 or (PACKAGE / f"{module.split('.', 1)[1].replace('.', '/')}/__init__.py").exists() \
        else module.rsplit(".", 1)[0]
    top_level = {id(node) for node in tree.body} | {id(n) for node in tree.body if isinstance(node, ast.If)
                                                    for n in ast.walk(node)}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            if base == "pipeline" or base.startswith("pipeline."):
                targets = [f"{base}.{alias.name}" for alias in node.names]
                for target in targets:
                    yield (target if _is_module(target) else base), node.lineno, id(node) in top_level
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "pipeline" or alias.name.startswith("pipeline."):
                    yield alias.name, node.lineno, id(node) in top_level


def _is_module(name: str) -> bool:
    relative = Path(*name.split(".")[1:])
    return (PACKAGE / relative).with_suffix(".py").is_file() or (PACKAGE / relative / "__init__.py").is_file()


def all_modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        yield module_name(path), ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def test_every_module_imports_only_its_own_layer_and_below():
    upward = []
    for module, tree in all_modules():
        own = layer_of(module)
        for target, line, _ in imports(tree, module):
            if layer_of(target) > own:
                upward.append(f"{module}:{line} imports {target} (a higher layer)")
    assert not upward, "\n".join(upward)


def test_no_function_imports_a_pipeline_module_but_the_command_line():
    lazy = [f"{module}:{line} imports {target} inside a function"
            for module, tree in all_modules()
            if module != LAZY_IMPORTS_ALLOWED and not module.startswith(LAZY_IMPORTS_ALLOWED + ".")
            for target, line, top in imports(tree, module) if not top]
    assert not lazy, "\n".join(lazy)


def test_the_contract_catches_an_upward_import(tmp_path):
    """The checks above can fail: a store module reaching up to the story is reported."""
    tree = ast.parse("from pipeline.story import process_file\n\ndef f():\n    from pipeline.kinds import request\n")
    found = list(imports(tree, "pipeline.store.archive"))
    assert [(t, top) for t, _, top in found] == [("pipeline.story", True), ("pipeline.kinds.request", False)]
    assert layer_of("pipeline.story") > layer_of("pipeline.store.archive")


def test_help_and_read_only_commands_do_not_load_the_libreoffice_bridge():
    probe = ("import sys\nfrom click.testing import CliRunner\nfrom pipeline.cli import main\n"
             "CliRunner().invoke(main, ['--help'])\nCliRunner().invoke(main, ['cases', '--help'])\n"
             "print('uno' in sys.modules, 'pipeline.render.conversion' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                            cwd=PACKAGE.parent)
    assert result.stdout.split() == ["False", "False"]


def test_commands_that_convert_nothing_do_not_load_the_bridge(tmp_path):
    """The bridge is loaded when a LibreOffice instance starts: listing, the board, a register and verify never
    start one (``-X importtime`` lists every module a real run loaded)."""
    from .conftest import ROOT, make_workspace

    workspace = make_workspace(tmp_path / "ruang-kerja")
    env = {**os.environ, "PPID_CONFIG": str(workspace / "config.toml"), "PYTHONPATH": str(ROOT)}
    for args in (["cases"], ["status"], ["register", "permohonan"], ["verify"]):
        run = subprocess.run([sys.executable, "-X", "importtime", "-m", "pipeline", *args], cwd=workspace, env=env,
                             capture_output=True, text=True, check=True)
        loaded = {line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines() if line.startswith("import time:")}
        assert "pipeline.cli" in loaded and not {"uno", "pyuno"} & loaded, args
