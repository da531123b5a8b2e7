package ingest

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"net/url"
	"strings"
	"testing"
)

// TestDrawioToMarkdown: a draw.io drawing reads as its labels and
// connectors: a cell's HTML label is lines of text, a shape whose parent
// is a connector labels it, a <UserObject> gives its cell its id and
// label, a shape no connector touches is a paragraph, and the page's
// layout cells (the two unlabelled roots, the geometry) say nothing.
func TestDrawioToMarkdown(t *testing.T) {
	src := strings.Join([]string{
		`<mxfile host="app.diagrams.net"><diagram id="d1" name="Flow"><mxGraphModel dx="1" dy="1"><root>`, // 1
		`<mxCell id="0" />`,
		`<mxCell id="1" parent="0" />`,
		`<mxCell id="t" value="&lt;b&gt;Log pipeline&lt;/b&gt;" style="text;html=1;" vertex="1" parent="1"><mxGeometry x="0" y="0" as="geometry" /></mxCell>`, // 4
		`<mxCell id="cwl" value="CloudWatch Logs&lt;br&gt;log group /app/prod" style="html=1;" vertex="1" parent="1"><mxGeometry as="geometry" /></mxCell>`,
		`<UserObject label="Kinesis Data Firehose" id="fh"><mxCell style="rounded=1;" vertex="1" parent="1"><mxGeometry as="geometry" /></mxCell></UserObject>`, // 6
		`<mxCell id="s3" value="Amazon S3&#xa;archive bucket" vertex="1" parent="1" />`,
		`<mxCell id="e1" style="edgeStyle=orthogonalEdgeStyle;" edge="1" parent="1" source="cwl" target="fh"><mxGeometry relative="1" as="geometry" /></mxCell>`, // 8
		`<mxCell id="e1l" value="subscription filter" style="edgeLabel;html=1;" vertex="1" connectable="0" parent="e1"><mxGeometry as="geometry" /></mxCell>`,
		`<mxCell id="e2" value="buffered &amp;amp; batched" edge="1" parent="1" source="fh" target="s3" />`, // 10
		`</root></mxGraphModel></diagram></mxfile>`,
	}, "\n")
	if !isDrawio("flow.xml", src) || !isDrawio("flow.drawio", "") || isDrawio("flow.xml", "<opml><body/></opml>") {
		t.Error("isDrawio tells draw.io drawings wrong")
	}
	h, err := drawioToMarkdown(src)
	if err != nil {
		t.Fatal(err)
	}
	checkCitedLines(t, h, src)
	checkMarkdownLines(t, h, []mdLine{
		{"Log pipeline", 4},
		{"- CloudWatch Logs: log group /app/prod", 5},
		{"- Amazon S3: archive bucket", 7},
		{"- CloudWatch Logs -> Kinesis Data Firehose (subscription filter)", 8},
		{"- Kinesis Data Firehose -> Amazon S3 (buffered & batched)", 10},
	})
	for _, l := range h.lines {
		if strings.Contains(l, "edgeLabel") || strings.Contains(l, "<") || strings.Contains(l, "geometry") {
			t.Errorf("layout or markup in %q", l)
		}
	}
}

// TestDrawioCompressed: a page saved compressed (base64 of deflated,
// URL-escaped XML) reads like an uncompressed one, its cells citing the
// <diagram> line; cells of two pages with the same ids stay apart; a page
// that does not inflate fails with its page number.
func TestDrawioCompressed(t *testing.T) {
	page := func(a, b string) string {
		model := `<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>` +
			`<mxCell id="2" value="` + a + `" vertex="1" parent="1"/><mxCell id="3" value="` + b + `" vertex="1" parent="1"/>` +
			`<mxCell id="4" edge="1" parent="1" source="2" target="3"/></root></mxGraphModel>`
		var buf bytes.Buffer
		w, err := flate.NewWriter(&buf, flate.BestCompression)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(url.PathEscape(model))); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		return base64.StdEncoding.EncodeToString(buf.Bytes())
	}
	src := "<mxfile>\n<diagram id=\"a\" name=\"one\">" + page("AWS CodePipeline", "Amazon EventBridge") + "</diagram>\n" +
		"<diagram id=\"b\" name=\"two\">" + page("Amazon EventBridge", "Amazon SNS") + "</diagram>\n</mxfile>"
	h, err := drawioToMarkdown(src)
	if err != nil {
		t.Fatal(err)
	}
	checkMarkdownLines(t, h, []mdLine{
		{"- AWS CodePipeline -> Amazon EventBridge", 2},
		{"- Amazon EventBridge -> Amazon SNS", 3},
	})
	if _, err := drawioToMarkdown("<mxfile>\n<diagram id=\"a\">bm90IGRlZmxhdGU=</diagram></mxfile>"); err == nil || !strings.Contains(err.Error(), "page 1") {
		t.Errorf("a page that does not inflate: err %v", err)
	}
}

// TestDrawioNote: a .drawio file is a note, read as a drawing; its
// connectors are flows that cite the connector's line, and XML that is no
// drawing is read as text with a warning.
func TestDrawioNote(t *testing.T) {
	if !IsNoteFile("flow.drawio") || !IsNoteFile("flow.dio") {
		t.Error(".drawio or .dio is no note file")
	}
	src := `<mxfile><diagram><mxGraphModel><root>
<mxCell id="a" value="AWS CodePipeline" vertex="1"/>
<mxCell id="b" value="Amazon EventBridge" vertex="1"/>
<mxCell id="c" value="Amazon SNS" vertex="1"/>
<mxCell id="e1" edge="1" source="a" target="b"/>
<mxCell id="e2" edge="1" source="b" target="c"/>
</root></mxGraphModel></diagram></mxfile>`
	if f := detectFormat("flow.drawio", src); f != FormatDrawio {
		t.Fatalf("format %q", f)
	}
	g, names := extractNote(t, "flow.drawio", src)
	facts := factSet(g, names)
	for _, want := range []fact{{"AWS CodePipeline", "flowsTo", "Amazon EventBridge", 5}, {"Amazon EventBridge", "flowsTo", "Amazon SNS", 6}} {
		if !facts[want] {
			t.Errorf("no fact %v in %v", want, facts)
		}
	}
}

// TestDrawioNoDrawing: XML with no labelled cell is no drawing; a .drawio
// note that is none is read as text with a warning.
func TestDrawioNoDrawing(t *testing.T) {
	for _, src := range []string{`<mxfile><diagram id="a"><mxGraphModel><root><mxCell id="0"/></root></mxGraphModel></diagram></mxfile>`, `<mxfile><diagram`, "not xml"} {
		if _, err := drawioToMarkdown(src); err == nil {
			t.Errorf("%q read as a drawing", src)
		}
	}
	doc, err := Parse("bad.drawio", []byte("CodeCommit triggers\n- SNS\n"))
	if err == nil || !strings.Contains(err.Error(), "not a draw.io drawing") || doc == nil || doc.Format != FormatText {
		t.Errorf("a .drawio note that is no drawing: error %v", err)
	}
}

// FuzzDrawioToMarkdown: any text reads without a panic, and every Markdown
// line of a drawing it reads cites a line of the note.
func FuzzDrawioToMarkdown(f *testing.F) {
	f.Add(`<mxfile><diagram><mxGraphModel><root><mxCell id="a" value="A&lt;br&gt;x" vertex="1"/><mxCell id="b" value="B" vertex="1"/><mxCell id="e" edge="1" source="a" target="b"/><mxCell id="l" value="label" vertex="1" parent="e"/></root></mxGraphModel></diagram></mxfile>`)
	f.Add("<mxfile>\n<diagram id=\"a\">7VNNT8MwDP01uW9pYeKuO3ChSFw4Rm1onTbETtTxsfF/T1Y6DYnt0A8JcXFiO37v2VZIcqRtM5SVnSIdtV3GqKvjpB6n+SG4IwN5ocXYUSsa7XlkuNkltCJsawKLGl4Zh3vEmUaBMSvQk9ZNfJcwapkdSZTw2+f8A</diagram>\n</mxfile>")
	f.Fuzz(func(t *testing.T, src string) {
		if h, err := drawioToMarkdown(src); err == nil {
			checkCitedLines(t, h, src)
		}
	})
}
