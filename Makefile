# Everything a fresh machine needs: `make run` and `make test` install first.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
PYTHON ?= python3

.PHONY: install test-fonts run test lint typecheck bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "tamis needs Python 3.11+"'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,bench,nudenet]'  # nudenet: AGPL-3.0 model, opt-in for users
	@touch $(STAMP)

install: $(STAMP) test-fonts

# Fonts the OCR tests draw text with (Latin with accents, Chinese). Installed with apt when
# running as root on Debian; elsewhere skipped quietly, and the tests that need them skip.
TEST_FONTS := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
test-fonts:
	@for f in $(TEST_FONTS); do [ -e "$$f" ] || missing=1; done; \
	if [ -n "$$missing" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends fonts-dejavu-core fonts-wqy-microhei) >/dev/null 2>&1 \
	  || echo "note: could not install the OCR test fonts; those tests will skip"; \
	fi

run: install
	$(VENV)/bin/tamis serve

lint: install
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

typecheck: install
	$(VENV)/bin/mypy

test: install lint typecheck
	$(VENV)/bin/pytest

bench: install
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
