package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const goodYAML = `
sections:
  - slug: ent
    title: 中工娱乐
    language: zh-CN
sources:
  - id: workercn-ent
    url: https://example.org/feed.xml
    kind: feed
    sections: [ent]
    timezone: Asia/Shanghai
    interval: 15m
websub:
  hubs: [https://hub.example/]
`

func TestParseGood(t *testing.T) {
	f, err := parse([]byte(goodYAML))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Sections) != 1 || f.Sections[0].Title != "中工娱乐" {
		t.Fatalf("sections: got %+v", f.Sections)
	}
	src := f.Sources[0]
	if src.Interval != 15*time.Minute || src.Location.String() != "Asia/Shanghai" || src.Sections[0] != "ent" {
		t.Errorf("source: got %+v", src)
	}
	if len(f.Hubs) != 1 {
		t.Errorf("hubs: got %v", f.Hubs)
	}
}

func TestParseErrorsNameFieldAndValue(t *testing.T) {
	tests := []struct {
		name, from, to, want string
	}{
		{"unknown key", "interval: 15m", "intervall: 15m", "intervall"},
		{"bad duration", "interval: 15m", "interval: soon", `interval: "soon"`},
		{"bad zone", "Asia/Shanghai", "Mars/Olympus", `timezone: unknown zone "Mars/Olympus"`},
		{"missing section", "sections: [ent]", "sections: [sport]", `"sport"`},
		{"bad kind", "kind: feed", "kind: podcast", `kind: "podcast"`},
		{"bad slug", "slug: ent", "slug: Ent X", `slug: "Ent X"`},
		{"bad url", "https://example.org/feed.xml", "ftp://x/y", `url: "ftp://x/y"`},
		{"bad hub", "https://hub.example/", "hub", `websub.hubs[0]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse([]byte(strings.Replace(goodYAML, tt.from, tt.to, 1)))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want error containing %q", err, tt.want)
			}
		})
	}
}

func TestParseDuplicates(t *testing.T) {
	dupSrc := goodYAML[:strings.Index(goodYAML, "websub:")] + `  - id: workercn-ent
    url: https://example.org/2.xml
    sections: [ent]
`
	if _, err := parse([]byte(dupSrc)); err == nil || !strings.Contains(err.Error(), `duplicate id "workercn-ent"`) {
		t.Errorf("duplicate id: got %v", err)
	}
	dupSec := strings.Replace(goodYAML, "sources:", "  - slug: ent\n    title: again\nsources:", 1)
	if _, err := parse([]byte(dupSec)); err == nil || !strings.Contains(err.Error(), `duplicate slug "ent"`) {
		t.Errorf("duplicate slug: got %v", err)
	}
}

func TestLoadFileNamesFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(p, []byte("sections: [{slug: x, title: X, colour: red}]"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := LoadFile(p)
	if err == nil || !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), "colour") {
		t.Fatalf("got %v", err)
	}
}

func TestLoadEnv(t *testing.T) {
	env := map[string]string{"LISTEN_ADDR": "0.0.0.0:9090", "LOG_FORMAT": "json", "REDIS_URL": "redis://:secret@127.0.0.1:6379/0"}
	c, err := Load(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if got := c.BaseURL.String(); got != "http://127.0.0.1:9090" {
		t.Errorf("base url: got %q", got)
	}
	if strings.Contains(Redact(c.RedisURL), "secret") {
		t.Errorf("Redact kept the password")
	}
	for k, v := range map[string]string{"LOG_LEVEL": "loud", "LOG_FORMAT": "xml", "BASE_URL": "ftp://x", "FETCH_TIMEOUT": "-1s", "LISTEN_ADDR": "nohost"} {
		bad := map[string]string{k: v}
		if _, err := Load(func(s string) string { return bad[s] }); err == nil || !strings.Contains(err.Error(), k) {
			t.Errorf("%s=%s: got %v, want an error naming %s", k, v, err, k)
		}
	}
}

func TestLoadFileResolvesRelativeFileURLs(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "c.yaml")
	y := "sections: [{slug: a, title: A}]\nsources: [{id: s, url: 'file:feeds/x.xml', sections: [a]}, {id: t, url: 'https://e.org/f', sections: [a]}]\n"
	if err := os.WriteFile(p, []byte(y), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "feeds"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "feeds", "x.xml"), []byte("<rss/>"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := LoadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := f.Sources[0].URL, "file://"+filepath.ToSlash(filepath.Join(dir, "feeds", "x.xml")); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := f.Sources[1].URL; got != "https://e.org/f" {
		t.Errorf("https URL changed: %q", got)
	}
}
