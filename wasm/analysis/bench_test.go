package analysis_test

import (
	"os"
	"testing"

	"ouroboros/wasm/analysis"
	"ouroboros/wasm/dataset"
	"ouroboros/wasm/loops"
)

// benchDoc is one document the benchmarks run on.
type benchDoc struct {
	name string
	doc  []byte
}

// benchDocs are the bundled dataset and seeded random networks of 500
// entities/2,000 deals and 2,000 entities/10,000 deals.
func benchDocs(b *testing.B) []benchDoc {
	b.Helper()
	bundled, err := os.ReadFile("../../data/ai-compute.json")
	if err != nil {
		b.Fatal(err)
	}
	return []benchDoc{
		{"bundled", bundled},
		{"500x2000", randomDoc(1, 500, 2000)},
		{"2000x10000", randomDoc(1, 2000, 10000)},
	}
}

func loadDoc(b *testing.B, doc []byte) *dataset.Dataset {
	b.Helper()
	d, err := dataset.Load(doc)
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// BenchmarkLoad times loading and validating a document.
func BenchmarkLoad(b *testing.B) {
	for _, bd := range benchDocs(b) {
		b.Run(bd.name, func(b *testing.B) {
			b.SetBytes(int64(len(bd.doc)))
			b.ReportAllocs()
			for b.Loop() {
				loadDoc(b, bd.doc)
			}
		})
	}
}

// BenchmarkLoops times finding the loops with every deal, capped at
// loops.Limit.
func BenchmarkLoops(b *testing.B) {
	for _, bd := range benchDocs(b) {
		d := loadDoc(b, bd.doc)
		b.Run(bd.name, func(b *testing.B) {
			var r loops.Result
			for b.Loop() {
				r = loops.Find(d, dataset.Date{}, loops.Limit)
			}
			b.ReportMetric(float64(len(r.Loops)), "loops")
		})
	}
}

// BenchmarkFlows times the entities' money, capacity and shares with every
// deal, without the loops.
func BenchmarkFlows(b *testing.B) {
	for _, bd := range benchDocs(b) {
		a := analysis.New(loadDoc(b, bd.doc))
		b.Run(bd.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				analysis.Measure(a, dataset.Date{})
			}
		})
	}
}

// BenchmarkExposure times the exposure of every entity, with every deal.
func BenchmarkExposure(b *testing.B) {
	for _, bd := range benchDocs(b) {
		d := loadDoc(b, bd.doc)
		s := analysis.New(d).At(dataset.Date{})
		b.Run(bd.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for e := range d.Entities {
					s.Exposure(e)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(d.Entities)), "ns/entity")
		})
	}
}

// BenchmarkFull times the full analysis of a loaded dataset: New, the
// snapshot with every deal (flows and loops) and every entity's exposure.
// The budget for the bundled dataset is 5 ms.
func BenchmarkFull(b *testing.B) {
	for _, bd := range benchDocs(b) {
		d := loadDoc(b, bd.doc)
		b.Run(bd.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s := analysis.New(d).At(dataset.Date{})
				for e := range d.Entities {
					s.Exposure(e)
				}
			}
		})
	}
}

// BenchmarkReports times every card of the bundled dataset with every
// deal: an EntityReport per entity (exposure included) and a LoopReport
// per loop.
func BenchmarkReports(b *testing.B) {
	d := loadDoc(b, benchDocs(b)[0].doc)
	s := analysis.New(d).At(dataset.Date{})
	b.ReportAllocs()
	for b.Loop() {
		for e := range d.Entities {
			s.EntityReport(e)
		}
		for k := range s.Loops {
			s.LoopReport(k)
		}
	}
}

// BenchmarkAt times a change of the date filter on the bundled dataset.
// cold_latest: the first visit to the latest date, the largest snapshot
// (New included, which computes nothing); cold_each: the first visit to
// each date in turn, per date; warm: a date already visited. The budget is
// 1 ms.
func BenchmarkAt(b *testing.B) {
	d := loadDoc(b, benchDocs(b)[0].doc)
	dates := analysis.New(d).Dates()
	b.Run("cold_latest", func(b *testing.B) {
		last := dates[len(dates)-1]
		for b.Loop() {
			analysis.New(d).At(last)
		}
	})
	b.Run("cold_each", func(b *testing.B) {
		for b.Loop() {
			a := analysis.New(d)
			for _, dt := range dates {
				a.At(dt)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(dates)), "ns/date")
	})
	b.Run("warm", func(b *testing.B) {
		a := analysis.New(d)
		for _, dt := range dates {
			a.At(dt)
		}
		i := 0
		b.ReportAllocs()
		for b.Loop() {
			a.At(dates[i%len(dates)])
			i++
		}
	})
}
