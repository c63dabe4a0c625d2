package poster

import (
	"bufio"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestWritePathKeepsTheCorners reads the relative path data back: every
// shape closes on the corners num would have written absolute.
func TestWritePathKeepsTheCorners(t *testing.T) {
	p, err := New(load(t, "data/ai-compute.json"), CardWidth, CardHeight)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, r := range p.runs() {
		var sb strings.Builder
		bw := bufio.NewWriter(&sb)
		writePath(bw, r.shapes)
		bw.Flush()
		d := sb.String()
		var got [][]pt
		var cur, start pt
		for _, m := range regexp.MustCompile(`([MmLlz])([^MmLlz]*)`).FindAllStringSubmatch(d, -1) {
			var nums []float64
			for _, n := range regexp.MustCompile(`-?[0-9.]+`).FindAllString(m[2], -1) {
				v, err := strconv.ParseFloat(n, 64)
				if err != nil {
					t.Fatalf("%q in %q", n, d)
				}
				nums = append(nums, v)
			}
			switch m[1] {
			case "M", "m":
				if m[1] == "m" {
					cur = pt{start.x + nums[0], start.y + nums[1]}
				} else {
					cur = pt{nums[0], nums[1]}
				}
				start = cur
				got = append(got, []pt{cur})
			case "l":
				for i := 0; i+1 < len(nums); i += 2 {
					cur = pt{cur.x + nums[i], cur.y + nums[i+1]}
					got[len(got)-1] = append(got[len(got)-1], cur)
				}
			case "z":
				cur = start
			}
		}
		if len(got) != len(r.shapes) {
			t.Fatalf("%d shapes read back from %q, want %d", len(got), d, len(r.shapes))
		}
		for k, s := range r.shapes {
			if len(got[k]) != s.n {
				t.Fatalf("shape %d: %d corners, want %d", k, len(got[k]), s.n)
			}
			for i := 0; i < s.n; i++ {
				if math.Abs(got[k][i].x-round1(s.p[i].x)) > 1e-6 || math.Abs(got[k][i].y-round1(s.p[i].y)) > 1e-6 {
					t.Fatalf("shape %d corner %d: %v, want (%s, %s)", k, i, got[k][i], num(s.p[i].x), num(s.p[i].y))
				}
				checked++
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d corners checked", checked)
	}
}
