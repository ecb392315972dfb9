// Package endpointtest holds a client generated from streams.json, a
// made-up service whose endpoint rules read parameters from its operations
// (smithy.rules#contextParam, staticContextParams, operationContextParams).
// Its generated tests (TestEndpointRules, TestEndpointOperationInputs) show
// that each parameter reaches the rules and that the request goes where the
// rules say.
package endpointtest

//go:generate go run ../../../codegen/cmd/eucsdk-gen -q -model streams.json -package streams -import github.com/eucsdk/eucsdk/internal/testkit/endpointtest/streams -out streams
