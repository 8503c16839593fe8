# Kongres: one command to run the app, one to test it. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
PORT ?= 3000
BACKEND_PORT ?= 8000
BUN_VERSION := 1.4.4

VENV := .venv
BIN := $(VENV)/bin
TOOLS := .tools
BUN := $(TOOLS)/node_modules/.bin/bun
LIGHTHOUSE := $(TOOLS)/node_modules/.bin/lighthouse
LIGHTHOUSE_VERSION := 12.2.3
DEPS_STAMP := $(VENV)/.deps-installed
DEV_STAMP := $(VENV)/.dev-deps-installed
CHROMIUM := /usr/bin/chromium

# Reflex uses the project-local Bun (from the npm registry) instead of downloading one.
export PATH := $(CURDIR)/$(TOOLS)/node_modules/.bin:$(CURDIR)/$(BIN):$(PATH)
export REFLEX_USE_SYSTEM_BUN := 1
export TELEMETRY_ENABLED := false
export REFLEX_CHECK_LATEST_VERSION := false
export PORT
# Reflex would probe two npm registries for the fastest; use the one npm is configured with.
NPM_CONFIG_REGISTRY ?= $(shell npm config get registry 2>/dev/null)
export NPM_CONFIG_REGISTRY

.PHONY: help run run-scaled dev test lint setup deps dev-deps bun db chromium servers prereqs clean bench organiser

help:
	@echo "make run    - instaluje wszystko, przygotowuje bazę i uruchamia aplikację na http://localhost:$(PORT)"
	@echo "make test   - to samo przygotowanie, potem lint i wszystkie testy (także w przeglądarce)"
	@echo "make dev    - tryb deweloperski z przeładowaniem na gorąco"
	@echo "make run-scaled - PostgreSQL + Redis + kilka procesów (skalowanie)"
	@echo "make organiser - tworzy konto organizatora (pyta o login i hasło)"
	@echo "make clean  - usuwa pliki generowane (.web, .states); dane w data/ zostają"

prereqs:
	@scripts/check-prereqs.sh "$(PYTHON)"

$(DEPS_STAMP): requirements.txt constraints.txt | prereqs
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(DEV_STAMP): requirements-dev.txt $(DEPS_STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

$(BUN): | prereqs
	npm install --silent --no-audit --no-fund --prefix $(TOOLS) bun@$(BUN_VERSION)
	@$(BUN) --version

# Lighthouse 13 needs Node 22: pin 12.2.3, which runs on Node 20 with Debian's Chromium.
$(LIGHTHOUSE): | $(BUN)
	npm install --silent --no-audit --no-fund --prefix $(TOOLS) lighthouse@$(LIGHTHOUSE_VERSION)

deps: $(DEPS_STAMP)
dev-deps: $(DEV_STAMP)
bun: $(BUN)

# Migrate the database and load the congress data (both safe to repeat).
db: deps
	$(BIN)/python -m kongres_app.cli setup

setup: deps bun db

run: setup
	@$(BIN)/python -m kongres_app.cli check --port
	@$(BIN)/python -m kongres_app.cli first-screen
	$(BIN)/reflex run --env prod --frontend-port $(PORT) --backend-port $(PORT)

# Scale-out on one machine: local PostgreSQL and Redis (data under data/scaled), several workers.
SCALED_DIR := $(CURDIR)/data/scaled
GRANIAN_WORKERS ?= 2
run-scaled: setup servers
	@eval "$$($(BIN)/python -m kongres_app.local_services start $(SCALED_DIR))" && \
	export REFLEX_DB_URL REFLEX_REDIS_URL GRANIAN_WORKERS=$(GRANIAN_WORKERS) && \
	echo "PostgreSQL: $$REFLEX_DB_URL  Redis: $$REFLEX_REDIS_URL  workers: $(GRANIAN_WORKERS)" && \
	$(BIN)/python -m kongres_app.cli setup && \
	$(BIN)/python -m kongres_app.cli check --port && \
	$(BIN)/python -m kongres_app.cli first-screen && \
	$(BIN)/reflex run --env prod --frontend-port $(PORT) --backend-port $(PORT); \
	status=$$?; $(BIN)/python -m kongres_app.local_services stop $(SCALED_DIR); exit $$status

dev: setup
	$(BIN)/reflex run --env dev --frontend-port $(PORT) --backend-port $(BACKEND_PORT)

organiser: deps db
	$(BIN)/python -m kongres_app.cli organiser

# PostgreSQL and Redis for the integration tests (and make run-scaled): Debian's packages.
servers:
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v redis-server >/dev/null; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Instaluję PostgreSQL i Redis (pakiety Debiana) do testów integracyjnych..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql redis-server >/dev/null; \
	  else \
	    echo "UWAGA: brak PostgreSQL/Redis; testy na PostgreSQL zostaną pominięte. Zainstaluj: sudo apt-get install postgresql redis-server" >&2; \
	  fi; \
	fi

chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Instaluję przeglądarkę Chromium (pakiet Debiana) do testów..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "BŁĄD: testy w przeglądarce potrzebują $(CHROMIUM). Zainstaluj ją: sudo apt-get install chromium" >&2; \
	    exit 1; \
	  fi; \
	fi

lint: dev-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: setup dev-deps chromium servers $(LIGHTHOUSE) lint
	$(BIN)/python -m pytest

bench: setup dev-deps chromium servers $(LIGHTHOUSE)
	$(BIN)/python -m bench

clean:
	rm -rf .web .states
