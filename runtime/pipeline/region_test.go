package pipeline_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/runtime/pipeline"
)

type failingClient struct{ t *testing.T }

func (c failingClient) Do(r *http.Request) (*http.Response, error) {
	c.t.Errorf("request sent to %s", r.URL)
	return nil, errors.New("no network in this test")
}

// The endpoint rules paste the region into the host name, so a region that
// is not a host label would redirect signed requests (found by
// endpoints.FuzzResolveRuleSets: region "#" resolved to
// https://appstream2.#.api.aws, whose host is "appstream2."). Such regions
// are refused before any I/O.
func TestRegionMustBeHostLabel(t *testing.T) {
	for _, region := range []string{"evil.example#", "x.evil.example/", " ", "us-east-1.", "-us", "a b", strings.Repeat("a", 64)} {
		c := appstream.New(appstream.Options{
			Region: region, HTTPClient: failingClient{t},
			Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", ""),
		})
		_, err := c.DescribeImages(context.Background(), nil)
		var ee *pipeline.EndpointError
		if !errors.As(err, &ee) || !strings.Contains(err.Error(), "invalid region") {
			t.Errorf("region %q: err = %v, want an invalid-region EndpointError", region, err)
		}
	}
}
