package ingest

import (
	"path"
	"strings"
)

// Commented scripts: a shell script, a Terraform file or a SQL script kept
// as notes ("the commands I keep forgetting", each under a comment that
// says what it does and why). Its comments are the notes and its code is
// code: scriptToMarkdown writes the comments as Markdown text (a comment
// rule with a word, "# ----- Lambda", a heading) and each run of code
// lines as a fenced code block, every line citing its own note line.

// scriptMarks returns the line-comment marks of a program source, by its
// extension, or by a "#!" first line for a file of none; nil when name is
// no program source awskg knows the comments of.
func scriptMarks(name, text string) []string {
	switch strings.ToLower(path.Ext(name)) {
	case ".sh", ".bash", ".zsh", ".py", ".rb", ".pl", ".r", ".ps1":
		return []string{"#"}
	case ".tf", ".hcl":
		return []string{"#", "//"}
	case ".go", ".js", ".mjs", ".ts", ".tsx", ".jsx", ".java", ".kt", ".scala", ".c", ".h", ".cc", ".cpp", ".hpp", ".cs", ".rs", ".swift", ".php", ".gradle":
		return []string{"//"}
	case ".sql", ".lua":
		return []string{"--"}
	case ".bat", ".cmd":
		return []string{"::", "REM ", "rem "}
	case "":
		if strings.HasPrefix(text, "#!") {
			return []string{"#"}
		}
	}
	return nil
}

// minScriptProse is the least number of prose comment lines (four words
// or more) that make a program source a commented script; they must also
// be at least a quarter of its non-blank lines, so a program with a doc
// comment here and there stays code.
const minScriptProse = 5

// isCommentedScript reports whether a program source (see scriptMarks)
// holds notes in its comments: at least minScriptProse comment lines of
// prose, a quarter or more of its non-blank lines.
func isCommentedScript(name, text string) bool {
	marks := scriptMarks(name, text)
	if marks == nil {
		return false
	}
	prose, nonBlank := 0, 0
	for _, l := range splitLines(text) {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		nonBlank++
		if c, ok := commentText(t, marks); ok && len(strings.Fields(c)) >= 4 {
			prose++
		}
	}
	return prose >= minScriptProse && 4*prose >= nonBlank
}

// commentText returns the text of a whole-line comment (t trimmed), its
// mark and the space after it removed; ok is false for a code line. A
// "#!" first line is no comment.
func commentText(t string, marks []string) (string, bool) {
	if strings.HasPrefix(t, "#!") {
		return "", false
	}
	for _, m := range marks {
		if strings.HasPrefix(t, m) {
			c := strings.TrimPrefix(t, m)
			if m == "#" || m == "//" || m == "--" {
				// "###", "////": the mark repeated is the mark
				c = strings.TrimLeft(c, m[:1])
			}
			return strings.TrimSpace(c), true
		}
	}
	return "", false
}

// ruleHeading reads a comment that is a rule ("----------- Lambda", "===
// CloudFormation ===", "#### IAM ####"): the words on it, and ok when the
// comment is a rule of three or more rule characters, with or without
// words.
func ruleHeading(c string) (string, bool) {
	isRule := func(r rune) bool { return strings.ContainsRune("-=#*~_+/", r) }
	lead := len(c) - len(strings.TrimLeftFunc(c, isRule))
	trail := len(c) - len(strings.TrimRightFunc(c, isRule))
	if lead < 3 && trail < 3 {
		return "", false
	}
	words := strings.TrimSpace(strings.TrimFunc(c, isRule))
	if len(strings.Fields(words)) > 8 {
		return "", false
	}
	return words, true
}

// scriptToMarkdown rewrites a commented script (see isCommentedScript) as
// Markdown: whole-line comments are text (a rule with words a heading, a
// bare rule a paragraph break), runs of code lines fenced code blocks; the
// note's lines are quoted as they are.
func scriptToMarkdown(name string, lines []string) noteMarkdown {
	marks := scriptMarks(name, strings.Join(lines[:min(1, len(lines))], ""))
	out := noteMarkdown{text: lines}
	code := false
	closeCode := func(n int) {
		if code {
			out.add("```", n)
			out.add("", n)
			code = false
		}
	}
	for i, l := range lines {
		n := i + 1
		t := strings.TrimSpace(l)
		if t == "" {
			closeCode(n)
			out.add("", n)
			continue
		}
		c, ok := commentText(t, marks)
		if !ok {
			if i == 0 && strings.HasPrefix(t, "#!") {
				continue
			}
			if !code {
				out.add("", n)
				out.add("```", n)
				code = true
			}
			out.add(l, n)
			continue
		}
		closeCode(n)
		if words, rule := ruleHeading(c); rule {
			out.add("", n)
			if words != "" {
				out.add("## "+words, n)
				out.add("", n)
			}
			continue
		}
		out.add(c, n)
	}
	closeCode(len(lines))
	return out
}
