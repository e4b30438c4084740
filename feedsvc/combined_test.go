package feedsvc

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestCombined(t *testing.T) {
	all, slugs := Combined([]Section{{Slug: "a", Language: "zh", Timezone: "Asia/Shanghai"}, {Slug: "b", Language: "zh", Timezone: "UTC"}})
	if all.Slug != AllSlug || all.Language != "zh" || all.Timezone != "" || strings.Join(slugs, ",") != "a,b" {
		t.Errorf("got %+v %v, want the shared language, no zone, slugs a,b", all, slugs)
	}
	if all, slugs := Combined(nil); all.Language != "" || len(slugs) != 0 {
		t.Errorf("no sections: got %+v %v", all, slugs)
	}
}

func TestReadSections(t *testing.T) {
	t0 := time.Date(2023, 11, 15, 8, 0, 0, 0, time.UTC)
	art := func(id string, min int) Article {
		return Article{ID: id, Published: t0.Add(time.Duration(min) * time.Minute)}
	}
	data := map[string][]Article{
		"a": {art("a3", 3), art("both", 2), art("a1", 1)},
		"b": {art("b4", 4), art("both", 2), art("b0", 0)},
	}
	read := func(_ context.Context, slug string) ([]Article, error) {
		if slug == "down" {
			return nil, ErrUnavailable
		}
		return data[slug], nil
	}
	ids := func(arts []Article) string {
		var s []string
		for _, a := range arts {
			s = append(s, a.ID)
		}
		return strings.Join(s, " ")
	}
	for _, tt := range []struct {
		name  string
		slugs []string
		limit int
		want  string
	}{
		{"one section as stored", []string{"a"}, 0, "a3 both a1"},
		{"merged newest first, each once", []string{"a", "b"}, 0, "b4 a3 both a1 b0"},
		{"limited", []string{"b", "a"}, 3, "b4 a3 both"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadSections(context.Background(), tt.slugs, tt.limit, read)
			if err != nil || ids(got) != tt.want {
				t.Errorf("got %q, %v; want %q", ids(got), err, tt.want)
			}
		})
	}
	if _, err := ReadSections(context.Background(), []string{"a", "down"}, 0, read); !errors.Is(err, ErrUnavailable) {
		t.Errorf("a failing section: got %v, want its error", err)
	}
}
