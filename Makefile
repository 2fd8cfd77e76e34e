# The two commands of the README.
.PHONY: run test setup

# Set up everything (LibreOffice included) and watch the repository's own inbox/ until Ctrl-C.
run:
	./scripts/setup.sh
	.venv/bin/ppid watch

# Set up everything with the test tools and run the whole test suite.
test:
	./scripts/setup.sh test
	.venv/bin/python -m pytest

setup:
	./scripts/setup.sh test
