package main

import (
	"bufio"
	"bytes"
	"os"
	"runtime/debug"
	"strconv"
	"syscall"
)

// workerProcAttr puts a query worker in a process group of its own (a
// Ctrl-C at the terminal reaches awskg, which stops the worker) and has the
// kernel kill it if awskg dies first.
func workerProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

// addressSlack is address space the worker may reserve beyond --max-memory:
// Go reserves its heap in 64 MiB arenas, and metadata, stacks and threads
// besides, so a limit of exactly max would fail a query whose heap is far
// below it.
const addressSlack = 256 << 20

// limitWorkerMemory bounds the worker's address space to max bytes (plus
// addressSlack) above what it holds now, so an allocation past it fails and
// the worker dies ("fatal error: out of memory"); the garbage collector is
// told max as its soft limit, so that garbage does not count against it.
func limitWorkerMemory(max int64) {
	debug.SetMemoryLimit(max)
	base, ok := vmSize()
	if !ok {
		return
	}
	lim := uint64(base + max + addressSlack)
	// Best effort: without the hard limit, --timeout still stops the query.
	syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: lim, Max: lim})
}

// vmSize is the process's virtual memory size, from /proc/self/status.
func vmSize() (int64, bool) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		rest, ok := bytes.CutPrefix(sc.Bytes(), []byte("VmSize:"))
		if !ok {
			continue
		}
		f := bytes.Fields(rest) // "1227184 kB"
		if len(f) != 2 || string(f[1]) != "kB" {
			return 0, false
		}
		kb, err := strconv.ParseInt(string(f[0]), 10, 64)
		return kb << 10, err == nil
	}
	return 0, false
}
