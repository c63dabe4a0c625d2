package analysis_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"ouroboros/wasm/analysis"
)

// TestReportJSON pins the JSON shapes of the cards: lowerCamelCase names,
// numbers for amounts and null where a figure is unknown.
func TestReportJSON(t *testing.T) {
	d := network(t,
		"ab a b compute 10 2025-01 completed 100",
		"ba b a equity - 2025-02-03 announced",
	)
	s := analysis.New(d).At(date(t, "2025-06"))
	tests := []struct {
		name string
		got  any
		want string
	}{
		{
			name: "entity",
			got:  s.EntityReport(d.EntityIndex["a"]),
			want: `{"id":"a","name":"A","kind":"k","note":"","asOf":"2025-06",
				"out":{"total":10,"totalText":"$10","deals":1,"undisclosed":0,"byType":{"compute":10}},
				"in":{"total":null,"totalText":"undisclosed","deals":1,"undisclosed":1,"byType":{"equity":null}},
				"capacity":{"boughtMW":100,"soldMW":0,"boughtText":"100 MW","soldText":""},
				"loops":[{"index":0,"entities":["a","b"],"roundTripValue":null,"roundTripText":"undisclosed"}],
				"shares":[{"id":"b","name":"B","amount":10,"deals":1,"undisclosed":0,"incoming":10,"share":1}],
				"exposure":{"dealsAtRisk":["ab","ba"],"atRisk":{"total":10,"totalText":"$10","deals":2,"undisclosed":1},
					"loopsBroken":[0],"failing":["b"],
					"losers":[{"id":"b","name":"B","lost":10,"direct":10,"indirect":0,"deals":1,"undisclosed":0,
						"incoming":10,"share":1,"shareText":"100%","order":1,"through":[]}]}}`,
		},
		{
			name: "entity with nothing",
			got:  analysis.New(d).At(date(t, "2024")).EntityReport(d.EntityIndex["b"]),
			want: `{"id":"b","name":"B","kind":"k","note":"","asOf":"2024",
				"out":{"total":0,"totalText":"$0","deals":0,"undisclosed":0,"byType":{}},
				"in":{"total":0,"totalText":"$0","deals":0,"undisclosed":0,"byType":{}},
				"capacity":{"boughtMW":0,"soldMW":0,"boughtText":"","soldText":""},"loops":[],"shares":[],
				"exposure":{"dealsAtRisk":[],"atRisk":{"total":0,"totalText":"$0","deals":0,"undisclosed":0},
					"loopsBroken":[],"failing":[],"losers":[]}}`,
		},
		{
			name: "loop",
			got:  s.LoopReport(0),
			want: `{"index":0,"entities":["a","b"],"hops":[
				{"from":"a","to":"b","deals":[{"id":"ab","type":"compute","amount":10,"upTo":false,"estimate":false,"amountText":"$10",
					"status":"completed","date":"2025-01","summary":"A test deal."}],"total":10,"totalText":"$10"},
				{"from":"b","to":"a","deals":[{"id":"ba","type":"equity","amount":null,"upTo":false,"estimate":false,"amountText":"undisclosed",
					"status":"announced","date":"2025-02-03","summary":"A test deal."}],"total":null,"totalText":"undisclosed"}],
				"roundTripValue":null,"roundTripText":"undisclosed","disclosedTotal":10,"disclosedText":"$10","closed":"2025-02-03"}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := json.Marshal(tt.got)
			if err != nil {
				t.Fatal(err)
			}
			var want bytes.Buffer
			if err := json.Compact(&want, []byte(tt.want)); err != nil {
				t.Fatalf("bad test: %v", err)
			}
			if !bytes.Equal(got, want.Bytes()) {
				t.Errorf("JSON:\n got %s\nwant %s", got, want.Bytes())
			}
		})
	}
}
