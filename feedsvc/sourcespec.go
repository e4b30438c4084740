package feedsvc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// SourceSpec is a source as people and stores write it, the one wire form
// of a Source: the YAML configuration file, the admin API's JSON and the
// catalog's stored blobs all read and write this shape. Interval is a
// duration string ("15m"); the rest are Source's fields.
type SourceSpec struct {
	ID       string       `json:"id" yaml:"id"`
	URL      string       `json:"url" yaml:"url"`
	Kind     string       `json:"kind,omitempty" yaml:"kind"`
	Sections []string     `json:"sections" yaml:"sections"`
	Timezone string       `json:"timezone,omitempty" yaml:"timezone"`
	Interval string       `json:"interval,omitempty" yaml:"interval"`
	MaxItems int          `json:"max_items,omitempty" yaml:"max_items"`
	Rights   string       `json:"rights,omitempty" yaml:"rights"`
	Fulltext string       `json:"fulltext,omitempty" yaml:"fulltext"`
	List     ListRules    `json:"list" yaml:"list"`
	Article  ArticleRules `json:"article" yaml:"article"`
}

// Spec returns s in its wire form.
func (s Source) Spec() SourceSpec {
	sp := SourceSpec{ID: s.ID, URL: s.URL, Kind: s.Kind, Sections: s.Sections, Timezone: s.Timezone,
		MaxItems: s.MaxItems, Rights: s.Rights, Fulltext: s.Fulltext, List: s.List, Article: s.Article}
	if s.Interval != 0 {
		sp.Interval = s.Interval.String()
	}
	return sp
}

// Source reads the wire form. It only parses (an Interval that is no
// duration is a *ValidationError); ValidateSource checks the rest and
// fills the defaults.
func (sp SourceSpec) Source() (Source, error) {
	s := Source{ID: sp.ID, URL: sp.URL, Kind: sp.Kind, Sections: sp.Sections, Timezone: sp.Timezone,
		MaxItems: sp.MaxItems, Rights: sp.Rights, Fulltext: sp.Fulltext, List: sp.List, Article: sp.Article}
	if sp.Interval != "" {
		d, err := time.ParseDuration(sp.Interval)
		if err != nil {
			return s, invalid("interval", "%q is not a duration like 15m", sp.Interval)
		}
		s.Interval = d
	}
	return s, nil
}

// MarshalJSON writes s as its SourceSpec.
func (s Source) MarshalJSON() ([]byte, error) { return json.Marshal(s.Spec()) }

// UnmarshalJSON reads a SourceSpec. It also reads what earlier versions
// stored, an interval in nanoseconds (900000000000 for 15m), so catalogs
// written by them still load.
func (s *Source) UnmarshalJSON(b []byte) error {
	var w struct {
		SourceSpec
		Interval json.RawMessage `json:"interval"` // shadows SourceSpec.Interval
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	if raw := bytes.TrimSpace(w.Interval); len(raw) > 0 && raw[0] != '"' && !bytes.Equal(raw, []byte("null")) {
		var ns int64
		if err := json.Unmarshal(raw, &ns); err != nil {
			return fmt.Errorf("interval: %s is neither a duration nor nanoseconds", raw)
		}
		w.SourceSpec.Interval = time.Duration(ns).String()
	} else if len(raw) > 0 {
		_ = json.Unmarshal(raw, &w.SourceSpec.Interval) // a string or null
	}
	src, err := w.SourceSpec.Source()
	if err != nil {
		return err
	}
	*s = src
	return nil
}
