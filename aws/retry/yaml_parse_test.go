package retry

import (
	"reflect"
	"testing"
)

func TestParseYAML(t *testing.T) {
	src := `
# comment
given:
  max_attempts: 5
  name: "quoted: yes"
responses:
  - response:
      status_code: 500
      headers:
        x-amz-retry-after: "1500"
    expected:
      outcome: retry_request
      delay: 0.05
threads:
  - - a: 1
      b: 2
    - a: 3
  - - a: 4
list:
- x
- y
`
	got, err := parseYAML(src)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"given": map[string]any{"max_attempts": "5", "name": "quoted: yes"},
		"responses": []any{map[string]any{
			"response": map[string]any{"status_code": "500", "headers": map[string]any{"x-amz-retry-after": "1500"}},
			"expected": map[string]any{"outcome": "retry_request", "delay": "0.05"},
		}},
		"threads": []any{
			[]any{map[string]any{"a": "1", "b": "2"}, map[string]any{"a": "3"}},
			[]any{map[string]any{"a": "4"}},
		},
		"list": []any{"x", "y"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %#v\nwant %#v", got, want)
	}
	for _, bad := range []string{"a: [1, 2]", "a: 1\n   b: 2", "a: 1\na: 2", "a: 'x'"} {
		if _, err := parseYAML(bad); err == nil {
			t.Errorf("parseYAML(%q) succeeded, want an error", bad)
		}
	}
}
