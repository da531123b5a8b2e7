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
