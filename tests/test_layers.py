"""No cycles at the edges (issue 11, item 9): the readers share `muster.records` and none imports
another's private names; the flows never import the command line; the command imports the flow
only when it runs it (`muster.runner`)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READERS = {"muster.readers", "muster.web", "muster.warc"}
COMMAND = {"muster.cli", "muster.runner", "muster.supervisor"}


def imports(path: Path, top_level_only: bool = False) -> list[tuple[str, list[str]]]:
    """(module, names) for every import in a file (at module level only, if asked)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found = []
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, [a.name for a in node.names]))
            found += [(f"{node.module}.{a.name}", []) for a in node.names]
        elif isinstance(node, ast.Import):
            found += [(a.name, []) for a in node.names]
    return found


def module_path(name: str) -> Path:
    return ROOT / (name.replace(".", "/") + ".py")


def test_readers_import_no_private_name_of_one_another():
    for reader in READERS:
        for module, names in imports(module_path(reader)):
            if module in READERS - {reader}:
                assert not [n for n in names if n.startswith("_")], (reader, module, names)


def test_readers_share_records_and_web_and_warc_import_no_reader():
    for reader in ("muster.web", "muster.warc"):
        imported = {module for module, _ in imports(module_path(reader))}
        assert "muster.records" in imported
        assert not imported & READERS, (reader, imported & READERS)


def test_no_flow_imports_the_command_line():
    for path in sorted((ROOT / "flows").glob("*.py")):
        imported = {module for module, _ in imports(path)}
        assert not imported & COMMAND, (path.name, imported & COMMAND)


def test_the_command_line_imports_no_flow_at_module_level():
    for name in COMMAND:
        imported = {module for module, _ in imports(module_path(name), top_level_only=True)}
        assert not {m for m in imported if m == "flows" or m.startswith("flows.")}, name
