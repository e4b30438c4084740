package extract

import (
	"net/url"
	"strings"
	"testing"
)

func TestStripSite(t *testing.T) {
	tests := []struct {
		name, title, site, want string
	}{
		{"underscore suffix", "首都职工冬季读书季启动_中工网", "中工网", "首都职工冬季读书季启动"},
		{"dash suffix", "北京：服务站点推出暖心服务 - 中工网", "中工网", "北京：服务站点推出暖心服务"},
		{"bar prefix", "City Post | Port expansion approved", "City Post", "Port expansion approved"},
		{"site inside title stays", "中工网发布年度报告", "中工网", "中工网发布年度报告"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stripSite(tt.title, tt.site); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestArticleLike(t *testing.T) {
	base, _ := url.Parse("https://www.workercn.cn/c/zgyl/")
	tests := []struct {
		u    string
		want bool
	}{
		{"https://www.workercn.cn/c/2023-11-15/8034712.shtml", true},
		{"https://news.workercn.cn/32843/202311/15/231115072458812.shtml", true},
		{"https://www.workercn.cn/2023/1115/c1001-123.html", true},
		{"https://www.workercn.cn/c/zgyl/index_1.shtml", false},
		{"https://www.workercn.cn/zt/2023/gh18/", false},
		{"https://www.workercn.cn/c/yw/", false},
		{"https://www.other.cn/c/2023-11-15/8034712.shtml", false},
	}
	for _, tt := range tests {
		t.Run(tt.u, func(t *testing.T) {
			u, _ := url.Parse(tt.u)
			if got := articleLike(u, base); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	if strings.Contains(siteKey("a.b.com.cn"), "a.") {
		t.Errorf("siteKey(a.b.com.cn) = %q, want b.com.cn", siteKey("a.b.com.cn"))
	}
}

func TestPublisherFromTitleSuffix(t *testing.T) {
	for in, want := range map[string]string{"港聞 - 明報新聞網": "明報新聞網", "政治 | 中央社 CNA": "中央社 CNA", "中工网": "中工网", "China Industrial Network": "China Industrial Network"} {
		if got := publisher(in); got != want {
			t.Errorf("publisher(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestBodyDek takes a heading that opens the body and repeats the page's
// og:description as the subtitle and drops it from the body; a heading
// that repeats no description stays in the text.
func TestBodyDek(t *testing.T) {
	page := func(desc, head string) string {
		return `<html><head><meta property="og:description" content="` + desc + `"></head><body>
<div class="top"><h1>What the future holds for all of us</h1><span>Oct 19, 2016</span></div>
<article><h2>` + head + `</h2>
<p>Last Thursday, I had the honor to be one of the warmup acts at the conference, with commas, and more words here.</p>
<p>The second paragraph continues the story at length, so that the extractor sees a body of several paragraphs, and more.</p>
</article></body></html>`
	}
	a := snippet(t, page("My talk at the frontiers conference", "My talk at the frontiers conference"))
	if a.Subtitle != "My talk at the frontiers conference" || !strings.HasPrefix(a.BodyText, "Last Thursday") {
		t.Errorf("subtitle %q, body %q", a.Subtitle, a.BodyText[:min(60, len(a.BodyText))])
	}
	a = snippet(t, page("Something else entirely", "My talk at the frontiers conference"))
	if a.Subtitle != "" || !strings.HasPrefix(a.BodyText, "My talk") {
		t.Errorf("no description match: subtitle %q, body %q", a.Subtitle, a.BodyText[:min(60, len(a.BodyText))])
	}
}

// TestDekClassTokens: a dek class is read token by token ("article__deck
// mt_col-12" after an ad slot) and an article's description element is a
// dek; other description elements are not.
func TestDekClassTokens(t *testing.T) {
	tests := []struct{ name, header, want string }{
		{"deck token after an ad", `<div class="ad-holder"></div><div class="article__deck mt_col-12"><h2>Why the vote took a year.</h2></div>`, "Why the vote took a year."},
		{"article description", `<p class="article__desc">Why the vote took a year.</p>`, "Why the vote took a year."},
		{"a player's description", `<p class="vjs-modal-dialog-description">This is a modal window.</p>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := headBody(t, ``, `<h1>Budget approved</h1>`+tt.header+`<article>{TEXT}</article>`)
			if a.Subtitle != tt.want {
				t.Errorf("subtitle = %q, want %q", a.Subtitle, tt.want)
			}
		})
	}
}

// TestLeadBlockDek: the body's first block repeating the page's
// description is the dek when it is a lead block or a heading; a short
// label opening the heading is the kicker.
func TestLeadBlockDek(t *testing.T) {
	desc := `<meta name="description" content="Why the vote took a year , and what it buys.">`
	tests := []struct{ name, lead, kicker, dek string }{
		{"lead block", `<div class="lead-container"><p class="e-p">Why the vote took a year, and what it buys.</p></div>`, "", "Why the vote took a year, and what it buys."},
		{"heading with a slug", `<h2><span class="slug">Analysis</span> Why the vote took a year, and what it buys.</h2>`, "Analysis", "Why the vote took a year, and what it buys."},
		{"plain paragraph", `<p>Why the vote took a year, and what it buys.</p>`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := headBody(t, desc, `<h1>Budget approved</h1><article>`+tt.lead+`{TEXT}</article>`)
			if a.Kicker != tt.kicker || a.Subtitle != tt.dek {
				t.Errorf("kicker, subtitle = %q, %q; want %q, %q", a.Kicker, a.Subtitle, tt.kicker, tt.dek)
			}
		})
	}
}

// TestMarkedHeadlineBeatsMetaWording: an <h1> the page marks as the
// entry's title is the headline even where the meta titles word it
// otherwise; an unmarked one stays unconfirmed.
func TestMarkedHeadlineBeatsMetaWording(t *testing.T) {
	for h1, want := range map[string]string{
		`<h1 class="entry-title">The New Marines?</h1>`: "The New Marines?",
		`<h1>The New Marines?</h1>`:                     "The Marines ... Getting a Makeover?",
	} {
		a := headBody(t, `<meta property="og:title" content="The Marines ... Getting a Makeover?">`, h1+`<article>{TEXT}</article>`)
		if a.Title != want {
			t.Errorf("%s: title = %q, want %q", h1, a.Title, want)
		}
	}
}
