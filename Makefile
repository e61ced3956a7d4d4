# evaluate: evaluation reports for employment programmes.
# `make report` builds the binary and runs the bundled cohorts into out/;
# `make test` runs every test.

GO      ?= go
BIN     := bin/evaluate
COHORTS := data/cohorts/
FUZZTIME ?= 30s

.PHONY: report test bench lint validate-stats fuzz clean build

build: $(BIN)

$(BIN): $(shell find cmd pipeline models reports -name '*.go' -not -name '*_test.go') go.mod go.sum
	$(GO) build -o $(BIN) ./cmd/evaluate

report: $(BIN)
	./$(BIN) report --out out $(COHORTS)

test:
	$(GO) test ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

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

clean:
	rm -rf bin out
