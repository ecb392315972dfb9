package docs

import "testing"

func TestGodoc(t *testing.T) {
	cases := []struct{ in, want string }{
		{"<p>Retrieves a list.</p>", "Retrieves a list."},
		{"<p>One <code>Name</code> &amp; two.</p><p>Second.</p>", "One Name & two.\n\nSecond."},
		{"<p>Options:</p><ul><li><p>First</p></li><li>Second <b>bold</b></li></ul><p>After.</p>",
			"Options:\n\n  - First\n  - Second bold\n\nAfter."},
		{`<p>See <a href="https://example.com/x">the guide</a>.</p>`, "See the guide (https://example.com/x)."},
		{"<note><p>Careful.</p></note>", "Careful."},
		{"plain text", "plain text"},
	}
	for _, c := range cases {
		if got := Godoc(c.in, 80); got != c.want {
			t.Errorf("Godoc(%q) =\n%q\nwant\n%q", c.in, got, c.want)
		}
	}
}

func TestGodocWraps(t *testing.T) {
	got := Godoc("<p>aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn</p>", 20)
	want := "aaaa bbbb cccc dddd\neeee ffff gggg hhhh\niiii jjjj kkkk llll\nmmmm nnnn"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
