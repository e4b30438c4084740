package status

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// query selects what a status view lists: sources of one section, whose
// id or URL contains a text, with a health filter, and a page of them.
type query struct {
	Health  string // "", a health value, or a group: "error", "warning"
	Section string // "": every section; else sources publishing to this slug
	Text    string // "": every source; else a case-insensitive part of the id or (redacted) URL
	Page    int    // from 1
	PerPage int
}

// maxText bounds the section= and q= parameters.
const maxText = 200

// defaultPerPage is how many sources one status page lists.
const defaultPerPage = 100

// groups name sets of health values for the filter.
var groups = map[string][]string{
	"error":   {"failing", "blocked", "gone", healthUnknown},
	"warning": {"drift", healthPending},
}

// parseQuery reads ?health=&section=&q=&page=&per_page= and names a bad
// parameter.
func parseQuery(v url.Values) (query, error) {
	q := query{Health: v.Get("health"), Section: strings.TrimSpace(v.Get("section")), Text: strings.TrimSpace(v.Get("q")),
		Page: 1, PerPage: defaultPerPage}
	for name, s := range map[string]string{"section": q.Section, "q": q.Text} {
		if len(s) > maxText || !utf8.ValidString(s) {
			return q, fmt.Errorf("%s: want valid text of at most %d bytes", name, maxText)
		}
	}
	if _, known := rank[q.Health]; q.Health != "" && !known && groups[q.Health] == nil {
		return q, fmt.Errorf("health %q: want error, warning, ok, pending, drift, failing, blocked, gone or unknown", q.Health)
	}
	for name, dst := range map[string]*int{"page": &q.Page, "per_page": &q.PerPage} {
		if s := v.Get(name); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 || name == "per_page" && n > 1000 {
				return q, fmt.Errorf("%s %q: want a whole number from 1%s", name, s, map[bool]string{true: " to 1000"}[name == "per_page"])
			}
			*dst = n
		}
	}
	return q, nil
}

// matches reports whether a health value passes the filter.
func (q query) matches(health string) bool {
	if q.Health == "" || q.Health == health {
		return true
	}
	return slices.Contains(groups[q.Health], health)
}

// inScope reports whether a source passes the section and text filters
// (the health filter comes on top: the report counts the health values
// of the sources in scope).
func (q query) inScope(s *SourceStatus) bool {
	if q.Section != "" && !slices.Contains(s.Sections, q.Section) {
		return false
	}
	if q.Text == "" {
		return true
	}
	return containsFold(s.ID, q.Text) || containsFold(s.URL, q.Text)
}

// containsFold reports whether sub is within s, ignoring case.
func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// apply fills the report's page of sources from all (sorted, in scope).
func (q query) apply(rep *Report, all []SourceStatus) {
	if q.Page < 1 {
		q.Page = 1
	}
	if q.PerPage < 1 {
		q.PerPage = defaultPerPage
	}
	matched := slices.DeleteFunc(all, func(s SourceStatus) bool { return !q.matches(s.Health) })
	rep.Filter, rep.Page, rep.PerPage, rep.Total = q.Health, q.Page, q.PerPage, len(matched)
	rep.Section, rep.Text = q.Section, q.Text
	rep.Pages = max(1, (len(matched)+q.PerPage-1)/q.PerPage)
	lo := min((q.Page-1)*q.PerPage, len(matched))
	rep.Sources = matched[lo:min(lo+q.PerPage, len(matched))]
	if rep.Sources == nil {
		rep.Sources = []SourceStatus{}
	}
}

// url returns the view's URL for page with the same filter.
func (q query) url(path string, page int) string {
	v := url.Values{}
	if q.Health != "" {
		v.Set("health", q.Health)
	}
	if q.Section != "" {
		v.Set("section", q.Section)
	}
	if q.Text != "" {
		v.Set("q", q.Text)
	}
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	if q.PerPage != defaultPerPage && q.PerPage > 0 {
		v.Set("per_page", strconv.Itoa(q.PerPage))
	}
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}
