package graph

import "syscall"

// mapFlags maps a file's pages all at once: one system call instead of a
// page fault per page.
const mapFlags = syscall.MAP_SHARED | syscall.MAP_POPULATE
