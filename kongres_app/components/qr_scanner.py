"""A camera QR scanner: ``@yudiel/react-qr-scanner`` (decoding by ZXing's WebAssembly build) as a Reflex component.

Desktop Chromium and Firefox have no native ``BarcodeDetector``, so the library falls back to the
``zxing-wasm`` polyfill, which by default fetches its ``.wasm`` from a public CDN. The hall's network may
be poor and the machines here are offline, so the ``.wasm`` is bundled with the app (Vite's ``?url``
import) and handed to the polyfill before the scanner is first rendered.

The versions are pinned together: ``barcode-detector`` 3.2.2 requires exactly ``zxing-wasm`` 3.1.3, and the
JavaScript glue and the ``.wasm`` binary must come from the same release.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

import reflex as rx
from reflex.vars import ObjectVar, Var

SCANNER_PACKAGE = "@yudiel/react-qr-scanner"
SCANNER_VERSION = "2.6.0"
WASM_DEPENDENCIES = ["barcode-detector@3.2.2", "zxing-wasm@3.1.3"]
WASM_URL_IMPORT = "zxing-wasm/reader/zxing_reader.wasm?url"


def _first_decoded_value(codes: ObjectVar[Any]) -> tuple[Var[str]]:
    """``onScan(detectedCodes)``: the handler gets the first code's text."""
    return (codes.to(list)[0].to(dict)["rawValue"].to(str),)


def _error_kind(error: ObjectVar[Any]) -> tuple[Var[str]]:
    """``onError(error)``: the handler gets the library's kind (``permission-denied``, ``no-camera`` ...)."""
    return (error.to(dict)["kind"].to(str),)


class QrScanner(rx.NoSSRComponent):
    """The camera view; it asks for the camera when mounted and releases it when unmounted."""

    library = f"{SCANNER_PACKAGE}@{SCANNER_VERSION}"
    lib_dependencies: list[str] = WASM_DEPENDENCIES
    tag = "Scanner"

    # Bare annotations, as Reflex's docs declare a wrapped component's props (``rx.field`` is for states).
    formats: Var[list[str]]  # barcode formats to look for, e.g. ['qr_code']
    constraints: Var[dict[str, Any]]  # MediaTrackConstraints for the camera
    components: Var[dict[str, Any]]  # the library's own overlay controls (finder, torch ...)
    allow_multiple: Var[bool]  # report a code that stays in view again after scan_delay
    scan_delay: Var[int]  # milliseconds between reports of codes that stay in view
    sound: Var[bool]  # the library's own beep (off: the page gives its own feedback)
    class_names: Var[dict[str, str]]  # class names for the container and the video

    # ``Annotated[EventHandler, spec]`` is what ``EventHandler[spec]`` returns, spelt so mypy reads it too.
    on_scan: Annotated[rx.EventHandler, _first_decoded_value]  # a code was decoded: its text
    on_error: Annotated[rx.EventHandler, _error_kind]  # the camera could not start or decoding failed

    def _get_dynamic_imports(self) -> str:
        # Same shape as NoSSRComponent's own (and Plotly's override): a client-only lazy component, whose
        # loader also points the ZXing polyfill at the bundled .wasm before the scanner can use it.
        name = self.alias or self.tag
        return f"""
const {name} = ClientSide(() =>
  Promise.all([import('{SCANNER_PACKAGE}'), import('{WASM_URL_IMPORT}')]).then(([mod, wasm]) => {{
    mod.prepareZXingModule({{
      overrides: {{ locateFile: (path, prefix) => (path.endsWith(".wasm") ? wasm.default : prefix + path) }},
    }});
    return mod.Scanner;
  }})
, {json.dumps(name)})
"""


qr_scanner = QrScanner.create
