package graph

import (
	"bytes"
	"compress/flate"
	"image"
	"image/draw"
	"image/png"
	"io"
	"os"
	"testing"
)

func scratchImg(b *testing.B) *image.RGBA {
	f, _ := os.ReadFile("/tmp/awskg-render-work/synth.png")
	src, err := png.Decode(bytes.NewReader(f))
	if err != nil {
		b.Fatal(err)
	}
	img := image.NewRGBA(src.Bounds())
	draw.Draw(img, img.Bounds(), src, image.Point{}, draw.Src)
	return img
}

func BenchmarkScratchEncode(b *testing.B) {
	img := scratchImg(b)
	var buf bytes.Buffer
	cpu0 := processCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf.Reset()
		renderEncodePNG(&buf, img)
	}
	b.ReportMetric(float64((processCPU()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(buf.Len()), "bytes")
}

func BenchmarkScratchFilters(b *testing.B) {
	img := scratchImg(b)
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	for _, filter := range []string{"none", "sub", "up"} {
		b.Run(filter, func(b *testing.B) {
			var n int64
			cpu0 := processCPU()
			for i := 0; i < b.N; i++ {
				cw := &countW{}
				fw, _ := flate.NewWriter(cw, flate.BestSpeed)
				row := make([]byte, 1+3*w)
				for y := 0; y < h; y++ {
					cur := img.Pix[y*img.Stride : y*img.Stride+4*w]
					switch filter {
					case "none":
						for x := 0; x < w; x++ {
							row[1+3*x], row[2+3*x], row[3+3*x] = cur[4*x], cur[4*x+1], cur[4*x+2]
						}
					case "sub":
						row[0] = 1
						var pr, pg, pb byte
						for x := 0; x < w; x++ {
							r, g, bb := cur[4*x], cur[4*x+1], cur[4*x+2]
							row[1+3*x], row[2+3*x], row[3+3*x] = r-pr, g-pg, bb-pb
							pr, pg, pb = r, g, bb
						}
					case "up":
						row[0] = 2
						if y > 0 {
							renderFilterUp(row[1:], cur, img.Pix[(y-1)*img.Stride:(y-1)*img.Stride+4*w], false)
						} else {
							renderFilterUp(row[1:], cur, nil, true)
						}
					}
					fw.Write(row)
				}
				fw.Close()
				n = cw.n
			}
			b.ReportMetric(float64((processCPU()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(n), "bytes")
		})
	}
}

type countW struct{ n int64 }

func (c *countW) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

var _ = io.Discard
