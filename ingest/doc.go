// Package ingest turns notes into facts: one parser per note format produces
// a Document, entity linking maps names onto the service dictionary, and the
// extractor turns blocks into graph.Facts that each cite their note line.
package ingest

import (
	"fmt"
	"strconv"
	"strings"
)

// BlockKind is the kind of a document element.
type BlockKind int

const (
	// BlockHeading is a section heading; Text is its title, Level its depth (1 = top).
	BlockHeading BlockKind = iota
	// BlockParagraph is one paragraph or one free-standing line of prose.
	BlockParagraph
	// BlockBullet is one list item; Depth is its nesting (0 = top level),
	// Ordinal its number in a numbered list (0 when unnumbered).
	BlockBullet
	// BlockTable is a table rebuilt with its header and rows.
	BlockTable
	// BlockCode is a code sample or CLI example; extraction ignores it.
	BlockCode
)

var blockKindNames = [...]string{"heading", "paragraph", "bullet", "table", "code"}

func (k BlockKind) String() string {
	if int(k) < len(blockKindNames) {
		return blockKindNames[k]
	}
	return fmt.Sprintf("BlockKind(%d)", int(k))
}

// Cell is one table cell with the line it came from.
type Cell struct {
	Text string // cell text, trimmed; "" for an empty cell ("." in 002-style tables)
	Line int    // 1-based line number in the note
}

// Table is a table rebuilt from its note representation.
type Table struct {
	Header []Cell   // header cells; may contain empty cells
	Rows   [][]Cell // every row has len(Header) cells
}

// Block is one element of a Document.
type Block struct {
	Kind    BlockKind
	Line    int      // 1-based first line of the block in the note
	EndLine int      // 1-based last line (== Line for one-line blocks)
	Section []string // heading path above the block, outermost first (headings: excluding itself)
	Level   int      // heading level (BlockHeading only)
	Depth   int      // bullet nesting depth, 0 = top level (BlockBullet only)
	Ordinal int      // number of a numbered list item, else 0 (BlockBullet only)
	Text    string   // plain text (markup removed); for tables, empty
	Table   *Table   // BlockTable only
}

// Document is the parsed form of one note, whatever its format.
type Document struct {
	File   string // name used in sources, e.g. "data/notes/002_653d9272087ba1e1.txt"
	Format string // "wiki", "blog", "pdf", "markdown", "latex" or "text"
	Blocks []Block
	Lines  []string // the raw note lines (Lines[0] is line 1), for quoting sources
}

// Source returns the "file:line" citation of a line of the document.
func (d *Document) Source(line int) string {
	return d.File + ":" + strconv.Itoa(line)
}

// LineText returns the raw text of a 1-based line, or "" when out of range.
func (d *Document) LineText(line int) string {
	if line < 1 || line > len(d.Lines) {
		return ""
	}
	return strings.TrimSpace(d.Lines[line-1])
}
