package config

import "testing"

// A section's `public: false` reaches the section; unset means public.
func TestSectionPublicYAML(t *testing.T) {
	f, err := parse([]byte("sections:\n  - slug: vault\n    title: Vault\n    public: false\n  - slug: news\n    title: News\n"))
	if err != nil {
		t.Fatal(err)
	}
	if f.Sections[0].IsPublic() || !f.Sections[1].IsPublic() {
		t.Fatalf("public: vault %v, news %v; want false, true", f.Sections[0].IsPublic(), f.Sections[1].IsPublic())
	}
}
