package ingest

import (
	"strings"
	"testing"
)

// textutilSamples are the lines of the embedded notes plus texts with the
// blanks, cases and characters the helpers treat apart.
func textutilSamples(t *testing.T) []string {
	t.Helper()
	out := []string{"", " ", "  a  b ", "\ta\tb\n", "a\u00a0b", "a\u2003b", " lead", "trail ", "one two", "ÅNGSTRÖM Kelvin \u212a ſcript",
		"HOOKS and Targets", "İstanbul iş", "\xff\xfe bad utf8", "Übung ÜBUNG", "it's", "ITS", "n't", "NOT", "Out Of The Box"}
	src, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range src {
		out = append(out, strings.Split(string(s.Data), "\n")...)
	}
	return out
}

func TestFieldHelpersMatchStrings(t *testing.T) {
	for _, s := range textutilSamples(t) {
		f := strings.Fields(s)
		if n := countFields(s); n != len(f) {
			t.Fatalf("countFields(%q) = %d, want %d", s, n, len(f))
		}
		var buf [3]string
		head, n := headFields(s, buf[:])
		if n != min(len(f), 4) || len(head) != min(3, len(f)) {
			t.Fatalf("headFields(%q) = %q, %d; want %q", s, head, n, f)
		}
		for i := range head {
			if head[i] != f[i] {
				t.Fatalf("headFields(%q) = %q; want %q", s, head, f)
			}
		}
		if got, want := singleSpaced(s), strings.Join(f, " ") == s; got != want {
			t.Fatalf("singleSpaced(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestCueSetMatchesLowerContains(t *testing.T) {
	words := []string{"not", "n't", "no ", "out of the box", "hook", "k", "script", " to ", "é"}
	set := newCueSet(words...)
	for _, s := range textutilSamples(t) {
		want := false
		for _, w := range words {
			want = want || strings.Contains(strings.ToLower(s), w)
		}
		if got := set.in(s); got != want {
			t.Fatalf("in(%q) = %v, want %v", s, got, want)
		}
		if want && !set.mayMatch(s) {
			t.Fatalf("mayMatch(%q) = false where in is true", s)
		}
		if v, _ := inLower(map[string]bool{strings.ToLower(s): true}, s); !v {
			t.Fatalf("inLower does not find %q by its lower case", s)
		}
	}
	if !newCueSet("script").mayMatch("ſcript") || !newCueSet("hook").mayMatch("hoo\u212a") {
		t.Fatal("mayMatch must let through what case folding matches")
	}
}

func TestHasCueWordInMatchesLowerCopy(t *testing.T) {
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	samples := textutilSamples(t)
	for _, w := range dict.CueWords() {
		samples = append(samples, w, strings.ToUpper(w)+"S", "x "+w+"s.", strings.ToUpper(w[:1])+w[1:]+"es")
	}
	hits := 0
	for _, s := range samples {
		want := dict.hasCueWord(strings.ToLower(s))
		if got := dict.hasCueWordIn(s); got != want {
			t.Fatalf("hasCueWordIn(%q) = %v, want %v", s, got, want)
		}
		if want {
			hits++
		}
	}
	if hits < 100 {
		t.Fatalf("only %d samples have a cue word", hits)
	}
}

// TestHasWordNumberFiltersQuantities checks the filter digitQuantities
// runs before quantityRe: in a text without a number that starts a word,
// every number quantityRe finds is one digitQuantities skips.
func TestHasWordNumberFiltersQuantities(t *testing.T) {
	samples := append(textutilSamples(t), "S3", "EC2 and S3", "us-east-1", "v2.1", "x12-34", "a1,2 days", "b5d3", "(S3)", "route53 to 5",
		"S3 in 5 days", "5", "a-1 to 2 hours", "k8s_1 s3.2 kb", "id_42 minutes")
	filtered := 0
	for _, s := range samples {
		if hasWordNumber(s) {
			continue
		}
		filtered++
		for _, m := range quantityRe.FindAllStringSubmatchIndex(s, -1) {
			if m[2] < 0 {
				continue
			}
			if st := m[2]; st == 0 || !strings.ContainsRune("-_.", rune(s[st-1])) && !isWordByte(s[st-1]) || s[st-1] >= '0' && s[st-1] <= '9' {
				t.Fatalf("%q: quantityRe finds %q, which digitQuantities reads, but hasWordNumber is false", s, s[m[0]:m[1]])
			}
		}
		if qs := Quantities(s); len(qs) > 0 && strings.ContainsAny(s, "0123456789") && !hasUnitWord(s) {
			t.Fatalf("%q: quantities %v without a number that starts a word", s, qs)
		}
	}
	if filtered < 20 {
		t.Fatalf("only %d samples filtered", filtered)
	}
}

// TestRegexpFiltersLetMatchesThrough checks the cheap tests run before
// pronounRe, passiveRe and isRe: none turns away a text the expression
// matches.
func TestRegexpFiltersLetMatchesThrough(t *testing.T) {
	samples := append(textutilSamples(t), "It is", "it's here", "They run", "THIS SERVICE is", "its own", "Item", "tHey", "i", "",
		"Lambda can be triggered by S3", "it gets INVOKED from SNS", "is invo\u212aed by x", "The queue is a buffer", "X are y")
	for _, s := range samples {
		if got, want := opensWithPronoun(s), pronounRe.MatchString(s); got != want {
			t.Fatalf("opensWithPronoun(%q) = %v, want %v", s, got, want)
		}
		if passiveRe.MatchString(s) && !passiveCues.mayMatch(s) {
			t.Fatalf("passiveCues turns away %q", s)
		}
		if isRe.MatchString(s) && !strings.Contains(s, "is") && !strings.Contains(s, "are") {
			t.Fatalf("the is/are filter turns away %q", s)
		}
	}
}
