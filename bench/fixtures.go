// Package bench compares eucsdk with aws-sdk-go-v2 and with a hand-written
// floor client: the same calls, against the same local server, with the same
// canned responses. See bench_test.go for the benchmarks and run.sh for the
// full comparison.
package bench

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/eucsdk/eucsdk/runtime/signer"
)

// Fixture sizes.
const (
	NumImageBuilders = 50
	NumPermissions   = 100
	NumImages        = 1000
	NumImagePages    = 20
	ImagesPerPage    = NumImages / NumImagePages
)

// Static test credentials and region shared by every client.
const (
	Region    = "us-east-1"
	AccessKey = "AKIDBENCHEXAMPLE0001"
	SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYBENCHEXAMPLE"
	ImageID   = "wsi-0123456789abcdef0"
)

// Targets of the benchmarked operations.
const (
	targetDescribeImageBuilders             = "PhotonAdminProxyService.DescribeImageBuilders"
	targetDescribeImages                    = "PhotonAdminProxyService.DescribeImages"
	targetDescribeWorkspaceImagePermissions = "WorkspacesService.DescribeWorkspaceImagePermissions"
	targetUpdateWorkspaceImagePermission    = "WorkspacesService.UpdateWorkspaceImagePermission"
)

var baseTime = time.Date(2024, 6, 17, 9, 30, 0, 0, time.UTC)

// epoch formats a timestamp the way the services do: epoch seconds with
// milliseconds, in exponent notation.
func epoch(t time.Time) json.Number {
	return json.Number(strconv.FormatFloat(float64(t.UnixMilli())/1000, 'E', -1, 64))
}

// ImageBuilderName is the name of the i-th canned image builder.
func ImageBuilderName(i int) string { return fmt.Sprintf("eng-builder-%03d", i) }

// ImageName is the name of the i-th canned image (over all pages).
func ImageName(i int) string { return fmt.Sprintf("eng-image-%04d", i) }

// AccountID is the account of the i-th canned image permission.
func AccountID(i int) string { return fmt.Sprintf("%012d", 100000000000+i*7919) }

func imageBuilder(i int) map[string]any {
	name := ImageBuilderName(i)
	created := baseTime.Add(-time.Duration(i) * 37 * time.Hour)
	states := []string{"RUNNING", "STOPPED", "PENDING", "SNAPSHOTTING", "UPDATING_AGENT"}
	b := map[string]any{
		"Name":         name,
		"Arn":          "arn:aws:appstream:us-east-1:123456789012:image-builder/" + name,
		"ImageArn":     "arn:aws:appstream:us-east-1::image/AppStream-WinServer2019-06-17-2024",
		"Description":  fmt.Sprintf("Image builder %d for the engineering desktop images", i),
		"DisplayName":  fmt.Sprintf("Engineering builder %d", i),
		"InstanceType": "stream.standard.medium",
		"Platform":     "WINDOWS_SERVER_2019",
		"IamRoleArn":   "arn:aws:iam::123456789012:role/service-role/AppStreamImageBuilderRole",
		"State":        states[i%len(states)],
		"VpcConfig": map[string]any{
			"SubnetIds":        []string{fmt.Sprintf("subnet-0a1b2c3d4e5f%05d", i), fmt.Sprintf("subnet-0f9e8d7c6b5a%05d", i)},
			"SecurityGroupIds": []string{fmt.Sprintf("sg-0123456789ab%05d", i)},
		},
		"CreatedTime":                 epoch(created),
		"EnableDefaultInternetAccess": i%3 == 0,
		"DomainJoinInfo": map[string]any{
			"DirectoryName":                       "corp.example.com",
			"OrganizationalUnitDistinguishedName": "OU=AppStream,OU=Computers,DC=corp,DC=example,DC=com",
		},
		"NetworkAccessConfiguration": map[string]any{
			"EniPrivateIpAddress": fmt.Sprintf("10.0.%d.%d", i/250, i%250+4),
			"EniId":               fmt.Sprintf("eni-0abc1234def5%05d", i),
		},
		"AppstreamAgentVersion":       "1.1.1446",
		"LatestAppstreamAgentVersion": "TRUE",
		"AccessEndpoints": []any{
			map[string]any{"EndpointType": "STREAMING", "VpceId": fmt.Sprintf("vpce-0123456789a%05d", i)},
		},
		"ImageBuilderErrors": []any{},
	}
	if i%4 == 1 {
		b["StateChangeReason"] = map[string]any{"Code": "INTERNAL_ERROR", "Message": "The image builder could not be started; retry later."}
		b["ImageBuilderErrors"] = []any{
			map[string]any{"ErrorCode": "NETWORK_INTERFACE_LIMIT_EXCEEDED", "ErrorMessage": "The network interface limit for the subnet was exceeded.", "ErrorTimestamp": epoch(created.Add(time.Minute))},
			map[string]any{"ErrorCode": "INTERNAL_SERVICE_ERROR", "ErrorMessage": "An internal error occurred.", "ErrorTimestamp": epoch(created.Add(2 * time.Minute))},
		}
	}
	return b
}

func image(i int) map[string]any {
	name := ImageName(i)
	created := baseTime.Add(-time.Duration(i) * 5 * time.Hour)
	return map[string]any{
		"Name":                  name,
		"Arn":                   "arn:aws:appstream:us-east-1:123456789012:image/" + name,
		"BaseImageArn":          "arn:aws:appstream:us-east-1::image/AppStream-WinServer2019-06-17-2024",
		"DisplayName":           fmt.Sprintf("Engineering image %d", i),
		"State":                 "AVAILABLE",
		"Visibility":            "PRIVATE",
		"ImageBuilderSupported": true,
		"ImageBuilderName":      ImageBuilderName(i % NumImageBuilders),
		"Platform":              "WINDOWS_SERVER_2019",
		"Description":           "Desktop image with the engineering toolchain",
		"Applications": []any{
			map[string]any{
				"Name": "code", "DisplayName": "Code editor", "IconURL": "https://example.com/icons/code.png",
				"LaunchPath": `C:\Program Files\Editor\editor.exe`, "Enabled": true,
				"Platforms": []string{"WINDOWS_SERVER_2019"}, "InstanceFamilies": []string{"GENERAL_PURPOSE"},
				"Metadata": map[string]string{"team": "eng"}, "CreatedTime": epoch(created),
			},
		},
		"CreatedTime":                 epoch(created),
		"PublicBaseImageReleasedDate": epoch(baseTime.Add(-90 * 24 * time.Hour)),
		"AppstreamAgentVersion":       "1.1.1446",
		"ImagePermissions":            map[string]any{"AllowFleet": true, "AllowImageBuilder": false},
		"ImageErrors":                 []any{},
		"LatestAppstreamAgentVersion": "TRUE",
		"SupportedInstanceFamilies":   []string{"GENERAL_PURPOSE", "MEMORY_OPTIMIZED", "GRAPHICS_G4"},
		"DynamicAppProvidersEnabled":  "DISABLED",
		"ImageSharedWithOthers":       "FALSE",
	}
}

// PageToken is the NextToken that asks for page p (1-based; page 0 has none).
func PageToken(p int) string { return fmt.Sprintf("page-%02d-eyJvZmZzZXQiOjUwfQ==", p) }

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// Canned response bodies, built once.
var (
	ImageBuildersBody []byte
	PermissionsBody   []byte
	UpdateBody        = []byte("{}")
	ImagePages        map[string][]byte // by request NextToken ("" for the first page)
)

func init() {
	builders := make([]any, NumImageBuilders)
	for i := range builders {
		builders[i] = imageBuilder(i)
	}
	ImageBuildersBody = mustJSON(map[string]any{"ImageBuilders": builders})

	perms := make([]any, NumPermissions)
	for i := range perms {
		perms[i] = map[string]any{"SharedAccountId": AccountID(i)}
	}
	PermissionsBody = mustJSON(map[string]any{"ImageId": ImageID, "ImagePermissions": perms})

	ImagePages = make(map[string][]byte, NumImagePages)
	for p := 0; p < NumImagePages; p++ {
		imgs := make([]any, ImagesPerPage)
		for i := range imgs {
			imgs[i] = image(p*ImagesPerPage + i)
		}
		page := map[string]any{"Images": imgs}
		if p+1 < NumImagePages {
			page["NextToken"] = PageToken(p + 1)
		}
		tok := ""
		if p > 0 {
			tok = PageToken(p)
		}
		ImagePages[tok] = mustJSON(page)
	}
}

// CallerIdentityBody is STS GetCallerIdentity's answer, as STS sends it.
var CallerIdentityBody = []byte(`<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:iam::123456789012:user/bench</Arn>
    <UserId>AIDAEXAMPLEUSERID0001</UserId>
    <Account>123456789012</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata>
    <RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>
  </ResponseMetadata>
</GetCallerIdentityResponse>
`)

// Server is the local AWS JSON server every client talks to. It answers by
// X-Amz-Target with the canned bodies above and refuses unsigned requests, so
// a client that skips signing cannot look fast.
type Server struct {
	*httptest.Server

	// Verify makes the server check every SigV4 signature in full (slow;
	// for tests, not benchmarks).
	Verify atomic.Bool
	// Requests counts the requests served.
	Requests atomic.Int64

	verifier *signer.Signer
}

var (
	hdrContentType = []string{"application/x-amz-json-1.1"}
	hdrRequestID   = []string{"2d2e8f0b-6d8a-4c5e-9f0e-6c1b2a3d4e5f"}
	hdrXML         = []string{"text/xml"}
	lengths        sync.Map // body length strings by length
	bodyPool       = sync.Pool{New: func() any { return new(bytes.Buffer) }}
)

func contentLength(n int) []string {
	if v, ok := lengths.Load(n); ok {
		return v.([]string)
	}
	v := []string{strconv.Itoa(n)}
	lengths.Store(n, v)
	return v
}

// NewServer starts a server on the loopback interface.
func NewServer() *Server {
	s := &Server{verifier: signer.New()}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(s.serve))
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	srv.Listener = l
	srv.Start()
	s.Server = srv
	return s
}

func (s *Server) fail(w http.ResponseWriter, status int, code, msg string) {
	w.Header()["Content-Type"] = hdrContentType
	w.Header()["X-Amzn-Errortype"] = []string{code}
	w.WriteHeader(status)
	io.WriteString(w, `{"__type":"`+code+`","message":"`+msg+`"}`)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.Requests.Add(1)
	buf := bodyPool.Get().(*bytes.Buffer)
	defer bodyPool.Put(buf)
	buf.Reset()
	if _, err := buf.ReadFrom(r.Body); err != nil {
		s.fail(w, 400, "SerializationException", "unreadable body")
		return
	}
	body := buf.Bytes()
	if r.Method != http.MethodPost && !strings.HasPrefix(r.URL.Path, lambdaPrefix) || !strings.HasPrefix(r.Header.Get("Authorization"), "AWS4-HMAC-SHA256 Credential="+AccessKey+"/") || r.Header.Get("X-Amz-Date") == "" {
		s.fail(w, 403, "MissingAuthenticationTokenException", "request is not signed")
		return
	}
	if s.Verify.Load() {
		sum := sha256.Sum256(body)
		if _, _, err := s.verifier.Verify(r, hex.EncodeToString(sum[:]), SecretKey); err != nil {
			s.fail(w, 403, "InvalidSignatureException", strings.ReplaceAll(err.Error(), `"`, `'`))
			return
		}
	}
	if strings.HasPrefix(r.URL.Path, lambdaPrefix) {
		s.serveLambda(w, r)
		return
	}
	if r.Header.Get("Content-Type") == "application/x-www-form-urlencoded" {
		// awsQuery (STS): the operation is the form's Action.
		if !bytes.HasPrefix(body, []byte("Action=GetCallerIdentity&Version=2011-06-15")) {
			w.WriteHeader(400)
			io.WriteString(w, `<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>unknown action</Message></Error><RequestId>x</RequestId></ErrorResponse>`)
			return
		}
		ok(w, hdrXML, CallerIdentityBody)
		return
	}
	var out []byte
	switch target := r.Header.Get("X-Amz-Target"); target {
	case targetDescribeImageBuilders:
		out = ImageBuildersBody
	case targetDescribeWorkspaceImagePermissions:
		if !bytes.Contains(body, []byte(`"ImageId":"`+ImageID+`"`)) {
			s.fail(w, 400, "InvalidParameterValuesException", "ImageId is required")
			return
		}
		out = PermissionsBody
	case targetUpdateWorkspaceImagePermission:
		if !bytes.Contains(body, []byte(`"AllowCopyImage":true`)) || !bytes.Contains(body, []byte(`"SharedAccountId":"`)) {
			s.fail(w, 400, "InvalidParameterValuesException", "AllowCopyImage and SharedAccountId are required")
			return
		}
		out = UpdateBody
	case targetDescribeImages:
		tok := ""
		if i := bytes.Index(body, []byte(`"NextToken":"`)); i >= 0 {
			rest := body[i+len(`"NextToken":"`):]
			if j := bytes.IndexByte(rest, '"'); j >= 0 {
				tok = string(rest[:j])
			}
		}
		page, ok := ImagePages[tok]
		if !ok {
			s.fail(w, 400, "InvalidParameterCombinationException", "bad NextToken")
			return
		}
		out = page
	default:
		s.fail(w, 400, "UnknownOperationException", "unknown target")
		return
	}
	ok(w, hdrContentType, out)
}

// ok answers 200 with body, its content type and a request id.
func ok(w http.ResponseWriter, contentType []string, body []byte) {
	h := w.Header()
	h["Content-Type"] = contentType
	h["X-Amzn-Requestid"] = hdrRequestID
	h["Content-Length"] = contentLength(len(body))
	w.WriteHeader(http.StatusOK)
	w.Write(body)
}

// NewHTTPClient returns the HTTP client each implementation gets: its own
// transport, with enough idle connections for the concurrent case, so that
// connection reuse is the same for all three.
func NewHTTPClient() *http.Client {
	return &http.Client{Transport: &http.Transport{
		Proxy:               nil,
		MaxIdleConns:        256,
		MaxIdleConnsPerHost: 256,
		IdleConnTimeout:     90 * time.Second,
	}}
}
