package bench

import (
	"context"
	"net/http"

	v2aws "github.com/aws/aws-sdk-go-v2/aws"
	v2appstream "github.com/aws/aws-sdk-go-v2/service/appstream"
	v2lambda "github.com/aws/aws-sdk-go-v2/service/lambda"
	v2sts "github.com/aws/aws-sdk-go-v2/service/sts"
	v2workspaces "github.com/aws/aws-sdk-go-v2/service/workspaces"

	"github.com/eucsdk/eucsdk/appstream"
	"github.com/eucsdk/eucsdk/credentials"
	"github.com/eucsdk/eucsdk/internal/lambda"
	"github.com/eucsdk/eucsdk/sts"
	"github.com/eucsdk/eucsdk/workspaces"
)

// Ours holds eucsdk clients for both services.
type Ours struct {
	AppStream  *appstream.Client
	WorkSpaces *workspaces.Client
	STS        *sts.Client
	Lambda     *lambda.Client // restJson1
}

// NewOurs builds eucsdk clients for endpoint: static credentials, the shared
// region, BaseEndpoint at the server, default retries.
func NewOurs(endpoint string, hc *http.Client) Ours {
	creds := credentials.NewStaticCredentialsProvider(AccessKey, SecretKey, "")
	return Ours{
		AppStream: appstream.New(appstream.Options{
			Region: Region, BaseEndpoint: &endpoint, Credentials: creds, HTTPClient: hc,
		}),
		WorkSpaces: workspaces.New(workspaces.Options{
			Region: Region, BaseEndpoint: &endpoint, Credentials: creds, HTTPClient: hc,
		}),
		STS: sts.New(sts.Options{
			Region: Region, BaseEndpoint: &endpoint, Credentials: creds, HTTPClient: hc,
		}),
		Lambda: lambda.New(lambda.Options{
			Region: Region, BaseEndpoint: &endpoint, Credentials: creds, HTTPClient: hc,
		}),
	}
}

// V2 holds aws-sdk-go-v2 clients for both services.
type V2 struct {
	AppStream  *v2appstream.Client
	WorkSpaces *v2workspaces.Client
	STS        *v2sts.Client
	Lambda     *v2lambda.Client
}

// v2Static is a static credentials provider, wrapped below in the
// CredentialsCache that aws-sdk-go-v2's config loader would add.
var v2Static = v2aws.CredentialsProviderFunc(func(context.Context) (v2aws.Credentials, error) {
	return v2aws.Credentials{AccessKeyID: AccessKey, SecretAccessKey: SecretKey, Source: "StaticCredentials"}, nil
})

// NewV2 builds aws-sdk-go-v2 clients configured like NewOurs.
func NewV2(endpoint string, hc *http.Client) V2 {
	creds := v2aws.NewCredentialsCache(v2Static)
	return V2{
		AppStream: v2appstream.New(v2appstream.Options{
			Region: Region, BaseEndpoint: &endpoint, Credentials: creds, HTTPClient: hc,
		}),
		WorkSpaces: v2workspaces.New(v2workspaces.Options{
			Region: Region, BaseEndpoint: &endpoint, Credentials: creds, HTTPClient: hc,
		}),
		STS: v2sts.New(v2sts.Options{
			Region: Region, BaseEndpoint: &endpoint, Credentials: creds, HTTPClient: hc,
		}),
		Lambda: v2lambda.New(v2lambda.Options{
			Region: Region, BaseEndpoint: &endpoint, Credentials: creds, HTTPClient: hc,
		}),
	}
}
