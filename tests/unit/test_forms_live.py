"""Every form goes through ``forms.live_form`` and every submit button through ``forms.submit_button``:
a form built otherwise could submit natively (by GET, into the address) before the page is live."""

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "kongres_app"
HELPERS = PACKAGE / "components" / "forms.py"
RAW_FORM = re.compile(r"\brx\.(el\.)?form\(|type=\"submit\"")


def test_no_form_or_submit_button_is_built_past_the_helpers():
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != HELPERS
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if RAW_FORM.search(line)
    ]
    assert not offenders, "Use forms.live_form / forms.submit_button:\n" + "\n".join(offenders)
