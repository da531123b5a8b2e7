package graph

import (
	"fmt"
	"image"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/flopp/go-findfont"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// PNG text beyond the Go fonts.
//
// The Go fonts that PNG text is drawn with cover Latin, Greek and Cyrillic,
// not CJK or emoji: 機密データを検出する drew nothing and "Deploy time 🕑"
// lost its clock. A rune the Go font lacks is drawn with the first system
// font that has an outline for it: the font files under FontDirs, else
// the system's font directories (/usr/share/fonts, ~/.local/share/fonts,
// ...: go-findfont's list), regular faces before bold and italic ones, in
// path order. Debian's fonts-noto-cjk or fonts-droid-fallback cover CJK,
// fonts-symbola emoji (colour-only emoji fonts have no outlines and are
// passed over). A rune no font has is drawn as an outlined box and named in
// the render's warning (RenderOptions.Warn), never dropped silently;
// format characters (zero-width joiners, variation selectors) take no room.
// SVG keeps every character: the viewer's fonts draw it.

// renderFontFallback finds system fonts for runes. It is safe for
// concurrent use; the fonts it returns are too.
type renderFontFallback struct {
	mu     sync.Mutex
	dirs   []string // nil: the system's font directories
	files  []string // font files, in preference order; nil until listed
	byRune map[rune]*opentype.Font
	loaded map[string]*opentype.Collection // font files read whole
}

// fonts returns, for each rune of rs, the first font that has an outline
// for it; a rune no font has is absent.
func (fb *renderFontFallback) fonts(rs []rune) map[rune]*opentype.Font {
	fb.mu.Lock()
	defer fb.mu.Unlock()
	if fb.byRune == nil {
		fb.byRune = map[rune]*opentype.Font{}
		fb.loaded = map[string]*opentype.Collection{}
	}
	var todo []rune
	for _, r := range rs {
		if _, known := fb.byRune[r]; !known {
			todo = append(todo, r)
			fb.byRune[r] = nil // looked up once, found or not
		}
	}
	if len(todo) > 0 {
		fb.search(todo)
	}
	out := map[rune]*opentype.Font{}
	for _, r := range rs {
		if f := fb.byRune[r]; f != nil {
			out[r] = f
		}
	}
	return out
}

// search looks the runes up in every font file until each has a font.
func (fb *renderFontFallback) search(todo []rune) {
	if fb.files == nil {
		fb.files = renderFontFiles(fb.dirs)
	}
	var buf sfnt.Buffer
	for _, path := range fb.files {
		if len(todo) == 0 {
			return
		}
		c, done, err := fb.open(path)
		if err != nil {
			continue // not a font we can read: the next one may do
		}
		for i := 0; i < c.NumFonts() && len(todo) > 0; i++ {
			f, err := c.Font(i)
			if err != nil {
				continue
			}
			var found, rest []rune
			for _, r := range todo {
				if renderHasOutline(f, &buf, r) {
					found = append(found, r)
				} else {
					rest = append(rest, r)
				}
			}
			if len(found) == 0 {
				continue
			}
			// Keep the font read whole: the file is closed below.
			whole, err := fb.load(path)
			if err != nil {
				continue
			}
			wf, err := whole.Font(i)
			if err != nil {
				continue
			}
			for _, r := range found {
				fb.byRune[r] = wf
			}
			todo = rest
		}
		done()
	}
}

// open parses the font file at path lazily, from the open file.
func (fb *renderFontFallback) open(path string) (*opentype.Collection, func(), error) {
	if c, ok := fb.loaded[path]; ok {
		return c, func() {}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	c, err := opentype.ParseCollectionReaderAt(f)
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return c, func() { f.Close() }, nil
}

// load reads the font file at path whole.
func (fb *renderFontFallback) load(path string) (*opentype.Collection, error) {
	if c, ok := fb.loaded[path]; ok {
		return c, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c, err := opentype.ParseCollection(b)
	if err != nil {
		return nil, err
	}
	fb.loaded[path] = c
	return c, nil
}

// renderHasOutline reports whether f draws r: a glyph other than .notdef
// with an outline (colour bitmap fonts have none). Space characters count.
func renderHasOutline(f *sfnt.Font, buf *sfnt.Buffer, r rune) bool {
	x, err := f.GlyphIndex(buf, r)
	if err != nil || x == 0 {
		return false
	}
	segs, err := f.LoadGlyph(buf, x, fixed.I(64), nil)
	return err == nil && (len(segs) > 0 || unicode.IsSpace(r))
}

// renderFontFiles lists the font files (.ttf, .otf, .ttc) under dirs, or the
// system's when dirs is nil, in preference order: regular faces first, then
// by path.
func renderFontFiles(dirs []string) []string {
	var files []string
	if dirs == nil {
		files = findfont.List()
	} else {
		for _, d := range dirs {
			filepath.WalkDir(d, func(path string, e fs.DirEntry, err error) error {
				if err == nil && !e.IsDir() {
					switch strings.ToLower(filepath.Ext(path)) {
					case ".ttf", ".otf", ".ttc":
						files = append(files, path)
					}
				}
				return nil // an unreadable directory is skipped
			})
		}
	}
	styled := func(p string) bool {
		b := strings.ToLower(filepath.Base(p))
		return strings.Contains(b, "bold") || strings.Contains(b, "italic") || strings.Contains(b, "oblique")
	}
	sort.SliceStable(files, func(i, j int) bool {
		if a, b := styled(files[i]), styled(files[j]); a != b {
			return b
		}
		return files[i] < files[j]
	})
	return files
}

// renderIgnorable reports a rune that takes no room when no font has it:
// format characters (zero-width joiner, soft hyphen, ...) and variation
// selectors.
func renderIgnorable(r rune) bool {
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r)
}

// renderTextFace draws each rune with the first face that has it: the Go
// font, then the fallback fonts; a rune none has is an outlined box, and
// recorded in missing.
type renderTextFace struct {
	primary     font.Face
	primaryFont *opentype.Font
	fallback    map[rune]font.Face
	buf         *sfnt.Buffer
	missing     func(rune)
}

// face returns the face that draws r, nil for none.
func (f *renderTextFace) face(r rune) font.Face {
	if x, err := f.primaryFont.GlyphIndex(f.buf, r); err == nil && x != 0 {
		return f.primary
	}
	if fb := f.fallback[r]; fb != nil {
		return fb
	}
	return nil
}

// box returns the missing-glyph box's advance and bounds (relative to the
// dot): 0.6 em wide, the ascent high, with a 0.1 em side bearing.
func (f *renderTextFace) box() (fixed.Int26_6, fixed.Rectangle26_6) {
	m := f.primary.Metrics()
	em := m.Ascent + m.Descent
	pad := em / 10
	w := em * 6 / 10
	return w + 2*pad, fixed.Rectangle26_6{
		Min: fixed.Point26_6{X: pad, Y: -m.Ascent * 9 / 10},
		Max: fixed.Point26_6{X: pad + w, Y: 0},
	}
}

func (f *renderTextFace) Close() error { return nil }

func (f *renderTextFace) Glyph(dot fixed.Point26_6, r rune) (image.Rectangle, image.Image, image.Point, fixed.Int26_6, bool) {
	if face := f.face(r); face != nil {
		return face.Glyph(dot, r)
	}
	if renderIgnorable(r) {
		return image.Rectangle{}, image.NewAlpha(image.Rectangle{}), image.Point{}, 0, true
	}
	if unicode.IsSpace(r) {
		adv, _ := f.box()
		return image.Rectangle{}, image.NewAlpha(image.Rectangle{}), image.Point{}, adv, true
	}
	f.missing(r)
	adv, b := f.box()
	rect := image.Rect((dot.X + b.Min.X).Round(), (dot.Y + b.Min.Y).Round(), (dot.X + b.Max.X).Round(), (dot.Y + b.Max.Y).Round())
	mask := image.NewAlpha(rect)
	line := max(1, (b.Max.X-b.Min.X).Round()/8)
	for y := rect.Min.Y; y < rect.Max.Y; y++ {
		for x := rect.Min.X; x < rect.Max.X; x++ {
			if x < rect.Min.X+line || x >= rect.Max.X-line || y < rect.Min.Y+line || y >= rect.Max.Y-line {
				mask.Pix[mask.PixOffset(x, y)] = 0xff
			}
		}
	}
	return rect, mask, rect.Min, adv, true
}

func (f *renderTextFace) GlyphBounds(r rune) (fixed.Rectangle26_6, fixed.Int26_6, bool) {
	if face := f.face(r); face != nil {
		return face.GlyphBounds(r)
	}
	if renderIgnorable(r) {
		return fixed.Rectangle26_6{}, 0, true
	}
	adv, b := f.box()
	return b, adv, true
}

func (f *renderTextFace) GlyphAdvance(r rune) (fixed.Int26_6, bool) {
	if face := f.face(r); face != nil {
		return face.GlyphAdvance(r)
	}
	if renderIgnorable(r) {
		return 0, true
	}
	adv, _ := f.box()
	return adv, true
}

func (f *renderTextFace) Kern(r0, r1 rune) fixed.Int26_6 {
	if a, b := f.face(r0), f.face(r1); a == f.primary && b == f.primary {
		return f.primary.Kern(r0, r1)
	}
	return 0
}

func (f *renderTextFace) Metrics() font.Metrics { return f.primary.Metrics() }

// renderMissingWarning says which characters no font had, in the order
// first met, at most 20 of them.
func renderMissingWarning(missing []rune) string {
	var names []string
	for i, r := range missing {
		if i == 20 {
			names = append(names, fmt.Sprintf("and %d more", len(missing)-20))
			break
		}
		names = append(names, fmt.Sprintf("%c (U+%04X)", r, r))
	}
	return fmt.Sprintf("PNG: no font has %s: drawn as boxes (install a font with them, e.g. Debian's fonts-noto-cjk or fonts-symbola, or render SVG, which keeps them)", strings.Join(names, ", "))
}
