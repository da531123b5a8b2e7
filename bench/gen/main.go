// Command gen writes a synthetic notes corpus for the scale benchmarks:
//
//	go run ./bench/gen -n 100 -seed 1 -out bench/out/corpus100
//
// The corpus is N times the size of the embedded notes, as many notes in
// the four formats awskg reads (see package bench/synth); the same -n and
// -seed always give the same files.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/awskg/awskg/bench/synth"
)

func main() {
	n := flag.Int("n", 1, "corpus size as a multiple of the embedded notes (≈250 KB each)")
	seed := flag.Int64("seed", 1, "random seed: the same seed gives the same notes")
	out := flag.String("out", "", "directory to write the notes to (created if missing)")
	flag.Parse()
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
