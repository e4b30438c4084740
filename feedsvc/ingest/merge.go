package ingest

import (
	"cmp"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// fullBody is the share of the longest body text a body needs to count as
// full rather than a teaser.
const fullBody = 0.6

// scalar is one field merged by picking one version's value.
type scalar struct {
	name  string
	set   func(dst, src *feedsvc.Article) // copies the field from src
	empty func(a *feedsvc.Article) bool
	same  func(x, y *feedsvc.Article) bool
}

func str(name string, f func(a *feedsvc.Article) *string) scalar {
	return scalar{name,
		func(dst, src *feedsvc.Article) { *f(dst) = *f(src) },
		func(a *feedsvc.Article) bool { return *f(a) == "" },
		func(x, y *feedsvc.Article) bool { return *f(x) == *f(y) }}
}

func list(name string, f func(a *feedsvc.Article) *[]string) scalar {
	return scalar{name,
		func(dst, src *feedsvc.Article) { *f(dst) = slices.Clone(*f(src)) },
		func(a *feedsvc.Article) bool { return len(*f(a)) == 0 },
		func(x, y *feedsvc.Article) bool { return slices.Equal(*f(x), *f(y)) }}
}

// scalars are the fields taken whole from the best version that has them.
var scalars = []scalar{
	str("title", func(a *feedsvc.Article) *string { return &a.Title }),
	str("kicker", func(a *feedsvc.Article) *string { return &a.Kicker }),
	str("subtitle", func(a *feedsvc.Article) *string { return &a.Subtitle }),
	str("print_title", func(a *feedsvc.Article) *string { return &a.PrintTitle }),
	list("authors", func(a *feedsvc.Article) *[]string { return &a.Authors }),
	list("photographers", func(a *feedsvc.Article) *[]string { return &a.Photographers }),
	str("editor", func(a *feedsvc.Article) *string { return &a.Editor }),
	str("source", func(a *feedsvc.Article) *string { return &a.Source }),
	str("source_url", func(a *feedsvc.Article) *string { return &a.SourceURL }),
	str("section", func(a *feedsvc.Article) *string { return &a.Section }),
	str("language", func(a *feedsvc.Article) *string { return &a.Language }),
	str("rights", func(a *feedsvc.Article) *string { return &a.Rights }),
	str("summary", func(a *feedsvc.Article) *string { return &a.Summary }),
}

// bodyField is the change key of the body (content_html and body_text).
const bodyField = "body"

// ranks reports whether version x ranks above y for field: the later
// correction of the field first, then an article page over a feed item,
// then the smaller source ID (a total order: the merge does not depend on
// the order versions arrived in).
func ranks(x, y *feedsvc.Version, field string) bool {
	if tx, ty := x.Changed[field], y.Changed[field]; !tx.Equal(ty) {
		return tx.After(ty)
	}
	if px, py := x.Kind == feedsvc.VersionPage, y.Kind == feedsvc.VersionPage; px != py {
		return px
	}
	return x.Article.SourceID < y.Article.SourceID
}

// best returns the index of the top-ranked version for field among those
// ok accepts, or -1.
func best(vs []feedsvc.Version, field string, ok func(v *feedsvc.Version) bool) int {
	b := -1
	for i := range vs {
		if ok(&vs[i]) && (b < 0 || ranks(&vs[i], &vs[b], field)) {
			b = i
		}
	}
	return b
}

// lead is the version whose body is shown: the best-ranked among the full
// bodies (a teaser never wins over a full text), else the best-ranked.
func lead(vs []feedsvc.Version) int {
	longest := 0
	for i := range vs {
		longest = max(longest, utf8.RuneCountInString(vs[i].Article.BodyText))
	}
	full := func(v *feedsvc.Version) bool {
		n := utf8.RuneCountInString(v.Article.BodyText)
		return n > 0 && float64(n) >= fullBody*float64(longest)
	}
	if i := best(vs, bodyField, full); i >= 0 {
		return i
	}
	return best(vs, bodyField, func(*feedsvc.Version) bool { return true })
}

// merge computes the stored article from its versions (see doc.go for the
// precedence per field). The result depends only on the set of versions.
// Updated is the latest update a source states; the caller decides
// whether a correction moves it further.
func merge(vs []feedsvc.Version) feedsvc.Article {
	vs = slices.Clone(vs)
	slices.SortFunc(vs, byVersion)
	l := lead(vs)
	out := vs[l].Article
	out.Versions, out.AlsoIn = nil, nil
	for _, f := range scalars {
		if i := best(vs, f.name, func(v *feedsvc.Version) bool { return !f.empty(&v.Article) }); i >= 0 {
			f.set(&out, &vs[i].Article)
		}
	}
	out.Categories, out.Sections = nil, nil
	out.Images, out.Attachments = nil, nil
	order := append([]int{l}, without(len(vs), l)...)
	for _, i := range order {
		a := &vs[i].Article
		out.Published = earliest(out.Published, a.Published)
		out.FirstSeen = earliest(out.FirstSeen, a.FirstSeen)
		if a.Updated.After(out.Updated) {
			out.Updated = a.Updated
		}
		out.Categories = union(out.Categories, a.Categories)
		out.Sections = union(out.Sections, a.Sections)
		out.Images = unionImages(out.Images, a.Images)
		out.Attachments = unionAttachments(out.Attachments, a.Attachments)
		if i != l && !carries(vs[l], out.AlsoIn, a.SourceID) {
			out.AlsoIn = append(out.AlsoIn, feedsvc.SourceRef{SourceID: a.SourceID, URL: a.URL})
		}
	}
	slices.Sort(out.Sections)
	return out
}

// carries reports whether the lead or also_in already names a source (a
// feed item and its page are one source's copy).
func carries(lead feedsvc.Version, in []feedsvc.SourceRef, sourceID string) bool {
	return lead.Article.SourceID == sourceID ||
		slices.ContainsFunc(in, func(r feedsvc.SourceRef) bool { return r.SourceID == sourceID })
}

func without(n, skip int) []int {
	out := make([]int, 0, n)
	for i := range n {
		if i != skip {
			out = append(out, i)
		}
	}
	return out
}

func earliest(a, b time.Time) time.Time {
	if a.IsZero() || !b.IsZero() && b.Before(a) {
		return b
	}
	return a
}

func union(a, b []string) []string {
	for _, s := range b {
		if !slices.Contains(a, s) {
			a = append(a, s)
		}
	}
	return a
}

// unionImages adds b's images whose URL a lacks, and fills attributes a's
// copy of a URL lacks.
func unionImages(a, b []feedsvc.Image) []feedsvc.Image {
	for _, im := range b {
		i := slices.IndexFunc(a, func(x feedsvc.Image) bool { return x.URL == im.URL })
		if i < 0 {
			a = append(a, im)
			continue
		}
		x := &a[i]
		x.Alt, x.Caption, x.Credit = cmp.Or(x.Alt, im.Alt), cmp.Or(x.Caption, im.Caption), cmp.Or(x.Credit, im.Credit)
		x.Type, x.Length = cmp.Or(x.Type, im.Type), cmp.Or(x.Length, im.Length)
	}
	return a
}

func unionAttachments(a, b []feedsvc.Attachment) []feedsvc.Attachment {
	for _, at := range b {
		i := slices.IndexFunc(a, func(x feedsvc.Attachment) bool { return x.URL == at.URL })
		if i < 0 {
			a = append(a, at)
			continue
		}
		x := &a[i]
		x.Type, x.Length, x.Title = cmp.Or(x.Type, at.Type), cmp.Or(x.Length, at.Length), cmp.Or(x.Title, at.Title)
	}
	return a
}
