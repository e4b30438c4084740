package ingest

import (
	"cmp"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// versionKind is the version kind of what a poll of the given kind yields.
func versionKind(kind string) string {
	if kind == feedsvc.KindFeed {
		return feedsvc.VersionFeed
	}
	return feedsvc.VersionPage
}

// versionsOf returns a copy of prev's versions, the lone version expanded
// from its stub (see compact); an article stored before versions existed
// is one version of its own source.
func versionsOf(prev *feedsvc.Article) []feedsvc.Version {
	if len(prev.Versions) == 1 && prev.Versions[0].Article.ID == "" {
		stub := prev.Versions[0]
		a := *prev
		a.Versions, a.AlsoIn, a.Updated = nil, nil, stub.Article.Updated
		return []feedsvc.Version{{Kind: stub.Kind, Changed: stub.Changed, Article: a}}
	}
	if len(prev.Versions) > 0 {
		return slices.Clone(prev.Versions)
	}
	a := *prev
	a.Versions, a.AlsoIn = nil, nil
	return []feedsvc.Version{{Kind: feedsvc.VersionFeed, Article: a}}
}

// compact stores a lone version as a stub: its copy would equal the merge
// but for the update the source states, which the stub keeps.
func compact(a *feedsvc.Article) {
	if len(a.Versions) != 1 {
		return
	}
	v := a.Versions[0]
	a.Versions = []feedsvc.Version{{Kind: v.Kind, Changed: v.Changed,
		Article: feedsvc.Article{SourceID: v.Article.SourceID, Updated: v.Article.Updated}}}
}

// canonical is a as the merge of itself alone (sections sorted, lists
// without repeats), the form versions are kept in, so a stub expands to
// exactly the version it stands for.
func canonical(kind string, a *feedsvc.Article) feedsvc.Version {
	v := *a
	v.Versions, v.AlsoIn = nil, nil
	c := merge([]feedsvc.Version{{Kind: kind, Article: v}})
	c.ID = a.ID
	return feedsvc.Version{Kind: kind, Article: c}
}

// versionIndex is the index of the source's version of kind; else, for a
// feed item, of the source's other version (a source whose kind changed);
// else -1. A page never replaces its source's feed item: it is that item's
// full text (fulltext.go).
func versionIndex(vs []feedsvc.Version, sourceID, kind string) int {
	other := -1
	for i := range vs {
		if vs[i].Article.SourceID == sourceID {
			if vs[i].Kind == kind {
				return i
			}
			other = i
		}
	}
	if kind == feedsvc.VersionFeed {
		return other
	}
	return -1
}

// byVersion orders versions by source, then kind (a feed item before its
// page), the order versions are kept and merged in.
func byVersion(x, y feedsvc.Version) int {
	return cmp.Or(strings.Compare(x.Article.SourceID, y.Article.SourceID), strings.Compare(x.Kind, y.Kind))
}

func hasVersion(a *feedsvc.Article, sourceID string) bool {
	if len(a.Versions) == 0 {
		return a.SourceID == sourceID
	}
	return slices.ContainsFunc(a.Versions, func(v feedsvc.Version) bool { return v.Article.SourceID == sourceID })
}

// newArticle is the stored form of a story first seen in a.
func newArticle(kind string, a *feedsvc.Article) feedsvc.Article {
	vs := []feedsvc.Version{canonical(kind, a)}
	out := merge(vs)
	out.ID, out.Versions = a.ID, vs
	compact(&out)
	return out
}

// upsert records a as src's version of the stored story prev and returns
// the new merge and whether anything stored changed. A version that
// differs from src's previous one is a correction: its changed fields get
// the time now, and if the merge's visible content changes, updated moves
// to now (or to a later update the sources state). A source that joins
// never moves updated.
func upsert(prev *feedsvc.Article, kind string, a *feedsvc.Article, now time.Time) (feedsvc.Article, bool) {
	vs := versionsOf(prev)
	id := a.ID
	a.ID = prev.ID
	nv := canonical(kind, a)
	a.ID = id
	i := versionIndex(vs, a.SourceID, kind)
	corrected := false
	if i >= 0 {
		old := vs[i]
		nv.Article.FirstSeen = old.Article.FirstSeen
		carryMedia(&old.Article, &nv.Article)
		if old.Kind == kind && sameJSON(&old.Article, &nv.Article) {
			return *prev, false
		}
		nv.Changed = changedFields(&old, &nv.Article, now)
		corrected = !maps.Equal(nv.Changed, old.Changed)
		vs[i] = nv
	} else {
		vs = append(vs, nv)
		slices.SortFunc(vs, byVersion)
	}
	out := merge(vs)
	out.ID, out.Versions = prev.ID, vs
	out.FirstSeen = earliest(prev.FirstSeen, out.FirstSeen)
	carryMedia(prev, &out)
	stated := out.Updated
	out.Updated = prev.Updated
	if stated.After(out.Updated) {
		out.Updated = stated
	}
	if corrected && !out.Updated.After(prev.Updated) && !sameVisible(prev, &out) {
		out.Updated = now
	}
	compact(&out)
	return out, !sameJSON(prev, &out)
}

// changedFields carries old's change times and stamps now on every field
// (a scalar or the body, categories, media) that a changes.
func changedFields(old *feedsvc.Version, a *feedsvc.Article, now time.Time) map[string]time.Time {
	ch := maps.Clone(old.Changed)
	if ch == nil {
		ch = map[string]time.Time{}
	}
	o := &old.Article
	for _, f := range scalars {
		if !f.same(o, a) {
			ch[f.name] = now
		}
	}
	if o.ContentHTML != a.ContentHTML || o.BodyText != a.BodyText {
		ch[bodyField] = now
	}
	if !slices.Equal(o.Categories, a.Categories) {
		ch["categories"] = now
	}
	if !sameJSON(o.Images, a.Images) || !sameJSON(o.Attachments, a.Attachments) {
		ch["media"] = now
	}
	if !o.Published.Equal(a.Published) {
		ch["published"] = now
	}
	return ch
}

// sameVisible reports whether two merges show the same: everything but
// versions and updated.
func sameVisible(x, y *feedsvc.Article) bool {
	cx, cy := *x, *y
	cx.Versions, cy.Versions = nil, nil
	cx.Updated, cy.Updated = time.Time{}, time.Time{}
	return sameJSON(&cx, &cy)
}

func sameJSON(x, y any) bool {
	bx, err1 := json.Marshal(x)
	by, err2 := json.Marshal(y)
	return err1 == nil && err2 == nil && string(bx) == string(by)
}
