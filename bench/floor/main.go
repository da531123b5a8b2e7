// Command floor is the start-up floor of any awskg process: a program that
// only links go-graphviz, whose package initialisation compiles (or loads
// from its cache) and instantiates Graphviz's WebAssembly module. bench/run.sh
// times `awskg --help` beside it.
package main

import (
	"fmt"

	_ "github.com/goccy/go-graphviz"
)

func main() { fmt.Println("floor") }
