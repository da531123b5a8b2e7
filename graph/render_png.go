package graph

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"strings"
	"sync"

	"github.com/fogleman/gg"
	"github.com/goccy/go-graphviz/gvc"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
)

// The PNG renderer.
//
// go-graphviz v0.2.x draws PNGs with its gvc.ImageRenderer, which gets
// filled=true for every shape (the flag is lost on the way out of the
// WebAssembly module) and then only fills: edges and node outlines are
// missing and curved edges become filled blobs. It also ignores alpha, draws
// text at 72 dpi into a 96 dpi layout and looks fonts up on the system.
//
// renderPNGEngine replaces it as the "png" render plugin. It ignores the
// filled flag and decides from the object state instead:
//
//   - a shape is filled when its fill colour is visible (alpha > 0, which
//     excludes "transparent" and "none") and it asks for a fill: the object's
//     fill type is not FILL_NONE (style=filled nodes and clusters), or it is
//     the page background, or an arrowhead (edge object);
//   - then its outline is stroked when the pen is not PEN_NONE, its colour is
//     visible and its width is positive, dashed or dotted as the pen says;
//   - a Bézier curve is only filled when it is closed (rounded boxes and
//     clusters); open curves (edges) are only stroked.
//
// Text is drawn with the Go fonts (no system fonts needed) at the job's dpi,
// centred on its measured width, and shrunk when it is wider than the layout
// estimated. Open arrowheads (onormal, odiamond, empty...) cannot be told
// from filled ones and come out filled: DOT only uses filled ones.
type renderPNGEngine struct {
	gvc.DefaultRenderEngine
	dc     *gg.Context
	sx, sy float64 // device pixels per point: zoom * dpi / 72
	scale  float64 // sx, for pen widths and dashes
	dpi    float64
	zoom   float64
}

// renderPlugins returns the go-graphviz plugins for PNG output: the fixed
// render engine and the standard PNG device.
func renderPlugins(ctx context.Context) ([]gvc.Plugin, error) {
	rp, err := gvc.NewRenderPlugin(ctx, "png", &renderPNGEngine{})
	if err != nil {
		return nil, err
	}
	dp, err := gvc.PNGDevicePlugin(ctx)
	if err != nil {
		return nil, err
	}
	return []gvc.Plugin{rp, dp}, nil
}

func (e *renderPNGEngine) BeginPage(_ context.Context, job *gvc.Job) error {
	// Every accessor of a job is a few calls into the WebAssembly module:
	// read what does not change during the page once.
	e.dc = gg.NewContext(int(job.Width()), int(job.Height()))
	sc := job.Scale()
	e.sx, e.sy = sc.X(), sc.Y()
	if e.sx <= 0 || e.sy <= 0 {
		e.sx, e.sy = 1, 1
	}
	e.scale = e.sx
	e.dpi = 72
	if d := job.DPI(); d != nil && d.X() > 0 {
		e.dpi = d.X()
	}
	e.zoom = job.Zoom()
	if e.zoom <= 0 {
		e.zoom = 1
	}
	t := job.Translation()
	e.dc.Translate(e.sx*t.X(), -e.sy*t.Y())
	e.dc.SetLineJoinRound()
	return nil
}

func (e *renderPNGEngine) EndPage(_ context.Context, job *gvc.Job) error {
	if e.dc == nil {
		return nil
	}
	var buf bytes.Buffer
	if err := renderEncodePNG(&buf, e.dc.Image().(*image.RGBA)); err != nil {
		return err
	}
	job.SetOutputData(buf.Bytes())
	job.SetOutputDataPosition(uint(buf.Len()))
	e.dc = nil
	return nil
}

// point maps a Graphviz point to the page.
func (e *renderPNGEngine) point(p *gvc.PointFloat) (float64, float64) {
	return e.sx * p.X(), -e.sy * p.Y()
}

// renderVisible reports whether c has a visible alpha and returns it as RGBA
// bytes.
func renderVisible(c *gvc.Color) ([4]int, bool) {
	if c == nil {
		return [4]int{}, false
	}
	u := c.RGBAUint()
	rgba := [4]int{int(u[0] & 0xff), int(u[1] & 0xff), int(u[2] & 0xff), int(u[3] & 0xff)}
	return rgba, rgba[3] > 0
}

// fill reports whether the current object's shape is to be filled, and
// returns the fill colour.
func (e *renderPNGEngine) fill(o *gvc.ObjectState) ([4]int, bool) {
	rgba, ok := renderVisible(o.FillColor())
	if !ok {
		return rgba, false
	}
	t := o.Type()
	if o.Fill() == gvc.FillNone && t != gvc.EdgeObjectType && t != gvc.RootGraphObjectType {
		return rgba, false
	}
	return rgba, true
}

// pen reports whether the current object's outline is to be stroked, and
// sets the stroke colour, width and dashes.
func (e *renderPNGEngine) pen(o *gvc.ObjectState) bool {
	pen := o.Pen()
	if pen == gvc.PenNone {
		return false
	}
	w := o.PenWidth()
	if w <= 0 {
		return false
	}
	rgba, ok := renderVisible(o.PenColor())
	if !ok {
		return false
	}
	e.dc.SetRGBA255(rgba[0], rgba[1], rgba[2], rgba[3])
	lw := w * e.scale
	e.dc.SetLineWidth(lw)
	switch pen {
	case gvc.PenDashed:
		e.dc.SetLineCapButt()
		e.dc.SetDash(5*e.scale, 2*e.scale)
	case gvc.PenDotted:
		e.dc.SetLineCapRound()
		e.dc.SetDash(math.Max(lw/2, 0.75), 5*e.scale)
	default:
		e.dc.SetLineCapButt()
		e.dc.SetDash()
	}
	return true
}

// paint fills and strokes the current path as the object state says.
func (e *renderPNGEngine) paint(job *gvc.Job, fillable bool) {
	o := job.Object()
	if fillable {
		if rgba, ok := e.fill(o); ok {
			e.dc.SetRGBA255(rgba[0], rgba[1], rgba[2], rgba[3])
			e.dc.FillPreserve()
		}
	}
	if e.pen(o) {
		e.dc.StrokePreserve()
	}
	e.dc.ClearPath()
}

func (e *renderPNGEngine) Ellipse(_ context.Context, job *gvc.Job, p []*gvc.PointFloat, _ bool) error {
	if e.dc == nil || len(p) < 2 {
		return nil
	}
	cx, cy := e.point(p[0])
	qx, qy := e.point(p[1])
	rx, ry := math.Abs(qx-cx), math.Abs(qy-cy)
	e.dc.NewSubPath()
	e.dc.DrawEllipse(cx, cy, rx, ry)
	e.paint(job, true)
	return nil
}

func (e *renderPNGEngine) Polygon(_ context.Context, job *gvc.Job, p []*gvc.PointFloat, _ bool) error {
	if e.dc == nil || len(p) < 2 {
		return nil
	}
	if o := job.Object(); o.Type() == gvc.RootGraphObjectType {
		// The page background: paint the whole image at once, much faster
		// than rasterizing a polygon.
		_, penOK := renderVisible(o.PenColor())
		if rgba, ok := e.fill(o); ok && rgba[3] == 255 && (o.Pen() == gvc.PenNone || !penOK) {
			img := e.dc.Image().(*image.RGBA)
			c := color.RGBA{uint8(rgba[0]), uint8(rgba[1]), uint8(rgba[2]), 255}
			draw.Draw(img, img.Bounds(), image.NewUniform(c), image.Point{}, draw.Src)
			return nil
		}
	}
	e.dc.MoveTo(e.point(p[0]))
	for _, q := range p[1:] {
		e.dc.LineTo(e.point(q))
	}
	e.dc.ClosePath()
	e.paint(job, true)
	return nil
}

func (e *renderPNGEngine) BezierCurve(_ context.Context, job *gvc.Job, p []*gvc.PointFloat, _ bool) error {
	if e.dc == nil || len(p) < 4 {
		return nil
	}
	x0, y0 := e.point(p[0])
	e.dc.MoveTo(x0, y0)
	xn, yn := x0, y0
	for i := 1; i+2 < len(p); i += 3 {
		x1, y1 := e.point(p[i])
		x2, y2 := e.point(p[i+1])
		xn, yn = e.point(p[i+2])
		e.dc.CubicTo(x1, y1, x2, y2, xn, yn)
	}
	closed := math.Abs(x0-xn) < 1e-3 && math.Abs(y0-yn) < 1e-3
	if closed {
		e.dc.ClosePath()
	}
	e.paint(job, closed)
	return nil
}

func (e *renderPNGEngine) Polyline(_ context.Context, job *gvc.Job, p []*gvc.PointFloat) error {
	if e.dc == nil || len(p) < 2 {
		return nil
	}
	e.dc.MoveTo(e.point(p[0]))
	for _, q := range p[1:] {
		e.dc.LineTo(e.point(q))
	}
	e.paint(job, false)
	return nil
}

func (e *renderPNGEngine) TextSpan(_ context.Context, job *gvc.Job, p *gvc.PointFloat, span *gvc.TextSpan) error {
	if e.dc == nil {
		return nil
	}
	text := span.Text()
	if strings.TrimSpace(text) == "" {
		return nil
	}
	rgba, ok := renderVisible(job.Object().PenColor())
	if !ok {
		return nil
	}
	f := span.Font()
	name, size := "", 14.0
	if f != nil {
		name, size = f.Name(), f.Size()
	}
	dpi := e.dpi
	size *= e.zoom
	face, err := renderFontFace(name, size, dpi)
	if err != nil {
		return err
	}
	e.dc.SetFontFace(face)
	w, _ := e.dc.MeasureString(text)
	// Shrink text the layout estimated narrower than the Go font draws it.
	if est := e.sx * span.Size().X(); est > 0 && w > est*1.01 {
		small := math.Max(size*est/w, size*0.75)
		small = math.Floor(small*4) / 4
		if face, err = renderFontFace(name, small, dpi); err != nil {
			return err
		}
		e.dc.SetFontFace(face)
		w, _ = e.dc.MeasureString(text)
	}
	x, y := e.point(p)
	switch span.Just() {
	case 'r':
		x -= w
	case 'l':
	default:
		x -= w / 2
	}
	y -= e.sy * (span.YOffsetCenterLine() + span.YOffsetLayout())
	e.dc.SetRGBA255(rgba[0], rgba[1], rgba[2], rgba[3])
	e.dc.DrawString(text, x, y)
	return nil
}

// The Go fonts, parsed once, and their faces by variant, size and dpi.
var renderFonts struct {
	once                sync.Once
	regular, bold, mono *opentype.Font
	err                 error
	mu                  sync.Mutex
	faces               map[renderFaceKey]font.Face
}

type renderFaceKey struct {
	variant   int
	size, dpi float64
}

// renderFontFace returns a Go font face for a Graphviz font name: Go Mono
// for Courier and monospace fonts, Go Bold for bold ones, Go Regular
// otherwise.
func renderFontFace(name string, size, dpi float64) (font.Face, error) {
	f := &renderFonts
	f.once.Do(func() {
		if f.regular, f.err = opentype.Parse(goregular.TTF); f.err != nil {
			return
		}
		if f.bold, f.err = opentype.Parse(gobold.TTF); f.err != nil {
			return
		}
		f.mono, f.err = opentype.Parse(gomono.TTF)
		f.faces = map[renderFaceKey]font.Face{}
	})
	if f.err != nil {
		return nil, fmt.Errorf("load Go fonts: %w", f.err)
	}
	lower := strings.ToLower(name)
	key := renderFaceKey{size: size, dpi: dpi}
	otf := f.regular
	switch {
	case strings.Contains(lower, "courier") || strings.Contains(lower, "mono"):
		key.variant, otf = 2, f.mono
	case strings.Contains(lower, "bold"):
		key.variant, otf = 1, f.bold
	}
	if size <= 0 {
		key.size = 14
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if face, ok := f.faces[key]; ok {
		return face, nil
	}
	face, err := opentype.NewFace(otf, &opentype.FaceOptions{Size: key.size, DPI: key.dpi, Hinting: font.HintingNone})
	if err != nil {
		return nil, fmt.Errorf("load Go font face: %w", err)
	}
	f.faces[key] = face
	return face, nil
}
