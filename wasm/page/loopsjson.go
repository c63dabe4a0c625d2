package page

import (
	"math"
	"strconv"

	"ouroboros/wasm/jsonout"
)

// appendLoops appends loops to b as JSON, the same bytes encoding/json
// writes for them (TestLoopsJSONIsEncodingJSON), without its reflection.
// The loops are most of the state's JSON (up to 10,000 of them, several MB
// on a large network), made anew for every snapshot: at the start, where
// encoding/json's first use also builds its encoders, and at each change of
// date. A round trip that is not a finite number, which encoding/json
// refuses, is written null.
func appendLoops(b []byte, loops []Loop) []byte {
	if loops == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range loops {
		l := &loops[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"entities":`...)
		b = jsonout.Strings(b, l.Entities)
		b = append(b, `,"deals":`...)
		b = jsonout.Strings(b, l.Deals)
		b = append(b, `,"roundTripValue":`...)
		if v := l.RoundTripValue; v == nil || math.IsNaN(*v) || math.IsInf(*v, 0) {
			b = append(b, "null"...)
		} else {
			b = jsonout.Float(b, *v)
		}
		b = append(b, `,"roundTripText":`...)
		b = jsonout.String(b, l.RoundTripText)
		b = append(b, `,"kind":`...)
		b = jsonout.String(b, l.Kind)
		b = append(b, `,"rank":`...)
		if l.Rank == nil {
			b = append(b, "null"...)
		} else {
			b = strconv.AppendInt(b, int64(*l.Rank), 10)
		}
		b = append(b, `,"kindText":`...)
		b = jsonout.String(b, l.KindText)
		b = append(b, '}')
	}
	return append(b, ']')
}
