package ingest

import (
	"strings"
	"testing"
)

// TestCalendarNote: an iCalendar study plan reads as its events' summaries
// (headings) and descriptions (text, one line per "\n" escape); a
// description folded over several lines cites the line each of its parts
// starts on, and its escapes are decoded.
func TestCalendarNote(t *testing.T) {
	src := strings.Join([]string{
		"BEGIN:VCALENDAR",                        // 1
		"VERSION:2.0",                            // 2
		"PRODID:-//study//plan//EN",              // 3
		"X-WR-CALNAME:DOP-C02 plan",              // 4
		"BEGIN:VEVENT",                           // 5
		"UID:1@plan",                             // 6
		"DTSTAMP:20250301T090000Z",               // 7
		"DTSTART;VALUE=DATE:20250303",            // 8
		"SUMMARY:CloudWatch Logs day",            // 9
		"DESCRIPTION:Log data can take up to 12", // 10
		"  hours to become available for export\\, so plan for it.\\nA subscri", // 11
		" ption filter can deliver to Kinesis Data Streams or AWS Lambda.",      // 12
		"END:VEVENT",    // 13
		"END:VCALENDAR", // 14
	}, "\r\n")
	if got := DetectFormat("plan.ics", []byte(src)); got != FormatCalendar {
		t.Fatalf("format %q, want %q", got, FormatCalendar)
	}
	if got := DetectFormat("plan.txt", []byte(src)); got != FormatCalendar {
		t.Errorf("a calendar named .txt: format %q, want %q (by its BEGIN:VCALENDAR)", got, FormatCalendar)
	}
	h, err := calendarToMarkdown(src)
	if err != nil {
		t.Fatal(err)
	}
	checkMarkdownLines(t, h, []mdLine{
		{"# DOP-C02 plan", 4},
		{"## CloudWatch Logs day", 9},
		{"Log data can take up to 12 hours to become available for export, so plan for it.", 10},
		{"A subscription filter can deliver to Kinesis Data Streams or AWS Lambda.", 11},
	})
	c := buildOneNote(t, "plan.ics", src)
	found := false
	for _, f := range c.Facts {
		if f.Subject == "component:subscription-filter" && f.Object == "service:aws-lambda" && strings.HasSuffix(f.Source, "plan.ics:11") {
			found = true
		}
	}
	if !found {
		t.Errorf("no fact subscription filter -> AWS Lambda citing plan.ics:11: %v", c.Facts)
	}
	// fixed bugs: a property with an empty value ("SUMMARY:") indexed
	// the line of its byte -1 and panicked
	h, err = calendarToMarkdown("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20250301T090000Z\r\nSUMMARY:\r\nDESCRIPTION:CodeDeploy hooks run in order.\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkdownLines(t, h, []mdLine{{"CodeDeploy hooks run in order.", 8}})
	if _, err := calendarToMarkdown("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"); err == nil {
		t.Error("a calendar with no event text read without an error")
	}
	doc, err := Parse("broken.ics", []byte("BEGIN:VCALENDAR\nSUMMARY:CodeDeploy hooks\n"))
	if err == nil || doc == nil || doc.Format != FormatText {
		t.Errorf("a truncated calendar: format %v, err %v; want read as text with an error", doc, err)
	}
}
