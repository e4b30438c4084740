package config

import (
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
)

func TestSourceFulltextOption(t *testing.T) {
	f, err := parse([]byte(goodYAML))
	if err != nil || len(f.Sources) == 0 || f.Sources[0].Fulltext != "" {
		t.Fatalf("no fulltext key: %v %+v (want \"\", meaning auto)", err, f.Sources)
	}
	for _, mode := range []string{feedsvc.FulltextAuto, feedsvc.FulltextAlways, feedsvc.FulltextNever} {
		f, err := parse([]byte(strings.Replace(goodYAML, "interval: 15m", "interval: 15m\n    fulltext: "+mode, 1)))
		if err != nil || f.Sources[0].Fulltext != mode {
			t.Errorf("fulltext %s: %v %+v", mode, err, f.Sources)
		}
	}
	_, err = parse([]byte(strings.Replace(goodYAML, "interval: 15m", "interval: 15m\n    fulltext: sometimes", 1)))
	if err == nil || !strings.Contains(err.Error(), `fulltext: "sometimes"`) {
		t.Errorf("fulltext sometimes: %v, want an error naming the field and value", err)
	}
}
