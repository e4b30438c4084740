//go:build !race

package httpapi

// raceDetector: tests run under -race, several times slower.
const raceDetector = false
