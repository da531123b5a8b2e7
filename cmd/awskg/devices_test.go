//go:build !windows

package main

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestWriteOutputKeepsDevices writes exports and renderings to a named pipe
// (as to /dev/null or a terminal): the output goes through it, and the pipe
// is still a pipe afterwards, not a regular file renamed over it.
func TestWriteOutputKeepsDevices(t *testing.T) {
	for _, args := range [][]string{
		{"export", "--format", "nquads", "-o"},
		{"render", "--around", "CodeDeploy", "--depth", "1", "--format", "dot", "-o"},
	} {
		dir := t.TempDir()
		fifo := filepath.Join(dir, "out")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Fatalf("mkfifo: %v", err)
		}
		// A non-blocking reader opened first: the command's open for
		// writing succeeds at once, and nothing waits forever if the
		// command never opens the pipe.
		fd, err := syscall.Open(fifo, syscall.O_RDONLY|syscall.O_NONBLOCK, 0)
		if err != nil {
			t.Fatalf("open pipe: %v", err)
		}
		done := make(chan struct{})
		got := make(chan int, 1)
		go func() {
			defer syscall.Close(fd)
			n, buf := 0, make([]byte, 1<<16)
			for {
				k, err := syscall.Read(fd, buf)
				if k > 0 {
					n += k
				}
				if errors.Is(err, syscall.EAGAIN) || k == 0 {
					select {
					case <-done:
						got <- n
						return
					default:
						time.Sleep(time.Millisecond)
						continue
					}
				}
				if err != nil {
					got <- n
					return
				}
			}
		}()
		r := runCLI(t, "", append(args, fifo)...)
		close(done)
		n := <-got
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", args, r.code, r.errOut)
		}
		if n <= 0 {
			t.Errorf("%v: the pipe's reader got %d bytes", args, n)
		}
		info, err := os.Lstat(fifo)
		if err != nil || info.Mode()&os.ModeNamedPipe == 0 {
			t.Errorf("%v: %s is no longer a named pipe (%v, %v)", args, fifo, info.Mode(), err)
		}
	}
}
