package bench

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/aws/smithy-go/aws-http-auth/credentials"
	"github.com/aws/smithy-go/aws-http-auth/sigv4"
	v4 "github.com/aws/smithy-go/aws-http-auth/v4"
)

// Floor is the hand-written baseline: build the request by hand, sign it with
// the same aws-http-auth SigV4 signer eucsdk uses, and decode the response
// with encoding/json into plain structs. No validation, no retries, no
// endpoint rules: what a careful person would write for one call.
type Floor struct {
	HTTP     *http.Client
	Endpoint string // e.g. http://127.0.0.1:1234/
	signer   *sigv4.Signer
	creds    credentials.Credentials
}

// NewFloor returns a floor client for endpoint.
func NewFloor(endpoint string, hc *http.Client) *Floor {
	return &Floor{
		HTTP:     hc,
		Endpoint: endpoint + "/",
		signer:   sigv4.New(func(o *v4.SignerOptions) {}),
		creds:    credentials.Credentials{AccessKeyID: AccessKey, SecretAccessKey: SecretKey},
	}
}

// call posts body to target of the service named signingName and decodes the
// JSON response into out.
func (f *Floor) call(ctx context.Context, signingName, contentType, target string, body []byte, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, f.Endpoint, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("X-Amz-Target", target)
	sum := sha256.Sum256(body)
	if err := f.signer.SignRequest(&sigv4.SignRequestInput{
		Request:     req,
		PayloadHash: sum[:],
		Credentials: f.creds,
		Service:     signingName,
		Region:      Region,
		Time:        time.Now(),
	}); err != nil {
		return err
	}
	resp, err := f.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: HTTP %d: %s", target, resp.StatusCode, data)
	}
	return json.Unmarshal(data, out)
}

// Plain structs for the floor: value fields, timestamps as epoch seconds.

type FloorVpcConfig struct {
	SubnetIds        []string
	SecurityGroupIds []string
}

type FloorResourceError struct {
	ErrorCode      string
	ErrorMessage   string
	ErrorTimestamp float64
}

type FloorImageBuilder struct {
	Name                        string
	Arn                         string
	ImageArn                    string
	Description                 string
	DisplayName                 string
	VpcConfig                   FloorVpcConfig
	InstanceType                string
	Platform                    string
	IamRoleArn                  string
	State                       string
	StateChangeReason           struct{ Code, Message string }
	CreatedTime                 float64
	EnableDefaultInternetAccess bool
	DomainJoinInfo              struct{ DirectoryName, OrganizationalUnitDistinguishedName string }
	NetworkAccessConfiguration  struct{ EniPrivateIpAddress, EniId string }
	ImageBuilderErrors          []FloorResourceError
	AppstreamAgentVersion       string
	AccessEndpoints             []struct{ EndpointType, VpceId string }
	LatestAppstreamAgentVersion string
}

type FloorDescribeImageBuildersOutput struct {
	ImageBuilders []FloorImageBuilder
	NextToken     string
}

type FloorApplication struct {
	Name, DisplayName, IconURL, LaunchPath string
	Enabled                                bool
	Platforms, InstanceFamilies            []string
	Metadata                               map[string]string
	CreatedTime                            float64
}

type FloorImage struct {
	Name                        string
	Arn                         string
	BaseImageArn                string
	DisplayName                 string
	State                       string
	Visibility                  string
	ImageBuilderSupported       bool
	ImageBuilderName            string
	Platform                    string
	Description                 string
	StateChangeReason           struct{ Code, Message string }
	Applications                []FloorApplication
	CreatedTime                 float64
	PublicBaseImageReleasedDate float64
	AppstreamAgentVersion       string
	ImagePermissions            struct{ AllowFleet, AllowImageBuilder bool }
	ImageErrors                 []FloorResourceError
	LatestAppstreamAgentVersion string
	SupportedInstanceFamilies   []string
	DynamicAppProvidersEnabled  string
	ImageSharedWithOthers       string
}

type FloorDescribeImagesOutput struct {
	Images    []FloorImage
	NextToken string
}

type FloorDescribeWorkspaceImagePermissionsOutput struct {
	ImageId          string
	ImagePermissions []struct{ SharedAccountId string }
	NextToken        string
}

const (
	appstreamJSON  = "application/x-amz-json-1.1"
	workspacesJSON = "application/x-amz-json-1.1"
)

// DescribeImageBuilders calls AppStream DescribeImageBuilders.
func (f *Floor) DescribeImageBuilders(ctx context.Context) (*FloorDescribeImageBuildersOutput, error) {
	out := new(FloorDescribeImageBuildersOutput)
	return out, f.call(ctx, "appstream", appstreamJSON, targetDescribeImageBuilders, []byte("{}"), out)
}

// DescribeImages calls AppStream DescribeImages for the page after nextToken.
func (f *Floor) DescribeImages(ctx context.Context, nextToken string) (*FloorDescribeImagesOutput, error) {
	body := []byte("{}")
	if nextToken != "" {
		body = append(append([]byte(`{"NextToken":`), jsonString(nextToken)...), '}')
	}
	out := new(FloorDescribeImagesOutput)
	return out, f.call(ctx, "appstream", appstreamJSON, targetDescribeImages, body, out)
}

// DescribeWorkspaceImagePermissions calls WorkSpaces DescribeWorkspaceImagePermissions.
func (f *Floor) DescribeWorkspaceImagePermissions(ctx context.Context, imageID string) (*FloorDescribeWorkspaceImagePermissionsOutput, error) {
	body := append(append([]byte(`{"ImageId":`), jsonString(imageID)...), '}')
	out := new(FloorDescribeWorkspaceImagePermissionsOutput)
	return out, f.call(ctx, "workspaces", workspacesJSON, targetDescribeWorkspaceImagePermissions, body, out)
}

// UpdateWorkspaceImagePermission calls WorkSpaces UpdateWorkspaceImagePermission.
func (f *Floor) UpdateWorkspaceImagePermission(ctx context.Context, imageID, account string, allow bool) error {
	body := []byte(`{"ImageId":`)
	body = append(body, jsonString(imageID)...)
	body = append(body, `,"AllowCopyImage":`...)
	if allow {
		body = append(body, "true"...)
	} else {
		body = append(body, "false"...)
	}
	body = append(body, `,"SharedAccountId":`...)
	body = append(body, jsonString(account)...)
	body = append(body, '}')
	var out struct{}
	return f.call(ctx, "workspaces", workspacesJSON, targetUpdateWorkspaceImagePermission, body, &out)
}

func jsonString(s string) []byte {
	b, _ := json.Marshal(s)
	return b
}
