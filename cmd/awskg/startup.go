package main

import "github.com/awskg/awskg/cmd/awskg/internal/preinit"

// Every imported package is initialised when package main's init runs,
// go-graphviz's included: its WebAssembly module came from awskg's cache
// directory (see package preinit), and the temporary directory and the
// garbage collector are back to what the environment says.
func init() { preinit.Done() }
