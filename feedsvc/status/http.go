package status

import (
	_ "embed"
	"html/template"
	"net/http"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/httpapi/respond"
)

// JSON serves GET /api/status[?health=error&section=SLUG&q=TEXT&page=2&per_page=100].
func (h *Handler) JSON(w http.ResponseWriter, r *http.Request) {
	rep, ok := h.report(w, r)
	if !ok {
		return
	}
	respond.JSON(w, http.StatusOK, rep)
}

// HTML serves GET /status with the same parameters as JSON.
func (h *Handler) HTML(w http.ResponseWriter, r *http.Request) {
	rep, ok := h.report(w, r)
	if !ok {
		return
	}
	q, _ := parseQuery(r.URL.Query())
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	_ = page.Execute(w, newView(rep, q, r.URL.Path))
}

// report checks access and the query, then builds the report; it answers
// the request itself when it returns false.
func (h *Handler) report(w http.ResponseWriter, r *http.Request) (Report, bool) {
	w.Header().Set("Cache-Control", "no-store")
	q, err := parseQuery(r.URL.Query())
	if err != nil {
		respond.Fail(w, r, nil, feedsvc.WithKind(feedsvc.ErrInvalid, err), "status")
		return Report{}, false
	}
	rep, err := h.build(r.Context(), q)
	if err != nil {
		respond.Fail(w, r, nil, err, "status")
		return Report{}, false
	}
	return rep, true
}

// view is what the HTML template shows: the report plus navigation.
type view struct {
	Report
	Filters          []filterLink
	PrevURL, NextURL string
}

type filterLink struct {
	Label, URL string
	Count      int
	Current    bool
}

func newView(rep Report, q query, path string) view {
	v := view{Report: rep}
	total := 0
	for _, n := range rep.Counts {
		total += n
	}
	for _, f := range []string{"", "error", "warning", "ok"} {
		fq := query{Health: f, Section: q.Section, Text: q.Text, PerPage: q.PerPage}
		n := total
		if f != "" {
			n = 0
			for health, c := range rep.Counts {
				if fq.matches(health) {
					n += c
				}
			}
		}
		label := f
		if f == "" {
			label = "all"
		}
		v.Filters = append(v.Filters, filterLink{Label: label, URL: fq.url(path, 1), Count: n, Current: f == rep.Filter})
	}
	if rep.Page > 1 {
		v.PrevURL = q.url(path, rep.Page-1)
	}
	if rep.Page < rep.Pages {
		v.NextURL = q.url(path, rep.Page+1)
	}
	return v
}

//go:embed status.html
var pageSrc string

var page = template.Must(template.New("status").Funcs(template.FuncMap{
	"at": func(t time.Time) string {
		if t.IsZero() {
			return "never"
		}
		return t.UTC().Format("2006-01-02 15:04Z")
	},
	"lag": func(s int64) string {
		if s < 0 {
			return "–"
		}
		return human(time.Duration(s) * time.Second)
	},
	"since": func(now, t time.Time) string {
		if t.IsZero() {
			return ""
		}
		if t.After(now) {
			return "in " + human(t.Sub(now))
		}
		return human(now.Sub(t)) + " ago"
	},
}).Parse(pageSrc))
