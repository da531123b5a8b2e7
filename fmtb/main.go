package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"time"

	graphviz "github.com/goccy/go-graphviz"
)

func main() {
	ctx := context.Background()
	g, _ := graphviz.New(ctx)
	src, _ := os.ReadFile(os.Args[1])
	for _, f := range os.Args[2:] {
		var best time.Duration
		size := 0
		for i := 0; i < 7; i++ {
			gr, _ := graphviz.ParseBytes(src)
			var buf bytes.Buffer
			t := time.Now()
			if err := g.Render(ctx, gr, graphviz.Format(f), &buf); err != nil {
				fmt.Println(f, err)
				break
			}
			d := time.Since(t)
			if best == 0 || d < best {
				best = d
			}
			size = buf.Len()
			gr.Close()
		}
		fmt.Printf("%-12s %v %d\n", f, best, size)
	}
}
