package cbor

import (
	"bytes"
	"errors"
	"runtime"
	"strings"
	"testing"
	"unsafe"
)

// MaxElements caps array elements and map pairs per body, counted together
// at any depth, so that a small body cannot expand into an unbounded number
// of Go values.
func TestMaxElements(t *testing.T) {
	array := func(n int) []byte { // [_ {}, {}, ...]
		return append(append([]byte{0x9f}, bytes.Repeat([]byte{0xa0}, n)...), 0xff)
	}
	definite := func(n int) []byte {
		var e Encoder
		e.ArrayStart(n)
		for range n {
			e.MapStart(0)
		}
		return e.Bytes()
	}
	members := func(n int) []byte { // {_ "k": 1, ...}
		return append(append([]byte{0xbf}, bytes.Repeat([]byte{0x61, 'k', 0x01}, n)...), 0xff)
	}
	for _, tc := range []struct {
		name string
		doc  []byte
		ok   bool
	}{
		{"at the cap", array(MaxElements), true},
		{"over the cap", array(MaxElements + 1), false},
		{"definite over the cap", definite(MaxElements + 1), false},
		{"map pairs count too", members(MaxElements + 1), false},
		{"nested arrays add up", append(append([]byte{0x82}, array(MaxElements/2)...), array(MaxElements/2)...), false},
	} {
		var d Decoder
		d.Reset(tc.doc)
		d.Skip()
		d.End()
		skipErr := d.Err()
		d.Reset(tc.doc)
		if tc.doc[0] == 0xbf {
			if d.ObjectStart() {
				for _, ok := d.NextKey(); ok; _, ok = d.NextKey() {
					d.Skip()
				}
			}
		} else if d.ArrayStart() {
			for d.NextElem() {
				d.Skip()
			}
		}
		d.End()
		err := d.Err()
		if tc.ok && (err != nil || skipErr != nil) {
			t.Errorf("%s: %v / Skip: %v", tc.name, err, skipErr)
		}
		if !tc.ok && (!errors.Is(err, ErrElements) || !errors.Is(skipErr, ErrElements)) {
			t.Errorf("%s: err = %v, Skip: %v, want ErrElements", tc.name, err, skipErr)
		}
	}
}

// allocated returns the bytes f allocates per run, averaged over runs so
// that the runtime's own background allocations wash out.
func allocated(runs int, f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for range runs {
		f()
	}
	runtime.ReadMemStats(&after)
	return (after.TotalAlloc - before.TotalAlloc) / uint64(runs)
}

// A declared length is checked against the bytes that follow before
// anything is sized from it: a five- or nine-byte body declaring 2^63
// elements or bytes fails at once and allocates no more than its error.
func TestDeclaredLengthsDoNotAllocate(t *testing.T) {
	bodies := []string{
		"9b7fffffffffffffff", "9bffffffffffffffff", "bb7fffffffffffffff", "bbffffffffffffffff",
		"5b8000000000000000", "7b8000000000000000", "5f5b8000000000000000", "7f7b8000000000000000",
		"c25b8000000000000000", "9a7fffffff", "ba7fffffff", "a1617a9b7fffffffffffffff",
	}
	readers := map[string]func(d *Decoder){
		"Skip":   func(d *Decoder) { d.Skip() },
		"String": func(d *Decoder) { _ = d.String() },
		"Blob":   func(d *Decoder) { d.Blob() },
		"BigInt": func(d *Decoder) { d.BigInt() },
		"Raw":    func(d *Decoder) { d.Raw() },
		"generated": func(d *Decoder) {
			var out benchOutput
			decodeBenchOutput(d, &out)
		},
		"sized array": func(d *Decoder) {
			if d.ArrayStart() {
				s := make([]benchItem, 0, d.SizeHint())
				for d.NextElem() {
					s = append(s, benchItem{})
					decodeBenchItem(d, &s[len(s)-1])
				}
			}
		},
	}
	for _, h := range bodies {
		data := mustHex(t, h)
		for name, f := range readers {
			var d Decoder
			n := allocated(100, func() {
				d.Reset(data)
				f(&d)
				d.End()
			})
			if d.Err() == nil {
				t.Errorf("%s %s: no error", name, h)
			}
			if n > 2048 {
				t.Errorf("%s %s: allocated %d bytes", name, h, n)
			}
		}
	}
}

// A hostile body of the maximum element count costs time and memory in
// proportion to its own size: decoding a 1 MB body of empty structures
// through a generated-style deserializer allocates a bounded multiple of
// MaxElements structures, and never the millions the bytes would spell.
func TestAdversarialBodiesAreBounded(t *testing.T) {
	// {_ "Workspaces": [_ {}, {}, ... 1M times ] }
	var b bytes.Buffer
	b.Write([]byte{0xbf, 0x6a})
	b.WriteString("Workspaces")
	b.WriteByte(0x9f)
	b.Write(bytes.Repeat([]byte{0xa0}, 1<<20))
	b.Write([]byte{0xff, 0xff})
	body := b.Bytes()
	var d Decoder
	n := allocated(1, func() {
		d.Reset(body)
		var out benchOutput
		decodeBenchOutput(&d, &out)
		d.End()
	})
	if !errors.Is(d.Err(), ErrElements) {
		t.Fatalf("err = %v, want ErrElements", d.Err())
	}
	// The final slice holds MaxElements items. append grows large slices
	// by 1.25x, so all its allocations together come to about five times
	// the final one (of which little more than two are live at once).
	itemSize := uint64(unsafe.Sizeof(benchItem{}))
	if limit := 7 * MaxElements * itemSize; n > limit {
		t.Errorf("allocated %d bytes for a %d-byte body, limit %d", n, len(body), limit)
	}

	// Deep nesting fails at MaxDepth without growing the stack past it.
	deep := []byte(strings.Repeat("\x81", 1<<20))
	n = allocated(5, func() {
		d.Reset(deep)
		d.Skip()
	})
	if !errors.Is(d.Err(), ErrDepth) || n > 64<<10 {
		t.Errorf("deep nesting: err %v, allocated %d", d.Err(), n)
	}

	// A body of many tiny chunks joins into at most its own length.
	chunks := append([]byte{0x7f}, bytes.Repeat([]byte{0x61, 'x'}, 1<<19)...)
	chunks = append(chunks, 0xff)
	n = allocated(5, func() {
		d.Reset(chunks)
		_ = d.String()
	})
	if d.Err() != nil || n > 4*uint64(len(chunks)) {
		t.Errorf("chunked string: err %v, allocated %d for %d bytes", d.Err(), n, len(chunks))
	}
}

// The pointer helpers allocate per chunk, not per value, and decoding a
// response allocates only what it returns.
func TestDecodeAllocations(t *testing.T) {
	var d Decoder
	body := benchPayload(50)
	var out benchOutput
	allocs := testing.AllocsPerRun(20, func() {
		out, _ = decodeBench(&d, body)
	})
	// The body copy, 50 items' slices (ModificationStates, Tags) and the
	// Workspaces slice: no allocation per string, number or key.
	if limit := float64(1 + 50*2 + 1); allocs > limit {
		t.Errorf("decoding the benchmark body: %v allocations, want at most %v", allocs, limit)
	}
	if len(out.Workspaces) != 50 {
		t.Fatalf("decoded %d items", len(out.Workspaces))
	}
	var ptrs []*int32
	ones := bytes.Repeat([]byte{0x01}, 1024)
	allocs = testing.AllocsPerRun(10, func() {
		ptrs = ptrs[:0]
		d.Reset(ones)
		for range 1024 {
			ptrs = append(ptrs, d.Int32Ptr())
		}
	})
	// Chunks of 8, 16, 32, 64 and then 128 values: 12 for 1024 values.
	if allocs > 12 {
		t.Errorf("1024 Int32Ptr calls: %v allocations", allocs)
	}
	for i, p := range ptrs {
		if *p != 1 {
			t.Fatalf("pointer %d = %d", i, *p)
		}
	}
}
