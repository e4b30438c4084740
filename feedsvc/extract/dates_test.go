package extract

import (
	"testing"
	"time"
)

func TestDisplayOffset(t *testing.T) {
	tests := []struct {
		machine, shown string
		want           time.Duration
		ok             bool
	}{
		{"2019-05-07T11:59:43+00:00", "2019-05-07 13:59", 2 * time.Hour, true},
		{"2016-09-19T19:21:09Z", "2016-09-19 15:15", -4 * time.Hour, true},
		{"2016-09-19T19:21:09Z", "2016-09-19 15:40", 0, false}, // 3:41 apart: no half hour within ten minutes
		{"2016-09-19", "2016-09-19 15:15", 0, false},           // no machine time
	}
	for _, tt := range tests {
		if got, ok := displayOffset(tt.machine, tt.shown); got != tt.want || ok != tt.ok {
			t.Errorf("displayOffset(%q, %q) = %v, %v; want %v, %v", tt.machine, tt.shown, got, ok, tt.want, tt.ok)
		}
	}
}

// TestUpdatedAsShown: the update time the page shows wins, written in
// the zone the page prints its times in; a <time> saying "Last Updated"
// holds the update's machine time.
func TestUpdatedAsShown(t *testing.T) {
	tests := []struct{ name, head, header, want string }{
		{"shown update in the meta zone", `<meta property="article:published_time" content="2019-05-07T11:59:43+00:00">`,
			`<p>Publié le 07 mai 2019 à 13h59 - Mis à jour le 08 mai 2019 à 09h03</p>`, "2019-05-08 09:03:00 +02:00"},
		{"shown update without a year beats a later meta save", `<meta property="article:published_time" content="2016-09-19T17:18:00Z"><meta property="article:modified_time" content="2016-09-19T19:21:09Z">`,
			`<p><small>Updated on September 19 at 3:15 p.m.</small></p>`, "2016-09-19 15:15:00 -04:00"},
		{"time element saying last updated", ``,
			`<p><time datetime="2022-10-14T16:20:52.800Z">Posted: Oct 14, 2022 9:27 AM ET | Last Updated: 24 minutes ago</time></p>`, "2022-10-14T16:20:52.800Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := headBody(t, tt.head, `<h1>Budget approved</h1>`+tt.header+`<article>{TEXT}</article>`)
			if a.UpdatedRaw != tt.want {
				t.Errorf("updated = %q, want %q", a.UpdatedRaw, tt.want)
			}
		})
	}
}

// TestPublishedShownForms: a <time> whose datetime lacks its zone takes
// the zone its text prints; a dated element's lines are read apart
// ("1:26 pm ET<br/>Jun 3, 2014").
func TestPublishedShownForms(t *testing.T) {
	tests := []struct{ name, before, header, want string }{
		{"zone from the time's text", ``, `<p><time datetime="2022-10-17 16:01:26">10/17/2022 04:01 PM EDT</time></p>`, "2022-10-17 16:01:26 EDT"},
		{"dated element with a line break", `<small class="post-time">1:26 pm  ET<br/>Jun 3, 2014</small>`, ``, "2014-06-03 13:26 EDT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := headBody(t, ``, tt.before+`<h1>Budget approved</h1>`+tt.header+`<div>{TEXT}</div>`)
			if a.PublishedRaw != tt.want {
				t.Errorf("published = %q, want %q", a.PublishedRaw, tt.want)
			}
		})
	}
}

// TestPublishedInShownZone: a publication time shown without its zone is
// written in the zone an instant given both ways tells (the update's
// machine time beside its shown wall clock).
func TestPublishedInShownZone(t *testing.T) {
	header := `<div>on December 27, 2014 at 12:06 PM, updated <span class="updated" title="2014-12-27T17:10:17Z">December 27, 2014 at 12:10 PM</span></div>`
	a := headBody(t, ``, `<h1>Budget approved</h1>`+header+`<article>{TEXT}</article>`)
	if want := "2014-12-27 12:06:00 -05:00"; a.PublishedRaw != want {
		t.Errorf("published = %q, want %q", a.PublishedRaw, want)
	}
}
