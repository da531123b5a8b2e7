package graph

import (
	"bytes"
	"context"
	"image"
	"image/draw"
	"image/png"
	"io"
	"testing"
)

// BenchmarkEncodePNG100 compares renderEncodePNG with image/png on the
// picture of the 100-node benchmark graph (about 10 megapixels): the time,
// the CPU time (renderEncodePNG deflates bands on every core) and the size.
//
//	go test -run XXX -bench EncodePNG100 -benchtime 5x ./graph/
func BenchmarkEncodePNG100(b *testing.B) {
	opt := DefaultRenderOptions()
	opt.Format = FormatPNG
	r := NewRenderer()
	defer r.Close()
	var rendered bytes.Buffer
	if err := r.Render(context.Background(), synthSubgraph(100, 150), opt, &rendered); err != nil {
		b.Fatal(err)
	}
	src, err := png.Decode(&rendered)
	if err != nil {
		b.Fatal(err)
	}
	img := image.NewRGBA(src.Bounds())
	draw.Draw(img, img.Bounds(), src, src.Bounds().Min, draw.Src)
	b.Logf("%dx%d pixels", img.Bounds().Dx(), img.Bounds().Dy())
	for _, enc := range []struct {
		name   string
		encode func(io.Writer, *image.RGBA) error
	}{
		{"awskg", renderEncodePNG},
		{"image-png-default", func(w io.Writer, m *image.RGBA) error { return png.Encode(w, m) }},
		{"image-png-bestspeed", func(w io.Writer, m *image.RGBA) error {
			return (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, m)
		}},
	} {
		b.Run(enc.name, func(b *testing.B) {
			var buf bytes.Buffer
			cpu0 := processCPU()
			for i := 0; i < b.N; i++ {
				buf.Reset()
				if err := enc.encode(&buf, img); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((processCPU()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(buf.Len()), "bytes")
		})
	}
}
