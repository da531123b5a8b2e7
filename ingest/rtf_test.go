package ingest

import (
	"strings"
	"testing"
)

// textEditRTF is a note as macOS TextEdit saves it: paragraphs end in a
// backslash at the end of a line, bold runs in a larger font are headings,
// a bulleted list's items carry \listtext markers and \ilvl levels.
var textEditRTF = strings.Join([]string{
	`{\rtf1\ansi\ansicpg1252\cocoartf2761`, // 1
	`\cocoatextscaling0\cocoaplatform0{\fonttbl\f0\fswiss\fcharset0 Helvetica-Bold;\f1\fswiss\fcharset0 Helvetica;}`, // 2
	`{\colortbl;\red255\green255\blue255;}`, // 3
	`{\*\expandedcolortbl;;}`,               // 4
	`{\*\listtable{\list\listtemplateid1\listhybrid{\listlevel\levelnfc23{\leveltext\leveltemplateid1\'01\uc0\u8226 ;}{\levelnumbers;}\fi-360\li720\lin720 }{\listname ;}\listid1}}`, // 5
	`{\*\listoverridetable{\listoverride\listid1\listoverridecount0\ls1}}`,        // 6
	`\paperw11900\paperh16840\margl1440\margr1440\vieww11520\viewh8400\viewkind0`, // 7
	`\pard\tx566\tx1133\pardirnatural\partightenfactor0`,                          // 8
	``,                                   // 9
	`\f0\b\fs32 \cf0 Monitoring review\`, // 10
	`\fs26 CloudWatch Logs\`,             // 11
	``,                                   // 12
	`\f1\b0\fs24 Subscription filters can deliver log events to Kinesis Data Streams or AWS Lambda \'96 cross-account too.\`, // 13
	`\pard\tx220\tx720\pardirnatural\partightenfactor0`,                                                                      // 14
	`\ls1\ilvl0\cf0 {\listtext	\uc0\u8226 	}Metric filters turn log lines into metrics\`,                                     // 15
	`{\listtext	\uc0\u8226 	}Retention: 1 day to 10 years\`,                                                                  // 16
	`\ls1\ilvl1{\listtext	\uc0\u8226 	}the default never expires\`,                                                           // 17
	`\pard\tx566\pardirnatural\partightenfactor0`,                                                                            // 18
	`\cf0 \`,            // 19
	`\f0\b CodeDeploy\`, // 20
	``,                  // 21
	`\f1\b0 The hooks run in order: ApplicationStop > DownloadBundle > BeforeInstall.\`, // 22
	`}`, // 23
}, "\n")

// wordPadRTF is a note as WordPad or Word saves it: heading styles named in
// the stylesheet, \par paragraphs, \pntext list markers nested by their
// indent, a table, a link field, \'hh and \uN characters, hidden text.
var wordPadRTF = strings.Join([]string{
	`{\rtf1\ansi\ansicpg1252\deff0\nouicompat{\fonttbl{\f0\fnil\fcharset0 Calibri;}{\f1\fnil\fcharset2 Symbol;}}`,                 // 1
	`{\stylesheet{\s0 Normal;}{\s1\b\fs32 heading 1;}{\s2\b\fs28 heading 2;}}`,                                                    // 2
	`{\*\generator Riched20 10.0.19041}\viewkind4\uc1 `,                                                                           // 3
	`\pard\s1\sa200\b\f0\fs32\lang9 Config\par`,                                                                                   // 4
	`\pard\s2\b\fs28 Rules\par`,                                                                                                   // 5
	`\pard\sa200\b0\fs22 AWS Config rules can be {\b managed} or custom; a custom rule runs on AWS Lambda.\par`,                   // 6
	`{\pntext\f1\'B7\tab}{\*\pn\pnlvlblt\pnf1\pnindent0{\pntxtb\'B7}}\fi-360\li720 Remediation uses SSM Automation documents\par`, // 7
	`{\pntext\f1\'B7\tab}Aggregators collect data from multiple accounts and regions\par`,                                         // 8
	`{\pntext 1.\tab}{\*\pn\pnlvlbody\pnf0\pnindent0\pnstart1\pndec{\pntxta.}}`,                                                   // 9
	`\fi-360\li1080 a numbered sub-item\par`,                                                                                      // 10
	`\pard\sa200 See {\field{\*\fldinst{HYPERLINK "https://docs.aws.amazon.com" }}{\fldrslt{\ul the docs}}}\par`,                  // 11
	`\trowd\trgaph108\cellx3000\cellx6000`,                                                                                        // 12
	`\pard\intbl Service\cell Notifies\cell\row`,                                                                                  // 13
	`\trowd\trgaph108\cellx3000\cellx6000`,                                                                                        // 14
	`\pard\intbl CodeCommit\cell SNS\cell\row`,                                                                                    // 15
	`\pard\par`, // 16
	`Caf\'e9 \u8364? and {\v hidden words} done.\par`, // 17
	`}`, // 18
}, "\n")

// TestRTFNote: an RTF note is detected by name or content and read as the
// Markdown its paragraphs say, each line citing the note line its first
// word is on; tables of fonts, colours, styles and lists, generator and
// field instructions, hidden text and list markers' characters are no
// text.
func TestRTFNote(t *testing.T) {
	for _, name := range []string{"review.rtf", "review.txt", "review"} {
		if got := DetectFormat(name, []byte(textEditRTF)); got != FormatRTF {
			t.Errorf("DetectFormat(%s) = %q, want %q", name, got, FormatRTF)
		}
	}
	if got := DetectFormat("plain.txt", []byte("rtf notes: {\\rtf1 is how RTF opens\n")); got == FormatRTF {
		t.Errorf("a text that mentions {\\rtf1 read as RTF")
	}
	tests := []struct {
		name   string
		src    string
		want   []mdLine
		quoted map[int]string
	}{
		{"TextEdit", textEditRTF, []mdLine{
			{"# Monitoring review", 10},
			{"## CloudWatch Logs", 11},
			{"Subscription filters can deliver log events to Kinesis Data Streams or AWS Lambda – cross-account too.", 13},
			{"- Metric filters turn log lines into metrics", 15},
			{"- Retention: 1 day to 10 years", 16},
			{"    - the default never expires", 17},
			{"### CodeDeploy", 20},
			{"The hooks run in order: ApplicationStop > DownloadBundle > BeforeInstall.", 22},
		}, map[int]string{16: "Retention: 1 day to 10 years", 5: "", 2: ""}},
		{"WordPad", wordPadRTF, []mdLine{
			{"# Config", 4},
			{"## Rules", 5},
			{"AWS Config rules can be managed or custom; a custom rule runs on AWS Lambda.", 6},
			{"- Remediation uses SSM Automation documents", 7},
			{"- Aggregators collect data from multiple accounts and regions", 8},
			{"    1. a numbered sub-item", 10},
			{"See the docs", 11},
			{"| Service | Notifies |", 13},
			{"| --- | --- |", 13},
			{"| CodeCommit | SNS |", 15},
			{"Café € and done.", 17},
		}, map[int]string{13: "Service Notifies", 3: "", 11: "See the docs"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := rtfToMarkdown(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			checkMarkdownLines(t, h, tt.want)
			for n, q := range tt.quoted {
				if h.text[n-1] != q {
					t.Errorf("quoted line %d = %q, want %q", n, h.text[n-1], q)
				}
			}
		})
	}
}

// TestRTFFacts: an RTF note's facts cite its own lines.
func TestRTFFacts(t *testing.T) {
	c := buildOneNote(t, "review.rtf", textEditRTF)
	found := false
	for _, f := range c.Facts {
		if f.Subject == "component:subscription-filter" && f.Object == "service:aws-lambda" && strings.HasSuffix(f.Source, "review.rtf:13") {
			found = true
		}
		if strings.Contains(f.Object, "rtf") || strings.Contains(f.Object, "helvetica") {
			t.Errorf("markup read as a fact: %+v", f)
		}
	}
	if !found {
		t.Errorf("no fact subscription filter -> AWS Lambda citing review.rtf:13: %v", c.Facts)
	}
}

// TestRTFNotRTF: a note named *.rtf that is no RTF, or RTF with no text,
// is read as text with an error at line 1; nothing is lost.
func TestRTFNotRTF(t *testing.T) {
	for _, bad := range []string{"CodeDeploy hooks run in order", `{\rtf1{\fonttbl\f0 Arial;}}`, `{\rtf1`} {
		if _, err := rtfToMarkdown(bad); err == nil {
			t.Errorf("rtfToMarkdown(%q): no error", bad)
		}
	}
	doc, err := Parse("notes.rtf", []byte("CodeDeploy hooks run in order\n"))
	if err == nil || doc == nil || doc.Format != FormatText || len(doc.Blocks) == 0 {
		t.Errorf("plain text named .rtf: doc %+v, err %v; want read as text with an error", doc, err)
	}
}

// TestRTFFixedBugs: inputs that once read wrong.
func TestRTFFixedBugs(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []mdLine
	}{
		// unbalanced braces: a stray "}" does not close the document, an
		// unclosed group ends with the note
		{"stray close", "{\\rtf1 one\\par}} two\\par", []mdLine{{"one", 1}, {"two", 1}}},
		// a \uN's fallback character is skipped, \uc0 has none
		{"unicode fallback", "{\\rtf1\\uc1 a\\u8594?b\\par\\uc0\\u8594 c\\par}", []mdLine{{"a→b", 1}, {"→c", 1}}},
		// a character outside the BMP as a surrogate pair
		{"surrogates", "{\\rtf1\\uc0 x\\u-10179\\u-8704 y\\par}", []mdLine{{"x😀y", 1}}},
		// \bin data is skipped, braces and all
		{"bin", "{\\rtf1 a{\\*\\blip\\bin4 {}{}}b\\par}", []mdLine{{"ab", 1}}},
		// nesting past the kept depth reads on
		{"deep", "{\\rtf1 " + strings.Repeat("{", 500) + "deep" + strings.Repeat("}", 500) + "\\par}", []mdLine{{"deep", 1}}},
		// a trailing backslash
		{"trailing backslash", "{\\rtf1 last\\", []mdLine{{"last", 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := rtfToMarkdown(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			checkMarkdownLines(t, h, tt.want)
		})
	}
}

// FuzzRTFToMarkdown: any text reads without a panic, and every Markdown
// line of an RTF note it reads cites a line of the note.
func FuzzRTFToMarkdown(f *testing.F) {
	f.Add(textEditRTF)
	f.Add(wordPadRTF)
	f.Add("{\\rtf1\\uc2\\u-1?? {\\*\\x}\\'zz\\bin99999 }")
	f.Fuzz(func(t *testing.T, src string) {
		if h, err := rtfToMarkdown(src); err == nil {
			checkCitedLines(t, h, src)
			if len(h.lines) != len(h.lineOf) {
				t.Fatalf("%d lines, %d citations", len(h.lines), len(h.lineOf))
			}
		}
	})
}
