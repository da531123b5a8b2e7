package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"

	graphviz "github.com/goccy/go-graphviz"
)

// RenderFormat is an output format of a rendered subgraph.
type RenderFormat string

// Render formats.
const (
	FormatDOT RenderFormat = "dot" // Graphviz DOT source
	FormatSVG RenderFormat = "svg" // SVG, with sources as tooltips
	FormatPNG RenderFormat = "png" // PNG at 96 dpi
)

// DefaultMaxNodes is the largest subgraph rendered when RenderOptions.MaxNodes
// is 0.
const DefaultMaxNodes = 150

// RenderOptions controls DOT and Render.
type RenderOptions struct {
	Format   RenderFormat // dot, svg or png; "" means svg (Render only)
	RankDir  string       // LR (default when ""), TB, RL or BT
	MaxNodes int          // the largest subgraph accepted; 0 means DefaultMaxNodes
	Legend   bool         // add a legend of the node kinds and predicates used
	Title    string       // the graph's title; "" uses the subgraph's Title

	// Warn, when not nil, is told (once a render, in one line) what the
	// output lacks: the characters of a PNG that no font has, drawn as boxes.
	Warn func(msg string)
}

// DefaultRenderOptions returns SVG, left to right, at most DefaultMaxNodes
// nodes, with a legend.
func DefaultRenderOptions() RenderOptions {
	return RenderOptions{Format: FormatSVG, RankDir: "LR", MaxNodes: DefaultMaxNodes, Legend: true}
}

// FormatFromPath returns the format named by path's extension: .dot or .gv,
// .svg, .png (case-insensitive); EINVALID for anything else.
func FormatFromPath(path string) (RenderFormat, error) {
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".dot", ".gv":
		return FormatDOT, nil
	case ".svg":
		return FormatSVG, nil
	case ".png":
		return FormatPNG, nil
	case "":
		return "", Errorf(EINVALID, "cannot tell the image format of %q: give it a .svg, .png or .dot extension", path)
	}
	return "", Errorf(EINVALID, "unsupported image format %q of %q: use .svg, .png or .dot (.gv)", ext, path)
}

// normalize checks opt and fills in its defaults; withFormat also checks
// the format (DOT ignores it).
func (opt RenderOptions) normalize(withFormat bool) (RenderOptions, error) {
	if withFormat {
		switch f := RenderFormat(strings.ToLower(string(opt.Format))); f {
		case "":
			opt.Format = FormatSVG
		case FormatDOT, FormatSVG, FormatPNG:
			opt.Format = f
		case "gv":
			opt.Format = FormatDOT
		default:
			return opt, Errorf(EINVALID, "unsupported render format %q: use svg, png or dot", string(opt.Format))
		}
	}
	switch d := strings.ToUpper(strings.TrimSpace(opt.RankDir)); d {
	case "":
		opt.RankDir = "LR"
	case "LR", "TB", "RL", "BT":
		opt.RankDir = d
	default:
		return opt, Errorf(EINVALID, "unsupported rank direction %q: use LR, TB, RL or BT", opt.RankDir)
	}
	switch {
	case opt.MaxNodes == 0:
		opt.MaxNodes = DefaultMaxNodes
	case opt.MaxNodes < 0:
		return opt, Errorf(EINVALID, "--max-nodes must be positive, got %d", opt.MaxNodes)
	}
	return opt, nil
}

// checkSize returns EINVALID when sg has more nodes than opt.MaxNodes.
func (opt RenderOptions) checkSize(sg Subgraph) error {
	if n := len(sg.Nodes); n > opt.MaxNodes {
		return Errorf(EINVALID, "the selection has %d nodes, more than the render limit of %d: narrow it (e.g. --depth 1 or --kind service) or raise the limit with --max-nodes %d", n, opt.MaxNodes, n)
	}
	return nil
}

// renderWasmMu serialises every use of go-graphviz: its WebAssembly module is
// one global instance that is not safe for concurrent use, whichever Renderer
// (or graphviz.Graphviz) calls it.
var renderWasmMu sync.Mutex

// Renderer renders subgraphs to DOT, SVG or PNG. It creates one go-graphviz
// instance on first SVG or PNG use and reuses it. It is safe for concurrent
// use: layouts are serialised, PNG painting is not. The zero value is ready
// to use.
type Renderer struct {
	// FontDirs are the folders PNG text looks for fonts in when the Go
	// fonts lack a character (CJK, emoji); nil means the system's font
	// directories. Set it before the first render.
	FontDirs []string

	gv     *graphviz.Graphviz // guarded by renderWasmMu
	pixels renderPixels       // the last PNG's pixels, reused

	fontsOnce sync.Once
	fonts     *renderFontFallback // fallback fonts found so far
}

// fontFallback returns the Renderer's fallback font finder.
func (r *Renderer) fontFallback() *renderFontFallback {
	r.fontsOnce.Do(func() { r.fonts = &renderFontFallback{dirs: r.FontDirs} })
	return r.fonts
}

// NewRenderer returns a Renderer. Creating it is cheap: go-graphviz is only
// set up by the first SVG or PNG render. Layouts are serialised (the
// WebAssembly module is shared); PNG painting runs concurrently.
func NewRenderer() *Renderer { return &Renderer{} }

// Render writes sg in opt.Format to w. It returns EINVALID for bad options or
// a subgraph larger than opt.MaxNodes, ETIMEOUT when ctx is done before the
// render starts, and EINTERNAL when Graphviz fails.
func (r *Renderer) Render(ctx context.Context, sg Subgraph, opt RenderOptions, w io.Writer) error {
	opt, err := opt.normalize(true)
	if err != nil {
		return err
	}
	src, err := DOT(sg, opt)
	if err != nil {
		return err
	}
	if opt.Format == FormatDOT {
		return renderWrite(w, src)
	}
	if err := renderCtxErr(ctx); err != nil {
		return err
	}
	var buf bytes.Buffer
	switch opt.Format {
	case FormatSVG:
		if err := r.layout(ctx, src, graphviz.SVG, &buf); err != nil {
			return err
		}
	case FormatPNG:
		var layout bytes.Buffer
		if err := r.layout(ctx, src, "json", &layout); err != nil {
			return err
		}
		missing, err := renderXdotPNG(layout.Bytes(), &buf, &r.pixels, r.fontFallback())
		if err != nil {
			return &Error{Code: EINTERNAL, Message: "render png", Err: err}
		}
		if len(missing) > 0 && opt.Warn != nil {
			opt.Warn(renderMissingWarning(missing))
		}
	}
	return renderWrite(w, buf.Bytes())
}

// layout lays out DOT source with go-graphviz and writes it in format: svg,
// or json (with xdot drawing operations) for PNG.
func (r *Renderer) layout(ctx context.Context, src []byte, format graphviz.Format, w io.Writer) (err error) {
	renderWasmMu.Lock()
	defer renderWasmMu.Unlock()
	if err := renderCtxErr(ctx); err != nil {
		return err
	}
	defer func() {
		// go-graphviz panics on some internal failures; never take the
		// caller down with it.
		if p := recover(); p != nil {
			err = &Error{Code: EINTERNAL, Message: "graphviz " + string(format), Err: fmt.Errorf("panic: %v", p)}
		}
	}()
	gv, err := r.instance(ctx)
	if err != nil {
		return err
	}
	g, err := graphviz.ParseBytes(src)
	if err != nil {
		return &Error{Code: EINTERNAL, Message: "parse generated DOT", Err: err}
	}
	defer g.Close()
	if err := gv.Render(ctx, g, format, w); err != nil {
		return &Error{Code: EINTERNAL, Message: "graphviz " + string(format), Err: err}
	}
	return nil
}

// instance returns the go-graphviz instance, creating it on first use.
// renderWasmMu must be held.
func (r *Renderer) instance(ctx context.Context) (*graphviz.Graphviz, error) {
	if r.gv != nil {
		return r.gv, nil
	}
	// PNGs are painted in Go from the json layout, not by go-graphviz's Go
	// PNG plugin. (graphviz.NewWithPlugins without plugins cannot create a
	// second context in the same process; New can.)
	gv, err := graphviz.New(ctx)
	if err != nil {
		return nil, &Error{Code: EINTERNAL, Message: "set up graphviz", Err: err}
	}
	r.gv = gv
	return gv, nil
}

// Close releases the go-graphviz instance, if any, and the kept PNG pixels.
// A later Render creates a new instance.
func (r *Renderer) Close() error {
	r.pixels.drop()
	renderWasmMu.Lock()
	defer renderWasmMu.Unlock()
	if r.gv == nil {
		return nil
	}
	gv := r.gv
	r.gv = nil
	if err := gv.Close(); err != nil {
		return &Error{Code: EINTERNAL, Message: "close graphviz", Err: err}
	}
	return nil
}

func renderCtxErr(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return &Error{Code: ETIMEOUT, Message: "render timed out", Err: err}
		}
		return &Error{Code: EINTERNAL, Message: "render cancelled", Err: err}
	}
	return nil
}

func renderWrite(w io.Writer, b []byte) error {
	if _, err := w.Write(b); err != nil {
		return &Error{Code: EINTERNAL, Message: "write rendered graph", Err: err}
	}
	return nil
}
