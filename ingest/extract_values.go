package ingest

import (
	"strconv"
	"strings"

	"github.com/awskg/awskg/graph"
)

var (
	durationRe    = lazyRE(`(?i)\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|thirty|twenty-four)\s*(minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|months?|years?)\b(\s*\((default|max|maximum)\))?`)
	propertyRe    = lazyRE(`(?i)\b(data retentions?|retentions?( periods?)?|ttls?|timeouts?|expirations?)\b`)
	propertyWords = newCueSet("retention", "ttl", "timeout", "expiration") // a filter before propertyRe
	numberCues    = newCueSet("one", "two", "seven", "twenty")             // a filter before durationRe's spelt-out numbers
	numberWord    = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
		"ten": 10, "twelve": 12, "fourteen": 14, "thirty": 30, "twenty-four": 24}
	unitHours = map[byte]float64{'m': 1.0 / 60, 'h': 1, 'd': 24, 'w': 24 * 7}
)

// rangeSep matches what joins a range's two ends ("5 minutes to 36 hours",
// "1-35 days", "60s – 15 min"), anchored at the start.
var rangeSep = lazyRE(`^\s*(to|through|-|–|—|\.\.)\s*`)

// rangeEnd reports which end of a range the duration s[start:end] is:
// "min" when a range separator and another duration follow it, "max" when
// a duration and a separator come right before it, "" when it stands
// alone ("up to 7 days" is a bound, read by its words).
func rangeEnd(s string, start, end int) string {
	if sep := rangeSep.FindString(s[end:]); sep != "" {
		if next := durationRe.FindStringIndex(s[end+len(sep):]); next != nil && next[0] == 0 {
			return "min"
		}
	}
	before := strings.TrimRight(s[:start], " ")
	for _, m := range durationRe.FindAllStringIndex(before, -1) {
		if m[1] == len(before) {
			continue // the duration is the separator's own number
		}
		if sep := rangeSep.FindString(before[m[1]:]); sep != "" && m[1]+len(sep) >= len(before) {
			return "max"
		}
	}
	return ""
}

// durations reads property values given as durations: "Data retention is 1
// day (default), up to 7 days" → data retention "1 day" (24 h), data
// retention max "7 days" (168 h).
// The value in hours is the fact's Position, so notes that disagree can be
// found (awskg conflicts).
func (x *extractor) durations(subj, s string, line int) {
	if subj == "" || !strings.ContainsAny(s, "0123456789") && !numberCues.in(s) {
		return
	}
	if !propertyWords.in(s) {
		return
	}
	prop := propertyRe.FindString(s)
	if prop == "" {
		return
	}
	x.propertyValues(subj, normKey(prop), s, line)
}

func (x *extractor) propertyValues(subj, prop, s string, line int) {
	for _, m := range durationRe.FindAllStringSubmatchIndex(s, -1) {
		num, unit := strings.ToLower(s[m[2]:m[3]]), strings.ToLower(s[m[4]:m[5]])
		n, err := strconv.Atoi(num)
		if err != nil {
			n = numberWord[num]
		}
		per, ok := unitHours[unit[0]]
		if unit == "months" || unit == "month" {
			per, ok = 24*30, true
		} else if strings.HasPrefix(unit, "y") {
			per, ok = 24*365, true
		} else if strings.HasPrefix(unit, "mo") {
			per, ok = 24*30, true
		}
		if n == 0 || !ok {
			continue
		}
		qual := ""
		before := strings.ToLower(s[max(0, m[0]-12):m[0]])
		after := strings.ToLower(s[m[1]:min(len(s), m[1]+12)])
		switch {
		case m[6] >= 0:
			qual = strings.ToLower(s[m[8]:m[9]])
		case strings.Contains(before, "up to") || strings.Contains(before, "max"):
			qual = "max"
		case strings.Contains(after, "default") || strings.Contains(before, "default"):
			qual = "default"
		}
		switch rangeEnd(s, m[0], m[1]) {
		case "min":
			qual = "min" // "5 minutes to 36 hours": the range's low end
		case "max":
			qual = "max"
		}
		if qual == "maximum" {
			qual = "max"
		}
		hours := float64(n) * per
		// the value as the note writes it ("seven days"); a maximum is a
		// property of its own ("data retention max"), so it never
		// contradicts a default
		written := strings.TrimSpace(s[m[2]:m[5]])
		name := prop
		if qual == "max" || qual == "min" {
			name += " " + qual
		}
		x.add(subj, graph.PredProperty+":"+graph.Slug(name), x.newNode(graph.KindValue, written), s, int(hours+0.5), line)
	}
}
