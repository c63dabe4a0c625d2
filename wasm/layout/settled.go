package layout

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"strconv"
	"strings"
)

// A Settled layout is where the layout of a graph came to rest in an area
// of one shape. The build settles the bundled network's layouts for its
// posters and ships them in the page (wasm/poster); the program starts
// from the one for its window's shape (Restore) instead of taking the 400
// steps again, so that its first frame is drawn sooner and is the poster's
// picture (issue 19).
type Settled struct {
	// Graph is the graph's Fingerprint.
	Graph string
	// Aspect is the area's width over its height.
	Aspect float64
	// Positions are the settled positions, as Positions gives them.
	Positions [][2]float64
}

// FormatSettled writes settled layouts as the page ships them to the
// program (AppendSettled); ParseSettled reads them back.
func FormatSettled(settled []Settled) string {
	return string(AppendSettled(nil, settled))
}

// AppendSettled appends settled layouts to b in the page's compact form:
// each layout is its graph's fingerprint, its aspect and its positions'
// coordinates, x then y, separated by spaces, and the layouts are
// separated by semicolons (a fingerprint, hexadecimal, holds neither).
// Numbers are the shortest that read back to the same bits. It is not JSON because the program read the JSON with
// encoding/json, whose first use at the start cost 12–25 ms in Chromium
// (V8 compiles each WebAssembly function lazily, on the main thread, at
// its first call, and the decoder is large; issue 19).
func AppendSettled(b []byte, settled []Settled) []byte {
	for i, s := range settled {
		if i > 0 {
			b = append(b, ';')
		}
		b = append(b, s.Graph...)
		b = append(b, ' ')
		b = strconv.AppendFloat(b, s.Aspect, 'g', -1, 64)
		for _, p := range s.Positions {
			b = append(b, ' ')
			b = strconv.AppendFloat(b, p[0], 'g', -1, 64)
			b = append(b, ' ')
			b = strconv.AppendFloat(b, p[1], 'g', -1, 64)
		}
	}
	return b
}

// ParseSettled reads what AppendSettled writes: "" is no layout. An error
// says which layout and which of its fields is wrong; the program then
// takes the layout's steps instead (Restore checks what the layouts say
// against its graph).
func ParseSettled(s string) ([]Settled, error) {
	if s == "" {
		return nil, nil
	}
	var out []Settled
	for i, part := range strings.Split(s, ";") {
		f := strings.Fields(part)
		if len(f) < 2 {
			return nil, fmt.Errorf("layout %d: %w", i+1, errNoFingerprint)
		}
		if len(f)%2 != 0 {
			return nil, fmt.Errorf("layout %d: %d coordinates: %w", i+1, len(f)-2, errOddCoordinates)
		}
		var err error
		st := Settled{Graph: f[0], Positions: make([][2]float64, (len(f)-2)/2)}
		if st.Aspect, err = strconv.ParseFloat(f[1], 64); err != nil {
			return nil, fmt.Errorf("layout %d: aspect: %w", i+1, err)
		}
		for k := range st.Positions {
			for c := range 2 {
				if st.Positions[k][c], err = strconv.ParseFloat(f[2+2*k+c], 64); err != nil {
					return nil, fmt.Errorf("layout %d: position %d: %w", i+1, k+1, err)
				}
			}
		}
		out = append(out, st)
	}
	return out, nil
}

var (
	errNoFingerprint  = errors.New("no fingerprint and aspect")
	errOddCoordinates = errors.New("an x without its y")
)

// SettledOf is where l, a layout of g, is now.
func SettledOf(g Graph, l *Layout) Settled {
	return Settled{Graph: g.Fingerprint(), Aspect: l.Aspect(), Positions: append([][2]float64(nil), l.Positions()...)}
}

// Fingerprint names what of g shapes its layout, every field but Aspect:
// graphs with the same fingerprint lay out alike in an area of the same
// shape.
func (g Graph) Fingerprint() string {
	h := fnv.New64a()
	var buf [8]byte
	num := func(v uint64) {
		binary.LittleEndian.PutUint64(buf[:], v)
		h.Write(buf[:])
	}
	ints := func(vs []int) {
		num(uint64(len(vs)))
		for _, v := range vs {
			num(uint64(v))
		}
	}
	floats := func(vs []float64) {
		num(uint64(len(vs)))
		for _, v := range vs {
			num(math.Float64bits(v))
		}
	}
	lists := func(ls [][]int) {
		num(uint64(len(ls)))
		for _, l := range ls {
			ints(l)
		}
	}
	num(uint64(g.N))
	num(uint64(len(g.Edges)))
	for _, e := range g.Edges {
		num(uint64(e[0]))
		num(uint64(e[1]))
	}
	lists(g.Loops)
	num(uint64(len(g.Pinned)))
	for _, p := range g.Pinned {
		if p {
			num(1)
		} else {
			num(0)
		}
	}
	num(uint64(len(g.Pin)))
	for _, p := range g.Pin {
		num(math.Float64bits(p[0]))
		num(math.Float64bits(p[1]))
	}
	floats(g.Weight)
	floats(g.Radius)
	lists(g.Circular)
	ints(g.Group)
	// The number of steps is part of where a layout comes to rest.
	num(Iterations)
	return strconv.FormatUint(h.Sum64(), 16)
}

// Restore puts a fresh layout where one of the settled layouts says a
// layout of its graph came to rest in an area of its shape, and reports
// whether one did: it must be of the graph whose fingerprint is graph, of
// the layout's aspect, and hold a position in [0, 1]² for every node.
// Otherwise the layout is left as it was, to take its steps.
func (l *Layout) Restore(graph string, settled []Settled) bool {
	if l.iter > 0 || l.n == 0 {
		return false
	}
	for _, s := range settled {
		if s.Graph != graph || math.Abs(s.Aspect-l.aspect) > 1e-9*l.aspect || len(s.Positions) != l.n || !inUnitSquare(s.Positions) {
			continue
		}
		for i, p := range s.Positions {
			l.pos[i] = [2]float64{p[0] * l.aspect, p[1]}
		}
		l.iter = Iterations
		return true
	}
	return false
}

func inUnitSquare(ps [][2]float64) bool {
	for _, p := range ps {
		if !(p[0] >= 0 && p[0] <= 1 && p[1] >= 0 && p[1] <= 1) {
			return false
		}
	}
	return true
}
