package ingest

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Table inference for flattened one-cell-per-line tables (002-style).
//
// A run of consecutive cell lines carries no row or table boundaries: a
// header row is followed by data rows with the same number of cells, and two
// tables may be adjacent. segmentCells chooses, by dynamic programming over
// the run (best[i] = best score of cells[:i]; each step either leaves cell i
// out of every table or closes a table cells[j:i] with N columns), the
// segmentation into tables (N ≥ 2 columns, a header and ≥ 1 data row) and
// stray cells that maximises
//
//	Σ tables [ Σ columns Σ data cells (shrunk leave-one-out mean similarity
//	           to the other data cells of the column − base)
//	           + header score − tablePenalty − colPenalty·N ]
//	− strayPenalty · stray cells
//
// The similarity of two cells is 0 across classes (empty ".", "+"/"-" marks,
// "$" marks, emoji and symbols, "* " lists, numbers, text) and otherwise
// exp(−distance) over length, word count, capitalisation, digits and final
// period, raised by the words the cells share. An empty cell is neutral
// (similarity = base) next to a non-empty one, as sparse columns are common.
// base is the mean similarity of the run's cell pairs: what an arbitrary
// column scores. The leave-one-out mean of a column with R data rows is
// shrunk towards base with weight `shrink`, so a few rows are weak evidence
// and a table with more rows wins over a wider one (a layout with period N
// also fits 2N). The header score rewards headers whose cells all look like
// labels and charges each cell that looks like data. tablePenalty expresses
// the preference for fewer tables. A data row equal to the header, or the
// first two header cells appearing again, is a repeated header: it cannot
// belong to the table and starts the next one.
//
// Prefix sums of pair similarities (pairSums) score a table candidate in
// O(N), so a run of n cells costs O(n²); runs longer than maxRunCells are cut
// into chunks to bound time and memory on adversarial input.

// MaxFlatCells bounds the one-cell-per-line table cells a note's tables are
// inferred from (the corpus's PDF note has 1,080): segmenting costs some
// microseconds per cell, so the cell lines after it are read as text lines,
// with a warning.
const MaxFlatCells = 20000

const (
	maxCellTokens = 64    // words of a cell compared for shared vocabulary (the corpus's cells have at most 25)
	maxTableCols  = 12    // widest table considered
	maxRunCells   = 240   // longer runs are segmented in chunks (bounds time and memory)
	negInf        = -1e18 // unreachable DP state
)

// Scoring weights, tuned on the 54 tables of the corpus's PDF note (all
// recovered) and checked for stability: halving or doubling any similarity
// weight keeps the required tables right.
const (
	tablePenalty = 1.5  // cost of each table: prefer fewer tables
	colPenalty   = 0.2  // cost of each column: prefer narrower tables (a period-k layout also fits 2k)
	strayPenalty = 1.0  // cost of a cell left out of every table
	headerGood   = 0.3  // reward for a header whose cells all look like labels
	headerBad    = 0.3  // cost of each header cell that looks like data
	baseFloor    = 0.25 // lower bound of the run's baseline similarity
	shrink       = 1.0  // prior weight of the baseline in a column's mean similarity
	simLenW      = 0.8  // weight of the length difference (log runes) in the cell distance
	simWordW     = 0.8  // weight of the word-count difference (log words)
	simCapW      = 0.5  // weight of a capitalisation mismatch
	simMiscW     = 0.3  // weight of a digit or final-period mismatch
	simWordsW    = 0.6  // how much shared vocabulary (Jaccard) raises the similarity
)

// cellClass is the coarse kind of a cell's text.
type cellClass uint8

const (
	classEmpty  cellClass = iota // "" ("." in the note)
	classMark                    // "+", "-", "+ (every 5 min)"
	classMoney                   // "$", "$$$"
	classSymbol                  // no letter or digit: "🕑🕑", ".."
	classStar                    // "* item * item"
	classNumber                  // "200", "460kB", "<60s", "11x9", "$0.023"
	classText                    // anything else
)

// cellFeat holds the features of one cell used to compare cells.
type cellFeat struct {
	class  cellClass
	logLen float64 // log of the length in runes
	logWds float64 // log of the word count + 1
	words  int
	upper  bool     // first letter is upper case
	digit  bool     // contains a digit
	period bool     // ends with "."
	tokens []uint64 // hashes of the distinct lower-case words (two or more bytes, no stop words), sorted
}

func featuresOf(s string) cellFeat {
	var f cellFeat
	if s == "" {
		f.class = classEmpty
		return f
	}
	// One pass over the runes: length, words, digits, first letter, and the
	// vocabulary as FNV-1a hashes of the lower-cased words (no allocation per word).
	const fnvOffset, fnvPrime = 14695981039346656037, 1099511628211
	runes, hasAlnum, inWord, seenLetter := 0, false, false, false
	var (
		h     uint64
		tokN  int // bytes in the current word, 0 when outside a word
		short [4]byte
	)
	endTok := func() {
		if tokN >= 2 && len(f.tokens) < maxCellTokens && !(tokN <= len(short) && isStopWord(string(short[:tokN]))) {
			f.tokens = append(f.tokens, h)
		}
		tokN = 0
	}
	for _, r := range s {
		runes++
		space := r == ' ' || r == '\t'
		if !space && !inWord {
			f.words++
		}
		inWord = !space
		var letter, digit bool
		if r < utf8.RuneSelf {
			letter = 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
			digit = '0' <= r && r <= '9'
		} else {
			letter, digit = unicode.IsLetter(r), unicode.IsDigit(r)
		}
		if digit {
			f.digit = true
		}
		if letter && !seenLetter {
			seenLetter = true
			f.upper = unicode.IsUpper(r)
		}
		if !letter && !digit {
			endTok()
			continue
		}
		hasAlnum = true
		if tokN == 0 {
			h = fnvOffset
		}
		lr := unicode.ToLower(r)
		if r < utf8.RuneSelf && 'A' <= r && r <= 'Z' {
			lr = r + 'a' - 'A'
		}
		if tokN < len(short) {
			short[tokN] = byte(lr)
		}
		tokN += utf8.RuneLen(lr)
		h = (h ^ uint64(lr)) * fnvPrime
	}
	endTok()
	if len(f.tokens) > 1 {
		slices.Sort(f.tokens)
		f.tokens = slices.Compact(f.tokens)
	}
	f.logLen = math.Log(float64(runes + 1))
	f.logWds = math.Log(float64(f.words + 1))
	f.period = strings.HasSuffix(s, ".")
	switch {
	case strings.Trim(s, "$") == "":
		f.class = classMoney
	case (s[0] == '+' || s[0] == '-') && (len(s) == 1 || s[1] == ' '):
		f.class = classMark
	case !hasAlnum:
		f.class = classSymbol
	case strings.HasPrefix(s, "* "):
		f.class = classStar
	case isNumberCell(s):
		f.class = classNumber
	default:
		f.class = classText
	}
	return f
}

// isNumberCell reports a short cell starting with a digit or a number sign.
func isNumberCell(s string) bool {
	s = strings.TrimLeft(s, "<>=~$")
	return s != "" && s[0] >= '0' && s[0] <= '9' && countFields(s) <= 3
}

// cellSim is the similarity of two cells, in [0, 1].
func cellSim(a, b *cellFeat) float64 {
	if a.class != b.class {
		return 0
	}
	switch a.class {
	case classEmpty, classMark, classMoney, classSymbol:
		return 1
	}
	d := simLenW*math.Abs(a.logLen-b.logLen) + simWordW*math.Abs(a.logWds-b.logWds)
	if a.upper != b.upper {
		d += simCapW
	}
	if a.digit != b.digit {
		d += simMiscW
	}
	if a.period != b.period {
		d += simMiscW
	}
	s := math.Exp(-d)
	if j := jaccard(a.tokens, b.tokens); j > 0 {
		s += (1 - s) * simWordsW * j
	}
	return s
}

// isStopWord reports words ignored when comparing the vocabulary of cells.
func isStopWord(w string) bool {
	switch w {
	case "the", "an", "of", "to", "in", "and", "or", "for", "is", "on", "with", "by", "as", "at", "be", "can":
		return true
	}
	return false
}

// jaccard is |a ∩ b| / |a ∪ b| of two sorted sets.
func jaccard(a, b []uint64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// headerLike reports whether a cell looks like a column label.
func headerLike(f *cellFeat, s string) bool {
	switch f.class {
	case classEmpty:
		return true
	case classText, classNumber:
		n := utf8.RuneCountInString(s)
		// A single code-like token (AWS::EC2::EIP, HTTPCode_ELB_4XX) is data, not a label.
		code := f.words == 1 && (n > 25 || strings.Contains(s, "::") || strings.Contains(s, "_"))
		return f.words <= 6 && n <= 48 && !f.period && !code && !hasBareComma(s)
	}
	return false
}

// hasBareComma reports a comma outside parentheses: a list or a clause, not a label.
func hasBareComma(s string) bool {
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case ',':
			if depth <= 0 {
				return true
			}
		}
	}
	return false
}

// cellSeg is one piece of a segmented run: a table of cols columns over
// cells[start:end], or (cols == 0) cells left out of every table.
type cellSeg struct {
	start, end, cols int
}

// segmentCells splits a run of flattened cells into tables and stray cells.
func segmentCells(cells []string) []cellSeg {
	var segs []cellSeg
	for off := 0; off < len(cells); off += maxRunCells {
		end := min(off+maxRunCells, len(cells))
		for _, s := range segmentChunk(cells[off:end]) {
			s.start += off
			s.end += off
			segs = append(segs, s)
		}
	}
	return segs
}

func segmentChunk(cells []string) []cellSeg {
	n := len(cells)
	if n < 4 { // no table fits: at least 2 columns and 2 rows
		return []cellSeg{{0, n, 0}}
	}
	feats := make([]cellFeat, n)
	for i, c := range cells {
		feats[i] = featuresOf(c)
	}
	// Pairwise similarities. An empty cell says nothing about its column in
	// sparse tables: its similarity to a non-empty cell is neutral (the
	// baseline), filled in once the baseline is known.
	sim := make([]float64, n*n)
	total, pairs := 0.0, 0
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if (feats[i].class == classEmpty) != (feats[j].class == classEmpty) {
				sim[i*n+j], sim[j*n+i] = -1, -1
				continue
			}
			s := cellSim(&feats[i], &feats[j])
			sim[i*n+j], sim[j*n+i] = s, s
			total += s
			pairs++
		}
	}
	base := 0.5
	if pairs > 0 {
		base = total / float64(pairs)
	}
	base = max(base, baseFloor)
	for i := range sim {
		if sim[i] < 0 {
			sim[i] = base
		}
	}
	badHdr := make([]bool, n) // cell does not look like a column label
	for i := range cells {
		badHdr[i] = !headerLike(&feats[i], cells[i])
	}

	best := make([]float64, n+1)
	from := make([]cellSeg, n+1)
	for i := 1; i <= n; i++ {
		best[i] = negInf
	}
	relax := func(to int, score float64, seg cellSeg) {
		if score > best[to] {
			best[to], from[to] = score, seg
		}
	}
	// repeat[j] is where the first two cells of a header at j appear again
	// (not both empty): a table starting at j ends before that point.
	repeat := make([]int, n)
	for j := range repeat {
		repeat[j] = n
		if j+1 >= n || cells[j] == "" && cells[j+1] == "" {
			continue
		}
		for p := j + 2; p+1 < n; p++ {
			if cells[p] == cells[j] && cells[p+1] == cells[j+1] {
				repeat[j] = p
				break
			}
		}
	}
	colSums := newPairSums(sim, n)
	for j := 0; j < n; j++ {
		if best[j] <= negInf {
			continue
		}
		relax(j+1, best[j]-strayPenalty, cellSeg{j, j + 1, 0})
		for cols := 2; cols <= maxTableCols && j+2*cols <= n; cols++ {
			h := headerGood - colPenalty*float64(cols) - tablePenalty
			bad, filled := 0, 0
			for c := 0; c < cols; c++ {
				if badHdr[j+c] {
					bad++
				}
				if k := feats[j+c].class; k == classText || k == classNumber || k == classStar {
					filled++ // a label, not a placeholder like "." or ".."
				}
			}
			// An empty header is empty throughout and a corner is one cell:
			// two empty cells before a label mean the header starts later.
			if filled > 0 && cells[j] == "" && cells[j+1] == "" {
				bad++
			}
			if bad > 0 {
				h -= headerGood + headerBad*float64(bad)
			}
			cs := colSums.columns(cols, j)
			for r := 1; j+(r+1)*cols <= n; r++ { // r = number of data rows
				row := j + r*cols
				if equalRows(cells, j, row, cols) || row+cols > repeat[j] {
					break // a repeated header starts a new table
				}
				score := h
				if r > 1 {
					pair := 0.0
					for _, c := range cs {
						pair += c.p[c.at+r]
					}
					rf := float64(r)
					score += (2*pair - float64(cols)*rf*(rf-1)*base) / (rf - 1 + shrink)
				}
				relax(row+cols, best[j]+score, cellSeg{j, row + cols, cols})
			}
		}
	}
	var segs []cellSeg
	for i := n; i > 0; {
		s := from[i]
		segs = append(segs, s)
		i = s.start
	}
	for l, r := 0, len(segs)-1; l < r; l, r = l+1, r-1 {
		segs[l], segs[r] = segs[r], segs[l]
	}
	// Merge adjacent stray cells into one piece.
	out := segs[:0]
	for _, s := range segs {
		if s.cols == 0 && len(out) > 0 && out[len(out)-1].cols == 0 {
			out[len(out)-1].end = s.end
			continue
		}
		out = append(out, s)
	}
	return out
}

// pairSums answers, in O(1), the sum of the pairwise similarities of the
// data cells of a column: for cols columns, the cells of a column are a
// stride-cols sequence (positions ρ, ρ+cols, ρ+2·cols, ... for a residue ρ),
// and for each sequence P[a][b] = Σ_{a≤x<y<b} sim(s_x, s_y) is tabulated with
// P[a][b] = P[a][b-1] + Σ_{a≤x<b-1} sim(s_x, s_{b-1}). Building every table
// costs O(n²·Σ 1/cols) and makes the whole DP quadratic in the run length.
type pairSums struct {
	n      int
	tables [][][]float64 // [cols][ρ] → (L+1)×(L+1) matrix, L = len of the sequence
	buf    []pairCol
}

func newPairSums(sim []float64, n int) *pairSums {
	ps := &pairSums{n: n, tables: make([][][]float64, maxTableCols+1)}
	size := 0
	for cols := 2; cols <= maxTableCols && 2*cols <= n; cols++ {
		for rho := 0; rho < cols; rho++ {
			w := (n-rho+cols-1)/cols + 1
			size += w * w
		}
	}
	buf := make([]float64, size) // one allocation for every matrix
	for cols := 2; cols <= maxTableCols && 2*cols <= n; cols++ {
		ps.tables[cols] = make([][]float64, cols)
		for rho := 0; rho < cols; rho++ {
			l := (n - rho + cols - 1) / cols // cells at rho, rho+cols, ... < n
			w := l + 1
			p := buf[: w*w : w*w]
			buf = buf[w*w:]
			for b := 2; b <= l; b++ {
				last := (rho + (b-1)*cols) * n
				acc := 0.0
				for a := b - 2; a >= 0; a-- {
					acc += sim[last+rho+a*cols]
					p[a*w+b] = p[a*w+b-1] + acc
				}
			}
			ps.tables[cols][rho] = p
		}
	}
	return ps
}

// pairCol locates the sums of one column: c.p[c.at+r] is the pair-similarity
// sum of the column's first r data cells.
type pairCol struct {
	p  []float64
	at int
}

// columns returns the columns of a table with cols columns whose header
// starts at position j. The slice is reused by the next call.
func (ps *pairSums) columns(cols, j int) []pairCol {
	ps.buf = ps.buf[:0]
	for pos := j; pos < j+cols; pos++ {
		rho, q := pos%cols, pos/cols
		l := (ps.n - rho + cols - 1) / cols
		ps.buf = append(ps.buf, pairCol{ps.tables[cols][rho], (q+1)*(l+1) + q + 1})
	}
	return ps.buf
}

// equalRows reports whether the rows of cols cells at a and b are equal and not all empty.
func equalRows(cells []string, a, b, cols int) bool {
	empty := true
	for c := 0; c < cols; c++ {
		if cells[a+c] != cells[b+c] {
			return false
		}
		if cells[a+c] != "" {
			empty = false
		}
	}
	return !empty
}

// buildTable makes a Table from cells laid out row by row, cols per row.
func buildTable(cells []Cell, cols int) *Table {
	t := &Table{Header: append([]Cell(nil), cells[:cols]...)}
	for r := cols; r+cols <= len(cells); r += cols {
		t.Rows = append(t.Rows, append([]Cell(nil), cells[r:r+cols]...))
	}
	return t
}

// minGroupRun is the fewest rows a grouping first column gives each of its
// values, on average (see groupedKey).
const minGroupRun = 2

// groupedKey reports a table whose first column groups its rows and whose
// second names them: "area | item | detail" over "vault | Vault Lock |
// WORM protection ...", "vault | vault lock modes | ...": each value of
// the first column fills one run of consecutive rows, minGroupRun rows
// each on average, and no two rows share a second cell.
func groupedKey(t *Table) bool {
	if len(t.Rows) < 2*minGroupRun {
		return false
	}
	groups, names := map[string]bool{}, map[string]bool{}
	prev := ""
	for k, r := range t.Rows {
		if len(r) < 3 {
			return false
		}
		g, n := strings.ToLower(strings.TrimSpace(r[0].Text)), strings.ToLower(strings.TrimSpace(r[1].Text))
		// ("what" may name a row in two groups: "format conversion,what"
		// and "dynamic partitioning,what")
		if g == "" || n == "" || names[g+"\x00"+n] {
			return false
		}
		names[g+"\x00"+n] = true
		if k == 0 || g != prev {
			if groups[g] {
				return false // a group the rows came back to: no grouping column
			}
			groups[g] = true
		}
		prev = g
	}
	return len(groups) > 1 && len(t.Rows) >= minGroupRun*len(groups)
}

// maxListPartWords bounds a bare name in a cell's semicolon list (see
// semicolonNames).
const maxListPartWords = 4

// semicolonNames joins the bare names that follow a part of a cell at its
// semicolons into one comma list with it: "point-in-time restore (PITR);
// supported for RDS; Aurora; S3; SAP HANA on EC2" reads "...; supported
// for RDS, Aurora, S3, SAP HANA on EC2", since a CSV field lists with
// semicolons what prose lists with commas. A bare name holds at most
// maxListPartWords words and no label, and opens with a capital or a
// digit ("Aurora", "S3"), not with a word of prose ("supported for RDS").
func semicolonNames(c string) string {
	if !strings.Contains(c, "; ") {
		return c
	}
	parts := strings.Split(c, "; ")
	out := []string{strings.TrimSpace(parts[0])}
	for _, p := range parts[1:] {
		p = strings.TrimSpace(p)
		if n := countFields(p); n > 0 && n <= maxListPartWords && !strings.Contains(p, ":") && startsUpperOrDigit(p) {
			out[len(out)-1] += ", " + p
			continue
		}
		out = append(out, p)
	}
	return strings.Join(out, "; ")
}
