// Package config loads the service settings: environment variables (Load)
// and the YAML file of sections and sources (LoadFile). Sources are read
// in their wire form (feedsvc.SourceSpec) and checked by the core's
// validators, so the file refuses what the admin API refuses, in the same
// words; config adds the file's own terms (line numbers, key paths, "did
// you mean"). It keeps no globals.
package config
