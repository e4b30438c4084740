package admin

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// TestHostileInput: invalid selectors, duplicate sections and trailing
// data are refused with 400 and the field; an oversized body is 413.
func TestHostileInput(t *testing.T) {
	h, c, _ := newAPI(t, "tk")
	src := func(extra string) string {
		return `{"id":"x","url":"https://x.example/","sections":["ent"]` + extra + `}`
	}
	for _, tt := range []struct {
		name, body, field string
		msg               string // the configuration file's wording (feedsvc.ValidateSource)
		want              int
	}{
		{"list selector", src(`,"kind":"html","list":{"item":"[[[["}`), "list.item", `list.item: "[[[[" is not a valid CSS selector`, 400},
		{"article selector", src(`,"article":{"body":"div >> p"}`), "article.body", `article.body: "div >> p" is not a valid CSS selector`, 400},
		{"remove selector", src(`,"article":{"remove":[".ad","[[["]}`), "article.remove", `article.remove: "[[[" is not a valid CSS selector`, 400},
		{"duplicate section", `{"id":"x","url":"https://x.example/","sections":["ent","ent"]}`, "sections", `sections: "ent" is listed twice`, 400},
		{"trailing object", src("") + ` {"id":"y"}`, "", "", 400},
		{"trailing junk", src("") + `garbage`, "", "", 400},
		{"oversized", src(`,"rights":"` + strings.Repeat("x", 70<<10) + `"`), "", "", 413},
		{"valid rules", src(`,"kind":"html","list":{"item":"ul.news > li","link":"a"},"article":{"title":"meta:og:title","authors":"jsonld:author","remove":[".ad"]}`), "", "", 201},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, body := do(t, h, "POST", "/api/sources", "tk", tt.body)
			if code != tt.want || (tt.field != "" && body["field"] != tt.field) {
				t.Errorf("got %d %v, want %d on field %q", code, body, tt.want, tt.field)
			}
			if msg, _ := body["error"].(string); !strings.Contains(msg, tt.msg) {
				t.Errorf("error %q, want the configuration file's %q", msg, tt.msg)
			}
		})
	}
	if n := len(c.Sources()); n != 1 {
		t.Errorf("%d sources stored, want only the valid one", n)
	}
	if code, _ := do(t, h, "POST", "/api/sections", "tk", `{"slug":"w","title":"W"}{}`); code != 400 {
		t.Errorf("section with trailing data: got %d, want 400", code)
	}
}

// TestBearerSchemeCaseInsensitive: RFC 9110 §11.1, the scheme is case-insensitive.
func TestBearerSchemeCaseInsensitive(t *testing.T) {
	h, _, _ := newAPI(t, "tk")
	for auth, want := range map[string]int{"bearer tk": 200, "BEARER tk": 200, "Bearer  tk": 200, "Bearer tk": 200, "Basic tk": 401, "bearertk": 401, "Bearer tk2": 401} {
		req := httptest.NewRequest("GET", "/api/sources", nil)
		req.Header.Set("Authorization", auth)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("Authorization %q: got %d, want %d", auth, rec.Code, want)
		}
	}
}

// TestWrongTypeSpeaksJSON: a wrong-typed field is refused in the body's
// own terms, naming the field, never a Go type (feedsvc.DecodeJSON).
func TestWrongTypeSpeaksJSON(t *testing.T) {
	h, _, _ := newAPI(t, "tk")
	for _, tt := range []struct{ name, path, body, field, want string }{
		{"source interval", "/api/sources", `{"id":"x","url":"https://x.example/","sections":["ent"],"interval":15}`,
			"interval", "interval: want a text value, got a JSON number"},
		{"source rule", "/api/sources", `{"id":"x","url":"https://x.example/","sections":["ent"],"list":{"pages":"two"}}`,
			"list.pages", "list.pages: want a whole number, got a JSON string"},
		{"section limit", "/api/sections", `{"slug":"w","title":"W","limit":"ten"}`,
			"limit", "limit: want a whole number, got a JSON string"},
		{"unknown key", "/api/sources", `{"id":"x","url":"https://x.example/","sections":["ent"],"intervall":"15m"}`,
			"intervall", "intervall: unknown key (did you mean interval?)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, body := do(t, h, "POST", tt.path, "tk", tt.body)
			msg, _ := body["error"].(string)
			if code != 400 || msg != tt.want || body["field"] != tt.field {
				t.Errorf("got %d %v, want 400 %q on field %q", code, body, tt.want, tt.field)
			}
			for _, goName := range []string{"Go ", "struct", "sourceJSON", "feedsvc.", "json:"} {
				if strings.Contains(msg, goName) {
					t.Errorf("error %q names Go (%q)", msg, goName)
				}
			}
		})
	}
}
