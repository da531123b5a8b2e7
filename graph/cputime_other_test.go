//go:build !unix

package graph

import "time"

// processCPU returns 0: this system has no getrusage, and the benchmarks'
// cpu-ms/op metric reads 0.
func processCPU() time.Duration { return 0 }
