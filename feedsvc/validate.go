package feedsvc

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/cascadia"
)

// Bounds of a source's and a section's settings.
const (
	// DefaultInterval is the poll interval of a source that names none.
	DefaultInterval = 15 * time.Minute
	minInterval     = 10 * time.Second
	maxInterval     = 7 * 24 * time.Hour
	maxMaxItems     = 10000
	maxListPages    = 20
	maxSectionLimit = 500

	// An age under an hour or a count under 10 is far more likely a typo
	// than a policy, and prunes a live section to nothing.
	minRetain      = Age(time.Hour)
	minRetainItems = 10
	maxRetainItems = 10_000_000
)

var slugRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)

// invalid is a *ValidationError on field whose message starts with it.
func invalid(field, format string, args ...any) error {
	return &ValidationError{Field: field, Err: errors.New(field + ": " + fmt.Sprintf(format, args...))}
}

// ValidateSection checks one section: the configuration file, the admin
// API and the catalog's stored copy all go through it. The error is a
// *ValidationError.
func ValidateSection(s Section) error {
	switch {
	case !slugRE.MatchString(s.Slug) || s.Slug == "all":
		return invalid("slug", "%q is not a URL-safe slug (a-z, 0-9, - and _; \"all\" is reserved)", s.Slug)
	case strings.TrimSpace(s.Title) == "":
		return invalid("title", "empty title for %q", s.Slug)
	case s.Limit < 0 || s.Limit > maxSectionLimit:
		return invalid("limit", "%d is outside 0..%d", s.Limit, maxSectionLimit)
	}
	if err := ValidateRetention(s.Retain, s.RetainItems); err != nil {
		return err
	}
	if s.Timezone != "" {
		if _, err := loadZone(s.Timezone); err != nil {
			return invalid("timezone", "unknown zone %q", s.Timezone)
		}
	}
	return nil
}

// ValidateRetention checks a retain / retain_items pair (a section's, or
// the store-wide defaults). The error is a *ValidationError.
func ValidateRetention(age Age, items int) error {
	if age != 0 && age != Forever && age < minRetain {
		return invalid("retain", "%s is under %s (use forever to keep everything)", age, time.Duration(minRetain))
	}
	if items != 0 && items != -1 && (items < minRetainItems || items > maxRetainItems) {
		return invalid("retain_items", "%d is outside %d..%d (-1: no bound)", items, minRetainItems, maxRetainItems)
	}
	return nil
}

// ValidateSource checks one source against the known section slugs, fills
// its defaults (Interval) and sets its Location. allowFile permits file:
// URLs (configuration files may use them; the admin API may not). The
// error is a *ValidationError naming the field.
func ValidateSource(s *Source, slugs map[string]bool, allowFile bool) error {
	if s.ID == "" {
		return invalid("id", "missing: every source needs an id (a-z, 0-9, - and _), e.g. xinhua-world")
	}
	if !slugRE.MatchString(s.ID) {
		return invalid("id", "%q is not a URL-safe id", s.ID)
	}
	u, err := url.Parse(s.URL)
	if err != nil || !((u.Scheme == "http" || u.Scheme == "https") && u.Host != "" || allowFile && u.Scheme == "file") {
		return invalid("url", "%q is not an absolute http(s) URL", s.URL)
	}
	if s.Kind != "" && s.Kind != KindFeed && s.Kind != KindHTML {
		return invalid("kind", "%q is not feed or html", s.Kind)
	}
	if err := validateSourceSections(s.Sections, slugs); err != nil {
		return err
	}
	zone := s.Timezone
	if zone == "" {
		zone = "UTC"
	}
	loc, err := loadZone(zone)
	if err != nil {
		return invalid("timezone", "unknown zone %q", s.Timezone)
	}
	s.Location = loc
	if s.Interval == 0 {
		s.Interval = DefaultInterval
	}
	if s.Interval < minInterval || s.Interval > maxInterval {
		return invalid("interval", "%s is outside 10s..168h", s.Interval)
	}
	if s.MaxItems < 0 || s.MaxItems > maxMaxItems {
		return invalid("max_items", "%d is outside 0..%d", s.MaxItems, maxMaxItems)
	}
	switch s.Fulltext {
	case "", FulltextAuto, FulltextAlways, FulltextNever:
	default:
		return invalid("fulltext", "%q is not auto, always or never", s.Fulltext)
	}
	if s.List.Pages < 0 || s.List.Pages > maxListPages {
		return invalid("list.pages", "%d is outside 0..%d", s.List.Pages, maxListPages)
	}
	return validateRules(s.List, s.Article)
}

// validateSourceSections refuses a source naming no section, a section
// twice, or a section that does not exist.
func validateSourceSections(secs []string, slugs map[string]bool) error {
	if len(secs) == 0 {
		return invalid("sections", "a source must name at least one section")
	}
	seen := map[string]bool{}
	for _, sec := range secs {
		if seen[sec] {
			return invalid("sections", "%q is listed twice", sec)
		}
		seen[sec] = true
		if !slugs[sec] {
			return invalid("sections", "no section with slug %q", sec)
		}
	}
	return nil
}

// validateRules refuses CSS selectors the extractor could never match (it
// treats an invalid selector as matching nothing, so a typo would silently
// empty a source). Article rules may also be "meta:NAME" or
// "jsonld:FIELD".
func validateRules(l ListRules, a ArticleRules) error {
	for _, r := range []struct {
		field, spec string
		special     bool
	}{
		{"list.item", l.Item, false}, {"list.link", l.Link, false}, {"list.title", l.Title, false},
		{"list.date", l.Date, false}, {"list.next", l.Next, false},
		{"article.title", a.Title, true}, {"article.kicker", a.Kicker, true},
		{"article.subtitle", a.Subtitle, true}, {"article.authors", a.Authors, true},
		{"article.editor", a.Editor, true}, {"article.source", a.Source, true},
		{"article.published", a.Published, true}, {"article.body", a.Body, false},
	} {
		if err := validateSelector(r.field, r.spec, r.special); err != nil {
			return err
		}
	}
	for _, spec := range a.Remove {
		if err := validateSelector("article.remove", spec, false); err != nil {
			return err
		}
	}
	return nil
}

func validateSelector(field, spec string, special bool) error {
	spec = strings.TrimSpace(spec)
	if spec == "" || special && (strings.HasPrefix(spec, "meta:") || strings.HasPrefix(spec, "jsonld:")) {
		return nil
	}
	if _, err := cascadia.Compile(spec); err != nil {
		return invalid(field, "%q is not a valid CSS selector: %v", spec, err)
	}
	return nil
}

// zones caches time.LoadLocation by name: a catalog of thousands of
// sources names a few zones, and each load reads and parses the zone file.
// Only zones that loaded are kept, so the map is bounded by the zone
// database; a *time.Location is safe to share.
var zones sync.Map // name -> *time.Location

// loadZone is time.LoadLocation, cached by name.
func loadZone(name string) (*time.Location, error) {
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location), nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	zones.Store(name, loc)
	return loc, nil
}
