package web

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// chromiumTimeout bounds one chromium run; startup is slow on small CI
// machines.
const chromiumTimeout = 60 * time.Second

// TestSectionPageRendersInChromium loads the combined page in a real
// headless browser: the DOM must hold the headlines with the copy buttons
// revealed (so the CSP hash let the inline script run), and a phone-sized
// screenshot must not be blank. A deliberately blank page checks that the
// blankness test can fail.
func TestSectionPageRendersInChromium(t *testing.T) {
	bin := findChromium(t)
	p := newTestPages(t, nil)
	m := mux(p)
	m.HandleFunc("GET /img.png", servePNG)
	m.HandleFunc("GET /blank", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte("<!doctype html><html><head><title>blank</title></head><body></body></html>"))
	})
	srv := httptest.NewServer(m)
	defer srv.Close()
	useLocalImages(t, p, srv.URL+"/img.png")
	page := srv.URL + "/sections/all"

	dom := runChromium(t, bin, t.TempDir(), "--dump-dom", page)
	for _, a := range testArticles() {
		if !strings.Contains(dom, escapeText(a.Title)) {
			t.Errorf("rendered DOM lacks headline %q", a.Title)
		}
	}
	if d := doc(t, dom); d.Find("button[data-copy][hidden]").Length() > 0 || d.Find("button[data-copy]").Length() == 0 {
		t.Error("copy buttons stay hidden: the inline script did not run (CSP hash mismatch?)")
	}

	shot := screenshot(t, bin, page)
	if frac, text := ink(shot); frac < 0.02 || text < 200 {
		t.Errorf("section page screenshot looks blank: %.1f%% non-background pixels, %d text pixels in the top area", frac*100, text)
	}
	if frac, text := ink(screenshot(t, bin, srv.URL+"/blank")); frac >= 0.02 && text >= 200 {
		t.Errorf("blank page not detected as blank: %.1f%% ink, %d text pixels", frac*100, text)
	}
}

// screenshot renders url in a 412×900 (phone-sized) window and decodes
// the PNG, which stays in the test's temporary directory.
func screenshot(t *testing.T, bin, url string) image.Image {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "shot.png")
	runChromium(t, bin, dir, "--window-size=412,900", "--screenshot="+path, url)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("screenshot of %s: %v", url, err)
	}
	t.Logf("screenshot of %s: %s", url, path)
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("decode screenshot %s: %v", path, err)
	}
	return img
}

// runChromium runs headless chromium with a private profile in dir and
// returns its standard output.
func runChromium(t *testing.T, bin, dir string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), chromiumTimeout)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + filepath.Join(dir, "profile")}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	cmd.WaitDelay = 5 * time.Second // helper processes may hold the pipes open
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, tail(stderr.String(), 2000))
	}
	return stdout.String()
}

// ink measures how much of img differs from its background (its most
// common colour): the fraction of such pixels, and how many pixels in
// the top 300 rows contrast strongly with it, as text does.
func ink(img image.Image) (frac float64, text int) {
	b := img.Bounds()
	counts := map[color.RGBA]int{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			counts[rgba(img.At(x, y))]++
		}
	}
	var bg color.RGBA
	for c, n := range counts {
		if n > counts[bg] {
			bg = c
		}
	}
	inked := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := rgba(img.At(x, y))
			if dist(c, bg) > 24 {
				inked++
			}
			if y < b.Min.Y+300 && abs(luma(c)-luma(bg)) > 100 {
				text++
			}
		}
	}
	return float64(inked) / float64(b.Dx()*b.Dy()), text
}

func TestInkDetectsBlank(t *testing.T) {
	blank := image.NewRGBA(image.Rect(0, 0, 100, 400))
	for i := range blank.Pix {
		blank.Pix[i] = 0xff
	}
	if frac, text := ink(blank); frac != 0 || text != 0 {
		t.Errorf("white image: got %.3f ink, %d text pixels, want 0, 0", frac, text)
	}
	for y := 10; y < 30; y++ {
		for x := 10; x < 90; x++ {
			blank.Set(x, y, color.Black)
		}
	}
	if frac, text := ink(blank); frac < 0.03 || text != 20*80 {
		t.Errorf("image with a black bar: got %.3f ink, %d text pixels, want 0.04, 1600", frac, text)
	}
}
