package imds

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
)

const (
	metadataPath = "/latest/meta-data"
	dynamicPath  = "/latest/dynamic"
)

// GetMetadataInput names a path under /latest/meta-data.
type GetMetadataInput struct {
	// Path is relative to /latest/meta-data; a leading slash is optional
	// and a trailing one is kept.
	Path string
}

// GetMetadataOutput is the document.
type GetMetadataOutput struct {
	Content io.ReadCloser
}

// GetMetadata returns the document at a metadata path.
func (c *Client) GetMetadata(ctx context.Context, params *GetMetadataInput, optFns ...func(*Options)) (*GetMetadataOutput, error) {
	if params == nil {
		params = &GetMetadataInput{}
	}
	b, err := c.with(optFns).get(ctx, "GetMetadata", joinPath(metadataPath, params.Path))
	if err != nil {
		return nil, err
	}
	return &GetMetadataOutput{Content: io.NopCloser(bytes.NewReader(b))}, nil
}

// GetRegionInput has no fields.
type GetRegionInput struct{}

// GetRegionOutput is the instance's region.
type GetRegionOutput struct {
	Region string
}

// GetRegion returns the region of the instance's identity document.
func (c *Client) GetRegion(ctx context.Context, params *GetRegionInput, optFns ...func(*Options)) (*GetRegionOutput, error) {
	doc, err := c.identityDocument(ctx, "GetRegion", optFns)
	if err != nil {
		return nil, err
	}
	if doc.Region == "" {
		return nil, fmt.Errorf("%s GetRegion: the instance identity document has no region", ServiceID)
	}
	return &GetRegionOutput{Region: doc.Region}, nil
}

// InstanceIdentityDocument is /latest/dynamic/instance-identity/document.
type InstanceIdentityDocument struct {
	DevpayProductCodes      []string  `json:"devpayProductCodes"`
	MarketplaceProductCodes []string  `json:"marketplaceProductCodes"`
	AvailabilityZone        string    `json:"availabilityZone"`
	PrivateIP               string    `json:"privateIp"`
	Version                 string    `json:"version"`
	Region                  string    `json:"region"`
	InstanceID              string    `json:"instanceId"`
	BillingProducts         []string  `json:"billingProducts"`
	InstanceType            string    `json:"instanceType"`
	AccountID               string    `json:"accountId"`
	PendingTime             time.Time `json:"pendingTime"`
	ImageID                 string    `json:"imageId"`
	KernelID                string    `json:"kernelId"`
	RamdiskID               string    `json:"ramdiskId"`
	Architecture            string    `json:"architecture"`
}

// GetInstanceIdentityDocumentInput has no fields.
type GetInstanceIdentityDocumentInput struct{}

// GetInstanceIdentityDocumentOutput is the document.
type GetInstanceIdentityDocumentOutput struct {
	InstanceIdentityDocument
}

// GetInstanceIdentityDocument returns the instance identity document.
func (c *Client) GetInstanceIdentityDocument(ctx context.Context, params *GetInstanceIdentityDocumentInput, optFns ...func(*Options)) (*GetInstanceIdentityDocumentOutput, error) {
	doc, err := c.identityDocument(ctx, "GetInstanceIdentityDocument", optFns)
	if err != nil {
		return nil, err
	}
	return &GetInstanceIdentityDocumentOutput{InstanceIdentityDocument: doc}, nil
}

func (c *Client) identityDocument(ctx context.Context, op string, optFns []func(*Options)) (InstanceIdentityDocument, error) {
	const path = dynamicPath + "/instance-identity/document"
	var doc InstanceIdentityDocument
	b, err := c.with(optFns).get(ctx, op, path)
	if err != nil {
		return doc, err
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return doc, fmt.Errorf("%s %s: %s is not an identity document: %v", ServiceID, op, path, err)
	}
	return doc, nil
}

// IAMInfo is /latest/meta-data/iam/info.
type IAMInfo struct {
	Code               string
	LastUpdated        time.Time
	InstanceProfileArn string
	InstanceProfileID  string `json:"InstanceProfileId"`
}

// GetIAMInfoInput has no fields.
type GetIAMInfoInput struct{}

// GetIAMInfoOutput is the instance profile.
type GetIAMInfoOutput struct {
	IAMInfo
}

// GetIAMInfo returns the instance profile the instance runs with.
func (c *Client) GetIAMInfo(ctx context.Context, params *GetIAMInfoInput, optFns ...func(*Options)) (*GetIAMInfoOutput, error) {
	const path = metadataPath + "/iam/info"
	b, err := c.with(optFns).get(ctx, "GetIAMInfo", path)
	if err != nil {
		return nil, err
	}
	var info IAMInfo
	if err := json.Unmarshal(b, &info); err != nil {
		return nil, fmt.Errorf("%s GetIAMInfo: %s is not IAM info: %v", ServiceID, path, err)
	}
	if !strings.EqualFold(info.Code, "Success") {
		return nil, fmt.Errorf("%s GetIAMInfo: the service answered code %q", ServiceID, info.Code)
	}
	return &GetIAMInfoOutput{IAMInfo: info}, nil
}

// with applies per-call options to a copy that shares the token cache
// only when nothing that decides the token changed.
func (c *Client) with(optFns []func(*Options)) *Client {
	if len(optFns) == 0 {
		return c
	}
	o := c.options
	for _, fn := range optFns {
		fn(&o)
	}
	if o.Endpoint == c.options.Endpoint && o.EnableFallback == c.options.EnableFallback {
		cp := c.unlockedCopy()
		cp.options = o
		return cp
	}
	return New(o)
}

// unlockedCopy is a fresh client with c's token, for one call.
func (c *Client) unlockedCopy() *Client {
	c.mu.Lock()
	defer c.mu.Unlock()
	return &Client{options: c.options, token: c.token, expires: c.expires, v1: c.v1}
}

func joinPath(base, p string) string {
	if p == "" {
		return base
	}
	return base + "/" + strings.TrimLeft(p, "/")
}
