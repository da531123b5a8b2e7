package ingest

import (
	"strings"
)

// LaTeX notes (lecture notes, a study group's write-up) keep their
// structure in commands: \section{...} and \subsection{...} headings (a
// Beamer slide's title, \begin{frame}{...} or \frametitle{...}, one level
// below the last of them),
// itemize, enumerate and description lists of \item lines, tabular rows
// of "&"-separated cells, verbatim code. latexToMarkdown rewrites each line
// into the Markdown line that says the same, one line for one line, so the
// Markdown reader reads the note and every fact still cites the note's own
// line; the preamble, comments and layout commands become blank lines.

// latexHeadings maps a sectioning command to its Markdown heading level:
// the document's title is level 1, its sections level 2.
var latexHeadings = map[string]int{
	"title": 1, "part": 1, "chapter": 2, "section": 2, "subsection": 3,
	"subsubsection": 4, "paragraph": 5, "subparagraph": 6,
}

// latexLists are the list environments and the Markdown mark of their items.
var latexLists = map[string]string{"itemize": "- ", "enumerate": "1. ", "description": "- "}

// latexCode are the environments whose lines are code, kept as written.
var latexCode = map[string]bool{"verbatim": true, "lstlisting": true, "minted": true, "Verbatim": true}

var (
	latexBeginRe   = lazyRE(`^\\(begin|end)\{([A-Za-z*]+)\}`)
	latexHeadingRe = lazyRE(`^\\([a-z]+)\*?(?:\[[^\]]*\])?\{(.*)\}\s*$`)
	latexItemRe    = lazyRE(`^\\item(?:\s*\[([^\]]*)\])?\s*`)
	// a Beamer slide's title: "\begin{frame}[fragile]{CodeBuild -- buildspec.yml}"
	latexFrameRe = lazyRE(`^\\begin\{frame\}(?:\[[^\]]*\])?\{(.*)\}\s*$`)
	latexRuleRe  = lazyRE(`^\\(toprule|midrule|bottomrule|hline|cline\{[^}]*\})\s*$`)
)

// isLaTeX reports whether a note is LaTeX: named *.tex, or it opens a
// document (\documentclass, \begin{document}) or writes two or more
// sectioning commands.
func isLaTeX(name, text string) bool {
	if strings.HasSuffix(strings.ToLower(name), ".tex") {
		return true
	}
	if !strings.Contains(text, `\documentclass`) && !strings.Contains(text, `\begin{document}`) && strings.Count(text, `section{`) < 2 {
		return false // most notes: no line need be read
	}
	sections := 0
	for _, l := range strings.Split(text, "\n") {
		switch t := strings.TrimSpace(l); {
		case strings.HasPrefix(t, `\documentclass`), strings.HasPrefix(t, `\begin{document}`):
			return true // a line that opens a document, not prose that mentions one
		case strings.HasPrefix(t, `\section{`), strings.HasPrefix(t, `\subsection{`):
			sections++
		}
	}
	return sections >= 2
}

// opensDocument reports whether a note has a line that begins its
// document body (\begin{document}, not a comment that mentions it).
func opensDocument(lines []string) bool {
	for _, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), `\begin{document}`) {
			return true
		}
	}
	return false
}

// latexToMarkdown rewrites a LaTeX note's lines as Markdown lines, as many
// as there are (see above).
func latexToMarkdown(lines []string) []string {
	out := make([]string, len(lines))
	body := !opensDocument(lines)
	var lists []string // the marks of the open list environments
	code, table, headerDone := "", false, false
	level := 1 // the level of the last heading: a slide's title is one below it
	skip := "" // the end of text left out: "\\fi", or "\\end{comment}"
	for i, raw := range lines {
		t := strings.TrimSpace(raw)
		if skip != "" {
			if strings.HasPrefix(t, skip) {
				skip = ""
			}
			continue
		}
		switch {
		case strings.HasPrefix(t, `\iffalse`):
			skip = `\fi` // text commented out
			continue
		case strings.HasPrefix(t, `\begin{comment}`):
			skip = `\end{comment}`
			continue
		}
		if code != "" {
			if strings.HasPrefix(t, `\end{`+code+`}`) {
				code, out[i] = "", "```"
			} else {
				out[i] = raw
			}
			continue
		}
		if m := latexFrameRe.FindStringSubmatch(t); m != nil && body && strings.TrimSpace(m[1]) != "" {
			// a Beamer slide's title heads its items
			out[i] = strings.Repeat("#", min(level+1, 6)) + " " + latexInline(m[1])
			continue
		}
		if m := latexBeginRe.FindStringSubmatch(t); m != nil {
			env := strings.TrimSuffix(m[2], "*")
			switch {
			case env == "document":
				body = m[1] == "begin"
			case latexCode[env] && m[1] == "begin":
				code, out[i] = m[2], "```"
			case latexLists[env] != "":
				if m[1] == "begin" {
					lists = append(lists, latexLists[env])
				} else if len(lists) > 0 {
					lists = lists[:len(lists)-1]
				}
			case env == "tabular" || env == "tabularx" || env == "longtable":
				table, headerDone = m[1] == "begin", false
			}
			continue
		}
		if !body || t == "" || strings.HasPrefix(t, "%") {
			if m := latexHeadingRe.FindStringSubmatch(t); m != nil && m[1] == "title" {
				out[i] = "# " + latexInline(m[2])
			}
			continue
		}
		t = latexComment(t)
		switch m := latexHeadingRe.FindStringSubmatch(t); {
		case m != nil && latexHeadings[m[1]] > 0:
			level = latexHeadings[m[1]]
			out[i] = strings.Repeat("#", level) + " " + latexInline(m[2])
			continue
		case m != nil && m[1] == "frametitle":
			out[i] = strings.Repeat("#", min(level+1, 6)) + " " + latexInline(m[2])
			continue
		case m != nil && (m[1] == "caption" || m[1] == "textbf"):
			out[i] = latexInline(m[2])
			continue
		}
		if table {
			if latexRuleRe.MatchString(t) {
				// the rule under the header row is where Markdown wants its
				// separator
				if headerDone && i > 0 && strings.HasPrefix(out[i-1], "|") && !strings.Contains(out[i-1], "---") && !latexSeparated(out, i) {
					out[i] = strings.Repeat("|---", strings.Count(out[i-1], "|")-1) + "|"
				}
				continue
			}
			row := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(t, `\\`)), `\hline`))
			var cells []string
			for _, c := range latexCells(row) {
				cells = append(cells, latexInline(strings.TrimSpace(c)))
			}
			out[i] = "| " + strings.Join(cells, " | ") + " |"
			headerDone = true
			continue
		}
		if m := latexItemRe.FindStringSubmatchIndex(t); m != nil && len(lists) > 0 {
			mark := lists[len(lists)-1]
			text := latexInline(t[m[1]:])
			if m[2] >= 0 {
				text = latexInline(t[m[2]:m[3]]) + ": " + text // \item[Term] definition
			}
			out[i] = strings.Repeat("  ", 2*(len(lists)-1)) + mark + text
			continue
		}
		indent := ""
		if len(lists) > 0 {
			indent = strings.Repeat("  ", 2*len(lists)) // an item's further line
		}
		if s := latexInline(t); s != "" {
			out[i] = indent + s
		}
	}
	return out
}

// latexCells splits a tabular row at its unescaped "&" ("CloudFormation
// \& SAM & IaC" has two cells).
func latexCells(row string) []string {
	var cells []string
	start := 0
	for k := 0; k < len(row); k++ {
		if row[k] == '&' && (k == 0 || row[k-1] != '\\') {
			cells = append(cells, row[start:k])
			start = k + 1
		}
	}
	return append(cells, row[start:])
}

// latexSeparated reports whether a separator row already follows the
// header row above line i.
func latexSeparated(out []string, i int) bool {
	for k := i - 1; k >= 0 && strings.HasPrefix(out[k], "|"); k-- {
		if strings.HasPrefix(out[k], "|---") {
			return true
		}
	}
	return false
}

// latexComment drops a line's comment: from an unescaped "%" on.
func latexComment(t string) string {
	for k := 0; k < len(t); k++ {
		if t[k] == '%' && (k == 0 || t[k-1] != '\\') {
			return strings.TrimSpace(t[:k])
		}
	}
	return t
}

var (
	latexBoldRe  = lazyRE(`\\textbf\{([^{}]*)\}`)
	latexItalRe  = lazyRE(`\\(?:emph|textit|textsl|underline)\{([^{}]*)\}`)
	latexCodeRe  = lazyRE(`\\(?:texttt|verb\|)\{?([^{}|]*)[}|]`)
	latexHrefRe  = lazyRE(`\\href\{[^{}]*\}\{([^{}]*)\}`)
	latexNoteRe  = lazyRE(`\\(?:footnote|label|index|cite|ref)\{[^{}]*\}`)
	latexMultiRe = lazyRE(`\\multi(?:column|row)\{[^{}]*\}\{[^{}]*\}\{([^{}]*)\}`)
	latexArgRe   = lazyRE(`\\[A-Za-z]+\*?(?:\[[^\]]*\])?\{([^{}]*)\}`)
	latexBareRe  = lazyRE(`\\[A-Za-z]+\*?`)
	latexMathRe  = lazyRE(`\$([^$]*)\$`)
	latexEscapes = strings.NewReplacer(`\&`, "&", `\%`, "%", `\_`, "_", `\#`, "#", `\$`, "$", `\{`, "{", `\}`, "}", `~`, " ", `\\`, "", "``", `"`, "''", `"`, `\,`, " ", `\ `, " ")
)

// latexInline rewrites a line's inline commands: footnotes, labels and
// references dropped, \multicolumn{n}{c}{x} as x, \textbf{x} as **x**,
// \emph{x} as *x*, \texttt{x} as `x`, \href{url}{text} as its text, any
// other command as its argument (\url{x} is x) or nothing (\noindent),
// math as its text, and escapes as the characters they stand for.
func latexInline(s string) string {
	s = latexNoteRe.ReplaceAllString(s, "") // a footnote, label or reference is no part of the line's text
	s = latexMultiRe.ReplaceAllString(s, "$1")
	s = latexHrefRe.ReplaceAllString(s, "$1")
	s = latexBoldRe.ReplaceAllString(s, "**$1**")
	s = latexItalRe.ReplaceAllString(s, "*$1*")
	s = latexCodeRe.ReplaceAllString(s, "`$1`")
	for k := 0; k < 3 && latexArgRe.MatchString(s); k++ {
		s = latexArgRe.ReplaceAllString(s, "$1")
	}
	s = latexMathRe.ReplaceAllString(s, "$1")
	s = strings.ReplaceAll(s, `\\`, "")
	s = latexEscapes.Replace(s)
	s = latexBareRe.ReplaceAllString(s, "")
	return strings.TrimSpace(strings.Join(strings.Fields(s), " "))
}
