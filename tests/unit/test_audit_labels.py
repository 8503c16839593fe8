"""Every action name and detail key the code writes to the audit log has Polish words for organisers.

The code is read, not imported: a new ``audit(..., "new_action", ...)`` or ``require_organiser(..., "x")``
without a label in ``services.audit_labels`` fails here before anyone sees a raw key on the page.
"""

import ast
import re
from pathlib import Path

from kongres_app.services.audit_labels import AUDIT_ACTIONS, DETAIL_KEYS

PACKAGE = Path(__file__).resolve().parents[2] / "kongres_app"
# Where the action name goes in the calls that log one (0-based position; also accepted as ``action=``).
ACTION_ARGUMENT = {"audit": 2, "require_organiser": 2, "require_moderator": 3}
DETAILS_ARGUMENT = {"audit": 3, "require_organiser": 3, "require_moderator": 4, "_deny": 3}
# Action names built from a value the function has checked against a fixed list just before.
F_STRINGS = {"set_{flag}": {"set_pinned", "set_plenary"}}
KEY_IN_TEXT = re.compile(r"(\w+)=")


def _name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _argument(call: ast.Call, position: int, keyword: str) -> ast.expr | None:
    if len(call.args) > position:
        return call.args[position]
    return next((k.value for k in call.keywords if k.arg == keyword), None)


def _template(node: ast.JoinedStr) -> str:
    return "".join(
        part.value if isinstance(part, ast.Constant) else "{" + ast.unparse(part.value) + "}" for part in node.values
    )


def _functions() -> list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                found.append((f"{path.relative_to(PACKAGE)}:{node.name}", node))
    return found


def logged_actions() -> tuple[set[str], list[str]]:
    """Action names passed to the logging calls, following a name passed on by a wrapper function."""
    takes = dict(ACTION_ARGUMENT)
    functions = _functions()
    actions: set[str] = set()
    unknown: list[str] = []
    grew = True
    while grew:
        grew = False
        for where, function in functions:
            params = [a.arg for a in function.args.posonlyargs + function.args.args]
            for call in (n for n in ast.walk(function) if isinstance(n, ast.Call)):
                name = _name(call)
                if name not in takes:
                    continue
                arg = _argument(call, takes[name], "action")
                if arg is None:
                    continue  # e.g. StaffState.require_organiser(), an on_load guard without an action
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    actions.add(arg.value)
                elif isinstance(arg, ast.JoinedStr) and _template(arg) in F_STRINGS:
                    actions |= F_STRINGS[_template(arg)]
                elif isinstance(arg, ast.Name) and arg.id in params:
                    if function.name not in takes:  # a wrapper: its own callers name the action
                        takes[function.name] = params.index(arg.id)
                        grew = True
                else:
                    unknown.append(f"{where}: {ast.unparse(call)}")
    return actions, sorted(set(unknown))


def logged_detail_keys() -> set[str]:
    keys: set[str] = set()
    for _where, function in _functions():
        for call in (n for n in ast.walk(function) if isinstance(n, ast.Call)):
            name = _name(call)
            arg = _argument(call, DETAILS_ARGUMENT[name], "details") if name in DETAILS_ARGUMENT else None
            for node in ast.walk(arg) if arg is not None else ():
                if isinstance(node, ast.Dict):
                    keys |= {k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}
                elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                    keys |= set(KEY_IN_TEXT.findall(node.value))
    return keys


def test_every_action_written_to_the_log_has_a_polish_label():
    actions, unknown = logged_actions()
    assert not unknown, "Action names the test cannot read (use a literal, or add to F_STRINGS):\n" + "\n".join(unknown)
    # The scan itself works: it finds actions of every kind (plain, wrapped, built, refusal-only).
    assert {
        "login",
        "save_settings",
        "hide_note",
        "set_pinned",
        "set_plenary",
        "read_audit",
        "read_dashboard",
    } <= actions
    missing = sorted(actions - AUDIT_ACTIONS.keys())
    assert not missing, f"Add a Polish label to AUDIT_ACTIONS in services/audit_labels.py for: {missing}"


def test_every_detail_key_written_to_the_log_has_a_polish_label():
    keys = logged_detail_keys()
    assert {"promoted", "capacities", "delegate", "note", "user", "registration"} <= keys
    missing = sorted(keys - DETAIL_KEYS.keys())
    assert not missing, f"Add a Polish label to DETAIL_KEYS in services/audit_labels.py for: {missing}"
