package eucsdk

import (
	"bufio"
	"bytes"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestLinkedOnlyWhenUsed links a program that calls one operation of each
// generated service and reads its symbol table. Every operation descriptor
// must be static data: if one were built by a call at package init, the
// init function would keep every operation's serializer and deserializer
// alive, and each service package would weigh in at 300 KB or more instead
// of the ~15 KB its one used operation and shared code need.
func TestLinkedOnlyWhenUsed(t *testing.T) {
	if testing.Short() {
		t.Skip("links a program")
	}
	bin := filepath.Join(t.TempDir(), "linkcheck")
	build := exec.Command("go", "build", "-o", bin, "./testdata/linkcheck")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./testdata/linkcheck: %v\n%s", err, out)
	}
	out, err := exec.Command("go", "tool", "nm", "-size", bin).Output()
	if err != nil {
		t.Fatalf("go tool nm: %v", err)
	}
	syms := map[string]int{} // symbol name → size
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		// address size type name (the name may contain spaces)
		f := strings.Fields(sc.Text())
		if len(f) < 4 {
			continue
		}
		n, _ := strconv.Atoi(f[1])
		syms[strings.Join(f[3:], " ")] += n
	}

	const module = "github.com/eucsdk/eucsdk/"
	for _, svc := range []string{"appstream", "workspaces", "sts"} {
		prefix := module + svc + "."
		total := 0
		for name, n := range syms {
			if strings.Contains(name, prefix) {
				total += n
			}
		}
		if total == 0 {
			t.Fatalf("no symbol of %s found: the symbol table was not read as expected", svc)
		}
		t.Logf("%s: %d bytes of symbols, init %d bytes", svc, total, syms[prefix+"init"])
		// One operation's codec, the client and the endpoint rules'
		// glue: about 15 KB today, over 300 KB when every codec is kept.
		if total > 64<<10 {
			t.Errorf("%s: %d bytes of symbols are linked for one operation; an operation descriptor is built at init (its adapters must be conversions or composite literals, not calls)", svc, total)
		}
		if n := syms[prefix+"init"]; n > 1024 {
			t.Errorf("%s.init is %d bytes: package initialisation does per-operation work", svc, n)
		}
	}

	// Linked only when used: the program calls no operation with
	// requestCompression, and JSON error bodies in XML are read with
	// runtime/awsxml's decoder.
	for _, absent := range []string{"encoding/xml.", "compress/flate.(*compressor)"} {
		for name := range syms {
			if strings.Contains(name, absent) {
				t.Errorf("%s is linked (symbol %s) though the program does not use it", absent, name)
				break
			}
		}
	}
}
