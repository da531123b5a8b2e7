package graph

import (
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/fogleman/gg"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
)

// The PNG renderer.
//
// go-graphviz v0.2.x draws PNGs with a Go render plugin (gvc.ImageRenderer)
// that gets filled=true for every shape and then only fills: edges and node
// outlines are missing and curved edges become filled blobs. It also reads
// every coordinate and colour through several calls into the WebAssembly
// module, which allocates about 1 GB per 100-node graph, ignores alpha, and
// looks fonts up on the system.
//
// So PNGs are not drawn by a Graphviz render plugin at all. Graphviz lays the
// graph out and writes it as JSON with xdot drawing operations (one call,
// the same C code path as SVG), and renderXdotPNG paints those operations with
// gg, in pure Go:
//
//   - polygons and ellipses are filled when their operation says so (P, E)
//     with a visible fill colour (alpha > 0: "transparent" and "none" are
//     not painted), then always stroked with the pen colour unless the pen is
//     invisible; lower-case p and e (open arrowheads, unfilled nodes) are
//     only stroked;
//   - Bézier curves are only filled when they are closed (rounded boxes,
//     clusters) and a fill colour was set; open curves (edges) are only
//     stroked. (This Graphviz build swaps the xdot letters b and B, so the
//     letter is not trusted.)
//   - pens follow the xdot style: solid, dashed, dotted, invis, bold and
//     setlinewidth(w);
//   - text is drawn with the Go fonts (no system fonts needed) at the PNG's
//     resolution, aligned as Graphviz says on its measured width, and shrunk
//     where it is wider than the width Graphviz laid out; runes the Go fonts
//     lack (CJK, emoji) come from system fonts, else are drawn as boxes and
//     reported (see render_font.go).
//
// The page is 96 dpi, mapped like Graphviz's own bitmaps: (x + pad, H + pad
// - y) points, times 96/72.

// renderPNGDPI is the resolution of rendered PNGs.
const renderPNGDPI = 96.0

// renderPNGMaxPixels bounds the size of a PNG (and its 4 bytes a pixel in
// memory): larger drawings are scaled down. A 100-node graph is typically
// 5 to 15 megapixels at 96 dpi.
const renderPNGMaxPixels = 32 << 20

// xdotOp is one xdot drawing operation of Graphviz's JSON output.
type xdotOp struct {
	Op       string       `json:"op"`
	Points   [][2]float64 `json:"points"`
	Rect     []float64    `json:"rect"`
	Pt       []float64    `json:"pt"`
	Align    string       `json:"align"`
	Width    float64      `json:"width"`
	Text     string       `json:"text"`
	Size     float64      `json:"size"`
	Face     string       `json:"face"`
	Color    string       `json:"color"`
	Grad     string       `json:"grad"`
	Stops    []xdotStop   `json:"stops"`
	Style    string       `json:"style"`
	FontChar int          `json:"fontchar"`
}

type xdotStop struct {
	Frac  float64 `json:"frac"`
	Color string  `json:"color"`
}

// xdotObject is a graph, subgraph, node or edge with its drawing operations.
type xdotObject struct {
	Draw   []xdotOp `json:"_draw_"`
	LDraw  []xdotOp `json:"_ldraw_"`
	HDraw  []xdotOp `json:"_hdraw_"`
	TDraw  []xdotOp `json:"_tdraw_"`
	HLDraw []xdotOp `json:"_hldraw_"`
	TLDraw []xdotOp `json:"_tldraw_"`
}

type xdotGraph struct {
	xdotObject
	BB          string       `json:"bb"`
	Pad         string       `json:"pad"`
	SubgraphCnt int          `json:"_subgraph_cnt"`
	Objects     []xdotObject `json:"objects"` // subgraphs, then nodes
	Edges       []xdotObject `json:"edges"`
}

// renderXdotPNG paints Graphviz JSON output (-Tjson) as a PNG, with
// fallback fonts from fb for the runes the Go fonts lack (see
// render_font.go). It returns the runes no font has, drawn as boxes, in the
// order first met.
func renderXdotPNG(src []byte, w io.Writer, pool *renderPixels, fb *renderFontFallback) ([]rune, error) {
	var g xdotGraph
	if err := json.Unmarshal(src, &g); err != nil {
		return nil, fmt.Errorf("read graphviz layout: %w", err)
	}
	bb := floatsOf(g.BB)
	if len(bb) != 4 {
		return nil, fmt.Errorf("graphviz layout has no bounding box (bb=%q)", g.BB)
	}
	runeFonts, err := renderFallbackFonts(&g, fb)
	if err != nil {
		return nil, err
	}
	pad := 4.0 // points, Graphviz's default
	if p := floatsOf(g.Pad); len(p) > 0 {
		pad = p[0] * 72
	}
	scale := renderPNGDPI / 72
	wPt, hPt := bb[2]-bb[0]+2*pad, bb[3]-bb[1]+2*pad
	if px := wPt * hPt * scale * scale; px > renderPNGMaxPixels {
		scale *= math.Sqrt(renderPNGMaxPixels / px)
	}
	width := max(1, int(math.Ceil(wPt*scale)))
	height := max(1, int(math.Ceil(hPt*scale)))

	img := pool.get(width, height)
	defer pool.put(img)
	// Graphviz bitmaps are white unless the graph paints its own background.
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	p := &xdotPainter{
		dc:        gg.NewContextForRGBA(img),
		img:       img,
		scale:     scale,
		x0:        pad - bb[0],
		y0:        bb[3] + pad,
		runeFonts: runeFonts,
	}
	p.dc.SetLineJoinRound()

	p.paint(g.Draw, true)
	var nodes []xdotObject
	for i, o := range g.Objects {
		if i < g.SubgraphCnt { // clusters, outermost first
			p.paint(o.Draw, false)
			p.paint(o.LDraw, false)
		} else {
			nodes = append(nodes, o)
		}
	}
	for _, e := range g.Edges {
		for _, ops := range [][]xdotOp{e.Draw, e.TDraw, e.HDraw, e.LDraw, e.TLDraw, e.HLDraw} {
			p.paint(ops, false)
		}
	}
	for _, n := range nodes {
		p.paint(n.Draw, false)
		p.paint(n.LDraw, false)
	}
	p.paint(g.LDraw, false)
	if p.err != nil {
		return nil, p.err
	}
	return p.missing, renderEncodePNG(w, img)
}

// renderFallbackFonts returns the fallback fonts of the runes of g's texts
// that a Go font lacks.
func renderFallbackFonts(g *xdotGraph, fb *renderFontFallback) (map[rune]*opentype.Font, error) {
	goFonts, err := renderGoFonts()
	if err != nil {
		return nil, err
	}
	var buf sfnt.Buffer
	seen := map[rune]bool{}
	var need []rune
	scan := func(ops []xdotOp) {
		for _, op := range ops {
			if op.Op != "T" {
				continue
			}
			for _, r := range xdotText(op) {
				if seen[r] {
					continue
				}
				seen[r] = true
				for _, f := range goFonts {
					if x, err := f.GlyphIndex(&buf, r); err != nil || x == 0 {
						need = append(need, r)
						break
					}
				}
			}
		}
	}
	for _, o := range append([]xdotObject{g.xdotObject}, append(g.Objects, g.Edges...)...) {
		for _, ops := range [][]xdotOp{o.Draw, o.LDraw, o.HDraw, o.TDraw, o.HLDraw, o.TLDraw} {
			scan(ops)
		}
	}
	if len(need) == 0 || fb == nil {
		return nil, nil
	}
	return fb.fonts(need), nil
}

// floatsOf parses "a,b,c" or "a b".
func floatsOf(s string) []float64 {
	var out []float64
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		v, err := strconv.ParseFloat(strings.TrimSuffix(f, "!"), 64)
		if err != nil {
			return nil
		}
		out = append(out, v)
	}
	return out
}

// xdotPainter paints xdot operations with gg.
type xdotPainter struct {
	dc     *gg.Context
	img    *image.RGBA
	scale  float64 // pixels per point
	x0, y0 float64 // page position of the graph's origin, in points
	err    error

	// Drawing state, reset for every list of operations.
	pen, fill color.NRGBA
	hasFill   bool
	penStyle  string // solid, dashed, dotted, invis
	lineWidth float64
	fontFace  string
	fontSize  float64
	bold      bool

	faces map[renderFaceKey]font.Face // faces are not safe for concurrent use

	// Fallback fonts (see render_font.go).
	runeFonts     map[rune]*opentype.Font // for the runes the Go fonts lack
	fallbackFaces map[renderFallbackKey]font.Face
	glyphBuf      sfnt.Buffer
	missing       []rune // no font has them, in the order first met
	missingSeen   map[rune]bool
}

type renderFallbackKey struct {
	font *opentype.Font
	size float64
}

func (p *xdotPainter) reset() {
	p.pen = color.NRGBA{A: 255}
	p.fill = color.NRGBA{}
	p.hasFill = false
	p.penStyle = "solid"
	p.lineWidth = 1
	p.fontFace = "Times-Roman"
	p.fontSize = 14
	p.bold = false
}

func (p *xdotPainter) xy(pt [2]float64) (float64, float64) {
	return (pt[0] + p.x0) * p.scale, (p.y0 - pt[1]) * p.scale
}

// paint runs one list of operations. background marks the graph's own list,
// whose first filled rectangle is the page.
func (p *xdotPainter) paint(ops []xdotOp, background bool) {
	if len(ops) == 0 || p.err != nil {
		return
	}
	p.reset()
	for _, op := range ops {
		switch op.Op {
		case "c":
			p.pen = renderParseColor(op.Color, op.Stops)
		case "C":
			p.fill = renderParseColor(op.Color, op.Stops)
			p.hasFill = true
		case "S":
			p.style(op.Style)
		case "F":
			p.fontFace, p.fontSize = op.Face, op.Size
		case "t":
			p.bold = op.FontChar&1 != 0
		case "P", "p":
			if len(op.Points) < 2 {
				continue
			}
			filled := op.Op == "P"
			if background && filled && len(op.Points) == 4 && p.fill.A == 255 && p.pen.A == 0 {
				p.rect(op.Points)
				continue
			}
			p.dc.MoveTo(p.xy(op.Points[0]))
			for _, q := range op.Points[1:] {
				p.dc.LineTo(p.xy(q))
			}
			p.dc.ClosePath()
			p.finish(filled)
		case "L":
			if len(op.Points) < 2 {
				continue
			}
			p.dc.MoveTo(p.xy(op.Points[0]))
			for _, q := range op.Points[1:] {
				p.dc.LineTo(p.xy(q))
			}
			p.finish(false)
		case "B", "b":
			pts := op.Points
			if len(pts) < 4 {
				continue
			}
			p.dc.MoveTo(p.xy(pts[0]))
			for i := 1; i+2 < len(pts); i += 3 {
				x1, y1 := p.xy(pts[i])
				x2, y2 := p.xy(pts[i+1])
				x3, y3 := p.xy(pts[i+2])
				p.dc.CubicTo(x1, y1, x2, y2, x3, y3)
			}
			first, last := pts[0], pts[len(pts)-1]
			closed := math.Abs(first[0]-last[0]) < 1e-3 && math.Abs(first[1]-last[1]) < 1e-3
			if closed {
				p.dc.ClosePath()
			}
			p.finish(closed && p.hasFill)
		case "E", "e":
			if len(op.Rect) < 4 {
				continue
			}
			cx, cy := p.xy([2]float64{op.Rect[0], op.Rect[1]})
			p.dc.NewSubPath()
			p.dc.DrawEllipse(cx, cy, op.Rect[2]*p.scale, op.Rect[3]*p.scale)
			p.finish(op.Op == "E")
		case "T":
			p.text(op)
		}
	}
}

// style applies an xdot style: a pen style or setlinewidth(w).
func (p *xdotPainter) style(s string) {
	switch {
	case strings.HasPrefix(s, "setlinewidth(") && strings.HasSuffix(s, ")"):
		if w, err := strconv.ParseFloat(s[len("setlinewidth("):len(s)-1], 64); err == nil && w >= 0 {
			p.lineWidth = w
		}
	case s == "bold":
		p.lineWidth = 2
	case s == "solid" || s == "dashed" || s == "dotted" || s == "invis" || s == "invisible":
		p.penStyle = s
	}
}

// rect fills an axis-aligned rectangle without antialiasing: the page.
func (p *xdotPainter) rect(pts [][2]float64) {
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, q := range pts {
		x, y := p.xy(q)
		minX, maxX = math.Min(minX, x), math.Max(maxX, x)
		minY, maxY = math.Min(minY, y), math.Max(maxY, y)
	}
	r := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX)), int(math.Ceil(maxY)))
	draw.Draw(p.img, r.Intersect(p.img.Bounds()), image.NewUniform(p.fill), image.Point{}, draw.Src)
}

// finish fills the current path if asked and the fill colour is visible,
// then strokes it unless the pen is invisible.
func (p *xdotPainter) finish(filled bool) {
	if filled && p.fill.A > 0 {
		p.dc.SetColor(p.fill)
		p.dc.FillPreserve()
	}
	if p.pen.A > 0 && p.lineWidth > 0 && p.penStyle != "invis" && p.penStyle != "invisible" {
		lw := p.lineWidth * p.scale
		p.dc.SetColor(p.pen)
		p.dc.SetLineWidth(lw)
		switch p.penStyle {
		case "dashed":
			p.dc.SetLineCapButt()
			p.dc.SetDash(5*p.scale, 2*p.scale)
		case "dotted":
			p.dc.SetLineCapRound()
			p.dc.SetDash(math.Max(lw/2, 0.75), 5*p.scale)
		default:
			p.dc.SetLineCapButt()
			p.dc.SetDash()
		}
		p.dc.StrokePreserve()
	}
	p.dc.ClearPath()
}

// xdotText returns the text of a T operation. Graphviz's JSON output
// escapes backslashes twice: "\\\\" in the JSON for one backslash.
func xdotText(op xdotOp) string {
	return strings.ReplaceAll(op.Text, `\\`, `\`)
}

// text draws a T operation: baseline at pt, aligned l, c or r.
func (p *xdotPainter) text(op xdotOp) {
	text := xdotText(op)
	if strings.TrimSpace(text) == "" || len(op.Pt) < 2 || p.pen.A == 0 {
		return
	}
	size := p.fontSize
	if size <= 0 {
		size = 14
	}
	face, err := p.face(size)
	if err != nil {
		p.err = err
		return
	}
	p.dc.SetFontFace(face)
	w, _ := p.dc.MeasureString(text)
	// Shrink text that the Go font draws wider than Graphviz laid it out.
	if est := op.Width * p.scale; est > 0 && w > est*1.01 {
		small := math.Floor(math.Max(size*est/w, size*0.75)*4) / 4
		if face, err = p.face(small); err != nil {
			p.err = err
			return
		}
		p.dc.SetFontFace(face)
		w, _ = p.dc.MeasureString(text)
	}
	x, y := p.xy([2]float64{op.Pt[0], op.Pt[1]})
	switch op.Align {
	case "r":
		x -= w
	case "l":
	default:
		x -= w / 2
	}
	p.dc.SetColor(p.pen)
	p.dc.DrawString(text, x, y)
}

// renderParseColor reads an xdot colour: "#rrggbb", "#rrggbbaa", or a few
// names; gradients use their first stop.
func renderParseColor(s string, stops []xdotStop) color.NRGBA {
	if s == "" && len(stops) > 0 {
		s = stops[0].Color
	}
	s = strings.ToLower(strings.TrimSpace(s))
	if strings.HasPrefix(s, "#") && (len(s) == 7 || len(s) == 9) {
		v, err := strconv.ParseUint(s[1:], 16, 32)
		if err == nil {
			if len(s) == 7 {
				return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}
			}
			return color.NRGBA{uint8(v >> 24), uint8(v >> 16), uint8(v >> 8), uint8(v)}
		}
	}
	switch s {
	case "transparent", "none", "invis":
		return color.NRGBA{}
	case "white":
		return color.NRGBA{255, 255, 255, 255}
	case "lightgrey", "lightgray":
		return color.NRGBA{211, 211, 211, 255}
	case "grey", "gray":
		return color.NRGBA{192, 192, 192, 255}
	case "red":
		return color.NRGBA{255, 0, 0, 255}
	case "green":
		return color.NRGBA{0, 255, 0, 255}
	case "blue":
		return color.NRGBA{0, 0, 255, 255}
	}
	return color.NRGBA{A: 255} // black, and anything unknown
}

// renderPixels keeps the last page's pixels for the next render: a
// 100-node graph is some 40 MB of RGBA. It is safe for concurrent use.
type renderPixels struct {
	mu  sync.Mutex
	pix []uint8
}

// renderPixelsKeep is the largest buffer kept between renders.
const renderPixelsKeep = 64 << 20

// drop releases the kept buffer.
func (r *renderPixels) drop() {
	r.mu.Lock()
	r.pix = nil
	r.mu.Unlock()
}

func (r *renderPixels) get(w, h int) *image.RGBA {
	n := 4 * w * h
	if r == nil {
		return image.NewRGBA(image.Rect(0, 0, w, h))
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if cap(r.pix) < n {
		return image.NewRGBA(image.Rect(0, 0, w, h))
	}
	pix := r.pix[:n]
	r.pix = nil
	return &image.RGBA{Pix: pix, Stride: 4 * w, Rect: image.Rect(0, 0, w, h)}
}

func (r *renderPixels) put(img *image.RGBA) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if cap(img.Pix) <= renderPixelsKeep && cap(img.Pix) > cap(r.pix) {
		r.pix = img.Pix[:0]
	}
}

// The Go fonts, parsed once. An opentype.Font is safe for concurrent use.
var renderFonts struct {
	once                sync.Once
	regular, bold, mono *opentype.Font
	err                 error
}

// renderGoFonts returns the Go fonts: regular, bold and mono.
func renderGoFonts() ([]*opentype.Font, error) {
	f := &renderFonts
	f.once.Do(func() {
		if f.regular, f.err = opentype.Parse(goregular.TTF); f.err != nil {
			return
		}
		if f.bold, f.err = opentype.Parse(gobold.TTF); f.err != nil {
			return
		}
		f.mono, f.err = opentype.Parse(gomono.TTF)
	})
	if f.err != nil {
		return nil, fmt.Errorf("load Go fonts: %w", f.err)
	}
	return []*opentype.Font{f.regular, f.bold, f.mono}, nil
}

type renderFaceKey struct {
	variant int
	size    float64
}

// face returns the face for the current font at size points: Go Mono for
// Courier and monospace fonts, Go Bold for bold ones, Go Regular otherwise,
// each falling back to p.runeFonts for the runes it lacks.
func (p *xdotPainter) face(size float64) (font.Face, error) {
	goFonts, err := renderGoFonts()
	if err != nil {
		return nil, err
	}
	lower := strings.ToLower(p.fontFace)
	key := renderFaceKey{size: size}
	switch {
	case strings.Contains(lower, "courier") || strings.Contains(lower, "mono"):
		key.variant = 2
	case p.bold || strings.Contains(lower, "bold"):
		key.variant = 1
	}
	if face, ok := p.faces[key]; ok {
		return face, nil
	}
	otf := goFonts[key.variant]
	primary, err := p.newFace(otf, size)
	if err != nil {
		return nil, err
	}
	fallback := map[rune]font.Face{}
	for r, f := range p.runeFonts {
		k := renderFallbackKey{f, size}
		fb, ok := p.fallbackFaces[k]
		if !ok {
			if fb, err = p.newFace(f, size); err != nil {
				return nil, err
			}
			if p.fallbackFaces == nil {
				p.fallbackFaces = map[renderFallbackKey]font.Face{}
			}
			p.fallbackFaces[k] = fb
		}
		fallback[r] = fb
	}
	face := &renderTextFace{primary: primary, primaryFont: otf, fallback: fallback, buf: &p.glyphBuf, missing: p.noteMissing}
	if p.faces == nil {
		p.faces = map[renderFaceKey]font.Face{}
	}
	p.faces[key] = face
	return face, nil
}

// newFace returns a face of f at size points at the page's resolution.
func (p *xdotPainter) newFace(f *opentype.Font, size float64) (font.Face, error) {
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72 * p.scale, Hinting: font.HintingNone})
	if err != nil {
		return nil, fmt.Errorf("load font face: %w", err)
	}
	return face, nil
}

// noteMissing records a rune no font has.
func (p *xdotPainter) noteMissing(r rune) {
	if p.missingSeen[r] {
		return
	}
	if p.missingSeen == nil {
		p.missingSeen = map[rune]bool{}
	}
	p.missingSeen[r] = true
	p.missing = append(p.missing, r)
}
