package admin

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/catalog"
	"github.com/feedsvc/feedsvc/feedsvc/httpapi"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

type refresher struct{ ids []string }

func (r *refresher) PollNow(id string) { r.ids = append(r.ids, id) }

func newAPI(t *testing.T, token string) (http.Handler, *catalog.Catalog, *refresher) {
	t.Helper()
	c := &catalog.Catalog{Store: memstore.New()}
	if err := c.Load(context.Background(), []feedsvc.Section{{Slug: "ent", Title: "Ent"}}, nil); err != nil {
		t.Fatal(err)
	}
	rf := &refresher{}
	return serve(&API{Token: token, Catalog: c, Refresh: rf}), c, rf
}

// serve answers the routes of httpapi's list with api, as the service
// does: every admin route behind api.Authorize.
func serve(api *API) http.Handler {
	return (&httpapi.Server{Admin: api}).Handler()
}

func do(t *testing.T, h http.Handler, method, target, token, body string) (int, map[string]any) {
	t.Helper()
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var out map[string]any
	_ = json.Unmarshal(rec.Body.Bytes(), &out)
	return rec.Code, out
}

func TestAuth(t *testing.T) {
	h, _, _ := newAPI(t, "s3cret")
	if code, _ := do(t, h, "GET", "/api/sources", "", ""); code != 401 {
		t.Errorf("no token: got %d, want 401", code)
	}
	if code, _ := do(t, h, "GET", "/api/sources", "s3creT", ""); code != 401 {
		t.Errorf("wrong token: got %d, want 401", code)
	}
	if code, _ := do(t, h, "GET", "/api/sources", "s3cret", ""); code != 200 {
		t.Errorf("right token: got %d, want 200", code)
	}
	disabled, _, _ := newAPI(t, "")
	if code, _ := do(t, disabled, "GET", "/api/sources", "anything", ""); code != 404 {
		t.Errorf("no ADMIN_TOKEN: got %d, want 404 (disabled, not open)", code)
	}
}

func TestSourceCRUD(t *testing.T) {
	h, c, rf := newAPI(t, "tk")
	code, body := do(t, h, "POST", "/api/sources", "tk", `{"id":"new","url":"https://n.example/feed","sections":["ent"],"interval":"20m","timezone":"Asia/Shanghai"}`)
	if code != 201 || body["interval"] != "20m0s" {
		t.Fatalf("create: %d %v", code, body)
	}
	if len(c.Sources()) != 1 || len(rf.ids) != 1 {
		t.Errorf("catalog %v refresh %v", c.Sources(), rf.ids)
	}
	for _, tt := range []struct{ name, method, target, body, field string }{
		{"bad url", "POST", "/api/sources", `{"id":"x","url":"file:///etc/passwd","sections":["ent"]}`, "url"},
		{"bad interval", "POST", "/api/sources", `{"id":"x","url":"https://x/","sections":["ent"],"interval":"soon"}`, "interval"},
		{"missing section", "POST", "/api/sources", `{"id":"x","url":"https://x/","sections":["zzz"]}`, "sections"},
		{"bad zone", "PUT", "/api/sources/new", `{"url":"https://x/","sections":["ent"],"timezone":"Mars/X"}`, "timezone"},
		{"unknown field", "POST", "/api/sources", `{"id":"x","colour":"red"}`, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, body := do(t, h, tt.method, tt.target, "tk", tt.body)
			if code != 400 || (tt.field != "" && body["field"] != tt.field) {
				t.Errorf("got %d %v, want 400 on field %q", code, body, tt.field)
			}
		})
	}
	if code, _ := do(t, h, "POST", "/api/sources", "tk", `{"id":"new","url":"https://n.example/feed","sections":["ent"]}`); code != 409 {
		t.Errorf("duplicate: got %d, want 409", code)
	}
	if code, body := do(t, h, "PUT", "/api/sources/new", "tk", `{"url":"https://n.example/v2","sections":["ent"]}`); code != 200 || body["url"] != "https://n.example/v2" {
		t.Errorf("update: %d %v", code, body)
	}
	if code, _ := do(t, h, "POST", "/api/sources/new/refresh", "tk", ""); code != 202 {
		t.Errorf("refresh: got %d", code)
	}
	if code, _ := do(t, h, "DELETE", "/api/sections/ent", "tk", ""); code != 409 {
		t.Errorf("delete used section: got %d, want 409", code)
	}
	if code, _ := do(t, h, "DELETE", "/api/sources/new", "tk", ""); code != 204 {
		t.Errorf("delete: got %d", code)
	}
	if code, _ := do(t, h, "GET", "/api/sources/new", "tk", ""); code != 404 {
		t.Errorf("get deleted: got %d", code)
	}
}

func TestSectionCRUD(t *testing.T) {
	h, c, _ := newAPI(t, "tk")
	if code, _ := do(t, h, "POST", "/api/sections", "tk", `{"slug":"world","title":"World","language":"en"}`); code != 201 {
		t.Fatalf("create: %d", code)
	}
	if code, body := do(t, h, "POST", "/api/sections", "tk", `{"slug":"Bad Slug","title":"x"}`); code != 400 || body["field"] != "slug" {
		t.Errorf("bad slug: %d %v", code, body)
	}
	if code, _ := do(t, h, "PUT", "/api/sections/world", "tk", `{"title":"World news"}`); code != 200 || c.Sections()[1].Title != "World news" {
		t.Errorf("update: %d %v", code, c.Sections())
	}
	if code, _ := do(t, h, "DELETE", "/api/sections/world", "tk", ""); code != 204 || len(c.Sections()) != 1 {
		t.Errorf("delete: %d", code)
	}
}

// TestSourceKeepsMaxItems: the API reads and shows every field of the
// source's wire form, so an update through it keeps max_items.
func TestSourceKeepsMaxItems(t *testing.T) {
	h, c, _ := newAPI(t, "tk")
	code, body := do(t, h, "POST", "/api/sources", "tk", `{"id":"m","url":"https://m.example/feed","sections":["ent"],"max_items":40}`)
	if code != 201 || body["max_items"] != float64(40) || body["interval"] != "15m0s" {
		t.Fatalf("create: %d %v", code, body)
	}
	if code, body = do(t, h, "GET", "/api/sources/m", "tk", ""); code != 200 || body["max_items"] != float64(40) {
		t.Errorf("get: %d %v", code, body)
	}
	if got := c.Sources()[0].MaxItems; got != 40 {
		t.Errorf("stored max_items %d, want 40", got)
	}
}
