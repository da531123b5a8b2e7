package ingest

import (
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lightweight markup in plain-text notes. Org-mode files, notes of
// AsciiDoc-style marks that are no AsciiDoc file (a Typst page; AsciiDoc's
// own are read by asciidoc.go), notes kept in the shape of YAML, chat and
// email exports and drawn trees write their structure with marks the text
// parser would read as words:
// "** Sub" and "== Section" headings, "#+BEGIN_SRC" and "----" delimited
// code, ":PROPERTIES:" drawers and ":toc: left" attributes, ".Title" block
// titles over ". item" ordered items, "term:: definition" entries,
// "max_parameters: 100,000" keys and "[a, b]" flow lists, INI and TOML
// "[codedeploy.hooks]" sections over "lambda_hooks = a, b" keys, "[19:02] leo:"
// turns, "> >" quotes, "|   |-- item" branches. readMarkup rewrites such
// lines, in place, into the shapes the text parser reads: headings with a
// level, code, skipped lines, list items nested by indentation and plain
// "label — text" lines. A note without the marks is left as it is.

// maxMarkupTitleWords bounds the words of a marker heading's title.
const maxMarkupTitleWords = 14

// markerHeading reads a line opening with a run of one heading mark ("**
// Flow", "=== Lambda"): its level and title; ok is false for any other
// line.
func markerHeading(raw string, mark byte) (level int, title string, ok bool) {
	for level < len(raw) && raw[level] == mark {
		level++
	}
	if level == 0 || level > 6 || level >= len(raw) || raw[level] != ' ' {
		return 0, "", false
	}
	title = strings.TrimSpace(raw[level:])
	if strings.HasSuffix(title, string(mark)) {
		return 0, "", false // "== kds core ==": a ruled title (see ruledTitle)
	}
	title = orgTitle(title)
	if title == "" || countFields(title) > maxMarkupTitleWords {
		return 0, "", false
	}
	if r := []rune(title)[0]; !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return 0, "", false
	}
	return level, title, true
}

// orgTitleLine returns the title an Org "#+TITLE: Lambda - DOP-C02 prep"
// line gives its file, "" for any other line.
func orgTitleLine(raw string) string {
	if len(raw) < len("#+TITLE:") || !strings.EqualFold(raw[:len("#+TITLE:")], "#+TITLE:") {
		return ""
	}
	return strings.TrimSpace(raw[len("#+TITLE:"):])
}

// orgTitle drops an Org heading's TODO keyword, priority and trailing tags
// ("TODO [#A] Stack policies   :domain2:" is "Stack policies").
func orgTitle(t string) string {
	for _, kw := range []string{"TODO ", "DONE ", "NEXT ", "WAITING "} {
		t = strings.TrimPrefix(t, kw)
	}
	if strings.HasPrefix(t, "[#") && len(t) > 4 && t[3] == ']' {
		t = strings.TrimSpace(t[4:])
	}
	if k := strings.LastIndex(t, " :"); k > 0 && strings.HasSuffix(t, ":") && !strings.ContainsAny(t[k+2:], " \t") {
		t = strings.TrimSpace(t[:k])
	}
	return t
}

// markupSignals tells which marks a note uses: Org headings (some heading
// of two or more stars), AsciiDoc headings (two or more "=" headings),
// YAML keys (most lines a "key:" or "- item") and a chat transcript (most
// lines a turn "[19:02] leo: ..." of two or more speakers).
type markupSignals struct {
	org, adoc, yaml, chat bool
	ini                   bool // an INI or TOML file's "[section]" headers over "key = value" lines
	tree                  bool // a tree drawn with branch marks ("|-- item", "+-- topic", "`-- last")
	quote                 bool // an email thread's quoted replies ("> > text")
}

// treeShaped reports a note drawn as a tree from its counts of lines: at
// least minMarkedLines branches ("├── item"), a quarter of its lines.
func treeShaped(branches, nonBlank int) bool {
	return branches >= minMarkedLines && 4*branches >= nonBlank
}

// treeBranches are the marks that open a branch of a drawn tree.
var treeBranches = []string{"+--", "|--", "`--", "\\--", "├──", "└──", "├─", "└─", "+-", "|-", "`-"}

// treeBranch reads a line of a drawn tree: the column its branch mark
// stands at and the text after it; ok is false for a line with no branch
// mark after its tree's rails ("|   |-- repos encrypted" is at column 4).
func treeBranch(line string) (col int, text string, ok bool) {
	i := 0
	for i < len(line) {
		r, size := utf8.DecodeRuneInString(line[i:])
		if r != ' ' && r != '\t' && r != '|' && r != '│' || r == '|' && strings.HasPrefix(line[i+size:], "-") {
			break // "|--" is a branch, not a rail
		}
		i += size
	}
	for _, m := range treeBranches {
		if strings.HasPrefix(line[i:], m) {
			rest := strings.TrimLeft(line[i+len(m):], "-─ ")
			return utf8.RuneCountInString(line[:i]), strings.TrimSpace(rest), rest != ""
		}
	}
	return 0, "", false
}

// treeRails reads a line of a drawn tree with no branch mark: the column
// its text starts at after the rails, and the text ("" for a rail alone).
func treeRails(line string) (col int, text string, ok bool) {
	i, rails := 0, 0
	for i < len(line) {
		r, size := utf8.DecodeRuneInString(line[i:])
		if r == '|' || r == '│' {
			rails++
		} else if r != ' ' && r != '\t' {
			break
		}
		i += size
	}
	if rails == 0 {
		return 0, "", false
	}
	return utf8.RuneCountInString(line[:i]), strings.TrimSpace(line[i:]), true
}

// quoteDepth strips an email's quote marks ("> > text"): the text and how
// many marks it had.
func quoteDepth(line string) (depth int, text string) {
	t := strings.TrimLeft(line, " ")
	for strings.HasPrefix(t, ">") {
		depth++
		t = strings.TrimPrefix(t[1:], " ")
	}
	return depth, t
}

// chatTurnRe matches the prefix of a turn in an exported chat: an optional
// date, a time, and the speaker ("[19:02] leo: ", "12/01/2026, 19:02 -
// Dana: ", "19:02 <dana> ").
var chatTurnRe = lazyRE(`^(?:\[?\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+)?\[?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?\]?\s*(?:-\s*)?(?:<([\w.-]{1,32})>|([A-Za-z][\w.-]{0,31}(?: [A-Z][\w.-]{0,31})?):)( +|$)`)

// chatTurn splits a chat line into its speaker and what was said; ok is
// false for a line that is no turn. The spaces past the first after the
// speaker are the said text's indentation.
func chatTurn(raw string) (speaker, said string, indent int, ok bool) {
	m := chatTurnRe.FindStringSubmatchIndex(raw)
	if m == nil {
		return "", "", 0, false
	}
	if m[2] >= 0 {
		speaker = raw[m[2]:m[3]]
	} else {
		speaker = raw[m[4]:m[5]]
	}
	return strings.ToLower(speaker), raw[m[1]:], max(0, m[7]-m[6]-1), true
}

// minMarkedLines is the fewest branch or quoted lines that make a note a
// drawn tree or an email thread.
const minMarkedLines = 5

// maxChatQuestionWords bounds the words of a turn read as the heading of
// the answers after it.
const maxChatQuestionWords = 12

func readSignals(lines []srcLine, iniNamed bool) markupSignals {
	var s markupSignals
	var adoc, keys, other, turns, branches, quoted, nonBlank int
	var ini iniCounts
	speakers := map[string]bool{}
	for i := range lines {
		raw := lines[i].raw
		if raw == "" {
			continue
		}
		nonBlank++
		if lines[i].indent == 0 {
			if lvl, _, ok := markerHeading(raw, '*'); ok && lvl >= 2 || orgTitleLine(raw) != "" {
				s.org = true // "** Sub" or "#+TITLE:": Org's own marks
			}
			if _, _, ok := markerHeading(raw, '='); ok {
				adoc++
			}
		}
		if who, _, _, ok := chatTurn(raw); ok {
			turns++
			speakers[who] = true
		}
		if _, _, ok := treeBranch(raw); ok {
			branches++
		}
		if strings.HasPrefix(raw, ">") {
			quoted++
		}
		ini.add(raw, lines[i].indent == 0)
		switch {
		case yamlKey(raw) != "":
			keys++
		case strings.HasPrefix(raw, "- ") || strings.HasPrefix(raw, "#"):
			other++
		}
	}
	s.adoc = adoc >= 2
	s.yaml = yamlShaped(keys, other, nonBlank)
	s.chat = nonBlank >= 4 && 5*turns >= 3*nonBlank && len(speakers) >= 2
	s.tree = treeShaped(branches, nonBlank)
	s.quote = quoted >= minMarkedLines && 5*quoted >= nonBlank
	s.ini = ini.shaped(nonBlank, iniNamed)
	return s
}

// iniCounts counts the lines of a note that an INI or TOML file holds:
// section headers ("[codedeploy.hooks]"), key lines ("lambda_hooks =
// BeforeAllowTraffic, AfterAllowTraffic") and comment lines ("; trap: ...").
type iniCounts struct{ sections, keys, comments int }

// add counts a line, its indentation trimmed; top reports that it was not
// indented (a section header is not).
func (c *iniCounts) add(line string, top bool) {
	switch {
	case top && iniSection(line) != "":
		c.sections++
	case iniKey(line) != "":
		c.keys++
	case strings.HasPrefix(line, ";") || strings.HasPrefix(line, "#"):
		c.comments++
	}
}

// shaped reports a note in the shape of an INI or TOML file, of nonBlank
// non-blank lines: a section and a key at least, three of them together,
// and four in five lines one of the three kinds (a multi-line value, a
// continuation line or a bare key are the others). A note named as INI or
// TOML (iniName) needs only a section or a key.
func (c iniCounts) shaped(nonBlank int, named bool) bool {
	if named {
		return c.sections+c.keys > 0
	}
	return c.sections >= 1 && c.keys >= 1 && c.sections+c.keys >= 3 && 5*(c.sections+c.keys+c.comments) >= 4*nonBlank
}

// iniName reports whether a note is named as an INI or TOML file (*.ini,
// *.toml, *.cfg, *.conf).
func iniName(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".ini", ".toml", ".cfg", ".conf":
		return true
	}
	return false
}

// iniSection returns the name of an INI or TOML section header
// ("[codedeploy.deployment_types]", "[[pipeline.stages]]", "[Auto Scaling]"):
// letters, digits, spaces and "._-" between the brackets; "" for any other
// line.
func iniSection(raw string) string {
	if i := strings.LastIndex(raw, "]"); i > 0 {
		if rest := strings.TrimSpace(raw[i+1:]); rest != "" && (rest[0] == ';' || rest[0] == '#') {
			raw = raw[:i+1] // "[Amazon SNS] ; topics": a comment after the header
		}
	}
	name, ok := strings.CutPrefix(raw, "[")
	if !ok {
		return ""
	}
	if name, ok = strings.CutSuffix(name, "]"); !ok {
		return ""
	}
	name = strings.TrimSuffix(strings.TrimPrefix(name, "["), "]")
	name = strings.TrimSpace(unquote(strings.TrimSpace(name))) // TOML's ["Amazon SNS"]
	if name == "" {
		return ""
	}
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(" ._-", r) {
			return ""
		}
	}
	return name
}

// iniKey returns the key of an INI or TOML "key = value" line whose key is
// a name of at most maxINIKeyWords words ("lambda_hooks",
// "CodeDeployDefault.AllAtOnce", "max parameters"); "" for any other line.
func iniKey(raw string) string {
	k := strings.Index(raw, " = ")
	if k <= 0 {
		k = strings.IndexByte(raw, '=')
		if k <= 0 || k+1 < len(raw) && raw[k+1] == '=' || raw[k-1] == '=' || raw[k-1] == '!' || raw[k-1] == '<' || raw[k-1] == '>' {
			return "" // ("key =", an empty value, is a key)
		}
	}
	key := strings.TrimSpace(raw[:k])
	if key == "" || countFields(key) > maxINIKeyWords {
		return ""
	}
	for _, r := range key {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(" ._-\"", r) {
			return ""
		}
	}
	return key
}

// maxINIKeyWords bounds the words of an INI key ("blue green lambda" is a
// key, "A, B, C = reserved" and a sentence with an "=" in it are not).
const maxINIKeyWords = 4

// iniLine rewrites an INI or TOML key line as the "key: value" item the
// text parser reads: the key's underscores and quotes are spaces and
// nothing ("blue_green_lambda" is "blue green lambda"), a quoted value
// loses its quotes and an array its brackets ("[\"a\", \"b\"]" is "a, b").
func iniLine(raw string) string {
	key := iniKey(raw)
	val := strings.TrimSpace(raw[strings.IndexByte(raw, '=')+1:])
	if i := strings.Index(val, " ;"); i >= 0 && !strings.ContainsAny(val[:i], "\"'") {
		val = strings.TrimSpace(val[:i]) // "KMS ; default key": a comment after the value
	}
	if strings.HasPrefix(val, "[") && strings.HasSuffix(val, "]") {
		parts := strings.Split(val[1:len(val)-1], ",")
		for i, p := range parts {
			parts[i] = unquote(strings.TrimSpace(p))
		}
		val = strings.Join(parts, ", ")
	} else {
		val = unquote(val)
	}
	name := strings.Join(strings.Fields(strings.NewReplacer("_", " ", "\"", "").Replace(key)), " ")
	if val == "" {
		return name + ":"
	}
	return name + ": " + val
}

// unquote drops the double or single quotes around a value.
func unquote(v string) string {
	if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
		return v[1 : len(v)-1]
	}
	return v
}

// yamlShaped reports a note in the shape of YAML from its counts of lines:
// keys ("max_parameters: 10,000", "tiers:"), other YAML lines ("- item",
// "# comment") and all non-blank lines. Half its lines are keys, and three
// in four keys or YAML lines; a list of "- label: text" items is no YAML.
func yamlShaped(keys, other, nonBlank int) bool {
	return nonBlank >= 8 && 2*keys >= nonBlank && 4*(keys+other) >= 3*nonBlank
}

// yamlKey returns the key of a "key:" or "key: value" line whose key is
// one identifier ("max_parameters", "ServiceToken", "node_id_prefix"); ""
// for any other line.
func yamlKey(raw string) string {
	k := strings.Index(raw, ":")
	if k <= 0 || k+1 < len(raw) && raw[k+1] != ' ' {
		return ""
	}
	for _, r := range raw[:k] {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '-' && r != '.' {
			return ""
		}
	}
	return raw[:k]
}

// readMarkup rewrites the marked lines of a plain-text note (see above);
// it returns each line's heading level (0 for a line that is no marker
// heading).
func readMarkup(lines []srcLine, src []string, name string) []int {
	sig := readSignals(lines, iniName(name))
	if isYAMLName(name) {
		sig.yaml = true // a .yaml note is YAML however short
	}
	levels := make([]int, len(lines))
	if !sig.org && !sig.adoc && !sig.yaml && !sig.chat && !sig.tree && !sig.quote && !sig.ini {
		return levels
	}
	if sig.ini {
		readINI(lines, levels)
		return levels
	}
	if sig.chat {
		readChat(lines, levels)
		return levels
	}
	if sig.tree || sig.quote {
		readDrawn(lines, src, sig)
		return levels
	}
	var (
		inBlock  string // the line that closes the delimited block we are in
		drawer   bool   // inside an Org ":PROPERTIES:" ... ":END:" drawer
		level    int    // level of the last marker heading
		ordinals = map[int]int{}
	)
	for i := range lines {
		l := &lines[i]
		raw := l.raw
		switch {
		case inBlock != "":
			if strings.EqualFold(raw, inBlock) {
				inBlock = ""
				l.kind = itemBlank
			} else {
				l.kind = itemCode
			}
			continue
		case sig.org && strings.HasPrefix(strings.ToUpper(raw), "#+BEGIN_"):
			inBlock = "#+END_" + raw[len("#+BEGIN_"):]
			if k := strings.IndexByte(inBlock, ' '); k > 0 {
				inBlock = inBlock[:k]
			}
			l.kind = itemBlank
			continue
		case sig.adoc && l.indent == 0 && (raw == "----" || raw == "...." || raw == "____" || raw == "****"):
			inBlock = raw
			l.kind = itemBlank
			continue
		case sig.org && orgTitleLine(raw) != "" && level == 0:
			// an Org "#+TITLE:" heads the file: a first heading, at the
			// level of the "*" sections after it (the note's title, see
			// titleTopic)
			l.kind, l.text, levels[i], level = itemHeading, orgTitleLine(raw), 1, 1
			continue
		case sig.org && (strings.HasPrefix(raw, "#+") || raw == ":PROPERTIES:"):
			drawer = drawer || raw == ":PROPERTIES:"
			l.kind = itemBlank
			continue
		case drawer:
			drawer = raw != ":END:"
			l.kind = itemBlank
			continue
		case sig.adoc && l.indent == 0 && strings.HasPrefix(raw, "[") && strings.HasSuffix(raw, "]") && !strings.Contains(raw, " "):
			l.kind = itemBlank // "[source,yaml]", "[NOTE]": a block's attributes
			continue
		case sig.adoc && l.indent == 0 && adocAttribute(raw):
			l.kind = itemBlank // ":toc: left"
			continue
		}
		if l.kind != itemText {
			continue
		}
		if l.indent == 0 {
			if lvl, title, ok := markerHeading(raw, '*'); ok && sig.org {
				l.kind, l.text, levels[i], level = itemHeading, title, lvl, lvl
				clear(ordinals)
				continue
			}
			if lvl, title, ok := markerHeading(raw, '='); ok && sig.adoc && !l.list {
				l.kind, l.text, levels[i], level = itemHeading, title, lvl, lvl
				clear(ordinals)
				continue
			}
		}
		if sig.adoc && l.indent == 0 && len(raw) > 1 && raw[0] == '.' && unicode.IsUpper([]rune(raw[1:])[0]) {
			// ".Buildspec phases (in run order)": the title of the block
			// under it, one level below the section
			l.kind, l.text, levels[i] = itemHeading, strings.TrimSpace(raw[1:]), level+1
			clear(ordinals)
			continue
		}
		if sig.adoc && (strings.HasPrefix(raw, ". ") || strings.HasPrefix(raw, ".. ")) {
			// ". install": an ordered item, numbered by its place
			depth := strings.IndexByte(raw, ' ')
			ordinals[depth]++
			l.list, l.ordinal, l.indent = true, ordinals[depth], 2*(depth-1)
			l.text = strings.TrimSpace(raw[depth:])
			continue
		}
		if sig.org && l.list {
			l.text = dropCheckbox(l.text) // "- [X] item"
		}
		l.text = definitionEntry(l.text)
		if sig.yaml {
			l.text = yamlLine(l.text)
			// an indented key is an item of the key above it, blank
			// lines or not
			l.list = l.list || l.indent > 0
		}
	}
	return levels
}

// iniSectionLevel is the heading level of every INI or TOML section: they
// are siblings (each title holds its whole dotted name), and a level of
// two says the note's headings nest by level, so a section that names
// nothing ("[config.basics]") is no part of the one above it
// ("[codepipeline.approval]").
const iniSectionLevel = 2

// readINI rewrites an INI or TOML file's lines: a section header is a
// heading (of iniSectionLevel) whose title is its name in words
// ("[codedeploy.deployment_types]" is "codedeploy deployment types"), each
// key line an item of it ("lambda
// hooks: BeforeAllowTraffic, AfterAllowTraffic"), a comment the text after
// its mark.
func readINI(lines []srcLine, levels []int) {
	section := false
	for i := range lines {
		l := &lines[i]
		raw := l.raw
		if l.kind == itemCode && strings.HasPrefix(raw, "#") {
			l.kind = itemText // a TOML comment, not a shell line
		}
		if l.kind != itemText {
			continue
		}
		switch {
		case l.indent == 0 && iniSection(raw) != "":
			name := strings.NewReplacer(".", " ", "_", " ").Replace(iniSection(raw))
			l.kind, l.list, l.text, levels[i] = itemHeading, false, strings.Join(strings.Fields(name), " "), iniSectionLevel
			section = true
		case iniKey(raw) != "":
			l.text, l.list, l.ordinal = iniLine(raw), section, 0
		case strings.HasPrefix(raw, ";") || strings.HasPrefix(raw, "#"):
			l.text, l.list = strings.TrimSpace(strings.TrimLeft(raw, ";#")), false
			if l.text == "" {
				l.kind = itemBlank
			}
		}
	}
}

// readChat rewrites the turns of a chat transcript as note lines: the
// said text, indented by the spaces after the speaker, a list item when it
// opens with a list marker ("  1) in the receiving account create ..."); a
// short turn (a question or a topic) answered by another speaker heads the
// answers.
func readChat(lines []srcLine, levels []int) {
	type turn struct {
		who string
		i   int
	}
	var turns []turn
	for i := range lines {
		l := &lines[i]
		who, said, indent, ok := chatTurn(l.raw)
		if !ok || l.kind != itemText {
			continue
		}
		turns = append(turns, turn{who, i})
		said = strings.TrimSpace(said)
		// each turn is a line of its own, never the one before wrapped
		l.indent, l.stray = indent, true
		setListItem(l, said)
	}
	// the one who answers says the most; the others' short turns are
	// questions or topics
	words := map[string]int{}
	answerer := ""
	for _, t := range turns {
		words[t.who] += countFields(lines[t.i].text)
		if answerer == "" || words[t.who] > words[answerer] || words[t.who] == words[answerer] && t.who < answerer {
			answerer = t.who
		}
	}
	for k := 0; k+1 < len(turns); k++ {
		t, next := turns[k], turns[k+1]
		l := &lines[t.i]
		if t.who != answerer && next.who == answerer && !l.list && l.indent == 0 && countFields(l.text) <= maxChatQuestionWords && chatTopic(l.text) {
			levels[t.i] = 1
		}
	}
}

// chatTopic reports whether a turn can head the answers after it: a
// question ("and cross-account?") or a topic of a few words with no
// clause mark ("Lambda limits"). A statement ("ECS has BeforeInstall,
// AfterInstall, ...", "and the hooks live in appspec.yml at the root of
// the revision") is said, it heads nothing.
func chatTopic(said string) bool {
	t := strings.TrimSpace(said)
	if strings.HasSuffix(t, "?") {
		return true
	}
	n := countFields(t)
	return n > 0 && n <= maxChatTopicWords && !strings.ContainsAny(t, ",;.!")
}

// maxChatTopicWords bounds the words of a turn that is no question but a
// topic heading the answers after it.
const maxChatTopicWords = 5

// readDrawn rewrites the lines of a drawn tree as list items nested by
// the column of their branch mark (a rail's continuation line continues
// its item, a rail alone is blank), and strips an email thread's quote
// marks, keeping the quoted text's own indentation and list marks.
func readDrawn(lines []srcLine, src []string, sig markupSignals) {
	for i := range lines {
		l := &lines[i]
		if l.num < 1 || l.num > len(src) || l.kind == itemBlank || l.kind == itemInvalid {
			continue
		}
		line := strings.TrimRight(src[l.num-1], " \t\r")
		if sig.quote {
			if d, t := quoteDepth(line); d > 0 {
				line = t
				if strings.TrimSpace(line) == "" {
					l.kind = itemBlank
					continue
				}
				l.kind, l.stray = itemText, false
				l.indent = indentWidth(line[:len(line)-len(strings.TrimLeft(line, " \t"))])
				setListItem(l, strings.TrimSpace(line))
				continue
			}
		}
		if !sig.tree {
			continue
		}
		if col, text, ok := treeBranch(line); ok {
			l.kind, l.list, l.ordinal, l.indent, l.text = itemText, true, 0, treeIndent(col), text
			if n := numberMarker(text); n > 0 && n < len(text) && text[n] == ' ' {
				// "|-- 2 pre_build": a numbered branch, its number bare or not
				l.ordinal, l.text = markerOrdinal(text[:n]), strings.TrimSpace(text[n:])
			} else if d := strings.IndexByte(text, ' '); d > 0 && isDigits(text[:d]) && d <= 3 {
				l.ordinal, l.text = markerOrdinal(text[:d]), strings.TrimSpace(text[d:])
			}
			continue
		}
		if col, text, ok := treeRails(line); ok {
			if text == "" {
				l.kind = itemBlank
				continue
			}
			l.kind, l.list, l.ordinal, l.indent, l.text = itemText, false, 0, treeIndent(col)+1, text
		}
	}
}

// treeIndent is the indentation a drawn tree's branch at a column stands
// for: one level per four columns of rails ("|   |-- " is the second).
func treeIndent(col int) int { return 2 * (col/4 + 1) }

// setListItem sets a rewritten line's text, reading the bullet or number
// mark it opens with ("- item", "1. step", "2) step") as a list item's.
func setListItem(l *srcLine, text string) {
	l.text, l.list, l.ordinal = text, false, 0
	if n := numberMarker(text); n > 0 && n < len(text) && text[n] == ' ' {
		l.list, l.ordinal, l.text = true, markerOrdinal(text[:n]), strings.TrimSpace(text[n:])
	} else if m := listMark(text); m > 0 {
		l.list, l.text = true, strings.TrimSpace(text[m:])
	}
}

// listMark returns the length of a bullet mark opening a text, one of the
// text lexer's ("- ", "* ", "• ", "+ "), with its blank; 0 when there is
// none.
func listMark(t string) int {
	r, size := utf8.DecodeRuneInString(t)
	if size > 0 && strings.ContainsRune(modeText.bullets, r) && strings.HasPrefix(t[size:], " ") {
		return size + 1
	}
	return 0
}

// adocAttribute reports an AsciiDoc document attribute line (":toc: left",
// ":icons: font").
func adocAttribute(raw string) bool {
	if len(raw) < 3 || raw[0] != ':' {
		return false
	}
	k := strings.IndexByte(raw[1:], ':')
	return k > 0 && !strings.Contains(raw[1:k+1], " ")
}

// definitionEntry writes a description-list entry ("cfn-init :: reads the
// metadata", "Build timeout:: 5 minutes to 36 hours") as the "term — text"
// line a glossary has; other text is returned as it is. A "::" inside an
// identifier ("AWS::CloudFormation::Init") is no separator.
func definitionEntry(s string) string {
	for k := strings.Index(s, "::"); k > 0; {
		end := k + 2
		if end == len(s) || s[end] == ' ' {
			term := strings.TrimSpace(s[:k])
			if term == "" || countFields(term) > maxMarkupTitleWords {
				return s
			}
			if rest := strings.TrimSpace(s[end:]); rest != "" {
				return term + " — " + rest
			}
			return term + ":"
		}
		next := strings.Index(s[end:], "::")
		if next < 0 {
			break
		}
		k = end + next
	}
	return s
}

// yamlLine writes a YAML-shaped line as a note's words: the key's words
// apart ("max_parameters: 100,000" is "max parameters: 100,000") and a
// flow list as a list ("types: [String, StringList]" is "types: String,
// StringList").
func yamlLine(s string) string {
	if key := yamlKey(s); key != "" && strings.ContainsAny(key, "_") {
		s = strings.ReplaceAll(key, "_", " ") + s[len(key):]
	}
	if k := strings.Index(s, ": ["); k > 0 && strings.HasSuffix(s, "]") {
		s = s[:k+2] + s[k+3:len(s)-1]
	}
	if k := strings.Index(s, "  # "); k > 0 {
		s = strings.TrimSpace(s[:k]) // a trailing comment
	}
	return s
}
