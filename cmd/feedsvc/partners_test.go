package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/config"
	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
	"github.com/feedsvc/feedsvc/feedsvc/testenv/redistest"
)

// Markers of the two parts a policy keeps or drops.
const (
	teaserMark = "TEASERMARK"
	bodyMark   = "BODYMARK"
)

// partnerFeed serves n items with a teaser (description) and a full body
// (content:encoded), titles starting with name.
func partnerFeed(name string, n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>`)
	b.WriteString("<title>" + name + "</title><link>http://example.test/</link><description>d</description>")
	base := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		link := fmt.Sprintf("http://example.test/%s/%d.html", name, i)
		fmt.Fprintf(&b, "<item><title>%s story %d</title><link>%s</link><guid>%s</guid><pubDate>%s</pubDate>"+
			"<description>Teaser %d %s</description><content:encoded><![CDATA[<p>Full body %d %s with many words.</p>]]></content:encoded></item>",
			name, i, link, link, base.Add(-time.Duration(i)*time.Hour).Format(time.RFC1123Z), i, teaserMark, i, bodyMark)
	}
	b.WriteString("</channel></rss>")
	return []byte(b.String())
}

// TestPartnerMemstore and ...Redis run the partner scenario through the
// whole service (issue 14.1-3, 14.5).
func TestPartnerMemstore(t *testing.T) { checkPartners(t, memstore.New()) }

func TestPartnerRedis(t *testing.T) {
	checkPartners(t, redistest.Store(t, "partners"))
}

func checkPartners(t *testing.T, store feedsvc.Store) {
	serve := func(body []byte) *httptest.Server {
		s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
			_, _ = w.Write(body)
		}))
		t.Cleanup(s.Close)
		return s
	}
	news, vault := serve(partnerFeed("news", 6)), serve(partnerFeed("secret", 3))
	private := false
	file := config.File{
		Sections: []feedsvc.Section{{Slug: "news", Title: "News"}, {Slug: "vault", Title: "Vault", Public: &private}},
		Sources: []feedsvc.Source{
			{ID: "news", URL: news.URL, Sections: []string{"news"}, Location: time.UTC, Timezone: "UTC", Interval: time.Hour},
			{ID: "vault", URL: vault.URL, Sections: []string{"vault"}, Location: time.UTC, Timezone: "UTC", Interval: time.Hour},
		},
	}
	app := startAppEnv(t, store, file, nil)
	base := app.Base
	waitItems(t, base, "news", 6)
	full := createPartner(t, base, `{"name":"Full","sections":["news","vault"],"policy":"full","rate_per_minute":1000}`)
	summ := createPartner(t, base, `{"name":"Summary","sections":["news"],"policy":"summary","item_limit":2,"rate_per_minute":3}`)
	tl := createPartner(t, base, `{"name":"Titles","sections":["news"],"policy":"title_link","rate_per_minute":1000}`)
	waitPartnerVault(t, base, full.key)

	t.Run("private section", func(t *testing.T) { checkPrivate(t, base, full, tl) })
	t.Run("policies", func(t *testing.T) { checkPolicies(t, base, full, summ, tl) })
	t.Run("refusals", func(t *testing.T) { checkRefusals(t, base, summ, tl) })
	t.Run("usage", func(t *testing.T) { checkUsage(t, base, summ) })
	t.Run("admin list and delete", func(t *testing.T) { checkPartnerAdmin(t, base) })
	t.Run("one render per policy", func(t *testing.T) { checkOneRender(t, base) })
}

// newPartner is a created partner with its key.
type newPartner struct {
	ID  string `json:"id"`
	key string
}

func createPartner(t *testing.T, base, body string) newPartner {
	t.Helper()
	code, b := adminCall(t, "POST", base+"/api/partners", body)
	if code != http.StatusCreated {
		t.Fatalf("create partner: %d %s", code, b)
	}
	var out struct {
		ID  string `json:"id"`
		Key string `json:"key"`
	}
	if err := json.Unmarshal(b, &out); err != nil || out.ID == "" || !strings.HasPrefix(out.Key, "fsk_") {
		t.Fatalf("create partner: %v %s", err, b)
	}
	return newPartner{ID: out.ID, key: out.Key}
}

// adminCall sends an admin request and returns its status and body.
func adminCall(t *testing.T, method, url, body string) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+adminToken)
	resp, err := (&http.Client{Timeout: 30 * time.Second}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

func bearer(key string) map[string]string { return map[string]string{"Authorization": "Bearer " + key} }

// waitPartnerVault waits until the vault section has its 3 items.
func waitPartnerVault(t *testing.T, base, key string) {
	waitFor(t, 20*time.Second, "vault items", func() (bool, string) {
		resp, b := httpGet(t, base+"/sections/vault/json", bearer(key))
		return resp.StatusCode == 200 && strings.Count(string(b), "secret story") == 3, string(b)
	})
}

func checkPrivate(t *testing.T, base string, full, tl newPartner) {
	for _, u := range []string{"/sections/vault/json", "/sections/vault/rss", "/sections/vault", "/sections/vault/archive/2025-03/atom"} {
		if resp, _ := httpGet(t, base+u, nil); resp.StatusCode != http.StatusNotFound {
			t.Errorf("public %s: %d, want 404", u, resp.StatusCode)
		}
	}
	for _, u := range []string{"/sections", "/opml", "/sections/all/json", "/"} {
		if _, b := httpGet(t, base+u, nil); strings.Contains(string(b), "vault") || strings.Contains(string(b), "secret story") {
			t.Errorf("public %s shows the private section:\n%s", u, b)
		}
	}
	resp, b := httpGet(t, base+"/sections/vault/rss", bearer(full.key))
	if resp.StatusCode != 200 || !strings.Contains(string(b), "secret story") {
		t.Errorf("allowed partner on vault: %d %s", resp.StatusCode, b)
	}
	if cc := resp.Header.Get("Cache-Control"); !strings.HasPrefix(cc, "private") {
		t.Errorf("partner document Cache-Control %q, want private", cc)
	}
	if _, b := httpGet(t, base+"/sections/all/json", bearer(full.key)); !strings.Contains(string(b), "secret story") {
		t.Errorf("allowed partner's combined channel lacks the private section")
	}
	resp, b = httpGet(t, base+"/sections/vault/rss", bearer(tl.key))
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(string(b), "may not read") {
		t.Errorf("partner not allowed on vault: %d %s, want 403", resp.StatusCode, b)
	}
	// A section made private through the admin API.
	if code, b := adminCall(t, "POST", base+"/api/sections", `{"slug":"hidden","title":"Hidden","public":false}`); code != http.StatusCreated {
		t.Fatalf("create private section: %d %s", code, b)
	}
	if code, b := adminCall(t, "GET", base+"/api/sections/hidden", ""); code != 200 || !strings.Contains(string(b), `"public": false`) {
		t.Errorf("admin section JSON: %d %s", code, b)
	}
	if resp, _ := httpGet(t, base+"/sections/hidden/atom", nil); resp.StatusCode != http.StatusNotFound {
		t.Errorf("public on an admin-made private section: %d, want 404", resp.StatusCode)
	}
	if resp, _ := httpGet(t, base+"/sections/hidden/atom", bearer(full.key)); resp.StatusCode != http.StatusForbidden {
		t.Errorf("partner not allowed on hidden: %d, want 403", resp.StatusCode)
	}
}

func checkPolicies(t *testing.T, base string, full, summ, tl newPartner) {
	for _, f := range []string{"rss", "atom", "json"} {
		_, pub := httpGet(t, base+"/sections/news/"+f, nil)
		resp, b := httpGet(t, base+"/sections/news/"+f, bearer(full.key))
		mustHave(t, "full "+f, b, []string{bodyMark, teaserMark, "news story 5"}, nil)
		if resp.Header.Get("Etag") == "" {
			t.Errorf("full %s: no ETag", f)
		}
		mustHave(t, "public "+f, pub, []string{bodyMark}, nil)
		resp2, b := httpGet(t, base+"/sections/news/"+f, bearer(summ.key))
		mustHave(t, "summary "+f, b, []string{teaserMark, "news story 1"}, []string{bodyMark, "news story 2", "content:encoded", "content_html"})
		if resp2.Header.Get("Etag") == resp.Header.Get("Etag") {
			t.Errorf("%s: summary and full share ETag %s", f, resp.Header.Get("Etag"))
		}
		_, b = httpGet(t, base+"/sections/news/"+f+"?key="+tl.key, nil)
		mustHave(t, "title_link "+f, b, []string{"news story 5", "http://example.test/news/5.html", "key=" + tl.key}, []string{bodyMark, teaserMark})
		_, b = httpGet(t, base+"/sections/news/"+f, bearer(tl.key))
		mustHave(t, "title_link bearer "+f, b, []string{"news story 5"}, []string{bodyMark, teaserMark, "key="})
	}
	// A page link keeps the key that came in the query, and works.
	_, b := httpGet(t, base+"/sections/news/json?limit=2&key="+tl.key, nil)
	next := regexp.MustCompile(`"next_url":\s*"([^"]+)"`).FindSubmatch(b)
	if next == nil || !strings.Contains(string(next[1]), "key="+tl.key) {
		t.Fatalf("title_link page 1 has no keyed next_url:\n%s", b)
	}
	resp, b := httpGet(t, strings.ReplaceAll(string(next[1]), `\u0026`, "&"), nil)
	mustHave(t, "title_link page 2", b, []string{"news story 2"}, []string{bodyMark, teaserMark})
	if resp.StatusCode != 200 {
		t.Errorf("next page: %d", resp.StatusCode)
	}
	resp, b = httpGet(t, base+"/sections/news/archive/2025-03/json?key="+tl.key, nil)
	if resp.StatusCode != 200 || strings.Contains(string(b), bodyMark) || !strings.Contains(string(b), "news story 0") {
		t.Errorf("title_link archive: %d %s", resp.StatusCode, b)
	}
}

func mustHave(t *testing.T, what string, b []byte, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(string(b), w) {
			t.Errorf("%s: lacks %q:\n%s", what, w, b)
		}
	}
	for _, n := range not {
		if strings.Contains(string(b), n) {
			t.Errorf("%s: has %q:\n%s", what, n, b)
		}
	}
}

func checkRefusals(t *testing.T, base string, summ, tl newPartner) {
	// summ used 3 of its 3 tokens in checkPolicies.
	resp, b := httpGet(t, base+"/sections/news/rss", bearer(summ.key))
	ra, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
	if resp.StatusCode != http.StatusTooManyRequests || ra < 1 || ra > 60 || !strings.Contains(string(b), "rate limit") {
		t.Errorf("over the limit: %d Retry-After %q %s, want 429 and 1..60", resp.StatusCode, resp.Header.Get("Retry-After"), b)
	}
	resp, b = httpGet(t, base+"/sections/news/rss?key=fsk_wrong", nil)
	if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(string(b), "unknown partner key") {
		t.Errorf("wrong key: %d %s", resp.StatusCode, b)
	}
	if code, b := adminCall(t, "PUT", base+"/api/partners/"+tl.ID, `{"enabled":false}`); code != 200 {
		t.Fatalf("disable: %d %s", code, b)
	}
	resp, b = httpGet(t, base+"/sections/news/rss", bearer(tl.key))
	if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(string(b), "disabled") {
		t.Errorf("disabled key: %d %s", resp.StatusCode, b)
	}
	code, b := adminCall(t, "GET", base+"/api/partners/"+tl.ID, "")
	if code != 200 || strings.Contains(string(b), `"key`) || !strings.Contains(string(b), `"enabled": false`) {
		t.Errorf("get partner: %d %s (the key and its hash are never shown again)", code, b)
	}
	if code, b := adminCall(t, "POST", base+"/api/partners", `{"name":"x","policy":"everything"}`); code != 400 {
		t.Errorf("bad policy: %d %s", code, b)
	}
}

func checkUsage(t *testing.T, base string, summ newPartner) {
	code, b := adminCall(t, "GET", base+"/api/partners/"+summ.ID+"/usage", "")
	var u feedsvc.PartnerUsage
	if err := json.Unmarshal(b, &u); code != 200 || err != nil {
		t.Fatalf("usage: %d %v %s", code, err, b)
	}
	if u.Day.Requests != 4 || u.Day.Status["429"] != 1 || u.Day.Status["200"] != 3 || u.Month.Requests != 4 || u.Day.Bytes <= 0 {
		t.Errorf("usage: %+v, want 4 requests (3 200, 1 429) with bytes", u)
	}
	_, m := httpGet(t, base+"/metrics", nil)
	for _, want := range []string{`feedsvc_partner_requests_total{partner="` + summ.ID + `",status="429"} 1`,
		`feedsvc_partner_requests_total{partner="` + summ.ID + `",status="200"} 3`, `feedsvc_partner_bytes_total{partner="` + summ.ID + `"}`} {
		if !strings.Contains(string(m), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// checkOneRender has 1,000 partners on one policy read the channel: one
// render serves them all, each with the same ETag.
func checkOneRender(t *testing.T, base string) {
	keys := make([]string, 1000)
	start := time.Now()
	for i := range keys {
		keys[i] = createPartner(t, base, `{"name":"bulk","sections":["news"],"policy":"summary"}`).key
	}
	t.Logf("1,000 partners created through the admin API in %s", time.Since(start).Round(time.Millisecond))
	start = time.Now()
	before := renders(t, base)
	etags := map[string]int{}
	for _, k := range keys {
		resp, b := httpGet(t, base+"/sections/news/atom", bearer(k))
		if resp.StatusCode != 200 || strings.Contains(string(b), bodyMark) {
			t.Fatalf("bulk partner: %d %s", resp.StatusCode, b)
		}
		etags[resp.Header.Get("Etag")]++
	}
	t.Logf("1,000 partner requests in %s", time.Since(start).Round(time.Millisecond))
	if got := renders(t, base) - before; got != 1 || len(etags) != 1 {
		t.Errorf("1,000 summary partners: %d renders, %d ETags; want 1 and 1", got, len(etags))
	}
	before = renders(t, base)
	for _, k := range keys[:50] {
		resp, b := httpGet(t, base+"/sections/news/atom?key="+k, nil)
		if resp.StatusCode != 200 || !strings.Contains(string(b), "key="+k) {
			t.Fatalf("keyed bulk partner: %d %s", resp.StatusCode, b)
		}
	}
	if got := renders(t, base) - before; got != 1 {
		t.Errorf("50 summary partners with the key in the query: %d renders, want 1", got)
	}
}

// renders reads feedsvc_renders_total over every format.
func renders(t *testing.T, base string) int {
	t.Helper()
	_, b := httpGet(t, base+"/metrics", nil)
	n := 0
	for _, m := range regexp.MustCompile(`(?m)^feedsvc_renders_total\{[^}]*\} (\d+)$`).FindAllSubmatch(b, -1) {
		v, _ := strconv.Atoi(string(m[1]))
		n += v
	}
	return n
}

func checkPartnerAdmin(t *testing.T, base string) {
	gone := createPartner(t, base, `{"name":"Gone","policy":"summary"}`)
	code, b := adminCall(t, "GET", base+"/api/partners", "")
	var list []map[string]any
	if err := json.Unmarshal(b, &list); code != 200 || err != nil || len(list) != 4 {
		t.Fatalf("list: %d %v, %d partners, want 4: %s", code, err, len(list), b)
	}
	for _, p := range list {
		if _, ok := p["key"]; ok || p["key_hash"] != nil {
			t.Errorf("list shows a key or its hash: %v", p)
		}
	}
	if code, b := adminCall(t, "DELETE", base+"/api/partners/"+gone.ID, ""); code != http.StatusNoContent {
		t.Fatalf("delete: %d %s", code, b)
	}
	if resp, _ := httpGet(t, base+"/sections/news/rss", bearer(gone.key)); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("deleted partner's key: %d, want 401", resp.StatusCode)
	}
	for _, u := range []string{"/api/partners/" + gone.ID, "/api/partners/" + gone.ID + "/usage"} {
		if code, _ := adminCall(t, "GET", base+u, ""); code != http.StatusNotFound {
			t.Errorf("%s after delete: %d, want 404", u, code)
		}
	}
	if code, _ := adminCall(t, "POST", base+"/api/partners", `{"name":"x","sections":["nope"]}`); code != http.StatusBadRequest {
		t.Errorf("unknown section: %d, want 400", code)
	}
	req, _ := http.NewRequest("GET", base+"/api/partners", nil)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("partners API without the admin token: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
}
