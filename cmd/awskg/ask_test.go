package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestNewCmdAskFlags(t *testing.T) {
	tests := []struct {
		name    string
		cli     string
		want    AskOptions
		wantErr string
	}{
		{name: "question", cli: `"which services support cross-account"`, want: AskOptions{Question: "which services support cross-account", Timeout: defaultTimeout}},
		{name: "words joined", cli: `which services support cross-account`, want: AskOptions{Question: "which services support cross-account", Timeout: defaultTimeout}},
		{name: "json", cli: `--json "what is S3"`, want: AskOptions{Question: "what is S3", JSON: true, Timeout: defaultTimeout}},
		{name: "file", cli: `--file q.txt --json`, want: AskOptions{File: "q.txt", JSON: true, Timeout: defaultTimeout}},
		{name: "stdin", cli: `-f -`, want: AskOptions{File: "-", Timeout: defaultTimeout}},
		{name: "timeout", cli: `--timeout 2s "what is S3"`, want: AskOptions{Question: "what is S3", Timeout: 2 * time.Second}},
		{name: "no question", cli: ``, wantErr: "ask needs a QUESTION or --file FILE"},
		{name: "both", cli: `--file q.txt "what is S3"`, wantErr: "give either a QUESTION or --file, not both"},
		{name: "bad flag", cli: `--nope "what is S3"`, wantErr: "unknown flag: --nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			io, _, _, _ := Test()
			f := NewFactory(io)
			var got *AskOptions
			cmd := NewCmdAsk(f, func(o *AskOptions) error { got = o; return nil })
			if !execFlags(t, cmd, tt.cli, tt.wantErr) {
				return
			}
			if got.Question != tt.want.Question || got.JSON != tt.want.JSON || got.File != tt.want.File || got.Timeout != tt.want.Timeout {
				t.Errorf("options = %+v, want %+v", *got, tt.want)
			}
		})
	}
}

// testFactory is a factory on in-memory streams with a fixed clock.
func testFactory(t *testing.T, tty bool) (*Factory, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	io, _, out, errOut := Test()
	io.SetStdoutTTY(tty)
	f := NewFactory(io)
	clock := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	f.Now = func() time.Time { clock = clock.Add(1500 * time.Microsecond); return clock }
	t.Cleanup(func() { f.Close() })
	return f, out, errOut
}

func askOpts(f *Factory, q string) *AskOptions {
	return &AskOptions{IO: f.IO, Engine: f.Engine, Now: f.Now, Question: q, Timeout: defaultTimeout}
}

func TestRunAskTTY(t *testing.T) {
	f, out, _ := testFactory(t, true)
	if err := runAsk(askOpts(f, "which services support cross-account")); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	if !strings.HasPrefix(lines[0], "#   NAME") || !strings.Contains(lines[0], "SOURCES") {
		t.Errorf("header = %q", lines[0])
	}
	if !strings.Contains(out.String(), "AWS CloudTrail") || !strings.Contains(out.String(), "002:752") {
		t.Errorf("table lacks CloudTrail with its short source:\n%s", out)
	}
	last := lines[len(lines)-1]
	if !strings.Contains(last, "answers (read as: what supports Cross-account) in 1.5ms") {
		t.Errorf("footer = %q, want count, intent and the injected clock's 1.5ms", last)
	}
}

func TestRunAskPlain(t *testing.T) {
	f, out, _ := testFactory(t, false)
	if err := runAsk(askOpts(f, "which services support cross-account")); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			t.Fatalf("line %q has %d tab-separated columns, want 3", line, len(cols))
		}
		if !strings.Contains(cols[2], "data/notes/") {
			t.Errorf("line %q cites no note", line)
		}
	}
	if strings.Contains(out.String(), "\x1b[") {
		t.Error("piped output has ANSI escapes")
	}
}

func TestRunAskJSONContract(t *testing.T) {
	f, out, _ := testFactory(t, false)
	o := askOpts(f, "How do I get data from CloudWatch Logs to Athena?")
	o.JSON = true
	if err := runAsk(o); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Question string `json:"question"`
		Intent   string `json:"intent"`
		Answers  []struct {
			Name    string   `json:"name"`
			Kind    string   `json:"kind"`
			Detail  string   `json:"detail"`
			Sources []string `json:"sources"`
		} `json:"answers"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if got.Intent != "path" || got.Question == "" {
		t.Errorf("intent %q question %q", got.Intent, got.Question)
	}
	var names []string
	for _, a := range got.Answers {
		names = append(names, a.Name)
		if len(a.Sources) == 0 || a.Kind == "" {
			t.Errorf("answer %+v lacks kind or sources", a)
		}
	}
	want := "Amazon CloudWatch Logs > Subscription filter > Amazon Kinesis Data Firehose > Amazon S3 > Amazon Athena"
	if strings.Join(names, " > ") != want {
		t.Errorf("path = %s\nwant   %s", strings.Join(names, " > "), want)
	}
}

func TestUnknownQuestionExits2(t *testing.T) {
	io, _, out, errOut := Test()
	code := run([]string{"ask", "how tall is the eiffel tower"}, io)
	if code != exitUsage {
		t.Errorf("exit code = %d, want %d", code, exitUsage)
	}
	if out.Len() != 0 {
		t.Errorf("stdout = %q, want nothing", out)
	}
	msg := errOut.String()
	if strings.Count(msg, "\n") != 1 || !strings.Contains(msg, "try e.g.") || !strings.Contains(msg, "which services support cross-account") {
		t.Errorf("stderr = %q, want one line with example questions", msg)
	}
}

func TestBadNotesPathExits2(t *testing.T) {
	io, _, _, errOut := Test()
	code := run([]string{"ask", "--notes", filepath.Join(t.TempDir(), "missing"), "what is S3"}, io)
	if code != exitUsage || !strings.Contains(errOut.String(), "no such file or directory") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestBatchJSONLines(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "q.txt")
	body := "# study set\nwhich services support cross-account\n\nhow tall is the eiffel tower\nwhat are the OpsWorks lifecycle events\n"
	if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	io, _, out, errOut := Test()
	code := run([]string{"ask", "--json", "--file", file}, io)
	if code != exitError {
		t.Errorf("exit code = %d, want %d (one question failed)", code, exitError)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d JSON lines, want 3:\n%s", len(lines), out)
	}
	wantQ := []string{"which services support cross-account", "how tall is the eiffel tower", "what are the OpsWorks lifecycle events"}
	for i, l := range lines {
		var obj map[string]any
		if err := json.Unmarshal([]byte(l), &obj); err != nil {
			t.Fatalf("line %d not JSON: %v", i+1, err)
		}
		if obj["question"] != wantQ[i] {
			t.Errorf("line %d question %v, want %q", i+1, obj["question"], wantQ[i])
		}
		_, hasErr := obj["error"]
		if hasErr != (i == 1) {
			t.Errorf("line %d error field present = %v", i+1, hasErr)
		}
	}
	if !strings.Contains(errOut.String(), "1 of 3 questions failed") {
		t.Errorf("stderr = %q", errOut)
	}
}

func TestBatchAllSucceedExits0(t *testing.T) {
	io, in, out, _ := Test()
	in.WriteString("which services are implicitly multi-AZ\n")
	if code := run([]string{"ask", "--json", "-f", "-"}, io); code != exitOK {
		t.Fatalf("exit code = %d", code)
	}
	if !strings.Contains(out.String(), `"Amazon DynamoDB"`) {
		t.Errorf("output lacks DynamoDB: %s", out)
	}
}

// TestBatchExplain: --explain prints each batch question's readings to
// stderr, under the question, and leaves the answers on stdout as they are.
func TestBatchExplain(t *testing.T) {
	io, in, out, errOut := Test()
	in.WriteString("which services are implicitly multi-AZ\nwhich services notify SNS\n")
	if code := run([]string{"ask", "--json", "--explain", "2", "-f", "-"}, io); code != exitOK {
		t.Fatalf("exit code = %d", code)
	}
	for _, q := range []string{"# which services are implicitly multi-AZ", "# which services notify SNS"} {
		if !strings.Contains(errOut.String(), q) {
			t.Errorf("stderr lacks %q:\n%s", q, errOut)
		}
	}
	if n := strings.Count(errOut.String(), "analysis"); n != 2 {
		t.Errorf("%d analysis lines on stderr, want one per question", n)
	}
	if n := len(strings.Split(strings.TrimSpace(out.String()), "\n")); n != 2 {
		t.Errorf("%d JSON lines on stdout, want 2", n)
	}
}

// TestBatchLongLineIsReportedAndSkipped: a question line over the 1 MiB
// line limit is one failed question, named by its line number; the
// questions after it are answered.
func TestBatchLongLineIsReportedAndSkipped(t *testing.T) {
	long := strings.Repeat("which services support cross-account ", 2<<20/37) // 2 MiB
	body := "which services are implicitly multi-AZ\n" + long + "\r\n# " + long + "\nwhat are the OpsWorks lifecycle events\n"
	io, in, out, errOut := Test()
	in.WriteString(body)
	code := run([]string{"ask", "--json", "--file", "-"}, io)
	if code != exitError {
		t.Errorf("exit %d, want %d (one question failed)", code, exitError)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d JSON lines, want 3: %.500s", len(lines), out)
	}
	var bad struct{ Question, Error string }
	if err := json.Unmarshal([]byte(lines[1]), &bad); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("line 2: question is %d bytes, over the 4096-byte limit", len(long))
	if bad.Error != want || len(bad.Question) > 100 || !strings.HasPrefix(bad.Question, "which services support") {
		t.Errorf("line 2 reported as %+.300v, want error %q and the question's start", bad, want)
	}
	if !strings.Contains(lines[2], `"question":"what are the OpsWorks lifecycle events"`) || !strings.Contains(lines[2], `"answers"`) {
		t.Errorf("the question after the long line was not answered: %.300s", lines[2])
	}
	if !strings.Contains(errOut.String(), "1 of 3 questions failed") {
		t.Errorf("stderr %q", errOut)
	}
	// without --json, the error is one short line on stderr
	io, in, out, errOut = Test()
	in.WriteString(body)
	run([]string{"ask", "--file", "-"}, io)
	if !strings.Contains(errOut.String(), "awskg: "+want+"\n") || !strings.Contains(out.String(), "# what are the OpsWorks lifecycle events") {
		t.Errorf("plain: stdout %.300q stderr %.300q", out, errOut)
	}
}

func TestInputLines(t *testing.T) {
	in := "a\r\n" + strings.Repeat("x", 100) + "\n\n" + strings.Repeat("y", 10) + "\r\nlast"
	l := newInputLines(strings.NewReader(in), 10)
	l.r = bufio.NewReaderSize(strings.NewReader(in), 16) // chunks shorter than the lines
	type line struct {
		text string
		size int
	}
	want := []line{{"a", 1}, {strings.Repeat("x", 10), 100}, {"", 0}, {strings.Repeat("y", 10), 10}, {"last", 4}}
	for i, w := range want {
		text, size, err := l.next()
		if err != nil || text != w.text || size != w.size || l.n != i+1 {
			t.Errorf("line %d: %q %d %v (n %d), want %q %d", i+1, text, size, err, l.n, w.text, w.size)
		}
	}
	if _, _, err := l.next(); err != io.EOF {
		t.Errorf("after the last line: %v, want EOF", err)
	}
}

// TestExplainShowsScoreTerms: under each reading --explain spells out the
// scoring function's weighted terms ("coverage=+0.51"), so a user sees why
// one reading outranks another.
func TestExplainShowsScoreTerms(t *testing.T) {
	io, _, _, errOut := Test()
	if code := run([]string{"ask", "--explain", "2", "which services notify SNS"}, io); code != exitOK {
		t.Fatalf("exit code = %d", code)
	}
	lines := strings.Split(strings.TrimRight(errOut.String(), "\n"), "\n")
	if len(lines) < 3 {
		t.Fatalf("stderr:\n%s", errOut)
	}
	if !strings.Contains(lines[2], "coverage=+") {
		t.Errorf("the line under the best reading holds no coverage term:\n%s", errOut)
	}
}
