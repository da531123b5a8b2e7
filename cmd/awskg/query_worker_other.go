//go:build !linux

package main

import (
	"runtime/debug"
	"syscall"
)

// workerProcAttr: outside Linux, the worker is stopped by its own deadline
// and by awskg's kill.
func workerProcAttr() *syscall.SysProcAttr { return nil }

// limitWorkerMemory: outside Linux only the garbage collector's soft limit
// applies.
func limitWorkerMemory(max int64) { debug.SetMemoryLimit(max) }
