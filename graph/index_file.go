package graph

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
)

// The index file: an Index written so that reading it back costs one read
// of the file and one pass over it, with no sorting, hashing into maps or
// per-string allocation (every string is a substring of the file, read
// once as one string). It is what the snapshot cache and a bolt store's
// index.bin hold.
//
//	header  "AWSKGIX" indexFileVersion, CRC-32C (Castagnoli) of the body and
//	        the body's length (uint32 and uint64, little-endian)
//	body    uvarints:
//	        flags (1: the graph the index was built from follows the index)
//	        strings: count, each one's length, then their bytes; a string
//	          below is its number in this table
//	        nodes by ID: ID, name, kind, aliases (count, then each)
//	        node positions by name
//	        facts in SortFacts order: subject, predicate, object, detail,
//	          position, source
//	        fact positions by object
//	        statements: source, text, section, subject, mentions (count,
//	          each), terms (count, each)
//	        the total of the statements' terms
//	        lists (facts by predicate, by source; statements by stem, by
//	          node): key count, the keys, each list's length, then each
//	          list's positions as deltas from the previous one
//	        with flag 1: the nodes and facts as given to NewIndex
//
// Every count and position is checked against the file when it is read: a
// damaged file is an error (EDAMAGED), never a panic or a huge allocation.
const (
	indexMagic       = "AWSKGIX"
	indexFileVersion = 1
	indexHeaderLen   = len(indexMagic) + 1 + 4 + 8
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
	var nodes []Node
	var facts []Fact
	if !opt.NoGraph {
		var err error
		if nodes, facts, err = ix.Graph(); err != nil {
			return err
		}
	}
	e := &indexEncoder{ids: map[string]uint64{"": 0}, table: []string{""}}
	flags := uint64(0)
	if !opt.NoGraph {
		flags |= flagGraph
	}
	e.uint(flags)
	e.uint(uint64(len(ix.nodes)))
	for _, n := range ix.nodes {
		e.node(n)
	}
	e.positions(ix.byName)
	e.uint(uint64(len(ix.facts)))
	for _, f := range ix.facts {
		e.fact(f)
	}
	e.positions(ix.byObj)
	e.uint(uint64(len(ix.stmts)))
	for _, st := range ix.stmts {
		e.str(st.Source)
		e.str(st.Text)
		e.str(st.Section)
		e.str(st.Subject)
		e.strs(st.Mentions)
		e.strs(st.Terms)
	}
	e.uint(uint64(ix.nTerms))
	for _, l := range []*lists{&ix.preds, &ix.factSrc, &ix.terms, &ix.about} {
		e.lists(l)
	}
	if !opt.NoGraph {
		e.uint(uint64(len(nodes)))
		for _, n := range nodes {
			e.node(n)
		}
		e.uint(uint64(len(facts)))
		for _, f := range facts {
			e.fact(f)
		}
	}

	// The string table goes first: the reader needs it for everything else.
	size := 0
	for _, str := range e.table {
		size += len(str)
	}
	body := make([]byte, 0, 5*len(e.table)+size+len(e.buf)+binary.MaxVarintLen64)
	body = binary.AppendUvarint(body, uint64(len(e.table)))
	for _, str := range e.table {
		body = binary.AppendUvarint(body, uint64(len(str)))
	}
	for _, str := range e.table {
		body = append(body, str...)
	}
	body = append(body, e.buf...)
	header := make([]byte, 0, indexHeaderLen)
	header = append(header, indexMagic...)
	header = append(header, indexFileVersion)
	header = binary.LittleEndian.AppendUint32(header, crc32.Checksum(body, castagnoli))
	header = binary.LittleEndian.AppendUint64(header, uint64(len(body)))
	if _, err := w.Write(header); err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	if _, err := w.Write(body); err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	return nil
}

type indexEncoder struct {
	buf   []byte
	ids   map[string]uint64
	table []string
}

func (e *indexEncoder) uint(v uint64) { e.buf = binary.AppendUvarint(e.buf, v) }

func (e *indexEncoder) str(s string) {
	id, ok := e.ids[s]
	if !ok {
		id = uint64(len(e.table))
		e.ids[s] = id
		e.table = append(e.table, s)
	}
	e.uint(id)
}

func (e *indexEncoder) strs(list []string) {
	e.uint(uint64(len(list)))
	for _, s := range list {
		e.str(s)
	}
}

func (e *indexEncoder) node(n Node) {
	e.str(n.ID)
	e.str(n.Name)
	e.str(string(n.Kind))
	e.strs(n.Aliases)
}

func (e *indexEncoder) fact(f Fact) {
	e.str(f.Subject)
	e.str(f.Predicate)
	e.str(f.Object)
	e.str(f.Detail)
	// positions are never negative in notes; a negative one round-trips
	// all the same, zig-zag encoded
	p := int64(f.Position)
	e.uint(uint64(p<<1) ^ uint64(p>>63))
	e.str(f.Source)
}

func (e *indexEncoder) positions(ps []int32) {
	e.uint(uint64(len(ps)))
	for _, p := range ps {
		e.uint(uint64(p))
	}
}

func (e *indexEncoder) lists(l *lists) {
	e.strs(l.keys)
	for i := range l.keys {
		e.uint(uint64(l.off[i+1] - l.off[i]))
	}
	for i := range l.keys {
		prev := int32(0)
		for _, p := range l.ids[l.off[i]:l.off[i+1]] {
			e.uint(uint64(p - prev))
			prev = p
		}
	}
}

// ReadIndexFile reads an index file of size bytes from r: one read into
// one string, then DecodeIndex.
func ReadIndexFile(r io.Reader, size int64) (*Index, error) {
	if size < int64(indexHeaderLen) || size > maxIndexFile {
		return nil, errIndexDamaged("it is %d bytes", size)
	}
	var b strings.Builder
	b.Grow(int(size))
	n, err := io.Copy(&b, io.LimitReader(r, size))
	if err != nil {
		return nil, fmt.Errorf("read index: %w", err)
	} else if n != size {
		return nil, errIndexDamaged("read %d of %d bytes", n, size)
	}
	return DecodeIndex(b.String())
}

// maxIndexFile bounds the index files read (the body length is a uint64).
const maxIndexFile = 1 << 40

// errIndexDamaged is the error of an index file that does not decode.
func errIndexDamaged(format string, args ...any) error {
	return &Error{Code: EDAMAGED, Message: "the index file is damaged", Err: fmt.Errorf(format, args...)}
}

// DecodeIndex reads an index from the bytes of an index file. Its strings
// are substrings of data, which it keeps.
func DecodeIndex(data string) (*Index, error) {
	if len(data) < indexHeaderLen || data[:len(indexMagic)] != indexMagic {
		return nil, errIndexDamaged("not an awskg index file")
	}
	if v := data[len(indexMagic)]; v != indexFileVersion {
		return nil, errIndexDamaged("version %d, this awskg reads version %d", v, indexFileVersion)
	}
	var h [12]byte
	copy(h[:], data[len(indexMagic)+1:indexHeaderLen])
	crc := binary.LittleEndian.Uint32(h[:4])
	size := binary.LittleEndian.Uint64(h[4:])
	body := data[indexHeaderLen:]
	if uint64(len(body)) != size {
		return nil, errIndexDamaged("the body is %d bytes, its header says %d", len(body), size)
	}
	if got := crcString(body); got != crc {
		return nil, errIndexDamaged("its checksum does not match")
	}
	d := &indexDecoder{data: body}
	d.table()
	flags := d.uint()
	ix := &Index{}
	ix.nodes = make([]Node, d.count(3))
	for i := range ix.nodes {
		ix.nodes[i] = d.node()
	}
	ix.byName = d.positions(len(ix.nodes))
	if len(ix.byName) != len(ix.nodes) {
		d.fail("%d nodes by name for %d nodes", len(ix.byName), len(ix.nodes))
	}
	ix.facts = make([]Fact, d.count(6))
	for i := range ix.facts {
		ix.facts[i] = d.fact()
	}
	ix.byObj = d.positions(len(ix.facts))
	if len(ix.byObj) != len(ix.facts) {
		d.fail("%d facts by object for %d facts", len(ix.byObj), len(ix.facts))
	}
	ix.stmts = make([]Statement, d.count(6))
	for i := range ix.stmts {
		st := &ix.stmts[i]
		st.Source, st.Text, st.Section, st.Subject = d.str(), d.str(), d.str(), d.str()
		st.Mentions = d.strs()
		st.Terms = d.strs()
	}
	ix.nTerms = int(d.uint())
	ix.preds = d.lists(len(ix.facts))
	ix.factSrc = d.lists(len(ix.facts))
	ix.terms = d.lists(len(ix.stmts))
	ix.about = d.lists(len(ix.stmts))
	if d.err != nil {
		return nil, d.err
	}
	if flags&flagGraph == 0 {
		ix.src.none = true
		if d.at != len(d.data) {
			return nil, errIndexDamaged("%d bytes after the index", len(d.data)-d.at)
		}
		return ix, nil
	}
	// The graph is decoded when asked for; only its string table is kept
	// meanwhile (as the file, which the index's strings hold anyway).
	at := d.at
	ix.src.load = func() ([]Node, []Fact, error) {
		g := &indexDecoder{data: body}
		g.table()
		g.at = at
		nodes := make([]Node, g.count(3))
		for i := range nodes {
			nodes[i] = g.node()
		}
		facts := make([]Fact, g.count(6))
		for i := range facts {
			facts[i] = g.fact()
		}
		if g.err == nil && g.at != len(g.data) {
			g.fail("%d bytes after the graph", len(g.data)-g.at)
		}
		if g.err != nil {
			return nil, nil, g.err
		}
		return nodes, facts, nil
	}
	return ix, nil
}

// crcString is the CRC-32C of s, hashed through a small buffer rather than
// a copy of s.
func crcString(s string) uint32 {
	var buf [64 << 10]byte
	crc := uint32(0)
	for len(s) > 0 {
		n := copy(buf[:], s)
		crc = crc32.Update(crc, castagnoli, buf[:n])
		s = s[n:]
	}
	return crc
}

// indexDecoder reads the body of an index file; the first error sticks and
// every later read returns zero values.
type indexDecoder struct {
	data string
	at   int
	tab  []string // the string table
	err  error
	// pool backs the alias, mention and term lists, which are carved out
	// of it to save an allocation per list.
	pool []string
}

func (d *indexDecoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = errIndexDamaged(format, args...)
	}
}

func (d *indexDecoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	var v uint64
	var shift uint
	for i := d.at; i < len(d.data); i++ {
		b := d.data[i]
		if shift == 63 && b > 1 || shift > 63 {
			d.fail("a number overflows at byte %d", d.at)
			return 0
		}
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			d.at = i + 1
			return v
		}
		shift += 7
	}
	d.fail("it ends in the middle of a number")
	return 0
}

// count reads a count of items of at least min bytes each, checked against
// what is left of the file.
func (d *indexDecoder) count(min int) int {
	n := d.uint()
	if d.err == nil && n > uint64(len(d.data)-d.at)/uint64(min) {
		d.fail("a count of %d at byte %d is more than the file holds", n, d.at)
		return 0
	}
	return int(n)
}

func (d *indexDecoder) table() {
	n := d.count(1)
	lens := make([]int, n)
	total := 0
	for i := range lens {
		l := d.uint()
		if l > uint64(len(d.data)) {
			d.fail("string %d is longer than the file", i)
			return
		}
		lens[i] = int(l)
		total += int(l)
		if total > len(d.data)-d.at {
			d.fail("the strings are longer than the file")
			return
		}
	}
	if d.err != nil {
		return
	}
	d.tab = make([]string, n)
	for i, l := range lens {
		d.tab[i] = d.data[d.at : d.at+l]
		d.at += l
	}
	if n == 0 {
		d.fail("the string table is empty")
	}
}

func (d *indexDecoder) str() string {
	id := d.uint()
	if id >= uint64(len(d.tab)) {
		d.fail("string %d of %d", id, len(d.tab))
		return ""
	}
	return d.tab[id]
}

// strs reads a list of strings; nil when it is empty.
func (d *indexDecoder) strs() []string {
	n := d.count(1)
	if n == 0 {
		return nil
	}
	if len(d.pool) < n {
		d.pool = make([]string, max(n, 4096))
	}
	out := d.pool[:n:n]
	d.pool = d.pool[n:]
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *indexDecoder) node() Node {
	n := Node{ID: d.str(), Name: d.str(), Kind: NodeKind(d.str())}
	n.Aliases = d.strs()
	return n
}

func (d *indexDecoder) fact() Fact {
	f := Fact{Subject: d.str(), Predicate: d.str(), Object: d.str(), Detail: d.str()}
	z := d.uint()
	f.Position = int(int64(z>>1) ^ -int64(z&1))
	f.Source = d.str()
	return f
}

// positions reads a list of positions below n.
func (d *indexDecoder) positions(n int) []int32 {
	out := make([]int32, d.count(1))
	for i := range out {
		p := d.uint()
		if p >= uint64(n) {
			d.fail("position %d of %d", p, n)
			return nil
		}
		out[i] = int32(p)
	}
	return out
}

// lists reads lists of positions below n.
func (d *indexDecoder) lists(n int) lists {
	var l lists
	k := d.count(2)
	l.keys = make([]string, k)
	for i := range l.keys {
		l.keys[i] = d.str()
	}
	l.off = make([]int32, k+1)
	total := uint64(0)
	for i := 0; i < k; i++ {
		total += d.uint()
		if total > uint64(len(d.data)-d.at) || total > 1<<31-1 {
			d.fail("lists longer than the file")
			return lists{}
		}
		l.off[i+1] = int32(total)
	}
	l.ids = make([]int32, total)
	for i := 0; i < k && d.err == nil; i++ {
		prev := uint64(0)
		for j := l.off[i]; j < l.off[i+1]; j++ {
			p := prev + d.uint()
			if p >= uint64(n) {
				d.fail("position %d of %d", p, n)
				return lists{}
			}
			l.ids[j] = int32(p)
			prev = p
		}
	}
	if d.err != nil {
		return lists{}
	}
	return l
}
