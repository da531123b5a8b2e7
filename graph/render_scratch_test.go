package graph

import (
	"bytes"
	"image"
	"image/draw"
	"image/png"
	"io"
	"os"
	"testing"
)

func BenchmarkScratchEncode(b *testing.B) {
	f, _ := os.ReadFile("/tmp/samples/synth.png")
	src, err := png.Decode(bytes.NewReader(f))
	if err != nil {
		b.Fatal(err)
	}
	img := image.NewRGBA(src.Bounds())
	draw.Draw(img, img.Bounds(), src, image.Point{}, draw.Src)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		renderEncodePNG(io.Discard, img)
	}
}

func BenchmarkScratchFilterOnly(b *testing.B) {
	f, _ := os.ReadFile("/tmp/samples/synth.png")
	src, _ := png.Decode(bytes.NewReader(f))
	img := image.NewRGBA(src.Bounds())
	draw.Draw(img, img.Bounds(), src, image.Point{}, draw.Src)
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	out := make([]byte, 1+3*w)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for y := 1; y < h; y++ {
			cur := img.Pix[y*img.Stride : y*img.Stride+4*w]
			prev := img.Pix[(y-1)*img.Stride : (y-1)*img.Stride+4*w]
			o := out[1:]
			for x := 0; x < w; x++ {
				c := cur[4*x : 4*x+4 : 4*x+4]
				p := prev[4*x : 4*x+4 : 4*x+4]
				q := o[3*x : 3*x+3 : 3*x+3]
				q[0] = c[0] - c[3] - (p[0] - p[3])
				q[1] = c[1] - c[3] - (p[1] - p[3])
				q[2] = c[2] - c[3] - (p[2] - p[3])
			}
		}
	}
}
