// Package endpoints evaluates Smithy endpoint rule sets (the
// smithy.rules#endpointRuleSet trait) at run time.
//
// Generated clients embed their service's rule set as JSON text rather than
// compiling it into Go: one engine, tested against every rule set we ship,
// is easier to keep correct than a code generator that emits a different
// resolver per service. A client calls [Parse] once (lazily) and then
// [RuleSet.Resolve] once per client configuration, caching the result, so
// resolution is not on the per-request path.
//
// The AWS partition table used by the aws.partition function is compiled into
// the package from botocore's partitions.json by go generate.
package endpoints

//go:generate go run ./internal/genpartitions -in ../../../shared/testdata/endpoints/partitions.json -out partitions_gen.go
