package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/ingest"
	"github.com/feedsvc/feedsvc/feedsvc/normalize"
)

// sourceURL turns a local path into a file:// URL; URLs pass unchanged.
// A path that names no file is an error that says so.
func sourceURL(arg string) (string, error) {
	if strings.Contains(arg, "://") {
		return arg, nil
	}
	_, err := os.Stat(arg)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		hint := ""
		if !strings.HasPrefix(arg, "/") && !strings.HasPrefix(arg, ".") && strings.Contains(strings.SplitN(arg, "/", 2)[0], ".") {
			hint = " (for a web address, write it with https://)"
		}
		return "", fmt.Errorf("no such file: %s%s", arg, hint)
	case err != nil:
		return "", fmt.Errorf("cannot read %s: %w", arg, errors.Unwrap(err))
	}
	abs, err := filepath.Abs(arg)
	if err != nil {
		return "", err
	}
	return "file://" + filepath.ToSlash(abs), nil
}

// explainEmpty says on w why a document yielded no article.
func explainEmpty(w io.Writer, res ingest.Result) {
	var why string
	switch res.Kind {
	case feedsvc.KindFeed:
		why = "it was read as a feed, but it has no item with a link or a title"
	case ingest.KindArticle:
		why = "it was read as a single article page, but no article (title and body) was found; try -kind html for a list page"
	default:
		why = "it was read as an HTML section list page, but no article link was found on it; try -list to see what the list rules find, -kind article for one article page, or set list.item/list.link selectors for this source"
	}
	if res.PageErrors > 0 {
		why += fmt.Sprintf("; %d article pages failed to load", res.PageErrors)
	}
	if res.Charset != "" {
		why += " (charset " + res.Charset + ")"
	}
	fmt.Fprintln(w, "check: no articles:", why)
}

// warnZone warns on w when dates that carry no zone (or say "CST") were
// read in UTC because -timezone was not given.
func warnZone(w io.Writer, arts []feedsvc.Article, now time.Time) {
	n := 0
	var example string
	for i := range arts {
		for _, raw := range []string{arts[i].PublishedRaw, arts[i].UpdatedRaw} {
			if raw != "" && normalize.ZoneDependent(raw, now) {
				if n == 0 {
					example = raw
				}
				n++
				break
			}
		}
	}
	if n > 0 {
		fmt.Fprintf(w, "check: warning: %d of %d articles have dates without a zone or with \"CST\" (e.g. %q), read as UTC; pass -timezone (e.g. -timezone Asia/Shanghai) to read them in the source's zone\n",
			n, len(arts), truncateRaw(example))
	}
}

func truncateRaw(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
