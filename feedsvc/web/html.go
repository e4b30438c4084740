package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"net/http"
)

//go:embed templates
var files embed.FS

var (
	pageCSS = mustRead("templates/page.css")
	pageJS  = mustRead("templates/copy.js")
	tmpl    = template.Must(template.New("").Funcs(template.FuncMap{"feedsOf": feedsOf}).
		ParseFS(files, "templates/*.html"))
	// csp allows exactly the inline style and script the pages embed, by
	// hash, so an injected <script> or style cannot run even if escaping
	// ever failed. Images may come from anywhere: articles link them.
	csp = "default-src 'none'; img-src * data:; style-src '" + hash(pageCSS) +
		"'; script-src '" + hash(pageJS) + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

// pageData is what the index and section templates render.
type pageData struct {
	Lang, Title, Description string
	Discovery                []feedLink
	Hubs                     []string
	IndexURL, OPMLURL        string
	Section                  sectionView   // section page only
	Sections                 []sectionView // index only
	Articles                 []articleView // section page only
	OlderURL, NewestURL      string        // section page only: paging
	L                        labels
	CSS                      template.CSS
	JS                       template.JS
}

// feedsArgs is the input of the "feeds" partial.
type feedsArgs struct {
	Slug  string
	Feeds []feedLink
	L     labels
}

func feedsOf(s sectionView, l labels) feedsArgs { return feedsArgs{s.Slug, s.Feeds, l} }

// render executes the named template and serves it as an HTML page.
func (p *Pages) render(w http.ResponseWriter, r *http.Request, name string, d *pageData) {
	b, err := p.renderBytes(name, d)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	p.serveHTML(w, r, b)
}

// renderBytes executes the named template.
func (p *Pages) renderBytes(name string, d *pageData) ([]byte, error) {
	d.CSS, d.JS = template.CSS(pageCSS), template.JS(pageJS)
	var buf bytes.Buffer
	if err := tmpl.ExecuteTemplate(&buf, name, d); err != nil {
		return nil, fmt.Errorf("render %s: %w", name, err)
	}
	return buf.Bytes(), nil
}

// serveHTML serves a rendered page with the page headers.
func (p *Pages) serveHTML(w http.ResponseWriter, r *http.Request, b []byte) {
	w.Header().Set("Content-Security-Policy", csp)
	w.Header().Set("Referrer-Policy", "no-referrer")
	serve(w, r, "text/html; charset=utf-8", b)
}

func hash(b string) string {
	sum := sha256.Sum256([]byte(b))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

func mustRead(name string) string {
	b, err := files.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}
