package protocoltest

// The Smithy protocol compliance services, generated with our generator into
// test-only packages whose tests come from the model's smithy.test traits.
//go:generate go run ../../../codegen/cmd/eucsdk-gen -q -model ../../../../shared/testdata/protocol/smithy-json-ast/smithy-aws-protocol-tests_model.json -service aws.protocoltests.json#JsonProtocol -package awsjson11 -import github.com/eucsdk/eucsdk/internal/testkit/protocoltest/awsjson11 -out awsjson11
//go:generate go run ../../../codegen/cmd/eucsdk-gen -q -model ../../../../shared/testdata/protocol/smithy-json-ast/smithy-aws-protocol-tests_model.json -service aws.protocoltests.json10#JsonRpc10 -package awsjson10 -import github.com/eucsdk/eucsdk/internal/testkit/protocoltest/awsjson10 -out awsjson10
//go:generate go run ../../../codegen/cmd/eucsdk-gen -q -model ../../../../shared/testdata/protocol/smithy-json-ast/smithy-rpcv2-cbor.json -service smithy.protocoltests.rpcv2Cbor#RpcV2Protocol -package rpcv2cbor -import github.com/eucsdk/eucsdk/internal/testkit/protocoltest/rpcv2cbor -out rpcv2cbor
//go:generate go run ../../../codegen/cmd/eucsdk-gen -q -model ../../../../shared/testdata/protocol/smithy-json-ast/smithy-aws-protocol-tests_model.json -service aws.protocoltests.rpcv2cbor#QueryCompatibleRpcV2Protocol -package rpcv2cborquery -import github.com/eucsdk/eucsdk/internal/testkit/protocoltest/rpcv2cborquery -out rpcv2cborquery
//go:generate go run ../../../codegen/cmd/eucsdk-gen -q -model ../../../../shared/testdata/protocol/smithy-json-ast/smithy-aws-protocol-tests_model.json -service aws.protocoltests.rpcv2cbor#NonQueryCompatibleRpcV2Protocol -package rpcv2cbornonquery -import github.com/eucsdk/eucsdk/internal/testkit/protocoltest/rpcv2cbornonquery -out rpcv2cbornonquery
