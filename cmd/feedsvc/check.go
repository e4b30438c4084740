package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/fetch"
	"github.com/feedsvc/feedsvc/feedsvc/ingest"
)

// checkCmd runs one source URL through the ingest pipeline once and prints
// the normalized articles as a JSON array. No store is involved.
func checkCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tz := fs.String("timezone", "UTC", "IANA zone for dates that carry none (e.g. Asia/Shanghai); when omitted, a warning names dates read as UTC")
	kind := fs.String("kind", "", "source kind: feed, html (a section list page) or article (one article page); detected when empty")
	list := fs.Bool("list", false, "print an HTML section list page's items (url, title, published) and next page instead of articles")
	if err := fs.Parse(args); err != nil {
		return usageErr(err)
	}
	if fs.NArg() != 1 {
		return errUsage{error: errors.New("want exactly one URL or file")}
	}
	loc, err := time.LoadLocation(*tz)
	if err != nil {
		return fmt.Errorf("check: -timezone %q: %w", *tz, err)
	}
	target, err := sourceURL(fs.Arg(0))
	if err != nil {
		return fmt.Errorf("check: %w", err)
	}
	src := feedsvc.Source{ID: "check", URL: target, Kind: *kind, Location: loc, Timezone: *tz}
	p := &ingest.Pipeline{
		Fetch: fetch.New(fetch.Options{AllowFile: true, AllowPrivate: true, Timeout: 30 * time.Second,
			UserAgent: userAgent(getenv("USER_AGENT"))}),
		Log: newLogger(stderr, "text", "warn"),
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if *list {
		items, next, err := p.List(ctx, &src)
		if err != nil {
			return fmt.Errorf("check %s: %w", src.URL, err)
		}
		return enc.Encode(struct {
			Items []ingest.ListEntry `json:"items"`
			Next  *string            `json:"next_page"`
		}{items, nullable(next)})
	}
	res, err := p.Collect(ctx, &src, feedsvc.SourceState{}, nil)
	if err != nil {
		return fmt.Errorf("check %s: %w", src.URL, err)
	}
	arts := res.Articles
	if len(arts) == 0 {
		explainEmpty(stderr, res)
		arts = []feedsvc.Article{}
	}
	if !zoneGiven(fs) {
		warnZone(stderr, arts, time.Now())
	}
	return enc.Encode(arts)
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// zoneGiven reports whether -timezone was on the command line.
func zoneGiven(fs *flag.FlagSet) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "timezone" })
	return given
}
