package arn

import (
	"testing"
)

func TestParse(t *testing.T) {
	cases := []struct {
		in   string
		want ARN
		err  string
	}{
		{in: "arn:aws:appstream:us-east-1:111111111111:image/my-image",
			want: ARN{"aws", "appstream", "us-east-1", "111111111111", "image/my-image"}},
		{in: "arn:aws-cn:workspaces:cn-north-1:222222222222:workspaceimage/wsi-abc",
			want: ARN{"aws-cn", "workspaces", "cn-north-1", "222222222222", "workspaceimage/wsi-abc"}},
		// Global resources leave region (IAM) or account (S3) empty.
		{in: "arn:aws:iam::123456789012:role/Admin", want: ARN{"aws", "iam", "", "123456789012", "role/Admin"}},
		{in: "arn:aws:s3:::bucket/key:with:colons", want: ARN{"aws", "s3", "", "", "bucket/key:with:colons"}},
		// The resource keeps every further colon.
		{in: "arn:aws:logs:us-east-1:1:log-group:g:*", want: ARN{"aws", "logs", "us-east-1", "1", "log-group:g:*"}},
		{in: "arn:::::", want: ARN{}},
		{in: "", err: "arn: invalid prefix"},
		{in: "ARN:aws:s3:::b", err: "arn: invalid prefix"},
		{in: "aws:appstream:us-east-1:1:image/x", err: "arn: invalid prefix"},
		{in: "arn:aws:appstream:us-east-1", err: "arn: not enough sections"},
		{in: "arn:aws:appstream:us-east-1:111111111111", err: "arn: not enough sections"},
	}
	for _, c := range cases {
		got, err := Parse(c.in)
		if c.err != "" {
			if err == nil || err.Error() != c.err {
				t.Errorf("Parse(%q) error = %v, want %q", c.in, err, c.err)
			}
			if IsARN(c.in) {
				t.Errorf("IsARN(%q) = true for an ARN Parse rejects", c.in)
			}
			continue
		}
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if got != c.want {
			t.Errorf("Parse(%q) = %+v, want %+v", c.in, got, c.want)
		}
		if !IsARN(c.in) {
			t.Errorf("IsARN(%q) = false", c.in)
		}
		if s := got.String(); s != c.in {
			t.Errorf("String() = %q, want %q", s, c.in)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("arn:aws:appstream:us-east-1:111111111111:image/x")
	f.Add("arn:::")
	f.Fuzz(func(t *testing.T, s string) {
		a, err := Parse(s)
		if (err == nil) != IsARN(s) {
			t.Fatalf("Parse and IsARN disagree on %q: %v", s, err)
		}
		if err == nil && a.String() != s {
			t.Fatalf("round trip of %q gave %q", s, a.String())
		}
	})
}
