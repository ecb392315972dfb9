// Package retry decides whether, when and how often a failed AWS call is tried
// again. It implements the AWS standard and adaptive retry modes behind
// aws.Retryer, the error classification both modes share, and Do, the
// transport-independent attempt loop the client pipeline drives.
//
// The behaviour follows the cross-SDK retry rules (the same ones
// aws-sdk-go-v2 and botocore implement) so that a eucsdk client backs off,
// spends retry quota and throttles itself exactly like the other AWS SDKs,
// and passes the shared conformance cases.
//
// Everything that depends on time or chance (the clock, the random jitter
// fraction, sleeping) is injectable, so tests run without waiting.
package retry
