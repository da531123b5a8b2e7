//go:build unix && !linux

package graph

import "syscall"

const mapFlags = syscall.MAP_SHARED
