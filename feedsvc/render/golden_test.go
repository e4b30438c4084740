package render

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
)

var update = flag.Bool("update", false, "rewrite render/testdata golden files")

// goldenCases are the channels rendered against testdata/NAME.golden.EXT.
var goldenCases = []struct {
	name string
	ch   func() *feedsvc.Channel
}{
	{name: "rich", ch: richChannel},
	{name: "empty", ch: emptyChannel},
}

var goldenExt = map[string]string{FormatRSS: "rss.xml", FormatAtom: "atom.xml", FormatJSON: "json"}

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		for _, format := range Formats() {
			t.Run(tc.name+"/"+format, func(t *testing.T) {
				got, err := Render(format, forFormat(tc.ch(), format))
				if err != nil {
					t.Fatal(err)
				}
				path := filepath.Join("testdata", tc.name+".golden."+goldenExt[format])
				if *update {
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test -update to create it)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from golden file %s:\n%s", format, path, got)
				}
			})
		}
	}
}

// forFormat points ch.SelfURL at the format's own URL, as httpapi does.
func forFormat(ch *feedsvc.Channel, format string) *feedsvc.Channel {
	if u := ch.FeedURLs[format]; u != "" {
		ch.SelfURL = u
	}
	return ch
}
