package ingest

import (
	"slices"
	"strings"
	"testing"
)

// Note shapes of stop 63's blind rounds: identifiers glossed after an
// arrow, reStructuredText titles by their rules, spreadsheets grouped by
// their first column, semicolon lists in a cell, and a short name over
// items that each say what they are.

func TestItemNamedBeforeItsGloss(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"createSecret -> make new version, label AWSPENDING", "createSecret"},
		{"setSecret -> set new creds in the DB / service", "setSecret"},
		{"container_commands: run after the app is extracted", "container_commands"},
		{"Rolling -> a batch at a time", "Rolling"},
		{"GetRecords.IteratorAgeMilliseconds", "GetRecords.IteratorAgeMilliseconds"},
		// fixed bugs: an identifier with its value is one item
		{"minimumHealthyPercent 100", "minimumHealthyPercent 100"},
		{"built-in targets like SNS", "built-in targets like SNS"},
	}
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		if got := itemName(tt.text, dict.Lexicon); got != tt.want {
			t.Errorf("itemName(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestStepsNamedByTheirIdentifiers(t *testing.T) {
	src := "# Secrets Manager\n\n" +
		"- Lambda rotation steps, in order:\n" +
		"  1. createSecret -> make new version, label AWSPENDING\n" +
		"  2. setSecret -> set new creds in the DB / service\n" +
		"  3. testSecret -> log in w/ AWSPENDING version\n" +
		"  4. finishSecret -> move AWSCURRENT to new version\n"
	g, names := extractNote(t, "secrets.md", src)
	var steps []string
	for _, f := range g.Facts {
		if strings.HasSuffix(f.Source, ":4") || strings.HasSuffix(f.Source, ":5") {
			steps = append(steps, names[f.Object])
		}
	}
	for _, want := range []string{"createSecret", "setSecret"} {
		if !slices.Contains(steps, want) {
			t.Errorf("no step named %q; objects of the steps' lines: %q", want, steps)
		}
	}
}

func TestRuledTitleLevels(t *testing.T) {
	src := "Secrets vs Parameter Store\n" +
		"==========================\n\n" +
		"Parameter Store (SSM)\n" +
		"---------------------\n\n" +
		"- types: String, StringList, SecureString\n\n" +
		"Tiers\n\n" +
		"- parameter policies (advanced only): Expiration, ExpirationNotification\n\n" +
		"Who reads them\n" +
		"--------------\n\n" +
		"- CodeBuild buildspec env\n"
	doc, err := Parse("notes.rst", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string][]string{}
	for _, b := range doc.Blocks {
		if b.Kind == BlockBullet {
			sections[b.Text] = b.Section
		}
	}
	want := map[string][]string{
		"types: String, StringList, SecureString":                                {"Secrets vs Parameter Store", "Parameter Store (SSM)"},
		"parameter policies (advanced only): Expiration, ExpirationNotification": {"Secrets vs Parameter Store", "Parameter Store (SSM)", "Tiers"},
		"CodeBuild buildspec env":                                                {"Secrets vs Parameter Store", "Who reads them"},
	}
	for text, path := range want {
		if got := sections[text]; !slices.Equal(got, path) {
			t.Errorf("%q under %q, want %q", text, got, path)
		}
	}
}
