// Package arn parses Amazon Resource Names, with the API of aws-sdk-go-v2's
// aws/arn so that code reading account ids or regions from resource ARNs moves
// over by changing its import prefix.
//
// An ARN has six colon-separated sections:
//
//	arn:partition:service:region:account-id:resource
//
// The resource section may itself contain colons and slashes; it is kept
// whole. Parsing checks only the shape, as the services' own ARNs differ in
// which sections they fill (IAM ARNs have no region, S3 bucket ARNs no
// account).
package arn

import (
	"errors"
	"strings"
)

// The error texts match aws-sdk-go-v2's, so code that compares them keeps
// working.
var (
	errPrefix   = errors.New("arn: invalid prefix")
	errSections = errors.New("arn: not enough sections")
)

const prefix = "arn:"

// ARN is a parsed Amazon Resource Name.
type ARN struct {
	// Partition is aws, aws-cn, aws-us-gov, and so on.
	Partition string
	// Service is the service namespace, e.g. appstream or workspaces.
	Service string
	// Region is empty for global resources.
	Region string
	// AccountID is empty for resources that no account owns.
	AccountID string
	// Resource is everything after the account id, colons and slashes
	// included, e.g. image/my-image.
	Resource string
}

// Parse splits an ARN into its sections. It fails when arn does not start
// with "arn:" or has fewer than six sections.
func Parse(arn string) (ARN, error) {
	if !strings.HasPrefix(arn, prefix) {
		return ARN{}, errPrefix
	}
	var sec [5]string
	rest := arn[len(prefix):]
	for i := range 4 {
		j := strings.IndexByte(rest, ':')
		if j < 0 {
			return ARN{}, errSections
		}
		sec[i], rest = rest[:j], rest[j+1:]
	}
	sec[4] = rest
	return ARN{Partition: sec[0], Service: sec[1], Region: sec[2], AccountID: sec[3], Resource: sec[4]}, nil
}

// IsARN reports whether arn has the shape Parse accepts, without building the
// result.
func IsARN(arn string) bool {
	return strings.HasPrefix(arn, prefix) && strings.Count(arn, ":") >= 5
}

// String joins the sections back into an ARN.
func (a ARN) String() string {
	return prefix + a.Partition + ":" + a.Service + ":" + a.Region + ":" + a.AccountID + ":" + a.Resource
}
