package accuracy

import (
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// A date labelled at minute precision (seconds 00) matches any time in that
// minute; a label with seconds needs the exact second.
func TestCompareDatePrecision(t *testing.T) {
	at := func(s string) time.Time {
		d, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	cases := []struct {
		want, got string
		ok        bool
	}{
		{"2016-12-23T00:47:00Z", "2016-12-23T00:47:31Z", true},
		{"2016-12-23T00:47:00Z", "2016-12-23T00:47:00Z", true},
		{"2016-12-23T00:47:00Z", "2016-12-23T00:48:00Z", false},
		{"2016-12-23T00:47:00Z", "2016-12-23T00:46:59Z", false},
		{"2014-01-25T05:57:05Z", "2014-01-25T05:57:06Z", false},
		{"2014-01-25T05:57:05Z", "2014-01-25T05:57:05Z", true},
	}
	for _, c := range cases {
		w := c.want
		exp := Expected{PublishedUTC: &w}
		res := Compare(exp, feedsvc.Article{Published: at(c.got), PublishedRaw: c.got}, Options{})
		var ok, found bool
		for _, r := range res {
			if r.Field == "published" {
				ok, found = r.OK, true
			}
		}
		if !found || ok != c.ok {
			t.Errorf("want %s got %s: ok=%v (found %v), want %v", c.want, c.got, ok, found, c.ok)
		}
	}
}
