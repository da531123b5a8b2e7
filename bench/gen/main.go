// Command gen writes a synthetic notes corpus for the scale benchmarks:
//
//	go run ./bench/gen -n 100 -seed 1 -out bench/out/corpus100
//	go run ./bench/gen -bullets 100000 -out bench/out/bullets
//
// The corpus is N times the size of the embedded notes, as many notes in
// the four formats awskg reads (see package bench/synth); the same -n and
// -seed always give the same files. With -bullets N it writes instead one
// note of N one-fact bullets (synth.Bullets), for the memory per fact.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/awskg/awskg/bench/synth"
	"github.com/awskg/awskg/ingest"
)

func main() {
	n := flag.Int("n", 1, "corpus size as a multiple of the embedded notes (≈250 KB each)")
	seed := flag.Int64("seed", 1, "random seed: the same seed gives the same notes")
	out := flag.String("out", "", "directory to write the notes to (created if missing)")
	bullets := flag.Int("bullets", 0, "write one note of this many one-fact bullets instead")
	flag.Parse()
	if *bullets > 0 && *out != "" && flag.NArg() == 0 {
		note := synth.Bullets(*bullets)
		if err := synth.Write(*out, []ingest.Source{note}); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		fmt.Printf("wrote %s, %d bullets, %d bytes to %s\n", note.Name, *bullets, len(note.Data), *out)
		return
	}
	if *out == "" || *n < 1 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gen -n N -seed S -out DIR")
		os.Exit(2)
	}
	src := synth.Generate(*n, *seed)
	if err := synth.Write(*out, src); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	count := map[string]int{}
	for _, s := range src {
		count[synth.FormatOf(s.Name)]++
	}
	fmt.Printf("wrote %d notes, %d bytes to %s (", len(src), synth.Size(src), *out)
	for i, f := range synth.Formats {
		if i > 0 {
			fmt.Print(", ")
		}
		fmt.Printf("%s %d", f, count[f])
	}
	fmt.Println(")")
}
