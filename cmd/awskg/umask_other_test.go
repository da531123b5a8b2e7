//go:build !unix

package main

// withUmask runs f: this system has no umask.
func withUmask(mask int, f func()) { f() }
