"""The house rules of issue 14, checked so they stay true: small modules and classes, imports pointing one way
(see ARCHITECTURE.md), Reflex's internals named in one adapter, test modules sharing builders through
``tests/factories.py`` instead of importing each other."""

import ast
import re
from pathlib import Path

import kongres_app

APP = Path(kongres_app.__file__).parent
TESTS = Path(__file__).parents[1]
MAX_MODULE_LINES = 400
MAX_CLASS_LINES = 250


def _package(path: Path) -> str:
    """The dotted package a file is in (for an ``__init__.py``, its own package): what ``from . import`` means."""
    return ".".join(path.parent.relative_to(APP.parent).parts)


def imported(source: str, package: str) -> set[str]:
    """Every module ``source`` (a file in ``package``) imports, anywhere in it, with relative imports resolved
    and ``from module import name`` counted as ``module.name`` too (``name`` may be a module)."""
    parts = package.split(".")
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = parts[: len(parts) - node.level + 1] if node.level else []
            origin = ".".join([*base, *([node.module] if node.module else [])])
            found.add(origin)
            found.update(f"{origin}.{alias.name}" for alias in node.names)
    return found


def _py_files(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*.py") if "__pycache__" not in path.parts)


def _importing(root: Path, forbidden) -> list[str]:
    return sorted(
        f"{path.relative_to(APP.parent)}: {name}"
        for path in _py_files(root)
        for name in imported(path.read_text(encoding="utf-8"), _package(path))
        if forbidden(name)
    )


def _is_test_module(name: str) -> bool:
    return name.split(".")[-1].startswith("test_")


def test_the_checks_see_every_kind_of_import():
    source = "import a.test_x\nfrom tests.unit.test_y import f\nfrom . import test_z\ndef g():\n    from ..b import c\n"
    found = imported(source, "tests.unit")
    assert {"a.test_x", "tests.unit.test_y", "tests.unit.test_z", "tests.b.c"} <= found
    assert [name for name in found if _is_test_module(name)] != []
    assert "kongres_app.kongres_app" in imported("from .. import kongres_app", "kongres_app.states")


def test_no_test_module_imports_another_test_module():
    """Shared builders live in ``tests/factories.py`` (or, for the browser tests, in helper modules under
    ``tests/e2e`` whose names do not start with ``test_``): importing a test module runs its tests twice under
    another name and ties one feature's tests to another's."""
    offenders = sorted(
        f"{path.relative_to(TESTS.parent)}: {name}"
        for path in _py_files(TESTS)
        if path.name.startswith("test_")
        for name in imported(path.read_text(encoding="utf-8"), _package(path))
        if _is_test_module(name)
    )
    assert offenders == []


def test_no_module_of_the_app_is_over_400_lines():
    long = {
        str(path.relative_to(APP)): n
        for path in _py_files(APP)
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def test_no_class_of_the_app_is_over_250_lines():
    long = {
        f"{path.relative_to(APP)}:{node.name}": size
        for path in _py_files(APP)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef) and (size := node.end_lineno - node.lineno + 1) > MAX_CLASS_LINES
    }
    assert long == {}


def test_only_the_adapter_names_reflex_internals():
    """``reflex_base``, ``reflex_components_*`` and ``reflex.istate`` are Reflex's internals: only
    ``live/reflex_adapter.py`` names them (in any form, an
    ``importlib`` string too), so an upgrade that moves it breaks in one place."""
    offenders = [
        str(path.relative_to(APP))
        for path in _py_files(APP)
        if path != APP / "live" / "reflex_adapter.py"
        and re.search(r"\b(reflex_base|reflex_components_\w+|reflex\.istate)\b", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_states_do_not_import_the_app_module():
    """The live layer is handed the app at start; a state importing ``kongres_app.kongres_app`` would build the
    whole app (every page) on import and close an import cycle."""
    assert _importing(APP / "states", lambda name: name.startswith("kongres_app.kongres_app")) == []


def test_services_and_models_do_not_import_reflex():
    """The rules live in plain functions on plain tables, testable without Reflex (ARCHITECTURE.md)."""

    def is_reflex(name: str) -> bool:
        return name.split(".")[0] in {"reflex", "reflex_base"}

    assert _importing(APP / "services", is_reflex) == []
    assert _importing(APP / "models", is_reflex) == []
