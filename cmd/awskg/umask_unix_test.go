//go:build unix

package main

import "syscall"

// withUmask runs f with the process's umask set to mask.
func withUmask(mask int, f func()) {
	defer syscall.Umask(syscall.Umask(mask))
	f()
}
