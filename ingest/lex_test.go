package ingest

import (
	"fmt"
	"strings"
	"testing"
)

// lexTok is an item without its byte position, for compact expectations.
type lexTok struct {
	typ  itemType
	val  string
	line int
}

func (t lexTok) String() string { return fmt.Sprintf("%d:%s %q", t.line, t.typ, t.val) }

func lexToks(input string, mode lexMode) []lexTok {
	var out []lexTok
	for _, it := range lex(input, mode) {
		out = append(out, lexTok{it.typ, it.val, it.line})
	}
	return out
}

var (
	tEOF = func(line int) lexTok { return lexTok{itemEOF, "", line} }
)

type lexTest struct {
	name  string
	mode  lexMode
	input string
	want  []lexTok
}

var lexTests = []lexTest{
	{"empty", modeText, "", []lexTok{tEOF(1)}},
	{"blank lines", modeWiki, "\n  \n", []lexTok{{itemBlank, "", 1}, {itemBlank, "", 2}, tEOF(3)}},
	{"wiki heading text", modeWiki, "AWS CodeBuild\n", []lexTok{{itemText, "AWS CodeBuild", 1}, tEOF(2)}},
	{"wiki bullet depth 0", modeWiki, "  • Compiles your code\n", []lexTok{
		{itemIndent, "  ", 1}, {itemBullet, "•", 1}, {itemText, "Compiles your code", 1}, tEOF(2)}},
	{"wiki bullet depth 1", modeWiki, "    • Source Stage", []lexTok{
		{itemIndent, "    ", 1}, {itemBullet, "•", 1}, {itemText, "Source Stage", 1}, tEOF(1)}},
	{"wiki numbered", modeWiki, "  12. Incident and Event Response [18%]\n", []lexTok{
		{itemIndent, "  ", 1}, {itemNumber, "12", 1}, {itemText, "Incident and Event Response [18%]", 1}, tEOF(2)}},
	{"wiki dash is text", modeWiki, "        - RegionMap\n", []lexTok{
		{itemIndent, "        ", 1}, {itemText, "- RegionMap", 1}, tEOF(2)}},
	{"wiki cli example", modeWiki, "$ aws cloudwatch put-metric-data \\\n    --namespace Random \\\n", []lexTok{
		{itemCode, "$ aws cloudwatch put-metric-data \\", 1}, {itemIndent, "    ", 2}, {itemText, "--namespace Random \\", 2}, tEOF(3)}},
	{"wiki comment is code", modeWiki, "# create and edit config", []lexTok{{itemCode, "# create and edit config", 1}, tEOF(1)}},
	{"blog heading rule", modeBlog, "Deployment\n#\n", []lexTok{{itemText, "Deployment", 1}, {itemHashRule, "#", 2}, tEOF(3)}},
	{"blog arrow chain stays text", modeBlog, "  • logs > subscription filter > kinesis firehose > s3 > athena\n", []lexTok{
		{itemIndent, "  ", 1}, {itemBullet, "•", 1}, {itemText, "logs > subscription filter > kinesis firehose > s3 > athena", 1}, tEOF(2)}},
	{"blog dash bullet", modeBlog, "- types: package vulnerability, code vulnerability\n", []lexTok{
		{itemBullet, "-", 1}, {itemText, "types: package vulnerability, code vulnerability", 1}, tEOF(2)}},
	{"pdf headings", modePDF, "↖↓ DevOps Engineer Professional\n↖↑↓ Exam Objectives\n", []lexTok{
		{itemHeading, "DevOps Engineer Professional", 1}, {itemHeading, "Exam Objectives", 2}, tEOF(3)}},
	{"pdf bullet", modePDF, "- Suitable for large environments\n", []lexTok{
		{itemBullet, "-", 1}, {itemText, "Suitable for large environments", 1}, tEOF(2)}},
	{"pdf bare bullet", modePDF, "-\nDefines which actions\n", []lexTok{
		{itemBullet, "-", 1}, {itemText, "", 1}, {itemText, "Defines which actions", 2}, tEOF(3)}},
	{"pdf cells", modePDF, "Strategy |\n. |\n|\n🕑🕑 |\n", []lexTok{
		{itemCell, "Strategy", 1}, {itemCell, "", 2}, {itemCell, "", 3}, {itemCell, "🕑🕑", 4}, tEOF(5)}},
	{"pdf plain text", modePDF, "General Strategies\n", []lexTok{{itemText, "General Strategies", 1}, tEOF(2)}},
	{"pdf yaml code", modePDF, "Type: AWS::AutoScaling::AutoScalingGroup\n", []lexTok{
		{itemCode, "Type: AWS::AutoScaling::AutoScalingGroup", 1}, tEOF(2)}},
	{"text bullets", modeText, "- a\n* b\n\t+ c\n• d\n", []lexTok{
		{itemBullet, "-", 1}, {itemText, "a", 1}, {itemBullet, "*", 2}, {itemText, "b", 2},
		{itemIndent, "\t", 3}, {itemBullet, "+", 3}, {itemText, "c", 3}, {itemBullet, "•", 4}, {itemText, "d", 4}, tEOF(5)}},
	{"text pipe table", modeText, "| a | b |\n|---|:-:|\n", []lexTok{
		{itemPipeRow, "| a | b |", 1}, {itemPipeSep, "|---|:-:|", 2}, tEOF(3)}},
	{"crlf", modeText, "one\r\ntwo\r\n", []lexTok{{itemText, "one", 1}, {itemText, "two", 2}, tEOF(3)}},
	{"no final newline", modeText, "one\ntwo", []lexTok{{itemText, "one", 1}, {itemText, "two", 2}, tEOF(2)}},
	{"invalid utf8", modeText, "ok\nbad \xff\xfe\nok", []lexTok{
		{itemText, "ok", 1}, {itemInvalid, "invalid UTF-8, line skipped", 2}, {itemText, "ok", 3}, tEOF(3)}},
	{"nul ends the scan", modeText, "ok\nbin\x00ary\nnever", []lexTok{
		{itemText, "ok", 1}, {itemError, "NUL byte: binary content, rest of the note skipped", 2}}},

	{"outline levels", modeText, "2. AWS SAM\n\t2.1 Template basics\n\t\t2.1.3. Globals section\n", []lexTok{
		{itemNumber, "2", 1}, {itemText, "AWS SAM", 1},
		{itemIndent, "\t", 2}, {itemNumber, "1", 2}, {itemText, "Template basics", 2},
		{itemIndent, "\t\t", 3}, {itemNumber, "3", 3}, {itemText, "Globals section", 3}, tEOF(4)}},
	{"thread post numbers", modeText, "4/ Lambda configs:\n24/7 on call\n1/2 cup\n", []lexTok{
		{itemNumber, "4", 1}, {itemText, "Lambda configs:", 1},
		{itemText, "24/7 on call", 2}, {itemText, "1/2 cup", 3}, tEOF(4)}},
	{"outline: a bare number or a long one is text", modeText, "12 hours max\n1.2.3.4.5 deep\n1234.5 x\n", []lexTok{
		{itemText, "12 hours max", 1}, {itemText, "1.2.3.4.5 deep", 2}, {itemText, "1234.5 x", 3}, tEOF(4)}},
	{"enumeration markers", modeText, "(a)  AWS CloudTrail management events;\n  (B) VPC Flow Logs\n(12) twelfth\n(a)b\n(ab) no\n(a)\n", []lexTok{
		{itemNumber, "1", 1}, {itemText, "AWS CloudTrail management events;", 1},
		{itemIndent, "  ", 2}, {itemNumber, "2", 2}, {itemText, "VPC Flow Logs", 2},
		{itemNumber, "12", 3}, {itemText, "twelfth", 3},
		{itemText, "(a)b", 4}, {itemText, "(ab) no", 5}, {itemText, "(a)", 6}, tEOF(7)}},

	// Fixed bugs: regressions met while developing against the real notes.
	// 001:6 "aws devops" is prose, not a CLI line (an aws command has a service and an operation).
	{"bug: aws prose", modeBlog, "aws devops\n", []lexTok{{itemText, "aws devops", 1}, tEOF(2)}},
	// 002:579 "- |" is a "-" mark cell of a table, not an empty bullet.
	{"bug: minus cell", modePDF, "- |\n", []lexTok{{itemCell, "-", 1}, tEOF(2)}},
	// 002:1463 "Fn::Base64: |" ends like a cell; the table inference leaves it out of tables.
	{"bug: yaml block scalar is a cell line", modePDF, "Fn::Base64: |\n", []lexTok{{itemCell, "Fn::Base64:", 1}, tEOF(2)}},
	// 000:143 "assert()" is code, not a heading.
	{"bug: call line", modeWiki, "assert()\n", []lexTok{{itemCode, "assert()", 1}, tEOF(2)}},
	// 002:1740 a command line without a known program but with --flags is code.
	{"bug: dash flags", modePDF, "get-metric-statistics --namespace <value> --metric-name <value>\n", []lexTok{
		{itemCode, "get-metric-statistics --namespace <value> --metric-name <value>", 1}, tEOF(2)}},
	// A heading whose marker has no space after it was a line of text.
	{"bug: heading mark without a space", modePDF, "↖↑↓Rolling Update\n↖↓Launch Types\n", []lexTok{
		{itemHeading, "Rolling Update", 1}, {itemHeading, "Launch Types", 2}, tEOF(3)}},
	// "1.5 Determine ..." (000:27) is text: a number marker needs "1." followed by a blank.
	{"bug: section number is text", modeWiki, "  • 1.5 Determine deployment", []lexTok{
		{itemIndent, "  ", 1}, {itemBullet, "•", 1}, {itemText, "1.5 Determine deployment", 1}, tEOF(1)}},
}

func TestLex(t *testing.T) {
	for _, tt := range lexTests {
		t.Run(tt.name, func(t *testing.T) {
			got := lexToks(tt.input, tt.mode)
			if !equalToks(got, tt.want) {
				t.Errorf("lex(%q)\n got %v\nwant %v", tt.input, got, tt.want)
			}
		})
	}
}

func equalToks(a, b []lexTok) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestLexPositions(t *testing.T) {
	input := "ab\r\n  • cd\n"
	items := lex(input, modeWiki)
	for _, it := range items {
		if it.typ == itemEOF || it.typ == itemBlank {
			continue
		}
		if !strings.HasPrefix(input[it.pos:], it.val) {
			t.Errorf("item %v: input at pos %d is %q, want it to start with the value", it, it.pos, input[it.pos:])
		}
	}
}

func TestLexLongLine(t *testing.T) {
	input := "short\n" + strings.Repeat("x", MaxLineBytes+1) + "\nafter\n"
	got := lexToks(input, modeText)
	if len(got) != 4 || got[1].typ != itemInvalid || got[1].line != 2 || got[2] != (lexTok{itemText, "after", 3}) {
		t.Fatalf("long line: got %v", got)
	}
	if !strings.Contains(got[1].val, "too long") {
		t.Errorf("long line message = %q", got[1].val)
	}
}

func TestWeakCode(t *testing.T) {
	tests := []struct {
		line       string
		code, weak bool
	}{
		{"Resources:", false, true},
		{"HVM64: \"ami-0000\"", false, true},
		{"ImageId: !FindInMap [RegionMap, !Ref \"AWS::Region\", HVM64]", true, true},
		{`"codecommit:References": false`, true, true},
		{`"refs/heads/master"`, false, true},
		{"...", false, true},
		{"--metric-name randomNumber \\", false, true},
		{"Domain 1: SDLC Automation", false, false},
		{"Use cases:", false, false},
		{"General Strategies", false, false},
		{"aws s3 cp file s3://bucket/", true, true},
	}
	for _, tt := range tests {
		if got := isCodeLine(tt.line); got != tt.code {
			t.Errorf("isCodeLine(%q) = %v, want %v", tt.line, got, tt.code)
		}
		if got := isWeakCode(tt.line); got != tt.weak {
			t.Errorf("isWeakCode(%q) = %v, want %v", tt.line, got, tt.weak)
		}
	}
}
