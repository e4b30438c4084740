package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// File is the YAML configuration: sections, sources and WebSub hubs.
type File struct {
	Sections []feedsvc.Section
	Sources  []feedsvc.Source
	Hubs     []string
}

type fileYAML struct {
	Sections []feedsvc.Section `yaml:"sections"`
	Sources  []sourceYAML      `yaml:"sources"`
	WebSub   struct {
		Hubs []string `yaml:"hubs"`
	} `yaml:"websub"`
}

type sourceYAML struct {
	ID       string               `yaml:"id"`
	URL      string               `yaml:"url"`
	Kind     string               `yaml:"kind"`
	Sections []string             `yaml:"sections"`
	Timezone string               `yaml:"timezone"`
	Interval string               `yaml:"interval"`
	MaxItems int                  `yaml:"max_items"`
	Rights   string               `yaml:"rights"`
	Fulltext string               `yaml:"fulltext"`
	List     feedsvc.ListRules    `yaml:"list"`
	Article  feedsvc.ArticleRules `yaml:"article"`
}

// DefaultInterval is the poll interval of a source that names none.
const DefaultInterval = 15 * time.Minute

var slugRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)

// LoadFile reads and validates the YAML file at path. Unknown keys,
// duplicate slugs or ids, sources naming missing sections, bad URLs,
// durations and zones are errors that name the file, field and value.
func LoadFile(path string) (File, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return File{}, fmt.Errorf("config: no such file: %s", path)
	} else if err != nil {
		return File{}, fmt.Errorf("config: %w", err)
	}
	f, err := Parse(b)
	if err != nil {
		return File{}, fmt.Errorf("config %s: %w", path, err)
	}
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return File{}, fmt.Errorf("config %s: %w", path, err)
	}
	for i := range f.Sources {
		f.Sources[i].URL = resolveFileURL(f.Sources[i].URL, dir)
		if err := fileExists(f.Sources[i].URL); err != nil {
			return File{}, fmt.Errorf("config %s: sources[%d] (%s): url: %w", path, i, f.Sources[i].ID, err)
		}
	}
	return f, nil
}

// fileExists reports a file: URL whose file is missing; other URLs pass.
func fileExists(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "file" {
		return nil
	}
	if _, err := os.Stat(filepath.FromSlash(u.Path)); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("no such file: %s", u.Path)
	}
	return nil
}

// resolveFileURL turns a relative `file:` URL into an absolute file://
// URL against dir; other URLs pass unchanged.
func resolveFileURL(raw, dir string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "file" {
		return raw
	}
	p := u.Opaque
	if p == "" {
		p = u.Path
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, filepath.FromSlash(p))
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(p)}).String()
}

// Parse decodes and validates YAML configuration bytes.
func Parse(b []byte) (File, error) {
	var raw fileYAML
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(b)).Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return File{}, plainYAMLErr(err)
	}
	if err := checkShape(&doc, reflect.TypeFor[fileYAML](), ""); err != nil {
		return File{}, err
	}
	if err := doc.Decode(&raw); err != nil {
		return File{}, plainYAMLErr(err)
	}
	f := File{Sections: raw.Sections, Hubs: raw.WebSub.Hubs}
	if err := validateSections(f.Sections); err != nil {
		return File{}, err
	}
	for i, h := range f.Hubs {
		if !absHTTP(h) {
			return File{}, fmt.Errorf("websub.hubs[%d]: %q is not an absolute http(s) URL", i, h)
		}
	}
	slugs := map[string]bool{}
	for _, s := range f.Sections {
		slugs[s.Slug] = true
	}
	ids := map[string]bool{}
	for i, rs := range raw.Sources {
		src, err := rs.source(slugs)
		if err != nil && rs.ID == "" {
			return File{}, fmt.Errorf("sources[%d]: %w", i, err)
		} else if err != nil {
			return File{}, fmt.Errorf("sources[%d] (%s): %w", i, rs.ID, err)
		}
		if ids[src.ID] {
			return File{}, fmt.Errorf("sources[%d].id: duplicate id %q", i, src.ID)
		}
		ids[src.ID] = true
		f.Sources = append(f.Sources, src)
	}
	return f, nil
}

func validateSections(secs []feedsvc.Section) error {
	seen := map[string]bool{}
	for i, s := range secs {
		if err := ValidateSection(s); err != nil {
			return fmt.Errorf("sections[%d].%w", i, err)
		}
		if seen[s.Slug] {
			return fmt.Errorf("sections[%d].slug: duplicate slug %q", i, s.Slug)
		}
		seen[s.Slug] = true
	}
	return nil
}

// ValidateSection checks one section; the error starts with the field name.
func ValidateSection(s feedsvc.Section) error {
	switch {
	case !slugRE.MatchString(s.Slug) || s.Slug == "all":
		return fmt.Errorf("slug: %q is not a URL-safe slug (a-z, 0-9, - and _; \"all\" is reserved)", s.Slug)
	case strings.TrimSpace(s.Title) == "":
		return fmt.Errorf("title: empty title for %q", s.Slug)
	case s.Limit < 0 || s.Limit > 500:
		return fmt.Errorf("limit: %d is outside 0..500", s.Limit)
	}
	if err := validateRetention(s.Retain, s.RetainItems); err != nil {
		return err
	}
	if s.Timezone != "" {
		if _, err := time.LoadLocation(s.Timezone); err != nil {
			return fmt.Errorf("timezone: unknown zone %q", s.Timezone)
		}
	}
	return nil
}

func (rs sourceYAML) source(slugs map[string]bool) (feedsvc.Source, error) {
	s := feedsvc.Source{ID: rs.ID, URL: rs.URL, Kind: rs.Kind, Sections: rs.Sections,
		Timezone: rs.Timezone, Rights: rs.Rights, List: rs.List, Article: rs.Article, MaxItems: rs.MaxItems}
	s.Fulltext = rs.Fulltext
	if rs.Interval != "" {
		d, err := time.ParseDuration(rs.Interval)
		if err != nil {
			return s, fmt.Errorf("interval: %q is not a duration like 15m", rs.Interval)
		}
		s.Interval = d
	}
	return s, ValidateSource(&s, slugs, true)
}

// ValidateSource checks one source against the known section slugs, fills
// its defaults (Interval) and sets its Location. allowFile permits file:
// URLs (configuration files may use them; the admin API may not). The
// error starts with the field name.
func ValidateSource(s *feedsvc.Source, slugs map[string]bool, allowFile bool) error {
	if s.ID == "" {
		return errors.New("id: missing: every source needs an id (a-z, 0-9, - and _), e.g. xinhua-world")
	}
	if !slugRE.MatchString(s.ID) {
		return fmt.Errorf("id: %q is not a URL-safe id", s.ID)
	}
	u, err := url.Parse(s.URL)
	okScheme := err == nil && ((u.Scheme == "http" || u.Scheme == "https") && u.Host != "" || allowFile && u.Scheme == "file")
	if !okScheme {
		return fmt.Errorf("url: %q is not an absolute http(s) URL", s.URL)
	}
	if s.Kind != "" && s.Kind != feedsvc.KindFeed && s.Kind != feedsvc.KindHTML {
		return fmt.Errorf("kind: %q is not feed or html", s.Kind)
	}
	if err := validateSourceSections(s.Sections, slugs); err != nil {
		return err
	}
	loc, err := time.LoadLocation(or(s.Timezone, "UTC"))
	if err != nil {
		return fmt.Errorf("timezone: unknown zone %q", s.Timezone)
	}
	s.Location = loc
	if s.Interval == 0 {
		s.Interval = DefaultInterval
	}
	if s.Interval < 10*time.Second || s.Interval > 7*24*time.Hour {
		return fmt.Errorf("interval: %s is outside 10s..168h", s.Interval)
	}
	if s.MaxItems < 0 || s.MaxItems > 10000 {
		return fmt.Errorf("max_items: %d is outside 0..10000", s.MaxItems)
	}
	if err := validFulltext(s.Fulltext); err != nil {
		return err
	}
	if s.List.Pages < 0 || s.List.Pages > 20 {
		return fmt.Errorf("list.pages: %d is outside 0..20", s.List.Pages)
	}
	return validateRules(s.List, s.Article)
}

func absHTTP(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// validFulltext checks a source's fulltext mode ("" means auto).
func validFulltext(mode string) error {
	switch mode {
	case "", feedsvc.FulltextAuto, feedsvc.FulltextAlways, feedsvc.FulltextNever:
		return nil
	}
	return fmt.Errorf("fulltext: %q is not auto, always or never", mode)
}
