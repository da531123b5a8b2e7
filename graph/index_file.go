package graph

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
)

// The index file: an Index's columns as they are in memory, so that reading
// one back is one read of the file, a checksum and a bounds check of every
// column, with nothing decoded, sorted or hashed into maps (see index_mem.go
// for how columns are views of the file's bytes). It is what the snapshot
// cache and a bolt store's index.bin hold.
//
//	header  "AWSKGIX", indexFileVersion (1 byte), the CRC-32C (Castagnoli)
//	        of the body (uint32), 4 zero bytes, the body's length (uint64)
//	body    a sequence of fields, each 8-byte aligned: a number is a
//	        uint64; a column is its length (uint64, in elements) then its
//	        elements (int32, uint32 or int64), zero-padded to 8 bytes;
//	        bytes are their length then themselves, padded the same way.
//	        In order:
//	          flags (1: the graph the index was built from is at the end)
//	          string offsets (uint32, n+1) and string bytes: string i is
//	            bytes[off[i]:off[i+1]]; every string below is its number
//	          nodes by ID: IDs, names, kinds, alias offsets and aliases;
//	            node positions by name
//	          facts in SortFacts order: subjects, predicates, objects,
//	            details, sources, positions (int64); fact positions by
//	            object
//	          lists (keys, offsets, positions): facts by predicate, by source
//	          statements: sources, texts, sections, subjects, mention
//	            offsets and mentions, term offsets and terms
//	          lists: statements by stem, with the stem's counts; by node
//	          the statements' terms counted with repeats
//	          lists: word forms by lemma (their ids are string numbers)
//	          with flag 1: the nodes and facts as given to NewIndex, as
//	            bytes of uvarints (counts, string numbers, zig-zag
//	            positions), read when Graph is called
//
// All numbers are little-endian. Every column is checked when the file is
// read (lengths, offsets, string numbers and positions in range): a damaged
// file is an EDAMAGED error, never a panic.
const (
	indexMagic       = "AWSKGIX"
	indexFileVersion = 3
	indexHeaderLen   = 24
	flagGraph        = 1
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// EncodeOptions tune EncodeIndex.
type EncodeOptions struct {
	// NoGraph leaves out the nodes and facts the index was built from
	// (Graph): a bolt store holds them as quads already.
	NoGraph bool
}

// EncodeIndex writes ix to w in the index file format. The same index gives
// the same bytes.
func EncodeIndex(w io.Writer, ix *Index, opt EncodeOptions) error {
	tab := ix.s
	var graph []byte
	if !opt.NoGraph {
		var err error
		if tab, graph, err = ix.encodeGraph(); err != nil {
			return err
		}
	}
	// The body is written twice: once for its checksum and length, which
	// the header holds, then for real.
	sum := &crcCounter{}
	ix.writeBody(&fieldWriter{w: sum}, tab, graph)
	header := make([]byte, 0, indexHeaderLen)
	header = append(header, indexMagic...)
	header = append(header, indexFileVersion)
	header = binary.LittleEndian.AppendUint32(header, sum.crc)
	header = binary.LittleEndian.AppendUint32(header, 0)
	header = binary.LittleEndian.AppendUint64(header, uint64(sum.n))
	if _, err := w.Write(header); err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	fw := &fieldWriter{w: w}
	ix.writeBody(fw, tab, graph)
	if fw.err != nil {
		return fmt.Errorf("write index: %w", fw.err)
	}
	return nil
}

// crcCounter is a writer that only hashes and counts.
type crcCounter struct {
	crc uint32
	n   int64
}

func (c *crcCounter) Write(p []byte) (int, error) {
	c.crc = crc32.Update(c.crc, castagnoli, p)
	c.n += int64(len(p))
	return len(p), nil
}

// fieldWriter writes the fields of a body; the first error sticks.
type fieldWriter struct {
	w   io.Writer
	n   int64
	err error
}

var zeros [8]byte

func (f *fieldWriter) write(p []byte) {
	if f.err == nil && len(p) > 0 {
		_, f.err = f.w.Write(p)
		f.n += int64(len(p))
	}
}

func (f *fieldWriter) pad() { f.write(zeros[:(8-f.n%8)%8]) }

func (f *fieldWriter) uint(v uint64) { f.write(binary.LittleEndian.AppendUint64(nil, v)) }

func (f *fieldWriter) bytes(p []byte) {
	f.uint(uint64(len(p)))
	f.write(p)
	f.pad()
}

func (f *fieldWriter) str(s string) {
	f.uint(uint64(len(s)))
	if f.err == nil && len(s) > 0 {
		_, f.err = io.WriteString(f.w, s)
		f.n += int64(len(s))
	}
	f.pad()
}

func (f *fieldWriter) int32s(v []int32) {
	f.uint(uint64(len(v)))
	f.write(int32Bytes(v))
	f.pad()
}

func (f *fieldWriter) uint32s(v []uint32) {
	f.uint(uint64(len(v)))
	f.write(uint32Bytes(v))
	f.pad()
}

func (f *fieldWriter) int64s(v []int64) {
	f.uint(uint64(len(v)))
	f.write(int64Bytes(v))
	f.pad()
}

func (f *fieldWriter) lists(l *lists) {
	f.int32s(l.keys)
	f.int32s(l.off)
	f.int32s(l.ids)
}

// writeBody writes the body of ix's index file with string table tab (ix's,
// or ix's and the graph's) and, when not nil, the encoded graph.
func (ix *Index) writeBody(f *fieldWriter, tab strtab, graph []byte) {
	flags := uint64(0)
	if graph != nil {
		flags |= flagGraph
	}
	f.uint(flags)
	f.uint32s(tab.off)
	f.str(tab.blob)
	for _, col := range [][]int32{ix.nID, ix.nName, ix.nKind, ix.nAliasOff, ix.nAliases, ix.byName,
		ix.fSubj, ix.fPred, ix.fObj, ix.fDetail, ix.fSrc} {
		f.int32s(col)
	}
	f.int64s(ix.fPos)
	f.int32s(ix.byObj)
	f.lists(&ix.preds)
	f.lists(&ix.factSrc)
	for _, col := range [][]int32{ix.sSrc, ix.sText, ix.sSection, ix.sSubj, ix.sMentOff, ix.sMent, ix.sTermOff, ix.sTerm} {
		f.int32s(col)
	}
	f.lists(&ix.terms)
	f.int32s(ix.tf)
	f.lists(&ix.about)
	f.uint(uint64(ix.nTerms))
	f.lists(&ix.forms)
	if graph != nil {
		f.bytes(graph)
	}
}

// stringNumbers maps every string of the table to its number.
func (ix *Index) stringNumbers() map[string]int32 {
	ids := map[string]int32{}
	for i := int32(0); int(i) < len(ix.s.off)-1; i++ {
		if _, ok := ids[ix.s.get(i)]; !ok {
			ids[ix.s.get(i)] = i
		}
	}
	return ids
}

// encodeGraph encodes the graph the index was built from, as uvarints of
// string numbers; strings the table lacks (details that merging dropped)
// are added to a copy of it, which is returned.
func (ix *Index) encodeGraph() (strtab, []byte, error) {
	if ix.src.raw != nil {
		return ix.s, ix.src.raw, nil
	}
	nodes, facts, err := ix.Graph()
	if err != nil {
		return strtab{}, nil, err
	}
	ids := ix.stringNumbers()
	tab := strtab{off: ix.s.off[:len(ix.s.off):len(ix.s.off)], blob: ix.s.blob}
	var extra []byte
	id := func(s string) uint64 {
		if n, ok := ids[s]; ok {
			return uint64(n)
		}
		n := int32(len(tab.off) - 1)
		ids[s] = n
		extra = append(extra, s...)
		tab.off = append(tab.off, uint32(len(ix.s.blob)+len(extra)))
		return uint64(n)
	}
	b := binary.AppendUvarint(nil, uint64(len(nodes)))
	for _, n := range nodes {
		b = binary.AppendUvarint(b, id(n.ID))
		b = binary.AppendUvarint(b, id(n.Name))
		b = binary.AppendUvarint(b, id(string(n.Kind)))
		b = binary.AppendUvarint(b, uint64(len(n.Aliases)))
		for _, a := range n.Aliases {
			b = binary.AppendUvarint(b, id(a))
		}
	}
	b = binary.AppendUvarint(b, uint64(len(facts)))
	for _, f := range facts {
		for _, s := range []string{f.Subject, f.Predicate, f.Object, f.Detail, f.Source} {
			b = binary.AppendUvarint(b, id(s))
		}
		p := int64(f.Position)
		b = binary.AppendUvarint(b, uint64(p<<1)^uint64(p>>63))
	}
	if len(extra) > 0 {
		tab.blob += string(extra)
	}
	return tab, b, nil
}

// ReadIndexFile reads an index file of size bytes from r into memory (one
// read) and decodes it.
func ReadIndexFile(r io.Reader, size int64) (*Index, error) {
	data, err := readIndexBytes(r, size)
	if err != nil {
		return nil, err
	}
	return DecodeIndex(data)
}

// readIndexBytes reads the size bytes of an index file from r.
func readIndexBytes(r io.Reader, size int64) ([]byte, error) {
	if size < int64(indexHeaderLen) || size > maxIndexFile {
		return nil, errIndexDamaged("it is %d bytes", size)
	}
	data := make([]byte, size)
	if n, err := io.ReadFull(r, data); err == io.ErrUnexpectedEOF || err == io.EOF {
		return nil, errIndexDamaged("read %d of %d bytes", n, size)
	} else if err != nil {
		return nil, fmt.Errorf("read index: %w", err)
	}
	return data, nil
}

// maxIndexFile bounds the index files read: string offsets are uint32, and
// every column fits an int32.
const maxIndexFile = 1<<31 - 1

// errIndexDamaged is the error of an index file that does not decode.
func errIndexDamaged(format string, args ...any) error {
	return &Error{Code: EDAMAGED, Message: "the index file is damaged", Err: fmt.Errorf(format, args...)}
}

// DecodeIndex reads an index from the bytes of an index file, in place: the
// index's columns and strings are views of data, which it keeps, and which
// must not change afterwards.
func DecodeIndex(data []byte) (*Index, error) { return decodeIndex(data, false) }

// decodeIndex is DecodeIndex; verified says that data's SHA-256 is that of
// a file EncodeIndex wrote (a store's manifest lists it), so that neither
// its checksum nor its columns need checking again.
func decodeIndex(data []byte, verified bool) (*Index, error) {
	if len(data) < indexHeaderLen || string(data[:len(indexMagic)]) != indexMagic {
		return nil, errIndexDamaged("not an awskg index file")
	}
	if v := data[len(indexMagic)]; v != indexFileVersion {
		return nil, errIndexDamaged("version %d, this awskg reads version %d", v, indexFileVersion)
	}
	crc := binary.LittleEndian.Uint32(data[8:])
	size := binary.LittleEndian.Uint64(data[16:])
	body := data[indexHeaderLen:]
	if uint64(len(body)) != size {
		return nil, errIndexDamaged("the body is %d bytes, its header says %d", len(body), size)
	}
	if !verified && crc32.Checksum(body, castagnoli) != crc {
		return nil, errIndexDamaged("its checksum does not match")
	}
	d := &fieldReader{b: body}
	ix := &Index{data: data}
	flags := d.uint()
	ix.s.off = d.uint32s()
	ix.s.blob = viewString(d.bytes())
	ix.nID, ix.nName, ix.nKind, ix.nAliasOff, ix.nAliases = d.int32s(), d.int32s(), d.int32s(), d.int32s(), d.int32s()
	ix.byName = d.int32s()
	ix.fSubj, ix.fPred, ix.fObj, ix.fDetail, ix.fSrc = d.int32s(), d.int32s(), d.int32s(), d.int32s(), d.int32s()
	ix.fPos = d.int64s()
	ix.byObj = d.int32s()
	ix.preds, ix.factSrc = d.lists(), d.lists()
	ix.sSrc, ix.sText, ix.sSection, ix.sSubj = d.int32s(), d.int32s(), d.int32s(), d.int32s()
	ix.sMentOff, ix.sMent, ix.sTermOff, ix.sTerm = d.int32s(), d.int32s(), d.int32s(), d.int32s()
	ix.terms = d.lists()
	ix.tf = d.int32s()
	ix.about = d.lists()
	ix.nTerms = int64(d.uint())
	ix.forms = d.lists()
	var graph []byte
	if flags&flagGraph != 0 {
		graph = d.bytes()
	}
	if d.err == nil && d.at != len(d.b) {
		d.fail("%d bytes after the index", len(d.b)-d.at)
	}
	if d.err != nil {
		return nil, d.err
	}
	if !verified {
		if err := ix.check(); err != nil {
			return nil, err
		}
	}
	ix.nodes = make([]Node, len(ix.nID))
	for i := range ix.nodes {
		ix.nodes[i] = Node{ID: ix.s.get(ix.nID[i]), Name: ix.s.get(ix.nName[i]), Kind: NodeKind(ix.s.get(ix.nKind[i]))}
		ix.nodes[i].Aliases = ix.strings(ix.nAliases[ix.nAliasOff[i]:ix.nAliasOff[i+1]])
	}
	if graph == nil {
		ix.src.none = true
		return ix, nil
	}
	ix.src.raw = graph
	ix.src.load = func() ([]Node, []Fact, error) { return ix.decodeGraph(graph) }
	return ix, nil
}

// check checks every column of a decoded index against the others, so
// that no read of the index can go out of range.
func (ix *Index) check() error {
	c := &columnCheck{}
	ns := len(ix.s.off) - 1
	if ns < 1 {
		return errIndexDamaged("the string table is empty")
	}
	prev := uint32(0)
	for i, o := range ix.s.off {
		if o < prev || int(o) > len(ix.s.blob) {
			return errIndexDamaged("string offset %d is out of order", i)
		}
		prev = o
	}
	if ix.s.off[0] != 0 || int(ix.s.off[ns]) != len(ix.s.blob) {
		return errIndexDamaged("the string offsets do not span the strings")
	}
	nn, nf, nst := len(ix.nID), len(ix.fSubj), len(ix.sSrc)
	c.sameLen("nodes", nn, ix.nName, ix.nKind, ix.byName)
	c.offsets("aliases", ix.nAliasOff, nn, len(ix.nAliases))
	c.sameLen("facts", nf, ix.fPred, ix.fObj, ix.fDetail, ix.fSrc, ix.byObj)
	if len(ix.fPos) != nf {
		c.fail("facts: %d positions for %d facts", len(ix.fPos), nf)
	}
	c.sameLen("statements", nst, ix.sText, ix.sSection, ix.sSubj)
	c.offsets("mentions", ix.sMentOff, nst, len(ix.sMent))
	c.offsets("terms", ix.sTermOff, nst, len(ix.sTerm))
	for _, col := range [][]int32{ix.nID, ix.nName, ix.nKind, ix.nAliases, ix.fSubj, ix.fPred, ix.fObj, ix.fDetail, ix.fSrc,
		ix.sSrc, ix.sText, ix.sSection, ix.sSubj, ix.sMent, ix.sTerm} {
		c.below("string", col, ns)
	}
	c.below("node", ix.byName, nn)
	c.below("fact", ix.byObj, nf)
	for _, l := range []struct {
		name string
		l    *lists
		n    int
	}{{"facts by predicate", &ix.preds, nf}, {"facts by source", &ix.factSrc, nf}, {"statements by stem", &ix.terms, nst}, {"statements by node", &ix.about, nst}} {
		c.below("string", l.l.keys, ns)
		c.offsets(l.name, l.l.off, len(l.l.keys), len(l.l.ids))
		c.below(l.name, l.l.ids, l.n)
	}
	c.below("string", ix.forms.keys, ns)
	c.offsets("word forms", ix.forms.off, len(ix.forms.keys), len(ix.forms.ids))
	c.below("string", ix.forms.ids, ns)
	if len(ix.tf) != len(ix.terms.ids) {
		c.fail("%d stem counts for %d statements by stem", len(ix.tf), len(ix.terms.ids))
	}
	return c.err
}

// columnCheck checks columns; the first error sticks.
type columnCheck struct{ err error }

func (c *columnCheck) fail(format string, args ...any) {
	if c.err == nil {
		c.err = errIndexDamaged(format, args...)
	}
}

func (c *columnCheck) sameLen(what string, n int, cols ...[]int32) {
	for _, col := range cols {
		if len(col) != n {
			c.fail("%s: a column of %d for %d", what, len(col), n)
		}
	}
}

// offsets checks the n+1 offsets of runs of a column of size elements.
func (c *columnCheck) offsets(what string, off []int32, n, size int) {
	if len(off) != n+1 || off[0] != 0 || int(off[n]) != size {
		c.fail("%s: offsets do not span the column", what)
		return
	}
	for i := 1; i < len(off); i++ {
		if off[i] < off[i-1] {
			c.fail("%s: offset %d is out of order", what, i)
			return
		}
	}
}

// below checks that every value of col is in [0, n).
func (c *columnCheck) below(what string, col []int32, n int) {
	for i, v := range col {
		if v < 0 || int(v) >= n {
			c.fail("%s number %d (at %d) of %d", what, v, i, n)
			return
		}
	}
}

// decodeGraph decodes the graph section.
func (ix *Index) decodeGraph(b []byte) ([]Node, []Fact, error) {
	r := &uvarintReader{b: b, n: int64(len(ix.s.off) - 1)}
	nodes := make([]Node, r.count(4))
	for i := range nodes {
		nodes[i] = Node{ID: r.str(ix), Name: r.str(ix), Kind: NodeKind(r.str(ix))}
		if k := r.count(1); k > 0 {
			nodes[i].Aliases = make([]string, k)
			for j := range nodes[i].Aliases {
				nodes[i].Aliases[j] = r.str(ix)
			}
		}
	}
	facts := make([]Fact, r.count(6))
	for i := range facts {
		f := &facts[i]
		f.Subject, f.Predicate, f.Object, f.Detail, f.Source = r.str(ix), r.str(ix), r.str(ix), r.str(ix), r.str(ix)
		z := r.uint()
		f.Position = int(int64(z>>1) ^ -int64(z&1))
	}
	if r.err == nil && r.at != len(r.b) {
		r.err = errIndexDamaged("%d bytes after the graph", len(r.b)-r.at)
	}
	if r.err != nil {
		return nil, nil, r.err
	}
	return nodes, facts, nil
}

// uvarintReader reads the graph section; the first error sticks.
type uvarintReader struct {
	b   []byte
	at  int
	n   int64 // strings in the table
	err error
}

func (r *uvarintReader) uint() uint64 {
	if r.err != nil {
		return 0
	}
	v, k := binary.Uvarint(r.b[r.at:])
	if k <= 0 {
		r.err = errIndexDamaged("a bad number in the graph at byte %d", r.at)
		return 0
	}
	r.at += k
	return v
}

// count reads a count of items of at least min bytes each.
func (r *uvarintReader) count(min int) int {
	n := r.uint()
	if r.err == nil && n > uint64(len(r.b)-r.at)/uint64(min) {
		r.err = errIndexDamaged("a count of %d in the graph is more than it holds", n)
		return 0
	}
	return int(n)
}

func (r *uvarintReader) str(ix *Index) string {
	id := r.uint()
	if r.err == nil && id >= uint64(r.n) {
		r.err = errIndexDamaged("string %d of %d in the graph", id, r.n)
	}
	if r.err != nil {
		return ""
	}
	return ix.s.get(int32(id))
}

// fieldReader reads the fields of a body; the first error sticks and later
// reads return nothing.
type fieldReader struct {
	b   []byte
	at  int
	err error
}

func (d *fieldReader) fail(format string, args ...any) {
	if d.err == nil {
		d.err = errIndexDamaged(format, args...)
	}
}

func (d *fieldReader) uint() uint64 {
	if d.err != nil {
		return 0
	}
	if len(d.b)-d.at < 8 {
		d.fail("it ends at byte %d, in the middle of a field", d.at)
		return 0
	}
	v := binary.LittleEndian.Uint64(d.b[d.at:])
	d.at += 8
	return v
}

// field reads a field of n elements of size bytes, padded to 8.
func (d *fieldReader) field(size int) []byte {
	n := d.uint()
	if d.err != nil {
		return nil
	}
	if n > uint64(len(d.b)-d.at)/uint64(size) {
		d.fail("a field of %d elements at byte %d is longer than the file", n, d.at)
		return nil
	}
	b := d.b[d.at : d.at+int(n)*size : d.at+int(n)*size]
	d.at += (int(n)*size + 7) &^ 7
	if d.at > len(d.b) {
		d.fail("the last field is not padded")
		return nil
	}
	return b
}

func (d *fieldReader) bytes() []byte     { return d.field(1) }
func (d *fieldReader) int32s() []int32   { return viewInt32s(d.field(4)) }
func (d *fieldReader) uint32s() []uint32 { return viewUint32s(d.field(4)) }
func (d *fieldReader) int64s() []int64   { return viewInt64s(d.field(8)) }

func (d *fieldReader) lists() lists {
	return lists{keys: d.int32s(), off: d.int32s(), ids: d.int32s()}
}
