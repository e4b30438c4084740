package feedsvc

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestArticleJSONNullsAndRoundTrip(t *testing.T) {
	a := Article{ID: "x", URL: "https://e.org/a", Title: "T",
		Published: time.Date(2023, 11, 14, 23, 24, 0, 0, time.UTC),
		Images:    []Image{{URL: "https://e.org/i.jpg"}}}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`"kicker":null`, `"editor":null`, `"authors":[]`, `"categories":[]`,
		`"published":"2023-11-14T23:24:00Z"`, `"updated":null`, `"caption":null`} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %s in %s", want, s)
		}
	}
	var back Article
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !back.Published.Equal(a.Published) || back.Title != "T" || back.Kicker != "" || back.Images[0].URL != a.Images[0].URL {
		t.Errorf("round trip: got %+v", back)
	}
}
