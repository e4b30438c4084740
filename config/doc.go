// Package config loads the service settings: environment variables (Load)
// and the YAML file of sections and sources (LoadFile). It validates every
// value and names the variable, file and field in its errors; it keeps no
// globals.
package config
