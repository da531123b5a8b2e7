// Package data ships the default corpus (the five study notes, byte for byte),
// the service dictionary (names, kinds and aliases) and the lexicon (function
// words, polarity words and the words of each typed predicate); never
// relations or answers.
package data

import (
	"embed"
	"io/fs"
)

//go:embed notes/*.txt services.yaml lexicon.yaml
var files embed.FS

// NotesDir is the folder the embedded notes are cited under, e.g.
// "data/notes/002_653d9272087ba1e1.txt:745".
const NotesDir = "data/notes"

// Notes returns the embedded notes as a file system rooted at the notes folder.
func Notes() (fs.FS, error) {
	return fs.Sub(files, "notes")
}

// Dictionary returns the raw YAML of the service dictionary.
func Dictionary() ([]byte, error) {
	return files.ReadFile("services.yaml")
}

// Lexicon returns the raw YAML of the lexicon.
func Lexicon() ([]byte, error) {
	return files.ReadFile("lexicon.yaml")
}
