package protocoltest

// The Smithy protocol compliance services, generated with our generator into
// test-only packages whose tests come from the model's smithy.test traits.
//go:generate go run ../../../codegen/cmd/eucsdk-gen -q -model ../../../../shared/testdata/protocol/smithy-json-ast/smithy-aws-protocol-tests_model.json -service aws.protocoltests.json#JsonProtocol -package awsjson11 -import github.com/eucsdk/eucsdk/internal/testkit/protocoltest/awsjson11 -out awsjson11
//go:generate go run ../../../codegen/cmd/eucsdk-gen -q -model ../../../../shared/testdata/protocol/smithy-json-ast/smithy-aws-protocol-tests_model.json -service aws.protocoltests.json10#JsonRpc10 -package awsjson10 -import github.com/eucsdk/eucsdk/internal/testkit/protocoltest/awsjson10 -out awsjson10
//go:generate go run ../../../codegen/cmd/eucsdk-gen -q -model ../../../../shared/testdata/protocol/smithy-json-ast/smithy-aws-protocol-tests_model.json -service aws.protocoltests.query#AwsQuery -package awsquery -import github.com/eucsdk/eucsdk/internal/testkit/protocoltest/awsquery -out awsquery
//go:generate go run ../../../codegen/cmd/eucsdk-gen -q -model ../../../../shared/testdata/protocol/smithy-json-ast/smithy-aws-protocol-tests_model.json -service aws.protocoltests.ec2#AwsEc2 -package ec2query -import github.com/eucsdk/eucsdk/internal/testkit/protocoltest/ec2query -out ec2query
