package catalog

import (
	"slices"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// clone copies s's slices so changes to the copy leave s alone.
func clone(s snapshot) snapshot {
	return snapshot{Sections: slices.Clone(s.Sections), Sources: slices.Clone(s.Sources)}
}

func (s *snapshot) slugs() map[string]bool {
	m := make(map[string]bool, len(s.Sections))
	for _, sec := range s.Sections {
		m[sec.Slug] = true
	}
	return m
}

func (s *snapshot) sectionAt(slug string) int {
	return slices.IndexFunc(s.Sections, func(x feedsvc.Section) bool { return x.Slug == slug })
}

func (s *snapshot) sourceAt(id string) int {
	return slices.IndexFunc(s.Sources, func(x feedsvc.Source) bool { return x.ID == id })
}

// putSection replaces the section with sec's slug, or appends sec.
func (s *snapshot) putSection(sec feedsvc.Section) {
	if i := s.sectionAt(sec.Slug); i >= 0 {
		s.Sections[i] = sec
		return
	}
	s.Sections = append(s.Sections, sec)
}

// putSource replaces the source with src's id, or appends src.
func (s *snapshot) putSource(src feedsvc.Source) {
	if i := s.sourceAt(src.ID); i >= 0 {
		s.Sources[i] = src
		return
	}
	s.Sources = append(s.Sources, src)
}

// remove drops the entity of kind with id.
func (s *snapshot) remove(kind, id string) {
	switch kind {
	case kindSection:
		s.Sections = slices.DeleteFunc(s.Sections, func(x feedsvc.Section) bool { return x.Slug == id })
	case kindSource:
		s.Sources = slices.DeleteFunc(s.Sources, func(x feedsvc.Source) bool { return x.ID == id })
	}
}

// index lists s's entities in order.
func (s *snapshot) index() index {
	ix := index{Sections: make([]string, len(s.Sections)), Sources: make([]string, len(s.Sources))}
	for i, sec := range s.Sections {
		ix.Sections[i] = sec.Slug
	}
	for i, src := range s.Sources {
		ix.Sources[i] = src.ID
	}
	return ix
}
