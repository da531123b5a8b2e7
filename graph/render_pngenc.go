package graph

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/adler32"
	"hash/crc32"
	"image"
	"io"
	"runtime"
	"sync"
)

// renderEncodePNG writes img as an 8-bit RGB PNG, composited over white.
//
// image/png tries five filters on every row and deflates on one core, which
// takes most of the time of a large graph (10 megapixels for 100 nodes).
// Rendered graphs are mostly runs of flat colour: unfiltered rows and fast
// deflate compress them as well (1.61 MB against 1.64 MB with the Up filter
// for the 100-node benchmark graph). The rows are cut into bands deflated in
// parallel and joined into one zlib stream, as pigz does: every band but the
// last ends with a sync flush (byte-aligned, not final), no back-reference
// crosses a band, and the Adler-32 checksums are combined.
func renderEncodePNG(w io.Writer, img *image.RGBA) error {
	b := img.Bounds()
	width, height := b.Dx(), b.Dy()
	if _, err := w.Write([]byte("\x89PNG\r\n\x1a\n")); err != nil {
		return err
	}
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8] = 8 // bit depth
	ihdr[9] = 2 // colour type: RGB
	if err := renderPNGChunk(w, "IHDR", ihdr[:]); err != nil {
		return err
	}

	bands := min(runtime.GOMAXPROCS(0), 8, max(1, height/128))
	type band struct {
		data  bytes.Buffer
		adler uint32
		n     int64 // uncompressed bytes
		err   error
	}
	out := make([]band, bands)
	var wg sync.WaitGroup
	for i := range out {
		y0, y1 := height*i/bands, height*(i+1)/bands
		wg.Add(1)
		go func(bd *band, y0, y1 int, last bool) {
			defer wg.Done()
			fw, err := flate.NewWriter(&bd.data, flate.BestSpeed)
			if err != nil {
				bd.err = err
				return
			}
			sum := adler32.New()
			row := make([]byte, 1+3*width) // filter byte 0: none
			for y := y0; y < y1; y++ {
				off := (y+b.Min.Y-img.Rect.Min.Y)*img.Stride + (b.Min.X-img.Rect.Min.X)*4
				renderOverWhite(row[1:], img.Pix[off:off+4*width])
				if _, err := fw.Write(row); err != nil {
					bd.err = err
					return
				}
				sum.Write(row)
				bd.n += int64(len(row))
			}
			if last {
				bd.err = fw.Close()
			} else {
				bd.err = fw.Flush()
			}
			bd.adler = sum.Sum32()
		}(&out[i], y0, y1, i == bands-1)
	}
	wg.Wait()

	var idat bytes.Buffer
	idat.Write([]byte{0x78, 0x01}) // zlib header: deflate, 32K window, fastest
	adler := uint32(1)
	for i := range out {
		if out[i].err != nil {
			return out[i].err
		}
		idat.Write(out[i].data.Bytes())
		adler = renderAdler32Combine(adler, out[i].adler, out[i].n)
	}
	var tail [4]byte
	binary.BigEndian.PutUint32(tail[:], adler)
	idat.Write(tail[:])
	if err := renderPNGChunk(w, "IDAT", idat.Bytes()); err != nil {
		return err
	}
	return renderPNGChunk(w, "IEND", nil)
}

// renderOverWhite writes the RGB bytes of a premultiplied RGBA row
// composited over white: c + 255 - a.
func renderOverWhite(dst, src []byte) {
	n := len(src) / 4
	dst = dst[:3*n]
	src = src[:4*n]
	for x := 0; x < n; x++ {
		c := src[4*x : 4*x+4 : 4*x+4]
		d := dst[3*x : 3*x+3 : 3*x+3]
		d[0] = c[0] + 255 - c[3]
		d[1] = c[1] + 255 - c[3]
		d[2] = c[2] + 255 - c[3]
	}
}

// renderAdler32Combine returns the Adler-32 of A followed by B from their
// checksums and B's length (zlib's adler32_combine).
func renderAdler32Combine(a, b uint32, lenB int64) uint32 {
	const base = 65521
	rem := uint32(lenB % base)
	sum1 := a & 0xffff
	sum2 := (rem * sum1) % base
	sum1 += (b & 0xffff) + base - 1
	sum2 += (a >> 16) + (b >> 16) + base - rem
	if sum1 >= base {
		sum1 -= base
	}
	if sum1 >= base {
		sum1 -= base
	}
	if sum2 >= base<<1 {
		sum2 -= base << 1
	}
	if sum2 >= base {
		sum2 -= base
	}
	return sum1 | sum2<<16
}

func renderPNGChunk(w io.Writer, typ string, data []byte) error {
	var head [8]byte
	binary.BigEndian.PutUint32(head[0:], uint32(len(data)))
	copy(head[4:], typ)
	crc := crc32.NewIEEE()
	crc.Write(head[4:8])
	crc.Write(data)
	var tail [4]byte
	binary.BigEndian.PutUint32(tail[:], crc.Sum32())
	for _, b := range [][]byte{head[:], data, tail[:]} {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}
