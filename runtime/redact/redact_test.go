package redact

import (
	"strings"
	"testing"
)

type inner struct {
	Token *string
}

func (v inner) String() string { return Struct(v, "Token") }

type outer struct {
	Name     *string
	Password *string
	Items    []inner
	Nested   *inner
	Tags     map[string]string
	Data     []byte
	unexp    string
}

func TestStructRedactsAtEveryDepth(t *testing.T) {
	name, pw, tok := "alice", "hunter2", "tok-secret"
	v := outer{Name: &name, Password: &pw, Items: []inner{{Token: &tok}}, Nested: &inner{Token: &tok}, Tags: map[string]string{"b": "2", "a": "1"}, Data: []byte("abc"), unexp: "x"}
	got := Struct(v, "Password")
	for _, secret := range []string{pw, tok} {
		if strings.Contains(got, secret) {
			t.Fatalf("output leaks %q: %s", secret, got)
		}
	}
	want := `outer{Name: "alice", Password: *** sensitive ***, Items: [inner{Token: *** sensitive ***}], Nested: inner{Token: *** sensitive ***}, Tags: map[a:"1", b:"2"], Data: [3 bytes]}`
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

func TestStructSkipsUnsetMembers(t *testing.T) {
	if got := Struct(outer{}); got != "outer{}" {
		t.Fatalf("got %s", got)
	}
}
