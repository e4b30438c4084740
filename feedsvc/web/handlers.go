package web

import (
	"log/slog"
	"net/http"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// Index serves GET /: every section with its description, its three feed
// URLs and a link to its page, after the combined channel.
func (p *Pages) Index(w http.ResponseWriter, r *http.Request) {
	base := p.base(r)
	all, _, _ := p.section(feedsvc.AllSlug)
	d := p.common(r, all)
	d.Title, d.Description = d.L.Sections, all.Description
	d.Sections = append(d.Sections, d.Section)
	for _, sec := range p.Sections() {
		d.Sections = append(d.Sections, newSectionView(base, sec))
	}
	p.render(w, r, "index.html", &d)
}

// Section serves a section's page: GET /sections/{slug}, and channel URLs
// (/sections/{slug}/{format}) that a browser asks for with Accept:
// text/html. The slug feedsvc.AllSlug shows every section merged, newest first.
// An unknown slug is 404.
func (p *Pages) Section(w http.ResponseWriter, r *http.Request) {
	sec, slugs, err := p.section(r.PathValue("slug"))
	if err != nil {
		p.fail(w, r, err)
		return
	}
	q, err := pageQuery(r)
	if err != nil {
		p.fail(w, r, feedsvc.WithKind(feedsvc.ErrInvalid, err))
		return
	}
	// A store failure on the newest page serves its last good bytes, as the
	// channels do. The same URL may also serve a feed to clients that do not want HTML.
	w.Header().Add("Vary", "Accept")
	newest := q.Before.IsZero()
	key := p.base(r).String() + " " + sec.Slug
	arts, err := p.articles(r.Context(), slugs, q)
	if err != nil {
		if b := p.stale.get(key); newest && b != nil {
			p.log().Warn("serving stale page: store unavailable", "section", sec.Slug, slog.Any("error", err))
			p.serveHTML(w, r, b)
			return
		}
		p.fail(w, r, err)
		return
	}
	d := p.common(r, sec)
	if len(arts) > pageLimit {
		arts = arts[:pageLimit]
		d.OlderURL = olderURL(p.base(r), sec.Slug, &arts[len(arts)-1])
	}
	if !newest {
		d.NewestURL = d.Section.PageURL
	}
	loc := location(sec.Timezone)
	for i := range arts {
		d.Articles = append(d.Articles, newArticleView(&arts[i], loc, sec.Language, d.L))
	}
	b, err := p.renderBytes("section.html", &d)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	if newest {
		p.stale.put(key, b)
	}
	p.serveHTML(w, r, b)
}

// common fills what every page shows for sec: its title, language, feed
// discovery links, hubs and navigation.
func (p *Pages) common(r *http.Request, sec feedsvc.Section) pageData {
	base := p.base(r)
	l := labelsFor(sec.Language)
	if sec.Slug == feedsvc.AllSlug {
		sec.Title = l.AllSections
	}
	sv := newSectionView(base, sec)
	return pageData{
		Lang: sec.Language, Title: sec.Title, Description: sec.Description,
		Discovery: sv.Feeds, Hubs: p.Hubs, Section: sv,
		IndexURL: base.JoinPath("/").String(), OPMLURL: base.JoinPath("opml").String(),
		L: l,
	}
}
