package web

import (
	"context"
	"html"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/feedsvc/feedsvc/feedsvc"
)

// findChromium returns the chromium binary, installing the Debian package
// when it is missing (CI runs as root). Only -short skips; otherwise a
// missing browser is a failure, never a silent skip.
func findChromium(t *testing.T) string {
	t.Helper()
	if bin := lookChromium(); bin != "" {
		return bin
	}
	if testing.Short() {
		t.Skip("chromium is not installed; the browser test is skipped under -short")
	}
	installChromium(t)
	if bin := lookChromium(); bin != "" {
		return bin
	}
	t.Fatal("chromium still not found after apt-get install chromium")
	return ""
}

func lookChromium() string {
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if bin, err := exec.LookPath(name); err == nil {
			return bin
		}
	}
	return ""
}

// installChromium runs apt-get install chromium, and apt-get update then
// the install again when the first attempt fails (stale package lists).
func installChromium(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Fatal("chromium is not installed and the test does not run as root to install it: apt-get install -y chromium")
	}
	limit := 10 * time.Minute
	if dl, ok := t.Deadline(); ok && time.Until(dl)-time.Minute < limit {
		limit = time.Until(dl) - time.Minute
	}
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	apt := func(args ...string) error {
		cmd := exec.CommandContext(ctx, "apt-get", append([]string{"-o", "DPkg::Lock::Timeout=120"}, args...)...)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Logf("apt-get %v: %v\n%s", args, err, tail(string(out), 2000))
		}
		return err
	}
	t.Log("chromium not found: installing it with apt-get")
	if apt("install", "-y", "chromium") == nil {
		return
	}
	if err := apt("update"); err != nil {
		t.Fatalf("cannot install chromium: apt-get update: %v", err)
	}
	if err := apt("install", "-y", "chromium"); err != nil {
		t.Fatalf("cannot install chromium: %v", err)
	}
}

// useLocalImages points every test article's image at img, served by the
// test server, so the browser needs no network.
func useLocalImages(t *testing.T, p *Pages, img string) {
	t.Helper()
	arts := testArticles()
	for i := range arts {
		arts[i].Images = []feedsvc.Image{{URL: img, Alt: "test picture " + arts[i].ID}}
	}
	if err := p.Store.PutArticles(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
}

// servePNG serves a colourful 600×300 gradient.
func servePNG(w http.ResponseWriter, _ *http.Request) {
	img := image.NewRGBA(image.Rect(0, 0, 600, 300))
	for y := 0; y < 300; y++ {
		for x := 0; x < 600; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 255 / 600), uint8(y * 255 / 300), 160, 255})
		}
	}
	w.Header().Set("Content-Type", "image/png")
	_ = png.Encode(w, img)
}

// escapeText is how a browser serializes text in --dump-dom output.
func escapeText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(html.UnescapeString(s))
}

func rgba(c color.Color) color.RGBA {
	r, g, b, a := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
}

func dist(a, b color.RGBA) int {
	return abs(int(a.R)-int(b.R)) + abs(int(a.G)-int(b.G)) + abs(int(a.B)-int(b.B))
}

func luma(c color.RGBA) int { return (299*int(c.R) + 587*int(c.G) + 114*int(c.B)) / 1000 }

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
