package mototest_test

// A plain S3 round trip against moto's S3 with the generated restXml client
// (internal/s3), the real signer and pipeline: the bucket travels in the URL
// path (path style), which is what the client always sends, because virtual
// hosting is an S3 customization it does not apply (internal/s3/UNSUPPORTED.md).

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/eucsdk/eucsdk/aws"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/internal/s3"
	"github.com/eucsdk/eucsdk/internal/testkit/mototest"
)

func TestMotoS3PathStyle(t *testing.T) {
	s, creds := server(t)
	ctx := testContext(t)
	var paths, queries []string
	lastQuery := func() url.Values {
		v, _ := url.ParseQuery(queries[len(queries)-1])
		return v
	}
	client := s3.New(s3.Options{
		Region:       mototest.Region,
		BaseEndpoint: aws.String(s.Endpoint),
		Credentials:  credentials.NewStaticCredentialsProvider(creds.AccessKeyID, creds.SecretAccessKey, ""),
		HTTPClient: &http.Client{Timeout: 30 * time.Second, Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
			paths = append(paths, r.Host+" "+r.URL.EscapedPath())
			queries = append(queries, r.URL.RawQuery)
			return http.DefaultTransport.RoundTrip(r)
		})},
	})
	const bucket = "eucsdk-moto-bucket"

	if _, err := client.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(bucket)}); err != nil {
		t.Fatalf("CreateBucket: %v\nserver output:\n%s", err, tail(s.Output()))
	}
	// Path style: the host is moto's, the bucket is the first path segment,
	// exactly once.
	if want := hostOf(s.Endpoint) + " /" + bucket; len(paths) != 1 || paths[0] != want {
		t.Fatalf("CreateBucket went to %q, want %q", paths, want)
	}

	// A body large enough to need several reads, so the stream is really
	// streamed, and not valid UTF-8, so nothing decodes it as text.
	body := bytes.Repeat([]byte{0, 1, 2, 0xff, 'e', 'u', 'c'}, 40_000)
	keys := []string{"a/1.bin", "a/2.bin", "b/3.bin", "b/4 with space.bin", "c/5.bin"}
	for i, k := range keys {
		data := body
		if i > 0 {
			data = []byte(fmt.Sprintf("object %d", i))
		}
		if _, err := client.PutObject(ctx, &s3.PutObjectInput{
			Bucket: aws.String(bucket), Key: aws.String(k), Body: bytes.NewReader(data),
			ContentType: aws.String("application/octet-stream"),
		}); err != nil {
			t.Fatalf("PutObject(%q): %v\nserver output:\n%s", k, err, tail(s.Output()))
		}
	}
	if want := hostOf(s.Endpoint) + " /" + bucket + "/b/4%20with%20space.bin"; paths[4] != want {
		t.Errorf("PutObject went to %q, want %q", paths[4], want)
	}

	got, err := client.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(bucket), Key: aws.String(keys[0])})
	if err != nil {
		t.Fatalf("GetObject: %v", err)
	}
	read, err := io.ReadAll(got.Body)
	if cerr := got.Body.Close(); cerr != nil {
		t.Errorf("GetObject body Close: %v", cerr)
	}
	if err != nil {
		t.Fatalf("GetObject body: %v", err)
	}
	if !bytes.Equal(read, body) {
		t.Fatalf("GetObject body: %d bytes differ from the %d put", len(read), len(body))
	}
	if aws.ToInt64(got.ContentLength) != int64(len(body)) || aws.ToString(got.ContentType) != "application/octet-stream" {
		t.Errorf("GetObject ContentLength %d ContentType %q", aws.ToInt64(got.ContentLength), aws.ToString(got.ContentType))
	}

	// Five objects, two a page: three pages joined by continuation tokens.
	pager := s3.NewListObjectsV2Paginator(client, &s3.ListObjectsV2Input{Bucket: aws.String(bucket), MaxKeys: aws.Int32(2)})
	var listed []string
	pages := 0
	for pager.HasMorePages() {
		page, err := pager.NextPage(ctx)
		if err != nil {
			t.Fatalf("ListObjectsV2 page %d: %v", pages+1, err)
		}
		pages++
		if len(page.Contents) > 2 {
			t.Errorf("page %d holds %d objects, MaxKeys is 2", pages, len(page.Contents))
		}
		// moto does not echo ContinuationToken in the output, so look at the
		// request itself.
		if sent := lastQuery(); (pages > 1) != sent.Has("continuation-token") || sent.Get("max-keys") != "2" || sent.Get("list-type") != "2" {
			t.Errorf("page %d was requested with query %v", pages, sent)
		}
		for _, o := range page.Contents {
			listed = append(listed, aws.ToString(o.Key))
		}
	}
	if pages != 3 || fmt.Sprint(listed) != fmt.Sprint(keys) {
		t.Fatalf("ListObjectsV2 listed %q in %d pages, want %q in 3", listed, pages, keys)
	}

	if _, err := client.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String(bucket), Key: aws.String(keys[3])}); err != nil {
		t.Fatalf("DeleteObject: %v", err)
	}
	after, err := client.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String(bucket)})
	if err != nil {
		t.Fatalf("ListObjectsV2 after delete: %v", err)
	}
	if len(after.Contents) != 4 {
		t.Fatalf("after DeleteObject %d objects remain, want 4", len(after.Contents))
	}
	for _, o := range after.Contents {
		if aws.ToString(o.Key) == keys[3] {
			t.Fatalf("DeleteObject(%q): still listed", keys[3])
		}
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func hostOf(endpoint string) string {
	u, err := url.Parse(endpoint)
	if err != nil {
		return endpoint
	}
	return u.Host
}
