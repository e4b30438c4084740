package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckMissingFileSaysSo(t *testing.T) {
	code, out, errOut := cli(t, nil, "check", "/no/such/file.xml")
	if code != 1 || !strings.Contains(errOut, "no such file: /no/such/file.xml") || strings.Contains(errOut, "scheme") || out != "" {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if _, _, errOut := cli(t, nil, "check", "example.com/rss"); !strings.Contains(errOut, "https://") {
		t.Errorf("a bare host gets no hint: %q", errOut)
	}
}

func TestCheckExplainsAnEmptyResult(t *testing.T) {
	p := filepath.Join(t.TempDir(), "empty.xml")
	if err := os.WriteFile(p, []byte(`<rss version="2.0"><channel><title>x</title></channel></rss>`), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := cli(t, nil, "check", p)
	if code != 0 || strings.TrimSpace(out) != "[]" || !strings.Contains(errOut, "no articles: it was read as a feed") {
		t.Errorf("exit %d, out %q, stderr %q", code, out, errOut)
	}
}

func TestCheckWarnsOfZonelessDatesReadAsUTC(t *testing.T) {
	zoneless := `<rss version="2.0"><channel><title>x</title><item><title>a</title><link>https://e.example/a</link><pubDate>2023-11-15 07:24:00</pubDate></item></channel></rss>`
	zoned := strings.Replace(zoneless, "2023-11-15 07:24:00", "Wed, 15 Nov 2023 07:24:00 +0800", 1)
	cst := strings.Replace(zoneless, "2023-11-15 07:24:00", "Wed, 15 Nov 2023 07:24:00 CST", 1)
	dir := t.TempDir()
	for _, tt := range []struct {
		name, doc string
		args      []string
		warn      bool
	}{
		{"zoneless", zoneless, nil, true},
		{"cst", cst, nil, true},
		{"zoneless with -timezone", zoneless, []string{"-timezone", "Asia/Shanghai"}, false},
		{"zoneless with -timezone UTC", zoneless, []string{"-timezone", "UTC"}, false},
		{"offset", zoned, nil, false},
	} {
		p := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_")+".xml")
		if err := os.WriteFile(p, []byte(tt.doc), 0o600); err != nil {
			t.Fatal(err)
		}
		code, _, errOut := cli(t, nil, append(append([]string{"check"}, tt.args...), p)...)
		warned := strings.Contains(errOut, "read as UTC; pass -timezone")
		if code != 0 || warned != tt.warn || strings.Count(errOut, "\n") > 1 {
			t.Errorf("%s: exit %d, warned %v (want %v): %q", tt.name, code, warned, tt.warn, errOut)
		}
	}
}
