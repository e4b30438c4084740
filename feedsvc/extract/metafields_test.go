package extract

import (
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// snippet extracts a small hand-written page with no rules.
func snippet(t *testing.T, page string) feedsvc.Article {
	t.Helper()
	a, err := Article([]byte(page), "https://news.example.com/2024/05/13/a1.html", feedsvc.ArticleRules{})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// para is body text long enough for the body locator.
const para = `<p>The council approved the new port plan on Monday after a long debate, and the works are expected to start next spring with funding from the regional budget.</p>
<p>Residents of the harbour district said they welcomed the decision but asked for more details on traffic, noise and the timetable of the construction work.</p>
<p>The mayor said a public meeting would be held next month to present the plan and to answer the questions of the people who live near the port.</p>`

func TestPublishedDateOnlyMetaLosesToTimedLine(t *testing.T) {
	a := snippet(t, `<html><head><meta name="publishdate" content="2024-05-13"><title>港口扩建获批</title></head><body>
<h1>港口扩建获批</h1><div class="info"><p>2024-05-13 13:48</p><p>来源：中国网</p></div><div class="content">`+para+`</div></body></html>`)
	if a.PublishedRaw != "2024-05-13 13:48" {
		t.Errorf("PublishedRaw = %q, want the info line's 2024-05-13 13:48", a.PublishedRaw)
	}
}
