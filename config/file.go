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
	Sections []feedsvc.Section    `yaml:"sections"`
	Sources  []feedsvc.SourceSpec `yaml:"sources"`
	WebSub   struct {
		Hubs []string `yaml:"hubs"`
	} `yaml:"websub"`
}

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
	f, err := parse(b)
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

// parse decodes and validates YAML configuration bytes.
func parse(b []byte) (File, error) {
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
		src, err := source(rs, slugs)
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
		if err := feedsvc.ValidateSection(s); err != nil {
			return fmt.Errorf("sections[%d].%w", i, err)
		}
		if seen[s.Slug] {
			return fmt.Errorf("sections[%d].slug: duplicate slug %q", i, s.Slug)
		}
		seen[s.Slug] = true
	}
	return nil
}

// source reads and validates one source of the file (file: URLs allowed).
func source(sp feedsvc.SourceSpec, slugs map[string]bool) (feedsvc.Source, error) {
	s, err := sp.Source()
	if err != nil {
		return s, err
	}
	return s, feedsvc.ValidateSource(&s, slugs, true)
}

func absHTTP(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
