package graph

import (
	"bytes"
	"context"
	"os"
	"testing"
)

func TestRenderScratchDump(t *testing.T) {
	for name, sg := range map[string]Subgraph{"synth": synthSubgraph(100, 150), "random": randomSubgraph(100, 150)} {
		for _, f := range []RenderFormat{FormatDOT, FormatSVG, FormatPNG} {
			opt := DefaultRenderOptions()
			opt.Format = f
			var buf bytes.Buffer
			if err := testRenderer.Render(context.Background(), sg, opt, &buf); err != nil {
				t.Fatal(err)
			}
			os.WriteFile("/tmp/samples/"+name+"."+string(f), buf.Bytes(), 0o644)
		}
	}
}
