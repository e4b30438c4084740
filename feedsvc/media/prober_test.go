package media

import (
	"context"
	"errors"
	"testing"

	"github.com/feedsvc/feedsvc/feedsvc"
	"github.com/feedsvc/feedsvc/feedsvc/memstore"
)

func TestEnrichAsksOnceAndCaches(t *testing.T) {
	calls := map[string]int{}
	head := func(_ context.Context, url string) (string, int64, error) {
		calls[url]++
		if url == "https://e.org/broken.jpg" {
			return "", 0, errors.New("404")
		}
		return "image/png", 4321, nil
	}
	st := memstore.New()
	p := &Prober{Head: head, Store: st}
	arts := []feedsvc.Article{
		{ID: "1", Images: []feedsvc.Image{{URL: "https://e.org/a.png"}, {URL: "https://e.org/second.png"}}},
		{ID: "2", Images: []feedsvc.Image{{URL: "https://e.org/a.png", Type: "image/webp"}}},
		{ID: "3", Images: []feedsvc.Image{{URL: "https://e.org/broken.jpg"}}, Attachments: []feedsvc.Attachment{{URL: "https://e.org/p.mp3", Type: "audio/mpeg"}}},
		{ID: "4", Images: []feedsvc.Image{{URL: "file:///etc/x.png"}}},
	}
	p.Enrich(context.Background(), arts)
	if im := arts[0].Images[0]; im.Type != "image/png" || im.Length != 4321 {
		t.Errorf("first image: %+v", im)
	}
	if arts[0].Images[1].Length != 0 {
		t.Errorf("only the enclosure image is probed")
	}
	if im := arts[1].Images[0]; im.Type != "image/webp" || im.Length != 4321 {
		t.Errorf("a known type is kept, the length filled: %+v", im)
	}
	if arts[2].Images[0].Length != 0 || arts[2].Attachments[0].Length != 4321 || arts[2].Attachments[0].Type != "audio/mpeg" {
		t.Errorf("broken image / attachment: %+v %+v", arts[2].Images[0], arts[2].Attachments[0])
	}
	if calls["https://e.org/a.png"] != 1 || calls["file:///etc/x.png"] != 0 {
		t.Errorf("calls: %v", calls)
	}
	// A second replica (same store) asks nobody.
	p2 := &Prober{Head: func(context.Context, string) (string, int64, error) {
		t.Error("HEAD repeated despite the stored answer")
		return "", 0, nil
	}, Store: st}
	again := []feedsvc.Article{{ID: "1", Images: []feedsvc.Image{{URL: "https://e.org/a.png"}}}, {ID: "3", Images: []feedsvc.Image{{URL: "https://e.org/broken.jpg"}}}}
	p2.Enrich(context.Background(), again)
	if again[0].Images[0].Length != 4321 {
		t.Errorf("cached answer not used: %+v", again[0].Images[0])
	}
}

func TestEnrichBudget(t *testing.T) {
	n := 0
	p := &Prober{Head: func(context.Context, string) (string, int64, error) { n++; return "image/jpeg", 1, nil },
		Store: memstore.New(), MaxPerBatch: 2}
	arts := make([]feedsvc.Article, 5)
	for i := range arts {
		arts[i] = feedsvc.Article{ID: string(rune('a' + i)), Images: []feedsvc.Image{{URL: "https://e.org/" + string(rune('a'+i)) + ".jpg"}}}
	}
	p.Enrich(context.Background(), arts)
	if n != 2 {
		t.Errorf("HEAD requests: got %d, want the budget of 2", n)
	}
}
