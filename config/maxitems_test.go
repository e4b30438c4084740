package config

import (
	"strings"
	"testing"
)

func TestParseMaxItems(t *testing.T) {
	f, err := parse([]byte(strings.Replace(goodYAML, "interval: 15m", "interval: 15m\n    max_items: 50", 1)))
	if err != nil || f.Sources[0].MaxItems != 50 || f.Sources[0].ItemCap() != 50 {
		t.Fatalf("max_items 50: %v %+v", err, f.Sources)
	}
	if f, _ := parse([]byte(goodYAML)); f.Sources[0].ItemCap() != 200 {
		t.Errorf("default item cap %d, want 200", f.Sources[0].ItemCap())
	}
	_, err = parse([]byte(strings.Replace(goodYAML, "interval: 15m", "interval: 15m\n    max_items: -1", 1)))
	if err == nil || !strings.Contains(err.Error(), "max_items: -1") {
		t.Errorf("max_items -1: %v", err)
	}
}
