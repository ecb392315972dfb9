package endpoints

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// The generated partitions' patterns must match exactly what the regexp
// package would: compare both on every known region, on near misses, and on
// random strings over the characters that matter.
func TestRegionPatternsAgreeWithRegexp(t *testing.T) {
	var inputs []string
	for _, p := range partitions {
		for r := range p.regions {
			inputs = append(inputs, r, r+"x", r+"-", "x"+r, strings.ToUpper(r), strings.TrimRight(r, "0123456789"), r+"_1")
		}
	}
	inputs = append(inputs, "", "-", "us-", "us--1", "us-east-", "us-east-1a", "us-east_1-1", "us-iso-east-1", "us-isob-east-1",
		"eusc-de-east-1", "eusc-fr-east-1", "cn-north-1", "us-gov-west-1", "mx-central-1", "xx-east-1", "us-east-01", "us-east-1-1")
	rng := rand.New(rand.NewPCG(1, 2))
	const chars = "usecnaiobgdvw-_019Xz"
	for range 20000 {
		b := make([]byte, 1+rng.IntN(16))
		for i := range b {
			b[i] = chars[rng.IntN(len(chars))]
		}
		inputs = append(inputs, string(b))
	}
	for _, p := range partitions {
		re := regexp.MustCompile(p.regionExpr)
		matched := 0
		for _, s := range inputs {
			want := re.MatchString(s)
			if got := p.regionRegex.MatchString(s); got != want {
				t.Errorf("partition %s, %q: pattern %v, regexp %v", p.id, s, got, want)
			}
			if want {
				matched++
			}
		}
		if matched == 0 {
			t.Errorf("partition %s: no input matched %s, the comparison proves nothing", p.id, p.regionExpr)
		}
	}
}
