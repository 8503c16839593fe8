#!/usr/bin/env bash
# Stops at once, naming what is missing, before anything is installed.
set -u
python_cmd="${1:-python3}"
missing=0

if ! command -v "$python_cmd" >/dev/null 2>&1; then
  echo "BŁĄD: brak Pythona ($python_cmd). Potrzebny Python 3.11 lub nowszy: sudo apt-get install python3 python3-venv" >&2
  missing=1
elif ! "$python_cmd" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
  echo "BŁĄD: $python_cmd to $("$python_cmd" --version 2>&1); potrzebny Python 3.11 lub nowszy." >&2
  missing=1
elif ! "$python_cmd" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  echo "BŁĄD: Python nie ma modułu venv/ensurepip. Zainstaluj: sudo apt-get install python3-venv" >&2
  missing=1
fi

if ! command -v node >/dev/null 2>&1; then
  echo "BŁĄD: brak Node.js (20 lub nowszy). Zainstaluj: sudo apt-get install nodejs npm" >&2
  missing=1
elif ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)'; then
  echo "BŁĄD: Node.js $(node --version) jest za stary; potrzebny 20 lub nowszy." >&2
  missing=1
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "BŁĄD: brak npm (instaluje Bun i pakiety interfejsu). Zainstaluj: sudo apt-get install npm" >&2
  missing=1
fi

exit "$missing"
