# feedsvc — common tasks. `make test` is the one test command (CI runs it).
GO      ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
FUZZTIME ?= 10s
# Build and test with the patched toolchain go.mod names (fetched through
# the Go module proxy when the local Go is older); override to use another.
GOTOOLCHAIN ?= go1.26.11+auto
export GOTOOLCHAIN

.PHONY: test run build lint fuzz bench load scale vulncheck accuracy accuracy-compare

## test: all tests with the race detector, against a real redis-server
## (installed and started on a free loopback port by .ci/with-redis), a
## Redis Cluster of 3 primaries + 3 replicas (.ci/with-redis-cluster) and
## a Sentinel set (.ci/with-redis-sentinel); the Redis store's contract
## runs on all three.
test:
	bash .ci/with-redis bash .ci/with-redis-cluster bash .ci/with-redis-sentinel \
		$(GO) test -race -count=1 -timeout 30m ./...

## accuracy: per-field extraction accuracy over testdata/corpus (zh, en,
## all) and testdata/shared/pages through the ingest pipeline, then every
## miss per page (field, want, got). See testdata/corpus/README.md.
accuracy:
	$(GO) test -count=1 -run '^TestAccuracy$$' -v ./feedsvc/accuracy/

## run: the service on the bundled offline example.
run:
	$(GO) run ./cmd/feedsvc serve -config examples/feedsvc.yaml

COMMIT  ?= $(shell git rev-parse HEAD 2>/dev/null)

build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags "-s -w -X main.version=$(VERSION) -X main.commit=$(COMMIT)" -o bin/feedsvc ./cmd/feedsvc

## lint: go vet, gofmt, go.mod/go.sum tidy (fails and prints the diff when
## `go mod tidy` would change them) and staticcheck at a pinned version.
STATICCHECK_VERSION ?= v0.8.2
lint:
	$(GO) vet ./...
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt:"; echo "$$out"; exit 1; fi
	@$(GO) mod tidy -diff || { echo "lint: go.mod/go.sum are not tidy: run go mod tidy"; exit 1; }
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...

## vulncheck: govulncheck against a database built from golang.org/x/vulndb.
vulncheck:
	bash .ci/vulncheck

## fuzz: run every fuzz target for FUZZTIME each. Fuzzing uses Go 1.27,
## whose coordinator no longer fails a clean run with "context deadline
## exceeded" at the -fuzztime boundary (go.dev/issue/75804, in 1.26.x).
FUZZ_TOOLCHAIN ?= go1.27.4
fuzz: export GOTOOLCHAIN = $(FUZZ_TOOLCHAIN)
fuzz:
	@$(GO) version
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

## bench: the ingest throughput against gofeed on the same bytes (one
## line per feed: pipeline MB/s, gofeed MB/s, "pipeline/gofeed = N×",
## allocations per item; goal ≥ 0.5×), the Go benchmarks, then the HTTP
## load benchmark.
bench:
	$(GO) test -run '^$$' -bench '^BenchmarkThroughput$$' -benchtime 30x ./feedsvc/ingest/
	bash .ci/with-redis $(GO) test -run '^$$' -bench . -benchmem ./...
	bash .ci/bench-load

## load: the mixed soak test (reads, 304s, filters, admin writes while
## ingest runs) against a freshly built service; LOAD_DURATION=3m.
load:
	bash .ci/load-mixed

## scale: 10,000 sources on 200 loopback hosts and 1,000 sections, on the
## embedded store and on Redis: first poll cycle, peak RSS, channel
## latency during the cycle, CPU per 1,000 polls, Redis memory (.ci/scale).
scale:
	bash .ci/scale

## accuracy-compare: body-text F1 (precision, recall) over the development
## corpus (testdata/corpus/**/*.body.txt) for feedsvc's own extraction,
## go-readability and go-trafilatura. A throwaway comparison in its own
## module (bench/extractors): the compared libraries are no dependencies
## of the service.
accuracy-compare:
	cd bench/extractors && $(GO) run . -corpus ../../testdata/corpus $(if $(V),-v)
