package graph

import (
	"errors"
	"fmt"
)

// Application error codes. cmd maps them to exit statuses.
const (
	ENOTFOUND = "not_found" // the entity, question family or file does not exist
	EINVALID  = "invalid"   // bad input: a malformed query, note or flag
	ECONFLICT = "conflict"  // the store is in use by another writer
	ETIMEOUT  = "timeout"   // a query ran past its deadline
	EDAMAGED  = "damaged"   // a persistent store's files are damaged: rebuild it
	ELIMIT    = "limit"     // a query went over its memory limit
	EINTERNAL = "internal"  // a bug or an unexpected failure
)

// Error is an application error with a code and a one-line message.
type Error struct {
	Code    string
	Message string
	Err     error // the wrapped cause, if any
}

func (e *Error) Error() string {
	if e.Err != nil && e.Message == "" {
		return e.Err.Error()
	}
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for other non-nil errors, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// FaultError turns a recovered panic value into an *Error of code EDAMAGED
// when it is a memory fault, and returns nil for any other value. With
// debug.SetPanicOnFault set in the goroutine, a read of a bolt store's
// memory-mapped file that faults (the file was cut short or changed after it
// was verified at open) panics with such a fault instead of crashing the
// process. what names the store ("" for the store at hand).
func FaultError(what string, r any) error {
	if _, ok := r.(interface{ Addr() uintptr }); !ok {
		return nil
	}
	if what == "" {
		what = "the store"
	} else {
		what = "store " + what
	}
	return &Error{Code: EDAMAGED, Message: fmt.Sprintf("%s is damaged: reading its file failed (%v)", what, r)}
}
