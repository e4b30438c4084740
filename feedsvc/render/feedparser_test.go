package render

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// python is Debian's interpreter, the one python3-feedparser installs for.
const python = "/usr/bin/python3"

// fpText is a text field as feedparser_dump.py reports it.
type fpText struct {
	Raw  *string `json:"raw"` // the HTML when feedparser typed it text/html
	Text string  `json:"text"`
}

type fpEntry struct {
	Title, Summary, Rights *fpText
	Content                []string
	Author                 *string
	Authors, Contributors  []string
	Tags                   []string
	SourceTitle            *string `json:"source_title"`
}

type fpFeed struct {
	Bozo          bool
	BozoException string `json:"bozo_exception"`
	Title         *fpText
	Subtitle      *fpText
	Entries       []fpEntry
}

// TestEscapingPropertyFeedparser renders channels whose every text field
// holds generated plain text (markup, entity and CDATA look-alikes,
// quotes, controls, bidi marks) and reads them with feedparser, the
// reader most Python aggregators use: every text field must come back
// exactly (as cleaned), and no content may hold an element that was not
// in the sanitized content (issue 12.2).
func TestEscapingPropertyFeedparser(t *testing.T) {
	findFeedparser(t)
	dir := t.TempDir()
	type doc struct {
		seed   uint64
		format string
	}
	var docs []doc
	var paths []string
	for seed := range uint64(20) {
		ch := propChannel(plainValues(97, seed), 12)
		for _, format := range []string{FormatRSS, FormatAtom} {
			p := filepath.Join(dir, fmt.Sprintf("%d.%s.xml", seed, format))
			if err := os.WriteFile(p, mustRender(t, format, ch), 0o644); err != nil {
				t.Fatal(err)
			}
			docs, paths = append(docs, doc{seed, format}), append(paths, p)
		}
	}
	feeds := runFeedparser(t, paths)
	for i, d := range docs {
		checkFeedparser(t, fmt.Sprintf("seed %d %s", d.seed, d.format), d.format,
			propChannel(plainValues(97, d.seed), 12), feeds[i])
	}
}

func runFeedparser(t *testing.T, paths []string) []fpFeed {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	script, err := filepath.Abs(filepath.Join("testdata", "feedparser_dump.py"))
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, python, append([]string{script}, paths...)...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("feedparser: %v\n%s", err, stderr.String())
	}
	var out []fpFeed
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		var f fpFeed
		if err := json.Unmarshal(sc.Bytes(), &f); err != nil {
			t.Fatalf("feedparser output: %v\n%s", err, sc.Bytes())
		}
		out = append(out, f)
	}
	if len(out) != len(paths) {
		t.Fatalf("feedparser read %d documents, want %d\n%s", len(out), len(paths), stderr.String())
	}
	return out
}

func checkFeedparser(t *testing.T, where, format string, ch *feedsvc.Channel, f fpFeed) {
	t.Helper()
	c := cleanChannel(ch)
	if f.Bozo {
		t.Errorf("%s: feedparser calls the document ill-formed: %s", where, f.BozoException)
	}
	checkFP(t, where+" feed title", f.Title, feedTitle(c))
	if format == FormatRSS {
		checkFP(t, where+" feed description", f.Subtitle, feedDescription(c))
	} else {
		checkFP(t, where+" feed subtitle", f.Subtitle, c.Section.Description)
	}
	if len(f.Entries) != len(ch.Articles) {
		t.Fatalf("%s: feedparser read %d entries, want %d", where, len(f.Entries), len(ch.Articles))
	}
	for i, e := range f.Entries {
		want, _ := wantFields(ch, i)
		w := fmt.Sprintf("%s item %d", where, i)
		checkFP(t, w+" title", e.Title, want.Title)
		checkFP(t, w+" summary", e.Summary, want.Summary)
		if format == FormatRSS {
			checkEqual(t, w+" author", deref(e.Author), strings.Join(want.Authors, ", "))
		} else {
			checkFP(t, w+" rights", e.Rights, want.Rights)
			checkEqual(t, w+" authors", strings.Join(e.Authors, "|"), strings.Join(want.Authors, "|"))
		}
		checkEqual(t, w+" contributor", strings.Join(e.Contributors, "|"), want.Editor)
		checkEqual(t, w+" tags", strings.Join(e.Tags, "|"), strings.Join(want.Categories, "|"))
		checkEqual(t, w+" source title", deref(e.SourceTitle), want.Source)
		for _, body := range e.Content {
			checkContent(t, w+" content", body, &ch.Articles[i])
		}
	}
}

// checkFP compares a text field with want ("" matches an absent field)
// and checks that a field feedparser typed as HTML holds no element.
func checkFP(t *testing.T, where string, got *fpText, want string) {
	t.Helper()
	if got == nil {
		checkEqual(t, where, "", want)
		return
	}
	if got.Raw != nil {
		fromHTML(t, where, *got.Raw)
	}
	checkEqual(t, where, got.Text, want)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// findFeedparser makes sure Debian's python3-feedparser is installed,
// installing it with apt-get when missing (CI runs as root). Only -short
// outside CI skips; otherwise a missing reader fails the test.
func findFeedparser(t *testing.T) {
	t.Helper()
	if hasFeedparser() {
		return
	}
	if testing.Short() && os.Getenv("CI") != "true" {
		t.Skip("python3-feedparser is not installed; skipped under -short")
	}
	if os.Geteuid() != 0 {
		t.Fatal("python3-feedparser is not installed and the test does not run as root: apt-get install -y python3-feedparser")
	}
	aptInstall(t, "python3-feedparser")
	if !hasFeedparser() {
		t.Fatal("feedparser still not importable by " + python + " after apt-get install python3-feedparser")
	}
}

func hasFeedparser() bool {
	return exec.Command(python, "-c", "import feedparser").Run() == nil
}

// aptInstall runs apt-get install, and apt-get update then the install
// again when the first attempt fails (stale package lists).
func aptInstall(t *testing.T, pkg string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	apt := func(args ...string) error {
		cmd := exec.CommandContext(ctx, "apt-get", append([]string{"-o", "DPkg::Lock::Timeout=300"}, args...)...)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Logf("apt-get %v: %v\n%s", args, err, out)
		}
		return err
	}
	t.Logf("%s not installed: installing it with apt-get", pkg)
	if apt("install", "-y", pkg) == nil {
		return
	}
	if err := apt("update"); err != nil {
		t.Fatalf("cannot install %s: apt-get update: %v", pkg, err)
	}
	if err := apt("install", "-y", pkg); err != nil {
		t.Fatalf("cannot install %s: %v", pkg, err)
	}
}
