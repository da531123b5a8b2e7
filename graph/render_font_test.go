package graph

import (
	"bytes"
	"context"
	"image"
	"os"
	"strings"
	"testing"
)

// requireToolsEnv is storetest.RequireToolsEnv (an internal test cannot
// import storetest, which imports graph).
const requireToolsEnv = "AWSKG_REQUIRE_TOOLS"

// renderLabelPNG renders one node labelled name as a PNG with r and returns
// the number of dark pixels (the text: the node's fill and outline are
// light) and the warnings.
func renderLabelPNG(t *testing.T, r *Renderer, name string) (ink int, img image.Image, warnings []string) {
	t.Helper()
	sg := Subgraph{Nodes: []Node{{ID: "concept:x", Name: name, Kind: KindConcept}}}
	opt := RenderOptions{Format: FormatPNG, Warn: func(msg string) { warnings = append(warnings, msg) }}
	var buf bytes.Buffer
	if err := r.Render(context.Background(), sg, opt, &buf); err != nil {
		t.Fatalf("Render %q: %v", name, err)
	}
	img = decodePNG(t, buf.Bytes())
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if luminance(img, x, y) < 100 {
				ink++
			}
		}
	}
	return ink, img, warnings
}

// TestRenderPNGFontFallbackMissing: with no font but the Go fonts, CJK and
// emoji are drawn as boxes, not dropped, and one warning names each of
// them; format characters (a variation selector) take no box and no name.
// Before, 機密 was an empty ellipse and nothing said so.
func TestRenderPNGFontFallbackMissing(t *testing.T) {
	r := &Renderer{FontDirs: []string{t.TempDir()}} // no font files
	defer r.Close()
	ink, _, warn := renderLabelPNG(t, r, "機密 🕑\uFE0F")
	if ink < 20 {
		t.Errorf("機密 🕑: %d dark pixels, want boxes drawn for the missing glyphs", ink)
	}
	want := "PNG: no font has 機 (U+6A5F), 密 (U+5BC6), 🕑 (U+1F551): drawn as boxes"
	if len(warn) != 1 || !strings.HasPrefix(warn[0], want) || strings.Contains(warn[0], "FE0F") {
		t.Errorf("warnings %q, want one starting %q, not naming U+FE0F", warn, want)
	}
	// Each character alone: a box of its own.
	for _, s := range []string{"機", "密", "🕑"} {
		if ink, _, warn := renderLabelPNG(t, r, s); ink < 10 || len(warn) != 1 || !strings.Contains(warn[0], s+" (U+") {
			t.Errorf("%s: %d dark pixels, warnings %q; want a box and a warning naming it", s, ink, warn)
		}
	}
	// Latin text needs no fallback and warns of nothing.
	if ink, _, warn := renderLabelPNG(t, r, "Deploy time"); ink < 20 || len(warn) != 0 {
		t.Errorf("Deploy time: %d dark pixels, warnings %q", ink, warn)
	}
}

// TestRenderPNGFontFallbackSystem: with the system's fonts, each of 機, 密
// and 🕑 either shows glyph pixels (drawn with a system font, not the box)
// or is named in the warning. CI installs fonts-droid-fallback and
// fonts-symbola (.ci/tools.sh): there, all three must be drawn.
func TestRenderPNGFontFallbackSystem(t *testing.T) {
	none := &Renderer{FontDirs: []string{t.TempDir()}}
	defer none.Close()
	sys := NewRenderer()
	defer sys.Close()
	for _, s := range []string{"機", "密", "🕑"} {
		_, boxImg, _ := renderLabelPNG(t, none, s)
		ink, img, warn := renderLabelPNG(t, sys, s)
		switch {
		case len(warn) == 1 && strings.Contains(warn[0], s+" (U+"):
			if os.Getenv(requireToolsEnv) != "" {
				t.Errorf("%s: no system font has it (%q), though fonts-droid-fallback and fonts-symbola should be installed", s, warn)
			}
		case len(warn) > 0:
			t.Errorf("%s: warnings %q name other characters", s, warn)
		case ink < 10:
			t.Errorf("%s: no warning, but only %d dark pixels: the glyph is not drawn", s, ink)
		case samePixels(img, boxImg):
			t.Errorf("%s: no warning, but drawn as the missing-glyph box", s)
		}
	}
}

func samePixels(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}
