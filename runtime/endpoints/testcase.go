package endpoints

import (
	"encoding/json"
	"fmt"
	"reflect"
)

// expectation is an endpoint test case's expect object: the endpoint the
// rules must give, or the error they must end in.
type expectation struct {
	Error    *string `json:"error"`
	Endpoint *struct {
		URL        string              `json:"url"`
		Headers    map[string][]string `json:"headers"`
		Properties map[string]any      `json:"properties"`
	} `json:"endpoint"`
}

// CheckTestCase evaluates one smithy.rules#endpointTests case (its params and
// expect objects as JSON) against rs and reports any difference. Generated
// packages call it from their endpoint tests.
func CheckTestCase(rs *RuleSet, paramsJSON, expectJSON []byte) error {
	params := map[string]any{}
	if len(paramsJSON) == 0 {
		paramsJSON = []byte("{}")
	}
	if err := json.Unmarshal(paramsJSON, &params); err != nil {
		return fmt.Errorf("params: %w", err)
	}
	for k, v := range params {
		if list, ok := v.([]any); ok {
			ss := make([]string, 0, len(list))
			for _, x := range list {
				s, _ := x.(string)
				ss = append(ss, s)
			}
			params[k] = ss
		}
	}
	var expect expectation
	if err := json.Unmarshal(expectJSON, &expect); err != nil {
		return fmt.Errorf("expect: %w", err)
	}
	ep, err := rs.Resolve(params)
	if expect.Error != nil {
		if err == nil {
			return fmt.Errorf("resolved %s, want error %q", ep.URL, *expect.Error)
		}
		if err.Error() != *expect.Error {
			return fmt.Errorf("error %q, want %q", err.Error(), *expect.Error)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("unexpected error: %w", err)
	}
	if expect.Endpoint == nil {
		return fmt.Errorf("test case expects neither an endpoint nor an error")
	}
	if ep.URL != expect.Endpoint.URL {
		return fmt.Errorf("url %q, want %q", ep.URL, expect.Endpoint.URL)
	}
	if len(ep.Headers)+len(expect.Endpoint.Headers) > 0 && !reflect.DeepEqual(ep.Headers, expect.Endpoint.Headers) {
		return fmt.Errorf("headers %v, want %v", ep.Headers, expect.Endpoint.Headers)
	}
	if len(ep.Properties)+len(expect.Endpoint.Properties) > 0 && !reflect.DeepEqual(normalize(ep.Properties), normalize(expect.Endpoint.Properties)) {
		return fmt.Errorf("properties %v, want %v", ep.Properties, expect.Endpoint.Properties)
	}
	return nil
}

// normalize round-trips through JSON so both sides use the same Go types.
func normalize(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return v
	}
	var out any
	_ = json.Unmarshal(b, &out)
	return out
}
