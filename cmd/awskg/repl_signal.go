package main

import (
	"os"
	"os/signal"
	"syscall"
	"time"
)

// endSignals end an interactive session: kill's default, the terminal
// closing, and Ctrl-\ during a query. Ctrl-C (SIGINT) does not: it cancels
// the running query.
var endSignals = []os.Signal{syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT}

// onEndSignal runs cleanup when one of endSignals arrives, then ends the
// process as that signal ends it. The returned stop stops watching.
func onEndSignal(cleanup func()) (stop func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, endSignals...)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-sigs:
			cleanup()
			endBy(sig)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(sigs)
		close(done)
	}
}

// endBy ends the process by sig: SIGTERM and SIGHUP are raised again with
// their default action, so the parent sees the signal; the exit status is
// 128+signal where that cannot be done (and for SIGQUIT, whose default in
// a Go program prints every goroutine's stack).
func endBy(sig os.Signal) {
	if sig != syscall.SIGQUIT {
		signal.Reset(sig)
		if p, err := os.FindProcess(os.Getpid()); err == nil && p.Signal(sig) == nil {
			// the default action ends the process; should it be delayed,
			// the exit below ends it all the same
			time.Sleep(time.Second)
		}
	}
	code := exitError
	if n, ok := sig.(syscall.Signal); ok {
		code = 128 + int(n)
	}
	os.Exit(code)
}
