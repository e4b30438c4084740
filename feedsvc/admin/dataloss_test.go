package admin

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/catalog"
)

// syncBuffer is a log sink safe for concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func list(t *testing.T, c *catalog.Catalog) string {
	t.Helper()
	var ids []string
	for _, s := range c.Sections() {
		ids = append(ids, s.Slug)
	}
	for _, s := range c.Sources() {
		ids = append(ids, s.ID)
	}
	return strings.Join(ids, " ")
}

// TestStoreLossKeepsCatalog: the store loses everything (a wipe); the
// next admin write restores the process's catalog instead of taking the
// missing one for an empty one, loudly; a fresh replica then loads it all.
func TestStoreLossKeepsCatalog(t *testing.T) {
	eachWipeable(t, func(t *testing.T, st wipeable) {
		var logs syncBuffer
		c := &catalog.Catalog{Store: st, Log: slog.New(slog.NewTextHandler(&logs, nil))}
		yaml := []feedsvc.Section{{Slug: "ent", Title: "Ent"}}
		if err := c.Load(context.Background(), yaml, []feedsvc.Source{{ID: "a", URL: "https://a.example/", Sections: []string{"ent"}}}); err != nil {
			t.Fatal(err)
		}
		mux := routes(c)
		if code, _ := do(t, mux, "POST", "/api/sections", "tk", `{"slug":"world","title":"World"}`); code != 201 {
			t.Fatalf("create world: %d", code)
		}
		if code, _ := do(t, mux, "POST", "/api/sources", "tk", `{"id":"b","url":"https://b.example/","sections":["world"]}`); code != 201 {
			t.Fatalf("create b: %d", code)
		}
		st.wipe()
		if code, _ := do(t, mux, "POST", "/api/sections", "tk", `{"slug":"sport","title":"Sport"}`); code != 201 {
			t.Fatalf("create after the loss: %d", code)
		}
		want := "ent world sport a b"
		if got := list(t, c); got != want {
			t.Errorf("process catalog after the loss: %q, want %q", got, want)
		}
		fresh, _ := replica(t, st, yaml, nil)
		if got := list(t, fresh); got != want {
			t.Errorf("fresh replica after the loss: %q, want %q", got, want)
		}
		if !strings.Contains(logs.String(), "level=ERROR") || !strings.Contains(logs.String(), "catalog missing") {
			t.Errorf("the loss was not logged at ERROR:\n%s", logs.String())
		}
		// A replica that only watches restores it too, before any write.
		st.wipe()
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go fresh.Watch(ctx, 10*time.Millisecond)
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if b, err := st.Blob(ctx, "cfg:index"); err == nil && bytes.Contains(b, []byte(`"b"`)) {
				break
			}
		}
		var ix struct{ Sources []string }
		b, _ := st.Blob(ctx, "cfg:index")
		_ = json.Unmarshal(b, &ix)
		if strings.Join(ix.Sources, " ") != "a b" {
			t.Errorf("after a second loss the watching replica restored sources %v, want [a b]", ix.Sources)
		}
	})
}
