package analysis

import "ouroboros/wasm/dataset"

// Build computes the snapshot of d at asOf directly, without the cache, so
// that tests can check that At returns the figures of the date asked for.
func Build(d *dataset.Dataset, asOf dataset.Date) *Snapshot {
	return build(New(d), asOf)
}

// Measure computes the snapshot of d at asOf without its loops, so that
// benchmarks can time the flows alone.
func Measure(a *Analysis, asOf dataset.Date) *Snapshot {
	return measure(a, asOf)
}
