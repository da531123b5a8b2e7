package graph

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"io"
)

// renderEncodePNG writes img as an 8-bit RGB PNG, composited over white.
//
// image/png tries five filters on every row to pick the best, which takes
// most of the time of a large graph. Rendered graphs are mostly flat
// colour: the Up filter and fast deflate compress them about as well, in a
// fraction of the time.
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

	var z bytes.Buffer
	zw, err := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	if err != nil {
		return err
	}
	rowLen := 3 * width
	prev := make([]byte, rowLen)
	cur := make([]byte, rowLen)
	out := make([]byte, 1+rowLen)
	out[0] = 2 // filter: Up
	for y := 0; y < height; y++ {
		pix := img.Pix[(y+b.Min.Y-img.Rect.Min.Y)*img.Stride+(b.Min.X-img.Rect.Min.X)*4:]
		for x := 0; x < width; x++ {
			// Premultiplied RGBA over white: c + (255 - a).
			r, g, bl, a := pix[4*x], pix[4*x+1], pix[4*x+2], pix[4*x+3]
			cur[3*x] = r + (255 - a)
			cur[3*x+1] = g + (255 - a)
			cur[3*x+2] = bl + (255 - a)
		}
		for i := 0; i < rowLen; i++ {
			out[1+i] = cur[i] - prev[i]
		}
		if _, err := zw.Write(out); err != nil {
			return err
		}
		prev, cur = cur, prev
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := renderPNGChunk(w, "IDAT", z.Bytes()); err != nil {
		return err
	}
	return renderPNGChunk(w, "IEND", nil)
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
