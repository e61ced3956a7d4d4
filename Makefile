# evaluate: evaluation reports for employment programmes.
# `make report` builds the binary and runs the bundled cohorts into out/;
# `make test` runs every test. `make clean` removes build products (bin/);
# `make distclean` also removes out/, where the reports are.

GO      ?= go
BIN     := bin/evaluate
COHORTS := data/cohorts/
FUZZTIME ?= 30s
# The commit `evaluate version` names when the Go toolchain records none
# (it cannot in a git worktree, golang/go#58218, nor with -buildvcs=false).
COMMIT  := $(shell git describe --always --abbrev=40 --dirty=-modified 2>/dev/null)

.PHONY: bench-scale report test bench lint validate-stats fuzz clean distclean build man

build: $(BIN)

$(BIN): $(shell find cmd pipeline models reports -name '*.go' -not -name '*_test.go') $(wildcard reports/lang/*.yaml) go.mod go.sum
	$(GO) build -ldflags "-X main.commit=$(COMMIT)" -o $(BIN) ./cmd/evaluate

# The man page, from the same flag definitions as --help: man -l bin/evaluate.1
man: bin/evaluate.1

bin/evaluate.1: $(BIN)
	./$(BIN) man > $@

report: $(BIN)
	./$(BIN) report --out out $(COHORTS)

test:
	$(GO) test ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

bench-scale: $(BIN)
	./data/scale/bench.sh $(BIN)

validate-stats:
	EVALUATE_LONG=1 $(GO) test -run 'Coverage' -v -timeout 60m ./models/

fuzz:
	@for pkg in ./pipeline/extract/ ./pipeline/rules/ ./pipeline/config/ ./pipeline/privacy/; do \
		for f in $$($(GO) test -list '^Fuzz' $$pkg | grep ^Fuzz); do \
			$(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; done; done

lint:
	@test -z "$$(gofmt -l cmd pipeline models reports data)" || { gofmt -l cmd pipeline models reports data; exit 1; }
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

# Build products only: out/ holds the reports, which are the user's.
clean:
	rm -rf bin

distclean: clean
	rm -rf out
