package feedsvc

import (
	"encoding/json"
	"time"
)

// MarshalJSON writes the article in the shape `feedsvc check` documents:
// fields a source does not provide are null (strings, dates) or [] (lists),
// never omitted; dates are RFC 3339 in UTC. It is an output shape only:
// stores and exports keep the article record (EncodeArticle).
func (a Article) MarshalJSON() ([]byte, error) {
	type plain Article // no methods: avoids recursion
	type image struct {
		URL     string  `json:"url"`
		Alt     string  `json:"alt"`
		Caption *string `json:"caption"`
		Credit  string  `json:"credit,omitempty"`
		Type    string  `json:"type,omitempty"`
		Length  int64   `json:"length,omitempty"`
	}
	imgs := make([]image, len(a.Images))
	for i, im := range a.Images {
		imgs[i] = image{im.URL, im.Alt, nullable(im.Caption), im.Credit, im.Type, im.Length}
	}
	return json.Marshal(struct {
		plain
		Kicker        *string  `json:"kicker"`
		Subtitle      *string  `json:"subtitle"`
		PrintTitle    *string  `json:"print_title"`
		Editor        *string  `json:"editor"`
		Source        *string  `json:"source"`
		Section       *string  `json:"section"`
		Language      *string  `json:"language"`
		Summary       *string  `json:"summary"`
		ContentHTML   *string  `json:"content_html"`
		BodyText      *string  `json:"body_text"`
		Published     *string  `json:"published"`
		Updated       *string  `json:"updated"`
		Authors       []string `json:"authors"`
		Photographers []string `json:"photographers"`
		Categories    []string `json:"categories"`
		Images        []image  `json:"images"`
	}{
		plain:         plain(a),
		Kicker:        nullable(a.Kicker),
		Subtitle:      nullable(a.Subtitle),
		PrintTitle:    nullable(a.PrintTitle),
		Editor:        nullable(a.Editor),
		Source:        nullable(a.Source),
		Section:       nullable(a.Section),
		Language:      nullable(a.Language),
		Summary:       nullable(a.Summary),
		ContentHTML:   nullable(a.ContentHTML),
		BodyText:      nullable(a.BodyText),
		Published:     nullTime(a.Published),
		Updated:       nullTime(a.Updated),
		Authors:       orEmpty(a.Authors),
		Photographers: orEmpty(a.Photographers),
		Categories:    orEmpty(a.Categories),
		Images:        imgs,
	})
}

// UnmarshalJSON reads what MarshalJSON writes (null → zero value).
func (a *Article) UnmarshalJSON(b []byte) error {
	type plain Article
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*a = Article(p)
	return nil
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nullTime(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.RFC3339)
	return &s
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
