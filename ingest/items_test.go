package ingest

import (
	"reflect"
	"testing"
)

func TestLineItems(t *testing.T) {
	dict, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	lx := dict.Lexicon
	for _, tc := range []struct {
		line  string
		items []string
		chain bool
	}{
		{"- pool states: Stopped, Running, Hibernated", []string{"Stopped", "Running", "Hibernated"}, false},
		{"A: Three: OK, ALARM, INSUFFICIENT_DATA.", []string{"OK", "ALARM", "INSUFFICIENT_DATA"}, false},
		{"- launch: Pending -> Pending:Wait -> Pending:Proceed -> InService", []string{"Pending", "Pending:Wait", "Pending:Proceed", "InService"}, true},
		{"  - Managed rotation out of the box for RDS, Aurora, Redshift and DocumentDB", []string{"RDS", "Aurora", "Redshift", "DocumentDB"}, false},
		{"• Write: 1 MB/s or 1,000 records/s", []string{"1 MB/s", "1,000 records/s"}, false},
		{"treat missing data as: missing (default), notBreaching, breaching, ignore", []string{"missing", "notBreaching", "breaching", "ignore"}, false},
		// "and" inside an earlier item of a comma list is part of its name
		{"in order: backup and restore, pilot light, warm standby, and multi-site active/active.", []string{"backup and restore", "pilot light", "warm standby", "multi-site active/active"}, false},
		{"pick one: Launch, Terminate, HealthCheck and ReplaceUnhealthy", []string{"Launch", "Terminate", "HealthCheck", "ReplaceUnhealthy"}, false},
		// fixed bugs
		{"Session Manager provides instance management without the need to open inbound ports, maintain bastion hosts, or manage SSH keys", nil, false},
		{"CloudTrail is enabled by default in every account.", nil, false},
		{"- Up to 10 triggers", nil, false},
		{"a long sentence, with a comma that is not a list of anything at all really", nil, false},
	} {
		_, items, chain := LineItems(tc.line, lx)
		if !reflect.DeepEqual(items, tc.items) || chain != tc.chain {
			t.Errorf("LineItems(%q) = %q, %v; want %q, %v", tc.line, items, chain, tc.items, tc.chain)
		}
	}
}
