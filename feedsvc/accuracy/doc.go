// Package accuracy scores extracted articles against hand-labelled
// expectations (.expected.json, schema in testdata/shared/README.md and
// testdata/corpus/README.md) field by field, and tallies per-field
// accuracy over a set of pages. It is test support: the extract tests
// use Compare on the shared pages, and this package's own test runs the
// development corpus (testdata/corpus) and the shared pages through the
// ingest pipeline, the path an article page takes in the service and in
// `feedsvc check`. `make accuracy` prints its report.
package accuracy
