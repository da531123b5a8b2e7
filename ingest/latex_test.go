package ingest

import (
	"strings"
	"testing"

	"github.com/awskg/awskg/graph"
)

// TestLaTeXToMarkdown: each LaTeX line becomes the Markdown line that says
// the same, as many lines as the note has.
func TestLaTeXToMarkdown(t *testing.T) {
	src := []string{
		`\documentclass{article}`,                        // 1 preamble: blank
		`\title{DOP-C02 Lecture 5}`,                      // 2 the title: a heading
		`\begin{document}`,                               // 3
		`\section{AWS CloudFormation}`,                   // 4
		`% a comment`,                                    // 5
		`\begin{itemize}`,                                // 6
		`  \item \textbf{cfn-hup}: a daemon;`,            // 7
		`        it checks every 15 minutes.`,            // 8 the item's further line
		`  \begin{enumerate}`,                            // 9
		`    \item packages`,                             // 10
		`  \end{enumerate}`,                              // 11
		`  \item[Stack policy] protects resources % why`, // 12
		`\end{itemize}`,                                  // 13
		`\begin{tabular}{ll}`,                            // 14
		`\toprule`,                                       // 15
		`Policy & Downtime \\`,                           // 16
		`\midrule`,                                       // 17
		`Rolling & no \\`,                                // 18
		`\end{tabular}`,                                  // 19
		`\begin{verbatim}`,                               // 20
		`cfn-init -s \$STACK`,                            // 21
		`\end{verbatim}`,                                 // 22
		`Uses \texttt{/etc/cfn} \& more.`,                // 23
		`\end{document}`,                                 // 24
	}
	want := []string{
		"",
		"# DOP-C02 Lecture 5",
		"",
		"## AWS CloudFormation",
		"",
		"",
		"- **cfn-hup**: a daemon;",
		"    it checks every 15 minutes.",
		"",
		"    1. packages",
		"",
		"- Stack policy: protects resources",
		"",
		"",
		"",
		"| Policy | Downtime |",
		"|---|---|",
		"| Rolling | no |",
		"",
		"```",
		`cfn-init -s \$STACK`,
		"```",
		"Uses `/etc/cfn` & more.",
		"",
	}
	got := latexToMarkdown(src)
	if len(got) != len(src) {
		t.Fatalf("%d lines, want %d", len(got), len(src))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d: %q, want %q", i+1, got[i], want[i])
		}
	}
}

// TestLaTeXBeamerFrames: a Beamer slide's title heads its items, one
// level below the last section (the title's level when there is none),
// from \begin{frame}{...} or \frametitle{...}; a slide with no title
// heads nothing.
func TestLaTeXBeamerFrames(t *testing.T) {
	src := []string{
		`\documentclass{beamer}`,                        // 1
		`\title{CI/CD on AWS: CodePipeline, CodeBuild}`, // 2
		`\begin{document}`,                              // 3
		`\begin{frame}`,                                 // 4 no title
		`  \titlepage`,                                  // 5
		`\end{frame}`,                                   // 6
		`\begin{frame}[fragile]{CodeBuild -- buildspec.yml}`, // 7
		`  \begin{itemize}`, // 8
		`    \item Phases run in order: install, pre\_build, build`, // 9
		`  \end{itemize}`,                 // 10
		`\end{frame}`,                     // 11
		`\section{Deploy}`,                // 12
		`\begin{frame}`,                   // 13
		`  \frametitle{CodeDeploy hooks}`, // 14
		`\end{frame}`,                     // 15
		`\end{document}`,                  // 16
	}
	got := latexToMarkdown(src)
	for i, want := range map[int]string{2: "# CI/CD on AWS: CodePipeline, CodeBuild", 4: "", 5: "", 7: "## CodeBuild -- buildspec.yml", 9: "- Phases run in order: install, pre_build, build", 12: "## Deploy", 14: "### CodeDeploy hooks"} {
		if got[i-1] != want {
			t.Errorf("line %d: %q, want %q", i, got[i-1], want)
		}
	}
}

// TestLaTeXNote: a .tex note is parsed as LaTeX and its facts cite its own
// lines, read as headings, items and table rows.
func TestLaTeXNote(t *testing.T) {
	src := strings.Join([]string{
		`\documentclass{article}`,
		`\begin{document}`,
		`\section{AWS CloudFormation}`,
		`\subsection{Helper scripts}`,
		`\begin{itemize}`,
		`  \item \textbf{cfn-hup}: detects metadata changes`,
		`  \item \textbf{cfn-signal}: signals a CreationPolicy`,
		`\end{itemize}`,
		`\end{document}`,
	}, "\n")
	if got := DetectFormat("notes.tex", []byte(src)); got != FormatLaTeX {
		t.Errorf("DetectFormat = %q, want latex", got)
	}
	if got := DetectFormat("notes.txt", []byte(src)); got != FormatLaTeX {
		t.Errorf("DetectFormat of a .txt that opens a LaTeX document = %q, want latex", got)
	}
	g, names := extractNote(t, "notes.tex", src)
	set := factSet(g, names)
	var heads []string
	for f := range set {
		if f.s == "AWS CloudFormation" && f.line == 6 {
			heads = append(heads, f.p+" "+f.o)
		}
	}
	if len(heads) == 0 {
		t.Errorf("no fact of CloudFormation cites line 6 (the cfn-hup item); facts: %v", set)
	}
	for f := range set {
		if strings.ContainsAny(f.o, `\{}`) || strings.ContainsAny(f.s, `\{}`) {
			t.Errorf("a LaTeX command left in a fact: %+v", f)
		}
		if f.p == graph.PredFeature && f.o == "document" {
			t.Errorf("the preamble read as text: %+v", f)
		}
	}
}

// TestIsNoteFile: a folder is read for every text format awskg reads.
func TestIsNoteFile(t *testing.T) {
	for _, name := range []string{"a.md", "a.txt", "a.org", "a.adoc", "a.rst", "a.yaml", "a.yml", "a.csv", "a.tsv", "a.tex", "A.TEX", "a.html", "a.htm", "a.mediawiki", "a.wiki", "a.json", "a.opml"} {
		if !IsNoteFile(name) {
			t.Errorf("IsNoteFile(%q) = false", name)
		}
	}
	for _, name := range []string{"a.png", "a.pdf", "a.go", "a", "a.jpg"} {
		if IsNoteFile(name) {
			t.Errorf("IsNoteFile(%q) = true", name)
		}
	}
}

// TestLaTeXFixedBugs: cases a newcomer found.
func TestLaTeXFixedBugs(t *testing.T) {
	tests := []struct {
		name string
		src  []string
		want []string
	}{
		{"text commented out is no text",
			[]string{`\iffalse`, `CloudTrail supports time travel.`, `\fi`, `\begin{comment}`, `CloudTrail notifies Pinpoint.`, `\end{comment}`, `CloudTrail logs API calls.`},
			[]string{"", "", "", "", "", "", "CloudTrail logs API calls."}},
		{"a comment that mentions the document body opens none",
			[]string{`% \input from main.tex (which has the \begin{document})`, `\section{CloudTrail}`, `Logs API calls.`},
			[]string{"", "## CloudTrail", "Logs API calls."}},
		{"an escaped ampersand is no cell border; a footnote no text; a multicolumn its text",
			[]string{`\begin{tabular}{ll}`, `Tool & Role \\`, `\midrule`, `CloudFormation \& SAM & IaC\footnote{and CDK} \\`, `\multicolumn{2}{c}{Organization trail} \\`, `\end{tabular}`},
			[]string{"", "| Tool | Role |", "|---|---|", "| CloudFormation & SAM | IaC |", "| Organization trail |", ""}},
	}
	for _, tt := range tests {
		got := latexToMarkdown(tt.src)
		for i := range tt.want {
			if got[i] != tt.want[i] {
				t.Errorf("%s: line %d = %q, want %q", tt.name, i+1, got[i], tt.want[i])
			}
		}
	}
	// prose that mentions LaTeX is no LaTeX note
	if isLaTeX("n.txt", "My main.tex begins with \\documentclass{article} and \\begin{document}.\n- CodeBuild runs builds\n") {
		t.Errorf("a text note that mentions \\documentclass read as LaTeX")
	}
}
