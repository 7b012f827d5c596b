# The two commands of the README. Both install what is missing first (idempotent).
.PHONY: serve test setup-serve setup-test bench

serve: setup-serve
	scripts/serve.sh

test: setup-test
	scripts/test.sh

setup-serve:
	scripts/setup.sh serve

setup-test:
	scripts/setup.sh test
